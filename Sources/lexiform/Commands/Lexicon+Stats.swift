import ArgumentParser
import FoundationEssentials
import Lexiform

extension LexiformCommand.Lexicon {
  /// `lexiform lexicon stats FILE [--json]`.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Count entries, senses and translations, and find duplicates and suspicious text.",
      discussion: """
        Entries are counted as the format defines them: <entry> in TEI and LIFT \
        (LIFT entries with dateDeleted also counted apart as "deleted"), <e> inside \
        the <section>s of a .dix, index lines of a dictd dictionary other than its \
        00database…/00-database-… metadata, non-comment lines of a TSV, JSON lines \
        of Kaikki and of Lexiform's own JSON lines.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: LexiconInputOptions

    @Argument(help: "The lexicon file (.gz is read transparently).")
    var file: String

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      // A TSV entry is a line here (the contract), not a group of lines.
      let reader = try Lexicon.open(
        file, format: input.from, options: input.readerOptions(lenient: options.lenient),
        tsvOptions: TSVReaderOptions(groupsConsecutiveLines: false))
      let progress = ProgressReporter(label: file, unit: .items("entries"), quiet: options.quiet)
      var stats = LexiconStatistics()
      while let entry = try reader.next() {
        stats.add(entry)
        progress.advance()
      }
      progress.finish()
      reportSkipped(reader.skipped)
      let summary = StatsSummary(stats, reader: reader)
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
      } else {
        print(summary.table)
      }
    }
  }
}

/// The JSON shape of `lexicon stats --json` (a command-line contract: keys
/// may be added, never renamed).
struct StatsSummary: Encodable {
  var path: String
  var format: String
  var entries: Int
  var deleted: Int
  var senses: Int
  var translations: Int
  var languages: [String]
  var languagePairs: [String: Int]
  var partsOfSpeech: [String: Int]
  var duplicates: Int
  var notNFC: Int
  var mixedScript: Int
  var unexpectedScript: Int
  var apostrophes: [String: Int]
  var skipped: Int
  var skippedReasons: [String: Int]
  var title: String?
  var licence: String?

  enum CodingKeys: String, CodingKey {
    case path, format, entries, deleted, senses, translations, languages, duplicates, skipped, title, licence
    case languagePairs = "language_pairs", partsOfSpeech = "parts_of_speech", notNFC = "not_nfc"
    case mixedScript = "mixed_script", unexpectedScript = "unexpected_script", apostrophes = "apostrophe_like"
    case skippedReasons = "skipped_reasons"
  }

  init(_ stats: LexiconStatistics, reader: any LexiconReader) {
    path = reader.path
    format = reader.format.rawValue
    entries = stats.entries
    deleted = stats.deleted
    senses = stats.senses
    translations = stats.translations
    languages = stats.languages
    languagePairs = stats.languagePairs
    partsOfSpeech = stats.partsOfSpeech
    duplicates = stats.duplicates
    notNFC = stats.notNFC
    mixedScript = stats.mixedScript
    unexpectedScript = stats.unexpectedScript
    apostrophes = stats.apostrophes
    skipped = reader.skipped.total
    skippedReasons = Dictionary(uniqueKeysWithValues: reader.skipped.reasons.map { ($0.reason, $0.count) })
    title = reader.header.title
    licence = reader.header.licence
  }

  var table: String {
    var rows: [(String, String)] = [
      ("file", path), ("format", format), ("entries", "\(entries)"), ("deleted", "\(deleted)"),
      ("senses", "\(senses)"), ("translations", "\(translations)"),
      ("languages", languages.joined(separator: ", ")),
    ]
    for (pair, count) in languagePairs.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
      rows.append(("  \(pair)", "\(count)"))
    }
    let pos = partsOfSpeech.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    rows.append(("parts of speech", pos.prefix(8).map { "\($0.key.isEmpty ? "(none)" : $0.key) \($0.value)" }.joined(separator: ", ")))
    rows += [
      ("duplicates", "\(duplicates)"), ("not in NFC", "\(notNFC)"), ("mixed script", "\(mixedScript)"),
      ("unexpected script", "\(unexpectedScript)"),
      ("apostrophe-like", apostrophes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
      ("skipped", "\(skipped)"),
    ]
    if let title { rows.append(("title", title)) }
    if let licence { rows.append(("licence", licence)) }
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padded(toUTF16Length: width) + "  " + $0.1 }.joined(separator: "\n")
  }
}
