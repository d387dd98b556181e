import LexiformCore

/// A row-major matrix in a computation ``Graph``: its value and, once
/// something downstream needs it, the gradient of the loss with respect to it.
///
/// Batched values are `rows = batch` (or `batch × time`), `cols = features`.
final class Tensor {
  /// Number of rows.
  let rows: Int
  /// Number of columns.
  let cols: Int
  /// The values, `rows × cols`, row-major. (Not checked for exclusive
  /// access at run time: a graph is used by one thread, and the checks cost
  /// several percent of training.)
  @exclusivity(unchecked) var value: [Float]
  /// ∂loss/∂value, `rows × cols`; empty until ``ensureGrad()``.
  @exclusivity(unchecked) var grad: [Float] = []
  /// Whether the gradient is wanted (false for inputs and constants).
  let needsGrad: Bool
  /// Whether this is a model parameter: the gradients of products with it
  /// are deferred and computed in one matrix product (``Graph/backward(from:)``).
  var isParameter = false

  /// Creates a tensor.
  init(rows: Int, cols: Int, value: [Float], needsGrad: Bool) {
    assert(value.count == rows * cols, "tensor value has \(value.count) elements, expected \(rows)×\(cols)")
    self.rows = rows
    self.cols = cols
    self.value = value
    self.needsGrad = needsGrad
  }

  /// Element count.
  var count: Int { rows * cols }

  /// Allocates the gradient (zeros) if it is not there yet.
  @inline(__always)
  func ensureGrad() {
    if grad.isEmpty { grad = [Float](repeating: 0, count: rows * cols) }
  }
}

/// A trainable weight matrix (or bias row) of a model.
final class Parameter {
  /// A name for serialization and diagnostics, such as `encoder.forward.weight`.
  let name: String
  /// Number of rows.
  let rows: Int
  /// Number of columns.
  let cols: Int
  /// The weights, row-major. (Not checked for exclusive access at run
  /// time: shards only read them, and the optimizer writes them between
  /// batches.)
  @exclusivity(unchecked) var value: [Float]
  /// The parameter's position in its ``ParameterSet``.
  let index: Int

  init(name: String, rows: Int, cols: Int, value: [Float], index: Int) {
    self.name = name
    self.rows = rows
    self.cols = cols
    self.value = value
    self.index = index
  }
}

/// The parameters of a model, in a fixed order (the order of creation), so
/// that gradients are reduced and weights serialized deterministically.
final class ParameterSet {
  /// The parameters in creation order.
  private(set) var parameters: [Parameter] = []

  /// Total number of weights.
  var weightCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

  /// Adds a parameter initialized uniformly in `[-scale, scale]`, or to
  /// `constant` when one is given.
  /// - Parameters:
  ///   - name: The parameter's name.
  ///   - rows: Rows.
  ///   - cols: Columns.
  ///   - scale: The half-width of the uniform initialization.
  ///   - constant: A value for every weight instead (biases).
  ///   - random: The initialization's generator.
  /// - Returns: The parameter.
  func add(
    _ name: String, rows: Int, cols: Int, scale: Float, constant: Float? = nil, random: inout SeededRandom
  ) -> Parameter {
    var value = [Float](repeating: constant ?? 0, count: rows * cols)
    if constant == nil {
      for i in value.indices { value[i] = Float(random.unitDouble() * 2 - 1) * scale }
    }
    let p = Parameter(name: name, rows: rows, cols: cols, value: value, index: parameters.count)
    parameters.append(p)
    return p
  }

  /// A copy of every weight, to restore later (the best epoch's model).
  func snapshot() -> [[Float]] { parameters.map(\.value) }

  /// Restores weights taken by ``snapshot()``.
  func restore(_ values: [[Float]]) {
    for (p, v) in zip(parameters, values) where v.count == p.value.count { p.value = v }
  }
}
