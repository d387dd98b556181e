import LexiformCore

/// The decoder's recurrent state for a batch of hypotheses.
struct DecoderState {
  /// LSTM hidden state `[batch, H]`.
  var hidden: Tensor
  /// LSTM cell state `[batch, H]`.
  var cell: Tensor
  /// The previous attentional output `[batch, H]`, fed back as input.
  var output: Tensor
}

/// An LSTM decoder with soft attention over the encoder's states and input
/// feeding (Luong, Pham & Manning 2015, EMNLP), conditioned at every step
/// on the feature bundle's embedding, predicting one symbol per step
/// (Kann & Schütze 2016, SIGMORPHON; Bahdanau, Cho & Bengio 2015, ICLR).
struct AttentionDecoder {
  let symbolWeight: Parameter
  let featureWeight: Parameter
  let recurrentWeight: Parameter
  let lstmBias: Parameter
  let keyWeight: Parameter
  let initialWeight: Parameter
  let initialBias: Parameter
  let outputWeight: Parameter
  let outputBias: Parameter
  let vocabularyWeight: Parameter
  let vocabularyBias: Parameter
  let hidden: Int

  /// Creates the decoder's parameters in `parameters`.
  /// - Parameters:
  ///   - memorySize: The encoder state size (both directions).
  ///   - symbolSize: The symbol embedding size.
  ///   - featureSize: The feature embedding size.
  ///   - vocabulary: The number of output symbols.
  init(
    parameters: ParameterSet, memorySize: Int, symbolSize: Int, featureSize: Int, hidden: Int, vocabulary: Int,
    random: inout SeededRandom
  ) {
    self.hidden = hidden
    let s: Float = 0.1
    symbolWeight = parameters.add("decoder.lstm.symbol", rows: symbolSize, cols: 4 * hidden, scale: s, random: &random)
    featureWeight = parameters.add(
      "decoder.lstm.feature", rows: featureSize, cols: 4 * hidden, scale: s, random: &random)
    recurrentWeight = parameters.add(
      "decoder.lstm.recurrent", rows: 2 * hidden, cols: 4 * hidden, scale: s, random: &random)
    lstmBias = parameters.add("decoder.lstm.bias", rows: 1, cols: 4 * hidden, scale: 0, constant: 0, random: &random)
    BiLSTMEncoder.setForgetBias(lstmBias, hidden: hidden)
    keyWeight = parameters.add("decoder.attention.key", rows: memorySize, cols: hidden, scale: s, random: &random)
    initialWeight = parameters.add(
      "decoder.initial.weight", rows: memorySize + featureSize, cols: hidden, scale: s, random: &random)
    initialBias = parameters.add("decoder.initial.bias", rows: 1, cols: hidden, scale: 0, constant: 0, random: &random)
    outputWeight = parameters.add(
      "decoder.output.weight", rows: hidden + memorySize, cols: hidden, scale: s, random: &random)
    outputBias = parameters.add("decoder.output.bias", rows: 1, cols: hidden, scale: 0, constant: 0, random: &random)
    vocabularyWeight = parameters.add(
      "decoder.vocabulary.weight", rows: hidden, cols: vocabulary, scale: s, random: &random)
    vocabularyBias = parameters.add(
      "decoder.vocabulary.bias", rows: 1, cols: vocabulary, scale: 0, constant: 0, random: &random)
  }

  /// The initial state from the encoder's final states and the features.
  func start(graph: Graph, finalStates: Tensor, features: Tensor) -> DecoderState {
    let batch = features.rows
    let h = graph.tanh(
      graph.linear(
        graph.concatColumns([finalStates, features]), graph.parameter(initialWeight), graph.parameter(initialBias)))
    return DecoderState(
      hidden: h, cell: graph.zeros(rows: batch, cols: hidden), output: graph.zeros(rows: batch, cols: hidden))
  }

  /// The LSTM gates' share of the feature bundle, the same at every step.
  func featureGates(graph: Graph, features: Tensor) -> Tensor {
    graph.matmul(features, graph.parameter(featureWeight))
  }

  /// The LSTM gates' share of the previous symbols' embeddings (with the
  /// bias), for any number of rows: all steps at once when they are known.
  func symbolGates(graph: Graph, embeddings: Tensor) -> Tensor {
    graph.linear(embeddings, graph.parameter(symbolWeight), graph.parameter(lstmBias))
  }

  /// The attention keys: the encoder's memory projected once per sequence.
  func keys(graph: Graph, memory: Tensor) -> Tensor {
    graph.matmul(memory, graph.parameter(keyWeight))
  }

  /// One step: consumes the previous symbol (its gates' share from
  /// ``symbolGates(graph:embeddings:)``), attends, and returns the logits
  /// over the vocabulary.
  /// - Returns: Logits `[batch, V]`, the new state and the attention weights.
  func step(
    graph: Graph, state: DecoderState, symbolGates: Tensor, featureGates: Tensor, memory: Tensor, keys: Tensor,
    lengths: [Int], steps: Int, dropout: Float, random: inout SeededRandom
  ) -> (logits: Tensor, state: DecoderState, attention: [Float]) {
    let recurrent = graph.matmul(
      graph.concatColumns([state.output, state.hidden]), graph.parameter(recurrentWeight))
    let gates = graph.add(graph.add(symbolGates, featureGates), recurrent)
    let (h, c) = graph.lstmCell(gates: gates, cell: state.cell, hidden: state.hidden, mask: nil)
    let (context, weights) = graph.attention(memory: memory, keys: keys, query: h, lengths: lengths, steps: steps)
    var o = graph.tanh(
      graph.linear(graph.concatColumns([h, context]), graph.parameter(outputWeight), graph.parameter(outputBias)))
    o = graph.dropout(o, rate: dropout, random: &random)
    let logits = graph.linear(o, graph.parameter(vocabularyWeight), graph.parameter(vocabularyBias))
    return (logits, DecoderState(hidden: h, cell: c, output: o), weights)
  }
}
