import LexiformCore

/// The decoder of the hard monotonic transducer (Aharoni & Goldberg 2017,
/// ACL, with the copy action of Makarov & Clematide 2018, EMNLP): an LSTM
/// whose input at each step is the previous action's embedding and the
/// encoder's state at the pointer, conditioned on the feature bundle, and
/// whose output is a distribution over ``EditActions``.
///
/// Attention is hard: the pointer is where the actions so far have moved
/// it, so in training every step's input is known in advance and all
/// input and output products are one matrix product each; only the
/// recurrence runs step by step.
struct TransducerDecoder {
  let actionEmbedding: Parameter
  let inputWeight: Parameter
  let featureWeight: Parameter
  let recurrentWeight: Parameter
  let lstmBias: Parameter
  let initialWeight: Parameter
  let initialBias: Parameter
  let outputWeight: Parameter
  let outputBias: Parameter
  let actionWeight: Parameter
  let actionBias: Parameter
  let hidden: Int
  let actions: EditActions

  /// Creates the decoder's parameters in `parameters`.
  /// - Parameters:
  ///   - memorySize: The encoder state size (both directions).
  ///   - actionSize: The action embedding size.
  ///   - featureSize: The feature embedding size.
  ///   - symbols: The symbol table's size.
  ///   - marks: The symbols' bases and tails, for re-marking copies (none without).
  init(
    parameters: ParameterSet, memorySize: Int, actionSize: Int, featureSize: Int, hidden: Int, symbols: Int,
    marks: SymbolMarks?, random: inout SeededRandom
  ) {
    self.hidden = hidden
    actions = EditActions(symbolCount: symbols, marks: marks)
    let s: Float = 0.1
    actionEmbedding = parameters.add(
      "transducer.embedding.actions", rows: actions.count, cols: actionSize, scale: s, random: &random)
    inputWeight = parameters.add(
      "transducer.lstm.input", rows: actionSize + memorySize, cols: 4 * hidden, scale: s, random: &random)
    featureWeight = parameters.add(
      "transducer.lstm.feature", rows: featureSize, cols: 4 * hidden, scale: s, random: &random)
    recurrentWeight = parameters.add(
      "transducer.lstm.recurrent", rows: hidden, cols: 4 * hidden, scale: s, random: &random)
    lstmBias = parameters.add(
      "transducer.lstm.bias", rows: 1, cols: 4 * hidden, scale: 0, constant: 0, random: &random)
    BiLSTMEncoder.setForgetBias(lstmBias, hidden: hidden)
    initialWeight = parameters.add(
      "transducer.initial.weight", rows: memorySize + featureSize, cols: hidden, scale: s, random: &random)
    initialBias = parameters.add(
      "transducer.initial.bias", rows: 1, cols: hidden, scale: 0, constant: 0, random: &random)
    outputWeight = parameters.add(
      "transducer.output.weight", rows: hidden + memorySize, cols: hidden, scale: s, random: &random)
    outputBias = parameters.add(
      "transducer.output.bias", rows: 1, cols: hidden, scale: 0, constant: 0, random: &random)
    actionWeight = parameters.add(
      "transducer.actions.weight", rows: hidden, cols: actions.count, scale: s, random: &random)
    actionBias = parameters.add(
      "transducer.actions.bias", rows: 1, cols: actions.count, scale: 0, constant: 0, random: &random)
  }

  /// The initial state from the encoder's final states and the features.
  func start(graph: Graph, finalStates: Tensor, features: Tensor) -> DecoderState {
    let batch = features.rows
    let h = graph.tanh(
      graph.linear(
        graph.concatColumns([finalStates, features]), graph.parameter(initialWeight), graph.parameter(initialBias)))
    let zeros = graph.zeros(rows: batch, cols: hidden)
    return DecoderState(hidden: h, cell: zeros, output: zeros)
  }

  /// The LSTM gates' share of the feature bundle, the same at every step.
  func featureGates(graph: Graph, features: Tensor) -> Tensor {
    graph.matmul(features, graph.parameter(featureWeight))
  }

  /// The LSTM gates' share of the previous actions and the states under
  /// the pointer (with the bias), for any number of rows.
  /// - Parameters:
  ///   - previous: The previous action of each row (`<s>` at the start).
  ///   - pointed: The encoder states under each row's pointer `[rows, memorySize]`.
  func inputGates(graph: Graph, previous: [Int32], pointed: Tensor, dropout: Float, random: inout SeededRandom)
    -> Tensor
  {
    let embedded = graph.dropout(
      graph.embedding(graph.parameter(actionEmbedding), previous), rate: dropout, random: &random)
    return graph.linear(
      graph.concatColumns([embedded, pointed]), graph.parameter(inputWeight), graph.parameter(lstmBias))
  }

  /// One recurrent step from the inputs' share of the gates.
  func recur(graph: Graph, state: DecoderState, inputGates: Tensor, featureGates: Tensor, mask: [Float]?)
    -> DecoderState
  {
    let gates = graph.add(
      graph.add(inputGates, featureGates), graph.matmul(state.hidden, graph.parameter(recurrentWeight)))
    let (h, c) = graph.lstmCell(gates: gates, cell: state.cell, hidden: state.hidden, mask: mask)
    return DecoderState(hidden: h, cell: c, output: h)
  }

  /// The action logits from the decoder's hidden states and the states
  /// under the pointer, for any number of rows.
  func logits(graph: Graph, hidden: Tensor, pointed: Tensor, dropout: Float, random: inout SeededRandom) -> Tensor {
    var o = graph.tanh(
      graph.linear(
        graph.concatColumns([hidden, pointed]), graph.parameter(outputWeight), graph.parameter(outputBias)))
    o = graph.dropout(o, rate: dropout, random: &random)
    return graph.linear(o, graph.parameter(actionWeight), graph.parameter(actionBias))
  }
}
