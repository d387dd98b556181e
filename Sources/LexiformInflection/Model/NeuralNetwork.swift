import LexiformCore

/// One encoded source sequence, ready for the network: the lemma's symbol
/// indices between start and end symbols, and the feature indices.
struct NeuralSource: Sendable {
  /// `<s>`, the lemma's symbols, `</s>`.
  var symbols: [Int32]
  /// The bundle's feature indices (a set; may be empty).
  var features: [Int32]
}

/// A batch of sources, padded, and encoded by the network.
struct EncodedBatch {
  /// `[batch × steps, 2·encoderHidden]`.
  var memory: Tensor
  /// `[batch × steps, decoderHidden]`.
  var keys: Tensor
  /// `[batch, featureEmbedding]`.
  var features: Tensor
  /// `[batch, 4·decoderHidden]`: the features' share of the decoder's gates.
  var featureGates: Tensor
  /// Real symbols per row.
  var lengths: [Int]
  /// Padded steps.
  var steps: Int
  /// The decoder's initial state.
  var initial: DecoderState
}

/// The neural inflection network: symbol and feature embeddings, a
/// ``BiLSTMEncoder`` and an ``AttentionDecoder`` — the soft-attention
/// encoder–decoder of Kann & Schütze (2016), with the features as a set of
/// embeddings averaged into one vector that conditions every decoder step
/// (rather than as input symbols), so that any combination of known
/// features can be fed.
final class NeuralNetwork: @unchecked Sendable {
  let hyperparameters: NeuralHyperparameters
  let parameters = ParameterSet()
  let symbolEmbedding: Parameter
  let featureEmbedding: Parameter
  let encoder: BiLSTMEncoder
  /// The soft-attention decoder (``NeuralArchitecture/attention``).
  let decoder: AttentionDecoder?
  /// The transducer (``NeuralArchitecture/transducer``).
  let transducer: TransducerDecoder?
  let symbolCount: Int
  let featureCount: Int

  /// Creates a network with weights drawn from `seed`.
  /// - Parameter marks: The symbols' bases and tails, for a transducer's
  ///   re-marking copies (see ``EditActions``); none without.
  init(hyperparameters: NeuralHyperparameters, symbols: Int, features: Int, seed: UInt64, marks: SymbolMarks? = nil) {
    self.hyperparameters = hyperparameters
    symbolCount = symbols
    featureCount = features
    var random = SeededRandom(seed: seed, stream: 0x1417)
    let hp = hyperparameters
    symbolEmbedding = parameters.add(
      "embedding.symbols", rows: symbols, cols: hp.characterEmbedding, scale: 0.1, random: &random)
    featureEmbedding = parameters.add(
      "embedding.features", rows: features, cols: hp.featureEmbedding, scale: 0.1, random: &random)
    encoder = BiLSTMEncoder(
      parameters: parameters, inputSize: hp.characterEmbedding, hidden: hp.encoderHidden, random: &random)
    switch hp.architecture {
    case .attention:
      decoder = AttentionDecoder(
        parameters: parameters, memorySize: 2 * hp.encoderHidden, symbolSize: hp.characterEmbedding,
        featureSize: hp.featureEmbedding, hidden: hp.decoderHidden, vocabulary: symbols, random: &random)
      transducer = nil
    case .transducer:
      decoder = nil
      transducer = TransducerDecoder(
        parameters: parameters, memorySize: 2 * hp.encoderHidden, actionSize: hp.characterEmbedding,
        featureSize: hp.featureEmbedding, hidden: hp.decoderHidden, symbols: symbols, marks: marks,
        random: &random)
    }
  }

  /// Encodes a batch of sources.
  /// - Parameters:
  ///   - dropout: The embedding dropout rate (0 for prediction).
  func encode(graph: Graph, sources: [NeuralSource], dropout: Float, random: inout SeededRandom) -> EncodedBatch {
    let batch = sources.count
    let steps = sources.reduce(1) { max($0, $1.symbols.count) }
    let table = graph.parameter(symbolEmbedding)
    var ids = [Int32](repeating: SpecialSymbols.padding, count: steps * batch)
    var masks: [[Float]] = []
    for t in 0..<steps {
      var mask = [Float](repeating: 0, count: batch)
      for (i, s) in sources.enumerated() where t < s.symbols.count {
        ids[t * batch + i] = s.symbols[t]
        mask[i] = 1
      }
      masks.append(mask)
    }
    let inputs = graph.dropout(graph.embedding(table, ids), rate: dropout, random: &random)
    let (forward, backward) = encoder.encode(graph: graph, inputs: inputs, batch: batch, masks: masks)
    let memory = graph.stackTime(forward: forward, backward: backward)
    let features = graph.bagMean(graph.parameter(featureEmbedding), sources.map(\.features))
    let finalStates = graph.concatColumns([forward[steps - 1], backward[0]])
    let lengths = sources.map { max(1, $0.symbols.count) }
    if let transducer {
      return EncodedBatch(
        memory: memory, keys: graph.zeros(rows: 0, cols: 0), features: features,
        featureGates: transducer.featureGates(graph: graph, features: features), lengths: lengths, steps: steps,
        initial: transducer.start(graph: graph, finalStates: finalStates, features: features))
    }
    let decoder = decoder!
    return EncodedBatch(
      memory: memory, keys: decoder.keys(graph: graph, memory: memory), features: features,
      featureGates: decoder.featureGates(graph: graph, features: features), lengths: lengths, steps: steps,
      initial: decoder.start(graph: graph, finalStates: finalStates, features: features))
  }

  /// One decoder step from the previous symbols.
  func step(
    graph: Graph, encoded: EncodedBatch, state: DecoderState, previous: [Int32], dropout: Float,
    random: inout SeededRandom
  ) -> (logits: Tensor, state: DecoderState, attention: [Float]) {
    let input = graph.dropout(
      graph.embedding(graph.parameter(symbolEmbedding), previous), rate: dropout, random: &random)
    return step(
      graph: graph, encoded: encoded, state: state, symbolGates: decoder!.symbolGates(graph: graph, embeddings: input),
      dropout: dropout, random: &random)
  }

  /// One decoder step from the previous symbols' share of the gates.
  func step(
    graph: Graph, encoded: EncodedBatch, state: DecoderState, symbolGates: Tensor, dropout: Float,
    random: inout SeededRandom
  ) -> (logits: Tensor, state: DecoderState, attention: [Float]) {
    decoder!.step(
      graph: graph, state: state, symbolGates: symbolGates, featureGates: encoded.featureGates,
      memory: encoded.memory, keys: encoded.keys, lengths: encoded.lengths, steps: encoded.steps, dropout: dropout,
      random: &random)
  }

  /// The teacher-forced loss of a batch: the summed negative
  /// log-likelihood of each target (its symbols then `</s>`) times `scale`.
  func loss(
    graph: Graph, sources: [NeuralSource], targets: [[Int32]], scale: Float, random: inout SeededRandom
  ) -> Tensor {
    if let transducer {
      return transducerLoss(
        transducer, graph: graph, sources: sources, targets: targets, scale: scale, random: &random)
    }
    let decoder = decoder!
    let rate = hyperparameters.dropout
    let encoded = encode(graph: graph, sources: sources, dropout: rate, random: &random)
    let steps = targets.reduce(0) { max($0, $1.count) }
    let batch = sources.count
    // Teacher forcing: every step's previous symbol is known, so their
    // embeddings' share of the gates is one product for all steps.
    var previous = [Int32](repeating: SpecialSymbols.padding, count: steps * batch)
    for (i, t) in targets.enumerated() {
      for s in 0..<steps where s == 0 || s - 1 < t.count {
        previous[s * batch + i] = s == 0 ? SpecialSymbols.start : t[s - 1]
      }
    }
    let embedded = graph.dropout(
      graph.embedding(graph.parameter(symbolEmbedding), previous), rate: rate, random: &random)
    let allGates = decoder.symbolGates(graph: graph, embeddings: embedded)
    var state = encoded.initial
    var losses: [Tensor] = []
    for s in 0..<steps {
      let (logits, next, _) = step(
        graph: graph, encoded: encoded, state: state,
        symbolGates: graph.sliceRows(allGates, start: s * batch, count: batch), dropout: rate, random: &random)
      state = next
      var gold = [Int32](repeating: -1, count: batch)
      for (i, t) in targets.enumerated() where s < t.count { gold[i] = t[s] }
      losses.append(graph.crossEntropy(logits, targets: gold, scale: scale))
    }
    var total = losses[0]
    for l in losses.dropFirst() { total = graph.add(total, l) }
    return total
  }

  /// The teacher-forced loss of the transducer: the summed negative
  /// log-likelihood of each target's oracle actions (``EditActions``) times `scale`.
  private func transducerLoss(
    _ transducer: TransducerDecoder, graph: Graph, sources: [NeuralSource], targets: [[Int32]], scale: Float,
    random: inout SeededRandom
  ) -> Tensor {
    let rate = hyperparameters.dropout
    let encoded = encode(graph: graph, sources: sources, dropout: rate, random: &random)
    let batch = sources.count
    let oracles = zip(sources, targets).map { source, target in
      transducer.actions.oracle(
        lemma: Array(source.symbols.dropFirst().dropLast()),
        form: target.last == SpecialSymbols.end ? Array(target.dropLast()) : target)
    }
    let steps = oracles.reduce(0) { max($0, $1.actions.count) }
    // Time-major rows (step s, row i at s × batch + i): the previous action,
    // the memory row under the pointer and the gold action.
    var previous = [Int32](repeating: SpecialSymbols.padding, count: steps * batch)
    var pointed = [Int](repeating: 0, count: steps * batch)
    var gold = [Int32](repeating: -1, count: steps * batch)
    var masks = [[Float]](repeating: [Float](repeating: 0, count: batch), count: steps)
    for (i, o) in oracles.enumerated() {
      for s in 0..<o.actions.count {
        let row = s * batch + i
        previous[row] = s == 0 ? SpecialSymbols.start : o.actions[s - 1]
        pointed[row] = i * encoded.steps + o.pointers[s]
        gold[row] = o.actions[s]
        masks[s][i] = 1
      }
    }
    let memory = graph.gatherRows(encoded.memory, pointed)
    let inputs = transducer.inputGates(
      graph: graph, previous: previous, pointed: memory, dropout: rate, random: &random)
    var state = encoded.initial
    var hidden: [Tensor] = []
    for s in 0..<steps {
      state = transducer.recur(
        graph: graph, state: state, inputGates: graph.sliceRows(inputs, start: s * batch, count: batch),
        featureGates: encoded.featureGates, mask: masks[s])
      hidden.append(state.hidden)
    }
    let logits = transducer.logits(
      graph: graph, hidden: graph.concatRows(hidden), pointed: memory, dropout: rate, random: &random)
    return graph.crossEntropy(logits, targets: gold, scale: scale)
  }
}
