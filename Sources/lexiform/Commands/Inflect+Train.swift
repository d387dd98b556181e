import ArgumentParser
import Lexiform
import Synchronization

extension LexiformCommand.Inflect {
  /// `lexiform inflect train TRAIN [--dev DEV] [--model baseline|neural] [--seed N] -o MODEL`.
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "train",
      abstract: "Train an inflection model on a SIGMORPHON training file.",
      discussion: """
        --model baseline is the shared tasks' non-neural baseline (prefix and suffix \
        rules per feature bundle from aligned lemma–form pairs; Cotterell et al. 2017). \
        The model file is versioned and self-describing (alphabet, features, settings, \
        SHA-256 of the training data); it is written to a temporary file, then renamed. \
        --model neural is a character-level BiLSTM encoder with a hard monotonic \
        transducer predicting copy, delete and insert actions (Aharoni & Goldberg 2017; \
        Makarov & Clematide 2018; --architecture attention for the soft-attention decoder \
        of Kann & Schütze 2016), the features as a set of embeddings, trained with Adam, \
        dropout and early stopping on DEV, with data hallucination below 2,000 triples \
        (Anastasopoulos & Neubig 2019; --hallucination on|off to force it); --seed fixes \
        it byte for byte. \
        With --dev, the accuracy on DEV is reported on stderr after training.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The training file (full rows; .gz is read transparently).")
    var train: String

    @Option(help: "A development file: scored after training (and used for early stopping by neural models).")
    var dev: String?

    @Option(help: "The kind of model.")
    var model: InflectionModelKind = .baseline

    @Option(help: "The neural model's most epochs (early stopping on DEV usually ends sooner).")
    var maxEpochs: Int = NeuralDefaults.maxEpochs

    @Option(help: "The neural model's decoder: transducer (hard monotonic, edit actions) or attention (soft attention over symbols).")
    var architecture: NeuralArchitecture = NeuralDefaults.architecture

    @Flag(
      inversion: .prefixedNo,
      help: "Whether the transducer copies a grapheme cluster's base with other combining marks (a vowel sign, a tone, an umlaut) as one action.")
    var remarking: Bool = NeuralDefaults.remarking

    @Option(help: "With hallucinated data (below 2,000 training triples), the share of the data that the real triples are repeated to fill.")
    var realShare: Double = NeuralDefaults.realShare

    @Option(help: "Whether to add hallucinated triples: automatic (below 2,000 training triples), on or off.")
    var hallucination: HallucinationMode = .automatic

    @Option(help: "With hallucination, synthetic triples are added until the training data has this many.")
    var hallucinationTarget: Int = NeuralDefaults.hallucinationTarget

    @Option(help: "The neural model's dropout rate on embeddings and the output layer.")
    var dropout: Float = NeuralDefaults.dropout

    @Option(help: "The neural model's beam width for prediction, stored in the model (1: greedy).")
    var beamWidth: Int = NeuralDefaults.beamWidth

    @Option(help: "Neural models trained with seeds SEED, SEED+1, … and averaged at each decoding step.")
    var ensemble: Int = 1

    @Option(help: "Write the neural model's learning curve (training loss and dev accuracy per epoch) to this file: an SVG chart when it ends in .svg, else tab-separated values.")
    var learningCurve: String?

    @Option(name: [.short, .customLong("output")], help: "Where to write the model.")
    var output: String

    @Option(help: "The column layout of TRAIN and DEV (default: detected per file).")
    var columns: SIGMORPHONColumns?

    @Option(help: "How the baseline cuts words into symbols: scalars (code points, as the organisers' script) or graphemes (grapheme clusters).")
    var segmentation: BaselineSegmentation = .unicodeScalars

    func validate() throws {
      guard (0...0.95).contains(realShare) else {
        throw ValidationError("--real-share must be between 0 and 0.95, not \(realShare)")
      }
      guard (0..<1).contains(dropout) else {
        throw ValidationError("--dropout must be at least 0 and below 1, not \(dropout)")
      }
      guard learningCurve == nil || model == .neural else {
        throw ValidationError("--learning-curve needs --model neural (the baseline has no epochs)")
      }
      guard hallucinationTarget >= 0 else {
        throw ValidationError("--hallucination-target must not be negative, not \(hallucinationTarget)")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let readOptions = SIGMORPHONReaderOptions(columns: columns, lenient: options.lenient)
      let reader = try SIGMORPHONReader(path: train, options: readOptions)
      var examples: [InflectionExample] = []
      var hash = TrainingDataHash()
      let progress = ProgressReporter(label: "read \(train)", unit: .items("rows"), quiet: options.quiet)
      while let example = try reader.next() {
        progress.advance()
        guard example.form != nil else { continue }
        hash.add(example)
        examples.append(example)
      }
      progress.finish()
      reportReading(
        train, reader.layout, examples: reader.count, covered: reader.coveredCount, skipped: reader.skipped,
        quiet: options.quiet)
      let header = ModelHeader(
        kind: model.rawValue, description: ModelDescription(alphabet: [], features: []),
        trainingDataHash: hash.hexDigest, trainingExamples: examples.count,
        trainingLayout: reader.layout.order?.rawValue ?? "", trainingSource: train,
        lexiformVersion: LexiformVersion.string, created: modelCreationTime(),
        command: (["lexiform"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
      switch model {
      case .baseline:
        let trained = try BaselineModel.train(examples, options: BaselineOptions(segmentation: segmentation))
        try ModelFile.save(trained, header: header, to: output)
        if !options.quiet {
          StandardError.writeLine(
            "baseline: \(trained.bundles.count) bundles, \(trained.ruleCount) rules, "
              + "\(trained.reversesWords ? "prefixing (words reversed)" : "suffixing") → \(output)")
        }
        if let dev { try score(trained, dev: dev, readOptions: readOptions) }
      case .neural:
        var training = NeuralTrainingOptions()
        training.seed = options.seed
        training.threads = activeProcessorCount()
        training.maxEpochs = maxEpochs
        training.ensemble = max(1, ensemble)
        training.realShare = realShare
        training.hallucination = hallucination
        training.hallucinationTarget = hallucinationTarget
        var hyperparameters = NeuralHyperparameters()
        hyperparameters.architecture = architecture
        hyperparameters.remarking = remarking
        hyperparameters.dropout = dropout
        if !options.quiet { training.progress = { StandardError.writeLine("neural: " + $0) } }
        let epochs = Mutex<[EpochRecord]>([])
        if learningCurve != nil { training.epochEnded = { record in epochs.withLock { $0.append(record) } } }
        let devExamples = try dev.map { try SIGMORPHONReader.read($0, options: readOptions).0 }
        let trained = try NeuralTrainer.train(
          train: examples, dev: devExamples, hyperparameters: hyperparameters, options: training)
        trained.beamWidth = max(1, beamWidth)
        try ModelFile.save(trained, header: header, to: output)
        if let learningCurve {
          try Self.writeLearningCurve(epochs.withLock { $0 }, to: learningCurve, title: "Learning curve: \(train.split(separator: "/").last.map(String.init) ?? train)")
        }
        if !options.quiet {
          StandardError.writeLine(
            "neural: \(trained.symbols.count) symbols, \(trained.features.count) features, "
              + "\(trained.weightCount) weights → \(output)")
        }
        if let dev { try score(trained, dev: dev, readOptions: readOptions) }
      }
    }

    /// Writes the epochs as an SVG chart (`.svg`) or as tab-separated values.
    static func writeLearningCurve(_ records: [EpochRecord], to path: String, title: String) throws {
      if path.hasSuffix(".svg") {
        let members = Dictionary(grouping: records, by: \.member).sorted { $0.key < $1.key }
        let series = members.map { member, records in
          (
            label: members.count > 1 ? "member \(member + 1)" : "model",
            points: records.map { LearningCurveChart.Point(epoch: $0.epoch, loss: $0.loss, accuracy: $0.devAccuracy) }
          )
        }
        let svg = LearningCurveChart(series: series, title: title).svg
        try AtomicOutput.write(to: path) { try $0.write(svg) }
        return
      }
      var text = "member\tepoch\tloss\tdev_accuracy\tbest_accuracy\tlearning_rate\tseconds\n"
      for r in records {
        let fields = [
          "\(r.member + 1)", "\(r.epoch)", NeuralTrainer.format(r.loss, 4),
          r.devAccuracy.map { NeuralTrainer.format($0, 2) } ?? "", r.bestAccuracy.map { NeuralTrainer.format($0, 2) } ?? "",
          "\(r.learningRate)", NeuralTrainer.format(r.seconds, 1),
        ]
        text += fields.joined(separator: "\t") + "\n"
      }
      try AtomicOutput.write(to: path) { try $0.write(text) }
    }

    /// Predicts DEV and prints its accuracy on stderr.
    private func score(_ model: some InflectionModel, dev: String, readOptions: SIGMORPHONReaderOptions) throws {
      let (examples, _, _) = try SIGMORPHONReader.read(dev, options: readOptions)
      var gold: [EvaluationRow] = []
      var predicted: [EvaluationRow] = []
      for example in examples {
        guard let form = example.form else { continue }
        gold.append(EvaluationRow(lemma: example.lemma, tags: example.tags, form: form, line: example.line))
        let guess = model.predict(lemma: example.lemma, tags: example.tags)
        predicted.append(EvaluationRow(lemma: example.lemma, tags: example.tags, form: guess, line: example.line))
      }
      let report = InflectionEvaluator.evaluate(gold: gold, predicted: predicted)
      StandardError.writeLine(
        "\(dev): accuracy \(report.overall.accuracyText)%, levenshtein \(report.overall.levenshteinText) over \(report.overall.count) items")
    }
  }
}
