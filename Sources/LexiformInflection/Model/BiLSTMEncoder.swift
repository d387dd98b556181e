import LexiformCore

/// A bidirectional LSTM over the lemma's symbols (Graves & Schmidhuber
/// 2005), the encoder of Kann & Schütze (2016, SIGMORPHON), which won the
/// 2016 shared task.
struct BiLSTMEncoder {
  let forwardWeight: Parameter
  let forwardBias: Parameter
  let backwardWeight: Parameter
  let backwardBias: Parameter
  let hidden: Int

  /// Creates the encoder's parameters in `parameters`.
  init(parameters: ParameterSet, inputSize: Int, hidden: Int, random: inout SeededRandom) {
    self.hidden = hidden
    let scale: Float = 0.1
    forwardWeight = parameters.add(
      "encoder.forward.weight", rows: inputSize + hidden, cols: 4 * hidden, scale: scale, random: &random)
    forwardBias = parameters.add(
      "encoder.forward.bias", rows: 1, cols: 4 * hidden, scale: 0, constant: 0, random: &random)
    backwardWeight = parameters.add(
      "encoder.backward.weight", rows: inputSize + hidden, cols: 4 * hidden, scale: scale, random: &random)
    backwardBias = parameters.add(
      "encoder.backward.bias", rows: 1, cols: 4 * hidden, scale: 0, constant: 0, random: &random)
    Self.setForgetBias(forwardBias, hidden: hidden)
    Self.setForgetBias(backwardBias, hidden: hidden)
  }

  /// Initializes the forget gate's bias to 1 (Jozefowicz, Zaremba &
  /// Sutskever 2015, ICML).
  static func setForgetBias(_ bias: Parameter, hidden: Int) {
    for j in hidden..<(2 * hidden) { bias.value[j] = 1 }
  }

  /// Runs both directions over `inputs` (one `[batch, E]` tensor per step).
  /// - Parameters:
  ///   - masks: Per step, 1 for a real symbol and 0 for padding, per row.
  /// - Returns: The hidden states of each direction per step, and each
  ///   direction's final state (after the last real symbol going forward,
  ///   after the first going backward).
  func encode(graph: Graph, inputs: [Tensor], masks: [[Float]]) -> (forward: [Tensor], backward: [Tensor]) {
    let batch = inputs[0].rows
    let steps = inputs.count
    let fw = graph.parameter(forwardWeight)
    let fb = graph.parameter(forwardBias)
    let bw = graph.parameter(backwardWeight)
    let bb = graph.parameter(backwardBias)
    var h = graph.zeros(rows: batch, cols: hidden)
    var c = graph.zeros(rows: batch, cols: hidden)
    var forward: [Tensor] = []
    forward.reserveCapacity(steps)
    for t in 0..<steps {
      let gates = graph.linear(graph.concatColumns([inputs[t], h]), fw, fb)
      (h, c) = graph.lstmCell(gates: gates, cell: c, hidden: h, mask: masks[t])
      forward.append(h)
    }
    h = graph.zeros(rows: batch, cols: hidden)
    c = graph.zeros(rows: batch, cols: hidden)
    var backward = [Tensor?](repeating: nil, count: steps)
    for t in stride(from: steps - 1, through: 0, by: -1) {
      let gates = graph.linear(graph.concatColumns([inputs[t], h]), bw, bb)
      (h, c) = graph.lstmCell(gates: gates, cell: c, hidden: h, mask: masks[t])
      backward[t] = h
    }
    return (forward, backward.map { $0 ?? h })
  }
}
