import ArgumentParser
import Lexiform

extension LexiformCommand.Inflect {
  /// `lexiform inflect predict MODEL IN [-o OUT] [--n-best K]`.
  struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "predict",
      abstract: "Inflect every row of a file with a trained model.",
      discussion: """
        IN may be full or covered (form column empty or absent). OUT has one line per \
        input line, in order, in the full layout of IN (the training data's layout when \
        a two-column covered IN cannot tell), with the predicted form filled in; blank \
        lines stay blank. With --n-best K, each input line gives up to K lines, best \
        first, with the model's score (higher is better) as a fourth column. Characters \
        and features the model has not seen are copied through or ignored, and counted \
        on stderr.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The model file (from lexiform inflect train).")
    var model: String

    @Argument(help: "The rows to inflect (- for standard input; .gz is read transparently).")
    var input: String

    @Option(name: [.short, .customLong("output")], help: "Where to write (- for standard output).")
    var output: String = "-"

    @Option(name: .customLong("n-best"), help: "How many candidates per row, with scores.")
    var nBest: Int = 1

    @Option(help: "The column layout of IN (default: detected).")
    var columns: SIGMORPHONColumns?

    func validate() throws {
      guard nBest >= 1 else { throw ValidationError("--n-best must be at least 1, not \(nBest)") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let (trained, header) = try ModelFile.load(model)
      // Rows are written back as they were; the predictor gives the model NFC.
      let reader = try SIGMORPHONReader(
        path: input, options: SIGMORPHONReaderOptions(columns: columns, lenient: options.lenient, normalizeToNFC: false))
      var predictor = InflectionPredictor(model: trained, header: header)
      let progress = ProgressReporter(label: "predict", unit: .items("forms"), quiet: options.quiet)
      let nBest = self.nBest
      var order: UniMorphColumnOrder?
      try AtomicOutput.write(to: output) { out in
        var lastLine = 0
        while let example = try reader.next() {
          if order == nil {
            let chosen = predictionOrder(input: reader.layout, header: header)
            order = chosen.order
            if !options.quiet && !chosen.fromInput {
              StandardError.writeLine(
                "\(input): covered rows without a form column; writing \(chosen.order) as the training data")
            }
          }
          let layout = order ?? .lemmaTagsForm
          for _ in (lastLine + 1)..<max(example.line, lastLine + 1) { try out.write("\n") }
          lastLine = example.line
          let candidates = predictor.predict(lemma: example.lemma, tags: example.tags, nBest: nBest)
          if nBest == 1 {
            try out.write(example.line(layout, form: candidates.first?.form ?? example.lemma) + "\n")
          } else {
            for candidate in candidates {
              try out.write(example.line(layout, form: candidate.form) + "\t\(candidate.score)\n")
            }
          }
          progress.advance()
        }
      }
      progress.finish()
      if !options.quiet {
        StandardError.writeLine(
          "\(input): \(reader.count) rows, columns \(reader.layout); \(header.kind) model \(model)")
      }
      for line in reader.skipped.report() { StandardError.writeLine(line) }
      if let summary = predictor.coverage.summary { StandardError.writeLine("note: \(summary)") }
    }
  }
}
