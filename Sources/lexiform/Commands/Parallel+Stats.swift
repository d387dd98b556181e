import ArgumentParser
import Lexiform

extension LexiformCommand.Parallel {
  /// `lexiform parallel stats IN`.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Count segments and tokens, and show length distributions and the script mix of each side.")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The corpus: TSV, TMX, XCES alignment, or a Moses prefix with --langs.")
    var input: String

    @Option(help: "The input format (default: detected from the content).")
    var from: ParallelInputFormat?

    @Option(help: "The languages to read, comma-separated.")
    var langs: String?

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let reader = try openParallel(input, format: from, languages: parseLanguages(langs), lenient: options.lenient)
      var statistics = ParallelStatistics()
      while let segment = try reader.next() { statistics.add(segment) }
      reportSkipped(reader.skipped)
      print(statistics.report(languages: reader.languages).joined(separator: "\n"))
    }
  }
}
