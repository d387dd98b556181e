import FoundationEssentials
import Glibc
import Lexiform

extension TourReport {
  /// The inflection step: trains the shared tasks' non-neural baseline on a
  /// small Finnish noun table (2023 layout), saves and reloads the model
  /// file, inflects a covered file, and scores the dev set as evalm.py does.
  mutating func inflectionStep(_ samples: String) throws {
    section("Inflection: SIGMORPHON files of every year, the shared tasks' baseline, official scoring")
    let train = try SIGMORPHONReader.read(samples + "/fin.inflect.trn")
    let model = try BaselineModel.train(train.examples)
    lines.append(
      "  fin.inflect.trn: \(train.examples.count) rows, columns \(train.layout); baseline: \(model.bundles.count) bundles, "
        + "\(model.ruleCount) prefix/suffix rules, \(model.reversesWords ? "prefixing" : "suffixing")")
    let folder = FileManager.default.temporaryDirectory.path + "/lexiform-tour-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/fin.lxm"
    let header = ModelHeader(
      kind: BaselineModel.kind, description: model.modelDescription,
      trainingDataHash: TrainingDataHash.of(train.examples), trainingExamples: train.examples.count,
      trainingLayout: train.layout.order?.rawValue ?? "", trainingSource: "fin.inflect.trn",
      lexiformVersion: LexiformVersion.string)
    try ModelFile.save(model, header: header, to: path)
    let (loaded, loadedHeader) = try ModelFile.load(path)
    lines.append(
      "  model file: \(loadedHeader.kind), \(loadedHeader.alphabet.count) symbols, \(loadedHeader.features.count) bundles, "
        + "training data sha256 \(loadedHeader.trainingDataHash.prefix(12))…")
    let covered = try SIGMORPHONReader.read(samples + "/fin.inflect.covered.tst")
    let order = predictionOrder(input: covered.layout, header: loadedHeader).order
    lines.append("  fin.inflect.covered.tst (no form column) → written as \(order):")
    for example in covered.examples.prefix(3) {
      lines.append("    " + example.line(order, form: loaded.predict(lemma: example.lemma, tags: example.tags)))
    }
    let gold = try EvaluationFile.read(samples + "/fin.inflect.dev")
    let predicted = gold.rows.map { row in
      EvaluationRow(lemma: row.lemma, tags: row.tags, form: loaded.predict(lemma: row.lemma, tags: row.tags))
    }
    let report = InflectionEvaluator.evaluate(
      gold: gold.rows, predicted: predicted, training: train.examples.map {
        EvaluationRow(lemma: $0.lemma, tags: $0.tags, form: $0.form ?? "")
      })
    lines.append(
      "  lexiform inflect eval fin.inflect.dev: accuracy \(report.overall.accuracyText)%, mean Levenshtein "
        + "\(report.overall.levenshteinText) over \(report.overall.count) forms (bundles seen in training: "
        + "\(report.seen?.featuresSeen.count ?? 0))")
    for (row, guess) in zip(gold.rows, predicted) where row.form != guess.form {
      lines.append("    wrong: \(row.lemma) \(row.tags) → \(guess.form), gold \(row.form)")
    }
    try neuralStep(train: train.examples, dev: gold.rows)
  }

  /// The neural model on the same rows: a small hard monotonic transducer
  /// trained for about a second (the real sizes and epochs take minutes, and
  /// 90 rows are far too few for it: the baseline is the better model here,
  /// and the accuracy moves a lot with the seed).
  private mutating func neuralStep(train: [InflectionExample], dev: [EvaluationRow]) throws {
    var h = NeuralHyperparameters()
    (h.characterEmbedding, h.featureEmbedding, h.encoderHidden, h.decoderHidden) = (24, 24, 48, 64)
    var options = NeuralTrainingOptions()
    options.seed = seed
    options.maxEpochs = 15
    options.patience = 15
    options.minimumExamplesPerEpoch = 450
    options.hallucination = .off
    options.learningRate = 0.007
    options.targetAccuracy = 100
    options.threads = activeProcessorCount()
    let devExamples = dev.map { InflectionExample(lemma: $0.lemma, tags: $0.tags, form: $0.form) }
    let model = try NeuralTrainer.train(train: train, dev: devExamples, hyperparameters: h, options: options)
    let predicted = model.predict(batch: dev.map { (lemma: $0.lemma, tags: $0.tags) }, nBest: 1, threads: options.threads)
    let correct = zip(dev, predicted).filter { $0.form == $1.first?.form }.count
    lines.append(
      "  neural (\(model.hyperparameters.architecture.longName), \(model.weightCount) weights, 6,750 examples "
        + "from the \(train.count) rows, seed \(seed)): \(correct) of \(dev.count) dev forms right, beam \(model.beamWidth)")
    if let row = dev.first {
      let best = model.predict(lemma: row.lemma, tags: row.tags, nBest: 3)
      lines.append(
        "    \(row.lemma) \(row.tags): "
          + best.map { "\($0.form) (\(format2($0.score)))" }.joined(separator: ", "))
    }
  }
}
