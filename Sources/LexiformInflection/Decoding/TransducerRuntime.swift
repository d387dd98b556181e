#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import LexiformCore

/// The transducer's weights rearranged for prediction, and its forward pass
/// without the autodiff graph.
///
/// Everything that does not depend on the recurrent state is computed once:
/// each symbol's and each action's share of the LSTM gates is a table row
/// (embedding · input weights + bias), and each encoder state's share of
/// the decoder's input gates and output layer is computed once per source,
/// so a decoding step costs one `[rows × H] · [H × 4H]` product for the
/// recurrence, one `[rows × H] · [H × H]` for the output layer and one
/// `[rows × H] · [H × actions]` for the logits, whatever the beam width.
/// Computes what ``NeuralNetwork/encode(graph:sources:dropout:random:)`` and
/// ``TransducerDecoder`` compute with dropout 0, up to float rounding.
final class TransducerRuntime: @unchecked Sendable {
  /// Encoder size per direction, decoder size, feature embedding size, actions.
  let encoderHidden: Int
  let hidden: Int
  let featureSize: Int
  let actionCount: Int
  /// `[symbols, 4·He]` per direction: embedding · input weight + bias.
  private let symbolGatesForward: [Float]
  private let symbolGatesBackward: [Float]
  private let recurrentForward: [Float]
  private let recurrentBackward: [Float]
  private let featureEmbedding: [Float]
  private let featureWeight: [Float]
  private let initialWeight: [Float]
  private let initialBias: [Float]
  /// `[actions, 4H]`: action embedding · input weight + LSTM bias.
  private let actionGates: [Float]
  /// `[2·He, 4H]`: the memory's rows of the input weight.
  private let memoryInputWeight: [Float]
  private let recurrentWeight: [Float]
  private let outputHiddenWeight: [Float]
  private let outputMemoryWeight: [Float]
  private let outputBias: [Float]
  private let actionWeight: [Float]
  private let actionBias: [Float]

  /// The rearranged weights of `network` (which must be a transducer), as they are now.
  init(network: NeuralNetwork) {
    let t = network.transducer!
    let encoder = network.encoder
    let hp = network.hyperparameters
    encoderHidden = hp.encoderHidden
    hidden = hp.decoderHidden
    featureSize = hp.featureEmbedding
    actionCount = t.actions.count
    let e = hp.characterEmbedding
    let memory = 2 * encoderHidden
    func table(_ embedding: Parameter, _ weight: Parameter, rows: Range<Int>, bias: Parameter) -> [Float] {
      let n = weight.cols
      var out = [Float](repeating: 0, count: embedding.rows * n)
      for r in 0..<embedding.rows { for j in 0..<n { out[r * n + j] = bias.value[j] } }
      embedding.value.withUnsafeBufferPointer { ep in
        weight.value.withUnsafeBufferPointer { wp in
          out.withUnsafeMutableBufferPointer { op in
            BLAS.gemm(
              transposeA: false, transposeB: false, m: embedding.rows, n: n, k: rows.count, ep.baseAddress!,
              wp.baseAddress! + rows.lowerBound * n, beta: 1, op.baseAddress!)
          }
        }
      }
      return out
    }
    symbolGatesForward = table(network.symbolEmbedding, encoder.forwardInput, rows: 0..<e, bias: encoder.forwardBias)
    symbolGatesBackward = table(
      network.symbolEmbedding, encoder.backwardInput, rows: 0..<e, bias: encoder.backwardBias)
    recurrentForward = encoder.forwardRecurrent.value
    recurrentBackward = encoder.backwardRecurrent.value
    featureEmbedding = network.featureEmbedding.value
    featureWeight = t.featureWeight.value
    initialWeight = t.initialWeight.value
    initialBias = t.initialBias.value
    actionGates = table(t.actionEmbedding, t.inputWeight, rows: 0..<e, bias: t.lstmBias)
    memoryInputWeight = Array(t.inputWeight.value[(e * 4 * hidden)..<((e + memory) * 4 * hidden)])
    recurrentWeight = t.recurrentWeight.value
    outputHiddenWeight = Array(t.outputWeight.value[0..<(hidden * hidden)])
    outputMemoryWeight = Array(t.outputWeight.value[(hidden * hidden)..<((hidden + memory) * hidden)])
    outputBias = t.outputBias.value
    actionWeight = t.actionWeight.value
    actionBias = t.actionBias.value
  }

  /// A batch of sources, encoded.
  struct Encoded {
    /// Padded steps per source.
    var steps: Int
    /// `[batch × steps, 4H]`: each encoder state's share of the input gates.
    var memoryGates: [Float]
    /// `[batch × steps, H]`: each encoder state's share of the output layer, with its bias.
    var memoryOutput: [Float]
    /// `[batch, 4H]`: the features' share of the gates.
    var featureGates: [Float]
    /// `[batch, H]`: the decoder's initial hidden state (the cell starts at 0).
    var initialHidden: [Float]
  }

  /// Encodes `sources` (each `<s>`, symbols, `</s>`).
  func encode(_ sources: [NeuralSource]) -> Encoded {
    let batch = sources.count
    let steps = sources.reduce(1) { max($0, $1.symbols.count) }
    let he = encoderHidden
    let memoryWidth = 2 * he
    var memory = [Float](repeating: 0, count: batch * steps * memoryWidth)
    var finals = [Float](repeating: 0, count: batch * (memoryWidth + featureSize))
    let finalWidth = memoryWidth + featureSize
    var gates = [Float](repeating: 0, count: batch * 4 * he)
    for direction in 0..<2 {
      let symbolGates = direction == 0 ? symbolGatesForward : symbolGatesBackward
      let recurrent = direction == 0 ? recurrentForward : recurrentBackward
      var h = [Float](repeating: 0, count: batch * he)
      var c = [Float](repeating: 0, count: batch * he)
      for k in 0..<steps {
        let t = direction == 0 ? k : steps - 1 - k
        gates.withUnsafeMutableBufferPointer { gp in
          symbolGates.withUnsafeBufferPointer { sp in
            for (i, s) in sources.enumerated() {
              let id = t < s.symbols.count ? Int(s.symbols[t]) : Int(SpecialSymbols.padding)
              (gp.baseAddress! + i * 4 * he).update(from: sp.baseAddress! + id * 4 * he, count: 4 * he)
            }
          }
          h.withUnsafeBufferPointer { hp in
            recurrent.withUnsafeBufferPointer { wp in
              BLAS.gemm(
                transposeA: false, transposeB: false, m: batch, n: 4 * he, k: he, hp.baseAddress!, wp.baseAddress!,
                beta: 1, gp.baseAddress!)
            }
          }
        }
        for (i, s) in sources.enumerated() where t < s.symbols.count {
          gates.withUnsafeBufferPointer { gp in
            h.withUnsafeMutableBufferPointer { hp in
              c.withUnsafeMutableBufferPointer { cp in
                lstmActivate(
                  gp.baseAddress! + i * 4 * he, cell: cp.baseAddress! + i * he, hidden: hp.baseAddress! + i * he,
                  size: he)
              }
            }
          }
        }
        for i in 0..<batch {
          let base = (i * steps + t) * memoryWidth + direction * he
          for j in 0..<he { memory[base + j] = h[i * he + j] }
        }
      }
      for i in 0..<batch { for j in 0..<he { finals[i * finalWidth + direction * he + j] = h[i * he + j] } }
    }
    // The features: the mean of their embeddings (zero for none).
    var features = [Float](repeating: 0, count: batch * featureSize)
    for (i, s) in sources.enumerated() where !s.features.isEmpty {
      let w = 1 / Float(s.features.count)
      for id in s.features {
        for j in 0..<featureSize { features[i * featureSize + j] += w * featureEmbedding[Int(id) * featureSize + j] }
      }
      for j in 0..<featureSize { finals[i * finalWidth + memoryWidth + j] = features[i * featureSize + j] }
    }
    var initial = [Float](repeating: 0, count: batch * hidden)
    for i in 0..<batch { for j in 0..<hidden { initial[i * hidden + j] = initialBias[j] } }
    Self.multiply(finals, rows: batch, initialWeight, cols: hidden, into: &initial)
    for i in initial.indices { initial[i] = fastTanh(initial[i]) }
    var featureGates = [Float](repeating: 0, count: batch * 4 * hidden)
    Self.multiply(features, rows: batch, featureWeight, cols: 4 * hidden, into: &featureGates)
    var memoryGates = [Float](repeating: 0, count: batch * steps * 4 * hidden)
    Self.multiply(memory, rows: batch * steps, memoryInputWeight, cols: 4 * hidden, into: &memoryGates)
    var memoryOutput = [Float](repeating: 0, count: batch * steps * hidden)
    for r in 0..<(batch * steps) { for j in 0..<hidden { memoryOutput[r * hidden + j] = outputBias[j] } }
    Self.multiply(memory, rows: batch * steps, outputMemoryWeight, cols: hidden, into: &memoryOutput)
    return Encoded(
      steps: steps, memoryGates: memoryGates, memoryOutput: memoryOutput, featureGates: featureGates,
      initialHidden: initial)
  }

  /// `out += x · w` for `x` of `rows` rows and `w` of `cols` columns.
  private static func multiply(_ x: [Float], rows: Int, _ w: [Float], cols: Int, into out: inout [Float]) {
    guard rows > 0 else { return }
    let k = x.count / rows
    x.withUnsafeBufferPointer { xp in
      w.withUnsafeBufferPointer { wp in
        out.withUnsafeMutableBufferPointer { op in
          BLAS.gemm(
            transposeA: false, transposeB: false, m: rows, n: cols, k: k, xp.baseAddress!, wp.baseAddress!, beta: 1,
            op.baseAddress!)
        }
      }
    }
  }

  /// One decoding step for `rows.count` hypotheses: updates their states
  /// and writes the actions' log probabilities, `[rows × actions]`, times
  /// `weight`, added to `logProbs`.
  /// - Parameters:
  ///   - rows: Per hypothesis, its source's row in `encoded`, its pointer and its previous action.
  ///   - hiddenState: `[rows, H]`, replaced by the new hidden states.
  ///   - cellState: `[rows, H]`, replaced by the new cell states.
  func step(
    _ encoded: Encoded, rows: [(source: Int, pointer: Int, previous: Int32)], hiddenState: inout [Float],
    cellState: inout [Float], weight: Float, logProbs: inout [Float]
  ) {
    let n = rows.count
    let g4 = 4 * hidden
    var gates = [Float](repeating: 0, count: n * g4)
    gates.withUnsafeMutableBufferPointer { gp in
      actionGates.withUnsafeBufferPointer { ap in
        encoded.memoryGates.withUnsafeBufferPointer { mp in
          encoded.featureGates.withUnsafeBufferPointer { fp in
            for (r, row) in rows.enumerated() {
              let g = gp.baseAddress! + r * g4
              let a = ap.baseAddress! + Int(row.previous) * g4
              let m = mp.baseAddress! + (row.source * encoded.steps + row.pointer) * g4
              let f = fp.baseAddress! + row.source * g4
              for j in 0..<g4 { g[j] = a[j] + m[j] + f[j] }
            }
          }
        }
      }
      hiddenState.withUnsafeBufferPointer { hp in
        recurrentWeight.withUnsafeBufferPointer { wp in
          BLAS.gemm(
            transposeA: false, transposeB: false, m: n, n: g4, k: hidden, hp.baseAddress!, wp.baseAddress!, beta: 1,
            gp.baseAddress!)
        }
      }
      hiddenState.withUnsafeMutableBufferPointer { hp in
        cellState.withUnsafeMutableBufferPointer { cp in
          for r in 0..<n {
            lstmActivate(
              gp.baseAddress! + r * g4, cell: cp.baseAddress! + r * hidden, hidden: hp.baseAddress! + r * hidden,
              size: hidden)
          }
        }
      }
    }
    var output = [Float](repeating: 0, count: n * hidden)
    encoded.memoryOutput.withUnsafeBufferPointer { mp in
      output.withUnsafeMutableBufferPointer { op in
        for (r, row) in rows.enumerated() {
          (op.baseAddress! + r * hidden).update(
            from: mp.baseAddress! + (row.source * encoded.steps + row.pointer) * hidden, count: hidden)
        }
      }
    }
    Self.multiply(hiddenState, rows: n, outputHiddenWeight, cols: hidden, into: &output)
    output.withUnsafeMutableBufferPointer { op in
      var i = 0
      #if !DEBUG
        while i + 8 <= op.count {
          store8(vectorTanh(load8(op.baseAddress! + i)), op.baseAddress! + i)
          i += 8
        }
      #endif
      while i < op.count {
        op[i] = fastTanh(op[i])
        i += 1
      }
    }
    let a = actionCount
    var logits = [Float](repeating: 0, count: n * a)
    for r in 0..<n { for j in 0..<a { logits[r * a + j] = actionBias[j] } }
    Self.multiply(output, rows: n, actionWeight, cols: a, into: &logits)
    logits.withUnsafeBufferPointer { lp in
      logProbs.withUnsafeMutableBufferPointer { pp in
        for r in 0..<n {
          let x = lp.baseAddress! + r * a
          var m = -Float.infinity
          for j in 0..<a { m = max(m, x[j]) }
          var sum: Float = 0
          for j in 0..<a { sum += expf(x[j] - m) }
          let logSum = m + logf(sum)
          let p = pp.baseAddress! + r * a
          for j in 0..<a { p[j] += weight * (x[j] - logSum) }
        }
      }
    }
  }
}

/// The LSTM cell's update from its gates' pre-activations (input, forget,
/// candidate, output; see ``Graph/lstmCell(gates:cell:hidden:mask:)``), in
/// place on one row's cell and hidden state, eight values at a time.
@inline(__always)
func lstmActivate(
  _ gates: UnsafePointer<Float>, cell: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>, size h: Int
) {
  var j = 0
  // Debug builds do not specialize SIMD operations (they run hundreds of
  // times slower than scalar code there), so only optimized builds take
  // the vector path; ``vectorExp(_:)`` has a test of its own.
  #if DEBUG
    let vectorWidth = Int.max
  #else
    let vectorWidth = 8
  #endif
  while j + vectorWidth <= h {
    let i = vectorSigmoid(load8(gates + j))
    let f = vectorSigmoid(load8(gates + h + j))
    let candidate = vectorTanh(load8(gates + 2 * h + j))
    let o = vectorSigmoid(load8(gates + 3 * h + j))
    let c = f * load8(cell + j) + i * candidate
    store8(c, cell + j)
    store8(o * vectorTanh(c), hidden + j)
    j += 8
  }
  while j < h {
    let i = 1 / (1 + expf(-gates[j]))
    let f = 1 / (1 + expf(-gates[h + j]))
    let candidate = fastTanh(gates[2 * h + j])
    let o = 1 / (1 + expf(-gates[3 * h + j]))
    let c = f * cell[j] + i * candidate
    cell[j] = c
    hidden[j] = o * fastTanh(c)
    j += 1
  }
}

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
func load8(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> { load8(UnsafePointer(p)) }

@inline(__always)
func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

/// `e^x` for eight values: `x = n·ln 2 + r` with `|r| ≤ ln 2 / 2`, `e^r` by
/// its Taylor series to the 7th power (relative error below 2·10⁻⁷), and
/// `2^n` put into the exponent bits. Inputs are clamped to ±87, where
/// `e^x` is still a normal float.
@inline(__always)
func vectorExp(_ x: SIMD8<Float>) -> SIMD8<Float> {
  var x = x
  x.replace(with: -87, where: x .< -87)
  x.replace(with: 87, where: x .> 87)
  // Adding 1.5·2²³ rounds to an integer (to nearest, ties to even) and
  // leaves it in the low bits of the sum's bit pattern.
  let shifted = x * 1.442_695_04 + 0x1.8p23
  let n = shifted - 0x1.8p23
  // ln 2 in two parts, so that n · ln2High is exact.
  let r = (x - n * 0.693_145_752) - n * 1.428_606_8e-6
  var p = SIMD8<Float>(repeating: 1 / 5040)
  p = p * r + 1 / 720
  p = p * r + 1 / 120
  p = p * r + 1 / 24
  p = p * r + 1 / 6
  p = p * r + 0.5
  p = p * r + 1
  p = p * r + 1
  let scale = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
  return p * unsafeBitCast(scale, to: SIMD8<Float>.self)
}

/// The logistic function for eight values.
@inline(__always)
func vectorSigmoid(_ x: SIMD8<Float>) -> SIMD8<Float> {
  1 / (1 + vectorExp(-x))
}

/// `tanh` for eight values, as `1 − 2 / (1 + e^{2x})`.
@inline(__always)
func vectorTanh(_ x: SIMD8<Float>) -> SIMD8<Float> {
  1 - 2 / (1 + vectorExp(x + x))
}
