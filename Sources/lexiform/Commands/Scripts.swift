import ArgumentParser
import Lexiform

extension ScriptOutputFormat: ExpressibleByArgument {}

extension LexiformCommand {
  /// `lexiform scripts`: the scripts of each line.
  struct Scripts: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scripts",
      abstract: "Identify the scripts of text, per line, against the scripts a language uses.",
      discussion: """
        Writes one line per input line. json: {"scripts":{"Latn":0.93,…},"main":"Latn","mixed":false}, plus \
        "expected":true|false with --lang or --expect. table: tab-separated main script, mixed (yes/no), \
        expected (yes/no, with --lang or --expect) and the proportions ("Latn 0.93, Grek 0.07").
        Scripts are ISO 15924 codes (UAX #24 Script, with Script_Extensions for shared characters such as \
        the danda); spaces, digits and punctuation shared by all scripts are not counted. A line is expected \
        when its main script is one the language uses (resources/scripts/languages.tsv, else CLDR's likely \
        script).
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Option(help: "The language (ISO 639 code) whose expected scripts each line is checked against.")
    var lang: String?

    @Option(help: ArgumentHelp("Expected scripts, comma-separated ISO 15924 codes (instead of the language's).", valueName: "codes"))
    var expect: String?

    @Option(help: "Output format.")
    var format: ScriptOutputFormat = .table

    @Option(help: "Threads (default: the number of processors).")
    var threads: Int?

    @Argument(help: "Input files (default: standard input; - is standard input).")
    var files: [String] = []

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
      _ = try expectedScripts()
    }

    private func expectedScripts() throws -> [ScriptCode]? {
      if let expect {
        return try expect.split(separator: ",").map { code in
          guard let script = ScriptCode(iso15924: String(code)) else {
            let known = (0..<220).map { ScriptCode(rawValue: Int32($0)).iso15924 }.filter { $0 != "Zzzz" || true }
            throw ValidationError(
              "unknown script code '\(code)': expected ISO 15924 codes such as \(Set(known).sorted().joined(separator: ", "))")
          }
          return script
        }
      }
      guard let lang else { return nil }
      guard let found = LanguageScripts.scripts(for: lang) else {
        throw ValidationError(
          "no scripts are known for language '\(lang)' (not in resources/scripts/languages.tsv nor in CLDR's likely subtags); pass --expect CODES")
      }
      return found.scripts
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let expected = try expectedScripts()
      let processor = ParallelLineProcessor(threads: threads ?? activeProcessorCount())
      let reporters = (0..<processor.threads).map { _ in ScriptReporter(format: format, expected: expected) }
      try transformLines(files: files, lenient: options.lenient, processor: processor, transformers: reporters)
    }
  }
}
