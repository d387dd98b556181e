import ArgumentParser
import Lexiform

extension LexiformCommand.Lexicon {
  /// `lexiform lexicon convert IN OUT [--from F] [--to F]`.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert a lexicon between formats (the output format from OUT's extension unless --to says).")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: LexiconInputOptions

    @Option(help: "The output format (default: from OUT's extension: .jsonl, .tsv, .lift, .tei).")
    var to: LexiconFormat?

    @Argument(help: "The lexicon to read.")
    var inputFile: String

    @Argument(help: "The file to write, or - for standard output.")
    var outputFile: String

    func validate() throws {
      let format = to ?? LexiconFormat.fromExtension(outputFile)
      guard let format else {
        throw ValidationError("cannot tell the output format from '\(outputFile)'; name it with --to")
      }
      guard LexiconWriters.writable.contains(format) else {
        throw ValidationError(
          "cannot write \(format.rawValue); writable formats: \(LexiconWriters.writable.map(\.rawValue).joined(separator: ", "))")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let format = to ?? LexiconFormat.fromExtension(outputFile) ?? .jsonl
      let reader = try Lexicon.open(inputFile, format: input.from, options: input.readerOptions(lenient: options.lenient))
      let progress = ProgressReporter(label: inputFile, unit: .items("entries"), quiet: options.quiet)
      let output = try AtomicOutput(path: outputFile)
      var entries = 0
      do {
        let writer = try LexiconWriters.make(format, output: output)
        var begun = false
        while let entry = try reader.next() {
          if !begun {
            try writer.begin(reader.header)
            begun = true
          }
          try writer.write(entry)
          entries += 1
          progress.advance()
        }
        if !begun { try writer.begin(reader.header) }
        try writer.finish()
        try output.commit()
        progress.finish()
        reportSkipped(reader.skipped)
        for line in writer.dropped.report("\(format.rawValue) cannot hold", noun: "item") {
          StandardError.writeLine(line)
        }
        if !options.quiet {
          StandardError.writeLine("\(inputFile): \(entries) entries written to \(outputFile) as \(format.rawValue)")
        }
      } catch {
        output.abort()
        progress.finish()
        throw error
      }
    }
  }
}
