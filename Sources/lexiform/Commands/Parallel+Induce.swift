import ArgumentParser
import Lexiform

extension LexiformCommand.Parallel {
  /// `lexiform parallel induce IN.tsv [--top K] -o LEXICON.tsv`.
  struct Induce: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "induce",
      abstract: "Induce a bilingual lexicon from aligned text: Dice candidates, then IBM Model 1 EM in both directions.",
      discussion: """
        Writes SRC<TAB>TGT<TAB>SCORE lines, best first per source word (source words in
        byte order), which 'lexiform lexicon' reads as headword, translation and score. With
        an output ending in .jsonl, writes Lexiform's lexicon JSON lines instead, each
        translation with its score and the source "induced from IN".
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The aligned text: TSV (SRC<TAB>TGT or ID<TAB>SRC<TAB>TGT), or any format 'parallel convert' reads.")
    var input: String

    @Option(name: .shortAndLong, help: "The lexicon to write (.tsv, or .jsonl for Lexiform's lexicon JSON lines).")
    var output: String

    @Option(help: "The most translations per source word.")
    var top: Int = 3

    @Option(name: .customLong("min-count"), help: "The fewest segments each word, and the pair, must occur in.")
    var minCount: Int = 2

    @Option(name: .customLong("min-dice"), help: "The lowest Dice coefficient for a candidate pair.")
    var minDice: Double = 0.05

    @Option(name: .customLong("min-score"), help: "The lowest score written.")
    var minScore: Double = 0.01

    @Option(help: "IBM Model 1 EM iterations in each direction.")
    var iterations: Int = 5

    @Option(help: "The two sides' languages, comma-separated (used to tokenize and in .jsonl output); with a TMX, the sides to use.")
    var langs: String?

    @Option(help: "Which two text columns of a TSV with more to use, 1-based and comma-separated (default 1,2).")
    var columns: String?

    func validate() throws {
      guard top >= 1 else { throw ValidationError("--top must be at least 1, found \(top)") }
      guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1, found \(minCount)") }
      guard (0...100).contains(iterations) else { throw ValidationError("--iterations must be 0–100, found \(iterations)") }
      if let columns {
        let picked = columns.split(separator: ",").compactMap { Int($0) }
        guard picked.count == 2, picked.allSatisfy({ $0 >= 1 }) else {
          throw ValidationError("--columns expects two 1-based column numbers like 1,3, found '\(columns)'")
        }
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let languages = parseLanguages(langs)
      var inductionOptions = LexiconInductionOptions()
      inductionOptions.top = top
      inductionOptions.minCount = minCount
      inductionOptions.minDice = minDice
      inductionOptions.minScore = minScore
      inductionOptions.iterations = iterations
      let picked = (columns?.split(separator: ",").compactMap { Int($0) } ?? [1, 2]).map { $0 - 1 }
      let reader = try openParallel(input, format: nil, languages: languages.count == 2 ? languages : [], lenient: options.lenient)
      let inducer = try LexiconInducer(
        options: inductionOptions, sourceLanguage: languages.first, targetLanguage: languages.count > 1 ? languages[1] : nil)
      let progress = ProgressReporter(label: input, unit: .items("segments"), quiet: options.quiet)
      while let segment = try reader.next() {
        guard let a = picked.first, let b = picked.last, a < segment.texts.count, b < segment.texts.count else {
          throw ParallelTextError(
            .malformed, at: segment.location,
            expectedFound("text columns \(picked[0] + 1) and \(picked[1] + 1)", "\(segment.texts.count) text columns"))
        }
        try inducer.add(source: segment.texts[a], target: segment.texts[b])
        progress.advance()
      }
      progress.finish()
      reportSkipped(reader.skipped)
      let pairs = inducer.induce()
      if output.hasSuffix(".jsonl") {
        let entries = LexiconInducer.entries(
          pairs, corpus: input, sourceLanguage: languages.first, targetLanguage: languages.count > 1 ? languages[1] : nil)
        try AtomicOutput.write(to: output) { out in
          let writer = try LexiconWriters.make(.jsonl, output: out)
          var header = LexiconHeader()
          header.sourceLanguage = languages.first.map { LanguageTag($0) }
          header.targetLanguages = languages.dropFirst().prefix(1).map { LanguageTag($0) }
          header.title = "induced from \(input)"
          try writer.begin(header)
          for entry in entries { try writer.write(entry) }
          try writer.finish()
        }
      } else {
        try AtomicOutput.write(to: output) { out in
          var line: [UInt8] = []
          for pair in pairs {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: pair.source.utf8)
            line.append(0x09)
            line.append(contentsOf: pair.target.utf8)
            line.append(0x09)
            line.append(contentsOf: formatScore(pair.score).utf8)
            line.append(0x0A)
            try out.write(bytes: line)
          }
        }
      }
      if !options.quiet {
        StandardError.writeLine(
          "\(input): \(inducer.usedSegments) of \(inducer.segments) segments used, \(inducer.candidateCount) candidate pairs, \(pairs.count) translations written to \(output)")
      }
    }
  }
}

/// A score with 4 decimals, the same on every machine.
func formatScore(_ score: Double) -> String {
  let scaled = Int((score * 10_000).rounded())
  let whole = scaled / 10_000
  let fraction = String(scaled % 10_000)
  return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}
