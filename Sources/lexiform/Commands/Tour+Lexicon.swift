import FoundationEssentials
import Glibc
import Lexiform

extension TourReport {
  /// Imports the shipped lexicon samples in every format and shows one entry.
  mutating func lexiconStep(_ samples: String) throws {
    section("Lexicons: one model for Apertium, TEI, LIFT, TSV and JSON lines")
    var rows: [[String]] = [["file", "format", "entries", "senses", "translations", "languages"]]
    var firstEntry: LexiconEntry?
    for file in ["swh-eng.dix", "swh-eng.tei", "quc-spa.lift", "swh-eng.tsv"] {
      let reader = try Lexicon.open(samples + "/" + file)
      var stats = LexiconStatistics()
      while let entry = try reader.next() {
        stats.add(entry)
        if firstEntry == nil, entry.allTranslations.count > 1 { firstEntry = entry }
      }
      let deleted = stats.deleted > 0 ? " (\(stats.deleted) deleted)" : ""
      rows.append([
        file, reader.format.rawValue, "\(stats.entries)\(deleted)", "\(stats.senses)", "\(stats.translations)",
        stats.languages.joined(separator: ", "),
      ])
    }
    table(rows)
    // Convert the LIFT sample to JSON lines and read it back: nothing lost.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexiform-tour-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("quc-spa.jsonl").path
    let reader = try Lexicon.open(samples + "/quc-spa.lift")
    var original: [LexiconEntry] = []
    while let entry = try reader.next() { original.append(entry) }
    let output = try AtomicOutput(path: out)
    try LexiconWriters.write(original, header: reader.header, as: .jsonl, to: output)
    try output.commit()
    let back = try Lexicon.open(out)
    var same = 0
    var index = 0
    while let entry = try back.next() {
      if index < original.count, original[index] == entry { same += 1 }
      index += 1
    }
    lines.append("  quc-spa.lift → JSON lines → back: \(same) of \(original.count) entries identical")
    if let entry = firstEntry {
      let translations = entry.allTranslations.map { t in
        t.direction == .both ? t.form.text : "\(t.form.text) (\(t.direction.rawValue) only)"
      }
      lines.append("  \(entry.headword.text) → \(translations.joined(separator: ", "))")
    }
  }
}
