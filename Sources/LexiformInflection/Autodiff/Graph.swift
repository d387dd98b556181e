/// A reverse-mode automatic differentiation tape over batched matrices.
///
/// Each operation (``Graph+Operations.swift``) computes its output at once
/// and, when the graph is for training, records a closure that propagates the
/// output's gradient to its inputs. ``backward(from:)`` seeds the loss's
/// gradient with 1 and runs the closures in reverse order of recording — the
/// classical reverse accumulation of Linnainmaa (1970) and Speelpenning
/// (1980), as in Griewank & Walther, *Evaluating Derivatives* (SIAM, 2008),
/// chapter 3. Kernels are vectorized loops over contiguous rows and
/// OpenBLAS `sgemm` for matrix products.
///
/// A graph is used by one thread. Parameters are read-only while graphs
/// run; each graph collects its own parameter gradients (``parameterGradients()``),
/// which the trainer adds up in a fixed order.
final class Graph {
  /// Whether operations record their backward closures.
  let recordsTape: Bool
  private var tape: [() -> Void] = []
  /// Parameter tensors, by ``Parameter/index``.
  private var parameterTensors: [Int: (Parameter, Tensor)] = [:]
  /// For each parameter used as the right factor of products, the left
  /// factors and the products' gradients, in the order the tape met them.
  var deferredProducts: [Int: [(input: Tensor, output: Tensor)]] = [:]
  /// Parameter tensors by identity, to find their index.
  private var parameterIndex: [ObjectIdentifier: Int] = [:]

  /// Creates a graph.
  /// - Parameter recordsTape: `true` for training (gradients), `false` for
  ///   prediction (no tape, no gradients).
  init(recordsTape: Bool) {
    self.recordsTape = recordsTape
  }

  /// Records a backward closure (training graphs only).
  @inline(__always)
  func record(_ closure: @escaping () -> Void) {
    if recordsTape { tape.append(closure) }
  }

  /// The tensor for a parameter: its weights, and a gradient that
  /// accumulates over every use in this graph.
  func parameter(_ p: Parameter) -> Tensor {
    if let (_, t) = parameterTensors[p.index] { return t }
    let t = Tensor(rows: p.rows, cols: p.cols, value: p.value, needsGrad: recordsTape)
    t.isParameter = true
    parameterTensors[p.index] = (p, t)
    parameterIndex[ObjectIdentifier(t)] = p.index
    return t
  }

  /// A tensor that needs no gradient (inputs, masks).
  func constant(rows: Int, cols: Int, _ value: [Float]) -> Tensor {
    Tensor(rows: rows, cols: cols, value: value, needsGrad: false)
  }

  /// A tensor of zeros that needs no gradient.
  func zeros(rows: Int, cols: Int) -> Tensor {
    Tensor(rows: rows, cols: cols, value: [Float](repeating: 0, count: rows * cols), needsGrad: false)
  }

  /// Propagates gradients from `loss` (a 1 × 1 tensor) to every tensor that
  /// needs them.
  /// - Parameter loss: The scalar to differentiate; its gradient is seeded with 1.
  func backward(from loss: Tensor) {
    loss.ensureGrad()
    for i in loss.grad.indices { loss.grad[i] = 1 }
    for closure in tape.reversed() { closure() }
    tape.removeAll()
    flushDeferredProducts()
  }

  /// Defers `w.grad += xᵀ · g` for a parameter `w` until the tape has run.
  func deferProduct(weight w: Tensor, input x: Tensor, output g: Tensor) {
    guard let index = parameterIndex[ObjectIdentifier(w)] else { return }
    deferredProducts[index, default: []].append((x, g))
  }

  /// Computes each parameter's deferred `Σ xᵢᵀ · gᵢ` as one product
  /// `Xᵀ · G` of the stacked factors: one `sgemm` over all time steps
  /// instead of one per step, in a fixed order (parameter index, then tape order).
  private func flushDeferredProducts() {
    for index in deferredProducts.keys.sorted() {
      guard let (_, w) = parameterTensors[index], let items = deferredProducts[index] else { continue }
      let k = w.rows
      let n = w.cols
      let m = items.reduce(0) { $0 + $1.input.rows }
      var xs = [Float](repeating: 0, count: m * k)
      var gs = [Float](repeating: 0, count: m * n)
      var row = 0
      for (x, g) in items {
        let rows = x.rows
        xs.withUnsafeMutableBufferPointer { dst in
          x.value.withUnsafeBufferPointer { src in
            (dst.baseAddress! + row * k).update(from: src.baseAddress!, count: rows * k)
          }
        }
        gs.withUnsafeMutableBufferPointer { dst in
          if g.grad.isEmpty { return }
          g.grad.withUnsafeBufferPointer { src in
            (dst.baseAddress! + row * n).update(from: src.baseAddress!, count: rows * n)
          }
        }
        row += rows
      }
      w.ensureGrad()
      xs.withUnsafeBufferPointer { xp in
        gs.withUnsafeBufferPointer { gp in
          w.grad.withUnsafeMutableBufferPointer { wg in
            BLAS.gemm(
              transposeA: true, transposeB: false, m: k, n: n, k: m, xp.baseAddress!, gp.baseAddress!, beta: 1,
              wg.baseAddress!)
          }
        }
      }
    }
    deferredProducts.removeAll()
  }

  /// Each used parameter's accumulated gradient, by ``Parameter/index``
  /// (parameters that were not used are absent).
  func parameterGradients() -> [Int: [Float]] {
    var result: [Int: [Float]] = [:]
    for (index, (_, t)) in parameterTensors where !t.grad.isEmpty { result[index] = t.grad }
    return result
  }
}
