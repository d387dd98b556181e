import ArgumentParser
import FoundationEssentials
import Lexiform

extension LexiformCommand {
  /// Runs Lexiform's capabilities on the samples the package ships and prints
  /// a short report: the main job a newcomer runs first.
  struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tour",
      abstract: "Run every capability on the samples Lexiform ships, and print a short report.")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Option(help: "The folder of samples (default: resources/samples of this package).")
    var samples: String?

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let folder = try samples.map(TourSamples.check) ?? TourSamples.locate()
      var report = TourReport(seed: options.seed)
      try report.run(samples: folder)
      print(report.lines.joined(separator: "\n"))
    }
  }
}

/// Finds the package's `resources/samples`.
enum TourSamples {
  static func check(_ folder: String) throws -> String {
    guard FileManager.default.fileExists(atPath: folder + "/swh-eng.dix") else {
      throw ValidationError("\(folder) is not a folder of Lexiform samples (it has no swh-eng.dix)")
    }
    return folder
  }

  static func locate() throws -> String {
    var candidates: [String] = []
    if let environment = ProcessInfo.processInfo.environment["LEXIFORM_RESOURCES"] {
      candidates.append(environment + "/samples")
    }
    candidates.append(FileManager.default.currentDirectoryPath + "/resources/samples")
    // .build/<configuration>/lexiform → the package root is three levels up.
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(directory.path + "/resources/samples")
      directory = directory.deletingLastPathComponent()
    }
    if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/swh-eng.dix") }) {
      return found
    }
    throw ValidationError(
      "cannot find Lexiform's samples (looked in \(candidates.joined(separator: ", "))); pass --samples DIR")
  }
}

/// The tour's steps and the report they write.
struct TourReport {
  let seed: UInt64
  var lines: [String] = []

  init(seed: UInt64) { self.seed = seed }

  mutating func run(samples: String) throws {
    lines.append("Lexiform \(LexiformVersion.string) tour, on the samples in \(samples)")
    lines.append(
      "ICU \(ICU.version) · libxml2 \(XMLReader.libxml2Version) · zlib \(GzipByteSource.zlibVersionString)")
    try xmlStep(samples)
    try lineStep(samples)
    try unicodeStep(samples)
    try tokenizationStep(samples)
    try lexiconStep(samples)
    try parallelStep(samples)
    try uniMorphStep(samples)
    try inflectionStep(samples)
    try augmentationStep(samples)
    randomStep()
  }

  // MARK: 1. XML

  private mutating func xmlStep(_ samples: String) throws {
    section("XML: streaming reader over libxml2, exact positions, located errors")
    let files: [(file: String, format: String, entry: String)] = [
      ("swh-eng.dix", "Apertium bilingual dictionary", "e"),
      ("swh-eng.tei", "FreeDict TEI P5", "entry"),
      ("quc-spa.lift", "SIL LIFT 0.13", "entry"),
    ]
    var rows: [[String]] = [["file", "format", "elements", "entries", "first entry at"]]
    for (file, format, entryName) in files {
      var options = XMLReaderOptions()
      options.reportsWhitespaceText = false
      let reader = try XMLReader(path: samples + "/" + file, options: options)
      var elements = 0
      var entries = 0
      var first: SourceLocation?
      while let event = try reader.next() {
        guard case .startElement(let element) = event.kind else { continue }
        elements += 1
        if element.name.localName == entryName {
          entries += 1
          if first == nil { first = event.location }
        }
      }
      let at = first.map { "line \($0.line), column \($0.column ?? 0)" } ?? "-"
      rows.append([file, format, "\(elements)", "\(entries) <\(entryName)>", at])
    }
    table(rows)
    do {
      let reader = try XMLReader(path: samples + "/broken.tei")
      while try reader.next() != nil {}
      lines.append("  broken.tei: read without error (unexpected)")
    } catch {
      let shown = error.description.replacing(samples + "/", with: "")
      lines.append("  A truncated file is reported, not crashed on:")
      lines.append("    \(shown)")
    }
  }

  // MARK: 2. Lines

  private mutating func lineStep(_ samples: String) throws {
    section("Lines: UTF-8 checked, .gz read transparently")
    let tsv = try LineReader(path: samples + "/swh-eng.tsv")
    var pairs = 0
    var comments = 0
    while let line = try tsv.nextLine() {
      if line.hasPrefix("#") { comments += 1 } else if line.contains("\t") { pairs += 1 }
    }
    lines.append("  swh-eng.tsv: \(pairs) word pairs, \(comments) comment line")
    let gz = try LineReader(path: samples + "/multiscript.txt.gz")
    var count = 0
    var bytes = 0
    while let line = try gz.nextLine() {
      count += 1
      bytes += line.utf8.count
    }
    lines.append("  multiscript.txt.gz: \(count) lines, \(bytes) bytes of UTF-8 after decompression")
  }

  // MARK: 3. Unicode

  private mutating func unicodeStep(_ samples: String) throws {
    section("Unicode through ICU: scripts, word boundaries, normalization, case")
    let words = try WordBreakIterator(kind: .word)
    let reader = try LineReader(path: samples + "/multiscript.txt.gz")
    var rows: [[String]] = [["script", "words", "first words (ICU word boundaries)"]]
    while let line = try reader.nextLine() {
      var counts: [ScriptCode: Int] = [:]
      for scalar in line.unicodeScalars {
        let script = ScriptCode.of(scalar)
        if script != .common, script != .inherited { counts[script, default: 0] += 1 }
      }
      let main = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
      let found = try words.words(of: line)
      rows.append([main?.iso15924 ?? "Zyyy", "\(found.count)", found.prefix(4).joined(separator: " · ")])
    }
    table(rows)
    let nfc = try Normalizer(.nfc)
    let decomposed = "ŝe\u{0301}"
    let composed = try nfc.normalize(decomposed)
    lines.append(
      "  NFC: \(decomposed.unicodeScalars.count) code points → \(composed.unicodeScalars.count) (\(composed.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")))"
    )
    let turkish = try CaseMapping.uppercase("istanbul ılık", locale: "tr")
    let root = try CaseMapping.uppercase("istanbul ılık")
    lines.append("  Upper case of \"istanbul ılık\": Turkish \(turkish), root \(root)")
    let danda = ScriptCode.extensions(of: "\u{0964}").prefix(4).map(\.iso15924).joined(separator: ", ")
    lines.append("  U+0964 DEVANAGARI DANDA is shared by \(danda), … (Script_Extensions), not just Common")
  }

  // MARK: 4. Randomness

  private mutating func randomStep() {
    section("Seeded randomness: the same stream on every platform")
    var random = SeededRandom(seed: seed)
    let draws = (0..<5).map { _ in String(random.uniform(below: 1000)) }
    lines.append("  --seed \(seed): \(draws.joined(separator: " ")) (draws below 1000)")
  }

  // MARK: Layout

  mutating func section(_ title: String) {
    lines.append("")
    lines.append(title)
  }

  mutating func table(_ rows: [[String]]) {
    guard let header = rows.first else { return }
    var widths = header.map { $0.count }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    for row in rows {
      let cells = row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell.padded(toUTF16Length: widths[i])
      }
      lines.append("  " + cells.joined(separator: "  "))
    }
  }
}
