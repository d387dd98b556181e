import ArgumentParser
import Lexiform

extension TokenOutputFormat: ExpressibleByArgument {}
extension TokenizerOptions.Style: ExpressibleByArgument {}

extension LexiformCommand {
  /// `lexiform tokenize`: one output line per input line.
  struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tokenize",
      abstract: "Split text into words in any script, with orthography profiles per language.",
      discussion: """
        Reads lines (standard input when no file is given; .gz read transparently) and writes one line per \
        input line, in order. Words are UAX #29 word boundaries found by ICU, with its dictionaries for \
        Thai, Lao, Khmer, Myanmar, Chinese and Japanese, then the orthography profile's rules. Whitespace is \
        never a token.
        text: tokens separated by single spaces. json: {"tokens":[{"text":…,"start":…,"end":…,"script":…}]} \
        where start and end are UTF-8 byte offsets into the original line (before normalization) and script \
        is an ISO 15924 code.
        With --lenient, invalid UTF-8 becomes U+FFFD (counted on stderr) and offsets are into the repaired line.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Option(help: "The language (ISO 639 code): chooses its orthography profile, or the default profile when it has none.")
    var lang: String?

    @Option(
      help: ArgumentHelp(
        "The orthography profile, or 'none' for plain UAX #29 words exactly as ICU finds them (no normalization).",
        valueName: "name|none"))
    var profile: String?

    @Option(help: "Output format.")
    var format: TokenOutputFormat = .text

    @Flag(help: "Split a token where its script changes (COVID-19ના → COVID-19 ના).")
    var splitScripts = false

    @Option(help: "Token style: standard, or moses for output like sacremoses' MosesTokenizer.")
    var style: TokenizerOptions.Style = .standard

    @Flag(help: "Moses style: split hyphens between word characters into @-@ tokens.")
    var aggressiveDashSplits = false

    @Flag(help: "Moses style: do not escape & | < > ' \" [ ] as XML entities.")
    var noEscape = false

    @Flag(help: "Join space-separated tokens back into text instead of tokenizing.")
    var detokenize = false

    @Option(help: "Threads tokenizing (default: the number of processors).")
    var threads: Int?

    @Argument(help: "Input files (default: standard input; - is standard input).")
    var files: [String] = []

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
      if detokenize && format == .json { throw ValidationError("--detokenize reads and writes text; drop --format json") }
      if style != .moses && (aggressiveDashSplits || noEscape) {
        throw ValidationError("--aggressive-dash-splits and --no-escape go with --style moses")
      }
      if let profile {
        do { _ = try OrthographyProfile.named(profile) } catch { throw ValidationError(error.message) }
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let processor = ParallelLineProcessor(threads: threads ?? activeProcessorCount())
      var transformers: [any LineTransformer] = []
      if detokenize {
        transformers = (0..<processor.threads).map { _ in DetokenizingTransformer() }
      } else {
        var tokenizerOptions = TokenizerOptions(
          profile: try chosenProfile(quiet: options.quiet), language: lang, splitsAtScriptChanges: splitScripts,
          style: style, mosesAggressiveHyphens: aggressiveDashSplits, mosesEscapes: !noEscape)
        if style == .moses && profile == nil && lang == nil { tokenizerOptions.language = "en" }
        let first = try Tokenizer(options: tokenizerOptions)
        transformers.append(TokenWriter(tokenizer: first, format: format))
        for _ in 1..<processor.threads {
          transformers.append(TokenWriter(tokenizer: try first.makeCompanion(), format: format))
        }
      }
      try transformLines(files: files, lenient: options.lenient, processor: processor, transformers: transformers)
    }

    private func chosenProfile(quiet: Bool) throws -> OrthographyProfile {
      if let profile { return try OrthographyProfile.named(profile) }
      guard let lang else { return .default }
      if let found = OrthographyProfile.forLanguage(lang) { return found }
      StandardError.writeLine("lexiform tokenize: no orthography profile for language '\(lang)'; using the default profile")
      return .default
    }
  }
}

/// Detokenizes each line.
final class DetokenizingTransformer: LineTransformer {
  let detokenizer = Detokenizer()
  func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
    output.append(contentsOf: detokenizer.detokenize(String(decoding: line, as: UTF8.self)).utf8)
    output.append(0x0A)
  }
}

/// Runs `transformers` over the lines of `files` (standard input when there
/// are none) on `processor`'s threads and writes the results to standard
/// output in input order. The lines before an input error are written before
/// the error is thrown; `--lenient` replacements are reported on stderr.
func transformLines(
  files: [String], lenient: Bool, processor: ParallelLineProcessor, transformers: [any LineTransformer]
) throws {
  let inputs = files.isEmpty ? ["-"] : files
  let readers = try inputs.map { try LineReader(path: $0, options: LineReaderOptions(lenient: lenient)) }
  let output = try AtomicOutput(path: "-")
  do {
    try processor.run(readers: readers, transformers: transformers) { try output.write(bytes: $0) }
  } catch {
    try? output.commit()  // the lines before the error are output
    throw error
  }
  try output.commit()
  reportReplacements(readers, lenient: lenient)
}

/// Says on stderr how many invalid UTF-8 sequences `--lenient` replaced.
func reportReplacements(_ readers: [LineReader], lenient: Bool) {
  guard lenient else { return }
  for reader in readers where reader.replacementCount > 0 {
    StandardError.writeLine(
      "\(reader.path): replaced \(reader.replacementCount) invalid UTF-8 sequence(s) with U+FFFD "
        + "in \(reader.replacementLineCount) line(s)")
  }
}
