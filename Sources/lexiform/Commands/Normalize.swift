import ArgumentParser
import Lexiform

extension NormalizationForm: ExpressibleByArgument {}
extension TextNormalizerOptions.CaseMapping: ExpressibleByArgument {}

extension LexiformCommand {
  /// `lexiform normalize`: line in, line out.
  struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "normalize",
      abstract: "Normalize text (NFC, NFD, NFKC, case, apostrophes, whitespace), line by line.",
      discussion: """
        Reads lines (standard input when no file is given) and writes each normalized, in order. Says on \
        stderr how many lines changed (unless --quiet).
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Option(help: "Normalization form.")
    var form: NormalizationForm = .nfc

    @Option(help: "The language (ISO 639 code), for case mapping (tr, az, lt, el…) and its apostrophe letter.")
    var lang: String?

    @Flag(help: "Turn apostrophe look-alikes next to a letter into the apostrophe letter of the language (needs --lang).")
    var unifyApostrophes = false

    @Flag(help: "Remove format characters (soft hyphen, bidi marks, zero-width space), keeping ZWJ/ZWNJ where the script uses them.")
    var removeFormat = false

    @Flag(help: "Turn runs of whitespace into one space and trim both ends.")
    var collapseWhitespace = false

    @Option(name: .customLong("case"), help: "Case mapping by the language's rules.")
    var caseMapping: TextNormalizerOptions.CaseMapping = .keep

    @Option(help: "Threads (default: the number of processors).")
    var threads: Int?

    @Argument(help: "Input files (default: standard input; - is standard input).")
    var files: [String] = []

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
      if unifyApostrophes {
        guard let lang else { throw ValidationError("--unify-apostrophes needs --lang: the apostrophe letter depends on the language") }
        guard OrthographyProfile.forLanguage(lang)?.apostrophe != nil else {
          let known = OrthographyProfile.all.filter { $0.apostrophe != nil }.flatMap(\.languages)
          throw ValidationError(
            "no apostrophe letter is known for language '\(lang)'; languages with one: \(known.joined(separator: ", "))")
        }
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let normalizerOptions = TextNormalizerOptions(
        form: form, language: lang, unifiesApostrophes: unifyApostrophes, removesFormatCharacters: removeFormat,
        collapsesWhitespace: collapseWhitespace, caseMapping: caseMapping)
      let processor = ParallelLineProcessor(threads: threads ?? activeProcessorCount())
      let normalizers = try (0..<processor.threads).map { _ in try TextNormalizer(options: normalizerOptions) }
      try transformLines(files: files, lenient: options.lenient, processor: processor, transformers: normalizers)
      if !options.quiet {
        let changed = normalizers.reduce(0) { $0 + $1.changedLines }
        let lines = normalizers.reduce(0) { $0 + $1.lines }
        StandardError.writeLine("lexiform normalize: \(changed) of \(lines) line(s) changed")
      }
    }
  }
}
