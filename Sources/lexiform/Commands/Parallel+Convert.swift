import ArgumentParser
import Lexiform

extension LexiformCommand.Parallel {
  /// `lexiform parallel convert IN [--langs SRC,TGT] --to tsv|jsonl|moses|tmx [-o PREFIX]`.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert a parallel corpus (TMX, OPUS XCES, Moses, TSV) to TSV, JSON lines, Moses or TMX.",
      discussion: """
        tsv prints SRC<TAB>TGT per segment. Moses input is named by its prefix: corpus with
        --langs en,de reads corpus.en and corpus.de.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The corpus: a .tmx, an XCES alignment, a Moses prefix, or a TSV file.")
    var input: String

    @Option(help: "The input format (default: detected from the content).")
    var from: ParallelInputFormat?

    @Option(help: "The languages to keep, in order, comma-separated (default: all of each unit).")
    var langs: String?

    @Option(help: "The output format.")
    var to: ParallelOutputFormat = .tsv

    @Option(name: .shortAndLong, help: "The output file (default standard output) or, for moses, the files' prefix.")
    var output: String?

    @Option(name: .customLong("link-types"), help: "XCES only: the link types to keep, comma-separated (e.g. 1-1,1-2,2-1; default all).")
    var linkTypes: String?

    @Option(name: .customLong("documents"), help: "XCES only: the folder the aligned documents' paths are relative to (default: the alignment file's folder).")
    var documentRoot: String?

    func validate() throws {
      if to == .moses && output == nil { throw ValidationError("--to moses needs -o PREFIX") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let languages = parseLanguages(langs)
      let types = Set(parseLanguages(linkTypes))
      let reader = try openParallel(
        input, format: from, languages: languages, lenient: options.lenient, linkTypes: types,
        documentRoot: documentRoot)
      let writer = ParallelWriter(format: to, path: output ?? "-", languages: languages)
      let progress = ProgressReporter(label: input, unit: .items("segments"), quiet: options.quiet)
      do {
        while let segment = try reader.next() {
          if (to == .tsv || to == .moses) && languages.isEmpty && segment.texts.count > 2 {
            // Two columns were promised: keep the first two sides.
            var pair = segment
            pair.texts = Array(segment.texts.prefix(2))
            pair.languages = Array(segment.languages.prefix(2))
            try writer.write(pair)
          } else {
            try writer.write(segment)
          }
          progress.advance()
        }
        try writer.finish()
      } catch {
        writer.abort()
        progress.finish()
        throw error
      }
      progress.finish()
      reportSkipped(reader.skipped)
      if !options.quiet {
        StandardError.writeLine("\(input): \(writer.count) segments → \(writer.paths.joined(separator: ", ")) (\(to.rawValue))")
      }
    }
  }
}
