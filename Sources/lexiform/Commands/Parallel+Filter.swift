import ArgumentParser
import Lexiform

extension LexiformCommand.Parallel {
  /// `lexiform parallel filter IN.tsv [filters…] [--report JSON]`.
  struct Filter: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "filter",
      abstract: "Filter TSV parallel text (SRC<TAB>TGT, or ID<TAB>TEXT1<TAB>TEXT2…), keeping its layout, and split it by content hash.",
      discussion: """
        Each filter is off unless its option is given, except the empty-side filter
        (--keep-empty turns it off). A removed pair is counted under the first filter that
        removes it, in this order: empty, length, ratio, identical, duplicate, test-overlap,
        script, digits, punctuation, repeats.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The TSV file (- for standard input).")
    var input: String

    @Option(name: .shortAndLong, help: "The output file (default standard output); with --split, the prefix of PREFIX.train.tsv etc.")
    var output: String?

    @Flag(name: .customLong("keep-empty"), help: "Keep pairs with an empty or whitespace-only side.")
    var keepEmpty = false

    @Option(name: .customLong("min-length"), help: "Remove pairs with a side shorter than this (see --length-unit).")
    var minLength: Int?

    @Option(name: .customLong("max-length"), help: "Remove pairs with a side longer than this.")
    var maxLength: Int?

    @Option(name: .customLong("max-ratio"), help: "Remove pairs whose longer side is more than this many times the shorter.")
    var maxRatio: Double?

    @Option(name: .customLong("length-unit"), help: "How lengths are measured.")
    var lengthUnit: ParallelFilterOptions.LengthUnit = .characters

    @Flag(name: .customLong("identical"), help: "Remove pairs whose sides are the same text.")
    var identical = false

    @Option(name: .customLong("dedup"), help: "Remove repeated pairs: exact, or near (ignoring case, punctuation and spacing).")
    var dedup: ParallelFilterOptions.Deduplication = .none

    @Option(name: .customLong("test-set"), help: "Remove pairs with a side that occurs in this TSV test set (compared as --dedup near does).")
    var testSet: String?

    @Option(name: .customLong("min-script-share"), help: "Remove pairs where less than this share of a side's letters is in its language's scripts (needs --langs).")
    var minScriptShare: Double?

    @Option(help: "The sides' languages, comma-separated, for --min-script-share.")
    var langs: String?

    @Option(name: .customLong("max-digits"), help: "Remove pairs with a side whose characters are more than this share digits.")
    var maxDigits: Double?

    @Option(name: .customLong("max-punctuation"), help: "Remove pairs with a side whose characters are more than this share punctuation or symbols.")
    var maxPunctuation: Double?

    @Option(name: .customLong("max-repeats"), help: "Remove pairs with a side where a token directly repeats itself more than this many times.")
    var maxRepeats: Int?

    @Option(help: "Split what is kept into parts by content hash, e.g. train=0.8,dev=0.1,test=0.1 (needs -o PREFIX).")
    var split: String?

    @Option(help: "Write the counts as JSON to this file.")
    var report: String?

    @Flag(name: .customLong("no-ids"), help: "The first column is text even when there are three or more.")
    var noIDs = false

    func validate() throws {
      if split != nil && output == nil { throw ValidationError("--split needs -o PREFIX") }
      if minScriptShare != nil && parseLanguages(langs).isEmpty {
        throw ValidationError("--min-script-share needs --langs with each side's language")
      }
      if let split { _ = try Self.parseSplit(split) }
      for (name, value) in [("--min-script-share", minScriptShare), ("--max-digits", maxDigits), ("--max-punctuation", maxPunctuation)] {
        if let value, !(0...1).contains(value) { throw ValidationError("\(name) is a share between 0 and 1, found \(value)") }
      }
    }

    static func parseSplit(_ text: String) throws -> [(String, Double)] {
      var parts: [(String, Double)] = []
      for item in text.split(separator: ",") {
        let pieces = item.split(separator: "=")
        guard pieces.count == 2, let share = Double(pieces[1]), share >= 0, !pieces[0].isEmpty else {
          throw ValidationError("--split expects NAME=SHARE,… (e.g. train=0.8,dev=0.1,test=0.1), found '\(item)'")
        }
        parts.append((String(pieces[0]), share))
      }
      guard !parts.isEmpty, parts.contains(where: { $0.1 > 0 }) else { throw ValidationError("--split has no part with a share above 0") }
      return parts
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      var filterOptions = ParallelFilterOptions()
      filterOptions.removesEmpty = !keepEmpty
      filterOptions.lengthUnit = lengthUnit
      filterOptions.minLength = minLength
      filterOptions.maxLength = maxLength
      filterOptions.maxLengthRatio = maxRatio
      filterOptions.removesIdentical = identical
      filterOptions.deduplication = dedup
      filterOptions.minScriptShare = minScriptShare
      filterOptions.languages = parseLanguages(langs)
      filterOptions.maxDigitShare = maxDigits
      filterOptions.maxPunctuationShare = maxPunctuation
      filterOptions.maxRepeats = maxRepeats
      if let testSet {
        let test = try ParallelTSVReader(path: testSet, idColumn: .automatic, options: ParallelReaderOptions(lenient: options.lenient))
        while let segment = try test.next() {
          for text in segment.texts { filterOptions.testSetHashes.insert(ParallelFilter.nearHash(text)) }
        }
      }
      let filter = ParallelFilter(options: filterOptions)
      let reader = try ParallelTSVReader(
        path: input, idColumn: noIDs ? .none : .automatic, options: ParallelReaderOptions(lenient: options.lenient))
      let parts = try split.map(Self.parseSplit)
      let splitter = parts.map { ContentSplit(names: $0.map(\.0), shares: $0.map(\.1), seed: options.seed) }
      let paths = parts.map { $0.map { "\(output ?? "-").\($0.0).tsv" } } ?? [output ?? "-"]
      var outputs: [AtomicOutput] = []
      var partCounts = [Int](repeating: 0, count: paths.count)
      do {
        outputs = try paths.map { try AtomicOutput(path: $0) }
        var line: [UInt8] = []
        while let columns = try reader.nextColumns() {
          let texts = reader.hasIDs ? Array(columns.dropFirst()) : columns
          guard filter.check(texts) == nil else { continue }
          let part = splitter?.part(of: texts) ?? 0
          partCounts[part] += 1
          line.removeAll(keepingCapacity: true)
          for (index, column) in columns.enumerated() {
            if index > 0 { line.append(0x09) }
            line.append(contentsOf: column.utf8)
          }
          line.append(0x0A)
          try outputs[part].write(bytes: line)
        }
        for output in outputs { try output.commit() }
      } catch {
        for output in outputs { output.abort() }
        throw error
      }
      reportSkipped(reader.skipped)
      let removed = ParallelFilterName.allCases.compactMap { name in filter.removed[name].map { "\($0) \(name.rawValue)" } }
      if !options.quiet {
        StandardError.writeLine(
          "\(input): \(filter.checked) pairs, \(filter.kept) kept, \(filter.checked - filter.kept) removed"
            + (removed.isEmpty ? "" : " (\(removed.joined(separator: ", ")))"))
      }
      if let report {
        var json = JSONWriter()
        json.beginObject()
        json.key("input")
        json.string(input)
        json.key("pairs")
        json.int(filter.checked)
        json.key("kept")
        json.int(filter.kept)
        json.key("removed")
        json.beginObject()
        for name in ParallelFilterName.allCases {
          json.key(name.rawValue)
          json.int(filter.removed[name] ?? 0)
        }
        json.endObject()
        if let parts {
          json.key("split")
          json.beginObject()
          for (index, part) in parts.enumerated() {
            json.key(part.0)
            json.int(partCounts[index])
          }
          json.endObject()
        }
        json.key("skipped")
        json.int(reader.skipped.total)
        json.endObject()
        try AtomicOutput.write(to: report) { output in
          try output.write(bytes: json.bytes)
          try output.write("\n")
        }
      }
    }
  }
}
