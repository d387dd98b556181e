import Lexiform

extension TourReport {
  /// Tokenization: scripts, profiles, offsets into the original line.
  mutating func tokenizationStep(_ samples: String) throws {
    section("Tokenization: UAX #29 words in any script, orthography profiles, offsets into the original line")
    let tokenizer = try Tokenizer()
    let reader = try LineReader(path: samples + "/multiscript.txt.gz")
    var rows: [[String]] = [["language", "script", "expected", "tokens", "tokens (default profile)"]]
    // The languages of multiscript.txt's lines, in order.
    let languages = ["ukr", "quc", "chr", "syr", "guj", "swh", "tha", "zho"]
    var index = 0
    while let line = try reader.nextLine() {
      let tokens = try tokenizer.tokens(in: line)
      let breakdown = ScriptBreakdown(of: line.unicodeScalars)
      let language = index < languages.count ? languages[index] : "-"
      index += 1
      let expected = LanguageScripts.scripts(for: language).map { breakdown.isExpected(for: $0.scripts) }
      rows.append([
        language, breakdown.main.iso15924, expected.map { $0 ? "yes" : "no" } ?? "-", "\(tokens.count)",
        tokens.prefix(6).map(\.text).joined(separator: " · "),
      ])
    }
    table(rows)
    let kiche = "Riʼ nuch'ab'al'."
    let mayan = try Tokenizer(options: TokenizerOptions(profile: try OrthographyProfile.named("mayan")))
    lines.append(
      "  \"\(kiche)\": default \(try tokenizer.tokens(in: kiche).map(\.text).joined(separator: " · ")); "
        + "mayan profile \(try mayan.tokens(in: kiche).map(\.text).joined(separator: " · "))")
    let decomposed = "cafe\u{0301} ᏏᏲ"
    let offsets = try tokenizer.tokens(in: decomposed).map { "\($0.text) \($0.utf8Range.lowerBound)..<\($0.utf8Range.upperBound) \($0.script)" }
    lines.append("  NFC with offsets into the original bytes (e + U+0301): \(offsets.joined(separator: ", "))")
    let split = try Tokenizer(options: TokenizerOptions(splitsAtScriptChanges: true))
    lines.append("  Split at a script change: COVID-19ના → \(try split.tokens(in: "COVID-19ના").map(\.text).joined(separator: " · "))")
  }
}
