#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import LexiformCore

/// When to add hallucinated training data.
public enum HallucinationMode: String, Sendable, CaseIterable {
  /// When the training set has fewer triples than the threshold.
  case automatic
  /// Always.
  case on
  /// Never.
  case off
}

/// One epoch of training, as ``NeuralTrainingOptions/epochEnded`` receives it.
public struct EpochRecord: Sendable, Hashable {
  /// The ensemble member (0 for a single model).
  public var member: Int
  /// The epoch, from 1.
  public var epoch: Int
  /// The mean training loss per example.
  public var loss: Double
  /// The greedy exact-match accuracy on the development set, in percent (none without one).
  public var devAccuracy: Double?
  /// The best development accuracy so far.
  public var bestAccuracy: Double?
  /// The learning rate used in this epoch.
  public var learningRate: Float
  /// Seconds since the member's training began.
  public var seconds: Double
}

/// How the neural model is trained; each starts at its ``NeuralDefaults`` value.
public struct NeuralTrainingOptions: Sendable {
  /// The seed of initialization, shuffling, dropout and hallucination.
  public var seed = NeuralDefaults.seed
  /// The most epochs.
  public var maxEpochs = NeuralDefaults.maxEpochs
  /// Epochs without a better dev accuracy before stopping.
  public var patience = NeuralDefaults.patience
  /// Each epoch covers at least this many examples (several shuffled passes
  /// over a small training set).
  public var minimumExamplesPerEpoch = NeuralDefaults.minimumExamplesPerEpoch
  /// Training stops as soon as the dev accuracy (percent) reaches this; `nil` never.
  public var targetAccuracy: Double?
  /// Epochs without a better dev accuracy before the learning rate is halved.
  public var learningRatePatience = NeuralDefaults.learningRatePatience
  /// Examples per minibatch.
  public var batchSize = NeuralDefaults.batchSize
  /// Examples per shard (see ``NeuralDefaults/shardSize``).
  public var shardSize = NeuralDefaults.shardSize
  /// Adam's initial learning rate.
  public var learningRate = NeuralDefaults.learningRate
  /// The global gradient norm limit.
  public var gradientClip = NeuralDefaults.gradientClip
  /// The probability of one lemma character becoming `<unk>` in lemma and
  /// form of a training example (see ``NeuralDefaults/characterUnknownRate``).
  public var characterUnknownRate = NeuralDefaults.characterUnknownRate
  /// Worker threads; the result does not depend on it.
  public var threads = 2
  /// Members of the ensemble, trained with seeds `seed`, `seed + 1`, ….
  public var ensemble = 1
  /// When to hallucinate data.
  public var hallucination = HallucinationMode.automatic
  /// Below this many triples, ``HallucinationMode/automatic`` hallucinates.
  public var hallucinationThreshold = NeuralDefaults.hallucinationThreshold
  /// Hallucinated triples are added up to this training-set size.
  public var hallucinationTarget = NeuralDefaults.hallucinationTarget
  /// With hallucination, the real triples are repeated until they are about
  /// this share of the training data (see ``NeuralDefaults/realShare``).
  public var realShare = NeuralDefaults.realShare
  /// Receives one line per epoch (and notes); `nil` for silence.
  public var progress: (@Sendable (String) -> Void)?
  /// Receives each epoch's figures (for a learning curve); `nil` for none.
  public var epochEnded: (@Sendable (EpochRecord) -> Void)?
  /// The defaults.
  public init() {}
}

/// Trains ``NeuralInflector``s: minibatch Adam with dropout, early stopping
/// on dev accuracy (the best epoch's weights are kept) and the learning
/// rate halved when dev accuracy stalls.
///
/// Each batch is cut into shards of fixed size; the shards' gradients are
/// computed on any thread and added up in shard order, so the model's bytes
/// depend on the seed and data only, not on the thread count.
public enum NeuralTrainer {
  /// Whether training on `triples` real triples adds hallucinated ones:
  /// always, never, or (automatic) below ``NeuralTrainingOptions/hallucinationThreshold``.
  public static func hallucinates(triples: Int, options: NeuralTrainingOptions) -> Bool {
    switch options.hallucination {
    case .on: true
    case .off: false
    case .automatic: triples < options.hallucinationThreshold
    }
  }

  /// Trains a model.
  /// - Parameters:
  ///   - train: The training triples (examples without a form are left out).
  ///   - dev: Development triples for early stopping; without them, every
  ///     epoch runs and the last is kept.
  ///   - hyperparameters: The network's sizes.
  ///   - options: The training options.
  /// - Returns: The trained model (an ensemble when `options.ensemble > 1`).
  /// - Throws: ``InflectionError`` (`training`) when there is nothing to train on.
  public static func train(
    train: [InflectionExample], dev: [InflectionExample]?,
    hyperparameters: NeuralHyperparameters = NeuralHyperparameters(), options: NeuralTrainingOptions = NeuralTrainingOptions()
  ) throws -> NeuralInflector {
    let train = train.filter { $0.form != nil }
    let dev = dev?.filter { $0.form != nil }
    guard !train.isEmpty else { throw InflectionError(.training, at: nil, "no training triples (with a form)") }
    var data = train
    if hallucinates(triples: train.count, options: options) {
      let extra = Hallucination.hallucinate(
        train, count: max(0, options.hallucinationTarget - train.count), seed: options.seed)
      options.progress?(
        "hallucination: \(extra.count) triples added to \(train.count) (Anastasopoulos & Neubig 2019)")
      data += extra
      // Repeat the real triples so that they are about `realShare` of the data.
      let share = min(max(options.realShare, 0), 0.95)
      let wanted = Double(extra.count) * share / (1 - share)
      let repeats = max(1, Int((wanted / Double(train.count)).rounded()))
      if repeats > 1 {
        for _ in 1..<repeats { data += train }
        options.progress?("real triples repeated \(repeats) times: \(train.count * repeats) of \(data.count)")
      }
    }
    // Vocabularies from the (augmented) training data, in first-seen order.
    var symbols = SymbolTable()
    var features = SymbolTable()
    var prepared: [(source: NeuralSource, target: [Int32])] = []
    for e in data {
      var ids: [Int32] = [SpecialSymbols.start]
      for g in SymbolTable.graphemes(e.lemma) { ids.append(symbols.add(g)) }
      ids.append(SpecialSymbols.end)
      var target: [Int32] = []
      for g in SymbolTable.graphemes(e.form ?? "") { target.append(symbols.add(g)) }
      target.append(SpecialSymbols.end)
      let f = FeatureSet.features(of: e.tags).map { features.add($0) }
      prepared.append((NeuralSource(symbols: ids, features: f), target))
    }
    var members: [NeuralInflector] = []
    for m in 0..<max(1, options.ensemble) {
      let seed = options.seed &+ UInt64(m)
      let network = NeuralNetwork(
        hyperparameters: hyperparameters, symbols: symbols.count, features: features.count, seed: seed,
        marks: hyperparameters.remarking ? SymbolMarks(symbols: symbols) : nil)
      let model = NeuralInflector(
        hyperparameters: hyperparameters, symbols: symbols, features: features, networks: [network])
      if options.ensemble > 1 { options.progress?("ensemble member \(m + 1)/\(options.ensemble), seed \(seed)") }
      trainNetwork(network, model: model, data: prepared, dev: dev, seed: seed, member: m, options: options)
      members.append(model)
    }
    guard let first = members.first else { throw InflectionError(.training, at: nil, "no model was trained") }
    return members.count == 1 ? first : try first.ensembled(with: Array(members.dropFirst()))
  }

  /// The exact-match accuracy (percent) of greedy predictions on `dev`.
  static func accuracy(_ model: NeuralInflector, on dev: [InflectionExample], threads: Int) -> Double {
    guard !dev.isEmpty else { return 0 }
    let predictions = model.predictGreedy(dev.map { ($0.lemma, $0.tags) }, threads: threads)
    var correct = 0
    for (p, e) in zip(predictions, dev) where p == SymbolTable.graphemes(e.form ?? "").joined() { correct += 1 }
    return Double(correct) * 100 / Double(dev.count)
  }

  static func trainNetwork(
    _ network: NeuralNetwork, model: NeuralInflector, data: [(source: NeuralSource, target: [Int32])],
    dev: [InflectionExample]?, seed: UInt64, member: Int = 0, options: NeuralTrainingOptions
  ) {
    var adam = Adam(parameters: network.parameters, learningRate: options.learningRate, clip: options.gradientClip)
    var order = Array(data.indices)
    var best = -1.0
    var bestWeights = network.parameters.snapshot()
    var sinceBest = 0
    var sinceDecay = 0
    let batchSize = max(1, options.batchSize)
    let shardSize = max(1, options.shardSize)
    let threads = max(1, options.threads)
    let start = monotonicSeconds()
    let parameterCount = network.parameters.parameters.count
    let featureUnknownThreshold = UInt64(Double(NeuralDefaults.featureUnknownRate) * 0x1p32)
    let characterUnknownThreshold = UInt64(Double(options.characterUnknownRate) * 0x1p32)
    for epoch in 1...max(1, options.maxEpochs) {
      let passes = max(1, (options.minimumExamplesPerEpoch + data.count - 1) / max(1, data.count))
      var epochOrder: [Int] = []
      for pass in 0..<passes {
        var shuffler = SeededRandom(seed: seed, stream: UInt64(epoch) << 16 | UInt64(pass))
        shuffler.shuffle(&order)
        epochOrder += order
      }
      var epochLoss: Double = 0
      var batchIndex = 0
      for batchStart in stride(from: 0, to: epochOrder.count, by: batchSize) {
        let batch = Array(epochOrder[batchStart..<min(batchStart + batchSize, epochOrder.count)])
        let shards = stride(from: 0, to: batch.count, by: shardSize).map {
          Array(batch[$0..<min($0 + shardSize, batch.count)])
        }
        let scale = 1 / Float(batch.count)
        let results = UnsafeSlots<(loss: Float, gradients: [Int: [Float]])>(count: shards.count)
        let epochStream = UInt64(epoch) << 40 | UInt64(batchIndex) << 8
        let workers = min(threads, shards.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
          for s in stride(from: w, to: shards.count, by: workers) {
            var random = SeededRandom(seed: seed, stream: epochStream | UInt64(s + 1))
            let graph = Graph(recordsTape: true)
            var sources: [NeuralSource] = []
            var targets: [[Int32]] = []
            for i in shards[s] {
              var source = data[i].source
              var target = data[i].target
              for k in source.features.indices where UInt64(random.next() >> 32) < featureUnknownThreshold {
                source.features[k] = SpecialSymbols.unknown
              }
              // Now and then one character of the lemma becomes <unk> in the
              // lemma and the form, so that the model learns to copy what it
              // does not know (filled in from attention at prediction).
              if UInt64(random.next() >> 32) < characterUnknownThreshold, source.symbols.count > 2 {
                let pick = source.symbols[1 + random.uniform(below: source.symbols.count - 2)]
                if pick >= SpecialSymbols.count {
                  for k in source.symbols.indices where source.symbols[k] == pick { source.symbols[k] = SpecialSymbols.unknown }
                  for k in target.indices where target[k] == pick { target[k] = SpecialSymbols.unknown }
                }
              }
              sources.append(source)
              targets.append(target)
            }
            let loss = network.loss(graph: graph, sources: sources, targets: targets, scale: scale, random: &random)
            graph.backward(from: loss)
            results[s] = (loss.value[0], graph.parameterGradients())
          }
        }
        // Reduce in shard order: the same sums whatever the thread count.
        var gradients = [[Float]](repeating: [], count: parameterCount)
        for s in 0..<shards.count {
          guard let r = results[s] else { continue }
          epochLoss += Double(r.loss) * Double(batch.count)
          for (k, g) in r.gradients {
            if gradients[k].isEmpty { gradients[k] = g } else { Graph.accumulate(g, into: &gradients[k]) }
          }
        }
        adam.update(network.parameters, gradients: gradients)
        batchIndex += 1
      }
      let meanLoss = epochLoss / Double(max(1, epochOrder.count))
      var line = "epoch \(epoch)  loss \(format(meanLoss, 4))"
      var record = EpochRecord(
        member: member, epoch: epoch, loss: meanLoss, devAccuracy: nil, bestAccuracy: nil,
        learningRate: adam.learningRate, seconds: 0)
      model.weightsChanged()
      if let dev, !dev.isEmpty {
        let acc = accuracy(model, on: dev, threads: threads)
        if acc > best {
          best = acc
          bestWeights = network.parameters.snapshot()
          sinceBest = 0
          sinceDecay = 0
        } else {
          sinceBest += 1
          sinceDecay += 1
          if sinceDecay >= options.learningRatePatience {
            adam.learningRate *= 0.5
            sinceDecay = 0
          }
        }
        line += "  dev \(format(acc, 2))%  best \(format(best, 2))%"
        (record.devAccuracy, record.bestAccuracy) = (acc, best)
      }
      record.seconds = monotonicSeconds() - start
      line += "  lr \(adam.learningRate)  \(format(record.seconds, 1)) s"
      options.progress?(line)
      options.epochEnded?(record)
      if dev != nil && sinceBest >= options.patience { break }
      if let target = options.targetAccuracy, best >= target { break }
    }
    if let dev, !dev.isEmpty { network.parameters.restore(bestWeights) }
    model.weightsChanged()
  }

  /// `x` rounded to exactly `digits` decimals (`87.1` → `"87.10"`), as the
  /// progress lines and learning-curve tables print figures.
  public static func format(_ x: Double, _ digits: Int) -> String {
    var p: Double = 1
    for _ in 0..<digits { p *= 10 }
    let r = (x * p).rounded() / p
    var s = "\(r)"
    if let dot = s.firstIndex(of: ".") {
      let decimals = s.distance(from: dot, to: s.endIndex) - 1
      if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
    }
    return s
  }

  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }
}
