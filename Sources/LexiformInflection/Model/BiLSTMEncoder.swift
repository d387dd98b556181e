import LexiformCore

/// A bidirectional LSTM over the lemma's symbols (Graves & Schmidhuber
/// 2005), the encoder of Kann & Schütze (2016, SIGMORPHON), which won the
/// 2016 shared task.
struct BiLSTMEncoder {
  let forwardInput: Parameter
  let forwardRecurrent: Parameter
  let forwardBias: Parameter
  let backwardInput: Parameter
  let backwardRecurrent: Parameter
  let backwardBias: Parameter
  let hidden: Int

  /// Creates the encoder's parameters in `parameters`.
  init(parameters: ParameterSet, inputSize: Int, hidden: Int, random: inout SeededRandom) {
    self.hidden = hidden
    let scale: Float = 0.1
    func make(_ direction: String) -> (Parameter, Parameter, Parameter) {
      let input = parameters.add(
        "encoder.\(direction).input", rows: inputSize, cols: 4 * hidden, scale: scale, random: &random)
      let recurrent = parameters.add(
        "encoder.\(direction).recurrent", rows: hidden, cols: 4 * hidden, scale: scale, random: &random)
      let bias = parameters.add(
        "encoder.\(direction).bias", rows: 1, cols: 4 * hidden, scale: 0, constant: 0, random: &random)
      Self.setForgetBias(bias, hidden: hidden)
      return (input, recurrent, bias)
    }
    (forwardInput, forwardRecurrent, forwardBias) = make("forward")
    (backwardInput, backwardRecurrent, backwardBias) = make("backward")
  }

  /// Initializes the forget gate's bias to 1 (Jozefowicz, Zaremba &
  /// Sutskever 2015, ICML).
  static func setForgetBias(_ bias: Parameter, hidden: Int) {
    for j in hidden..<(2 * hidden) { bias.value[j] = 1 }
  }

  /// Runs both directions over the inputs.
  ///
  /// The input projections of all steps are one matrix product; only the
  /// recurrent part is computed step by step.
  /// - Parameters:
  ///   - inputs: `[steps × batch, E]`, time-major (row `t × batch + i`).
  ///   - batch: Rows per step.
  ///   - masks: Per step, 1 for a real symbol and 0 for padding, per row.
  /// - Returns: The hidden states of each direction per step.
  func encode(graph: Graph, inputs: Tensor, batch: Int, masks: [[Float]]) -> (forward: [Tensor], backward: [Tensor]) {
    let steps = masks.count
    func run(_ input: Parameter, _ recurrent: Parameter, _ bias: Parameter, reversed: Bool) -> [Tensor] {
      let projected = graph.linear(inputs, graph.parameter(input), graph.parameter(bias))
      let w = graph.parameter(recurrent)
      var h = graph.zeros(rows: batch, cols: hidden)
      var c = graph.zeros(rows: batch, cols: hidden)
      var states = [Tensor?](repeating: nil, count: steps)
      for k in 0..<steps {
        let t = reversed ? steps - 1 - k : k
        let gates = graph.add(graph.sliceRows(projected, start: t * batch, count: batch), graph.matmul(h, w))
        (h, c) = graph.lstmCell(gates: gates, cell: c, hidden: h, mask: masks[t])
        states[t] = h
      }
      return states.map { $0 ?? h }
    }
    return (
      run(forwardInput, forwardRecurrent, forwardBias, reversed: false),
      run(backwardInput, backwardRecurrent, backwardBias, reversed: true)
    )
  }
}
