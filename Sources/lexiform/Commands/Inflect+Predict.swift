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

    @Option(help: "The neural model's beam width (default: the one stored in the model; 1 is greedy).")
    var beamWidth: Int?

    @Option(help: "The column layout of IN (default: detected).")
    var columns: SIGMORPHONColumns?

    /// Rows predicted together.
    static let chunkSize = 2_048

    func validate() throws {
      guard nBest >= 1 else { throw ValidationError("--n-best must be at least 1, not \(nBest)") }
      if let beamWidth, beamWidth < 1 { throw ValidationError("--beam-width must be at least 1, not \(beamWidth)") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let (trained, header) = try ModelFile.load(model)
      if let beamWidth, let neural = trained as? NeuralInflector { neural.beamWidth = beamWidth }
      // Rows are written back as they were; the predictor gives the model NFC.
      let reader = try SIGMORPHONReader(
        path: input, options: SIGMORPHONReaderOptions(columns: columns, lenient: options.lenient, normalizeToNFC: false))
      var predictor = InflectionPredictor(model: trained, header: header)
      let progress = ProgressReporter(label: "predict", unit: .items("forms"), quiet: options.quiet)
      let nBest = self.nBest
      var order: UniMorphColumnOrder?
      let threads = activeProcessorCount()
      try AtomicOutput.write(to: output) { out in
        var lastLine = 0
        var pending: [InflectionExample] = []
        // Rows are predicted in chunks (decoded together by models that can)
        // and written in order.
        func flush() throws {
          guard !pending.isEmpty else { return }
          let layout = order ?? .lemmaTagsForm
          let predictions = predictor.predict(
            batch: pending.map { (lemma: $0.lemma, tags: $0.tags) }, nBest: nBest, threads: threads)
          for (example, candidates) in zip(pending, predictions) {
            for _ in (lastLine + 1)..<max(example.line, lastLine + 1) { try out.write("\n") }
            lastLine = example.line
            if nBest == 1 {
              try out.write(example.line(layout, form: candidates.first?.form ?? example.lemma) + "\n")
            } else {
              for candidate in candidates {
                try out.write(example.line(layout, form: candidate.form) + "\t\(candidate.score)\n")
              }
            }
            progress.advance()
          }
          pending.removeAll(keepingCapacity: true)
        }
        while let example = try reader.next() {
          if order == nil {
            let chosen = predictionOrder(input: reader.layout, header: header)
            order = chosen.order
            if !options.quiet && !chosen.fromInput {
              StandardError.writeLine(
                "\(input): covered rows without a form column; writing \(chosen.order) as the training data")
            }
          }
          pending.append(example)
          if pending.count >= Self.chunkSize { try flush() }
        }
        try flush()
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
