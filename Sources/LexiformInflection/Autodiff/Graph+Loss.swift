#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Graph {
  /// The summed negative log-likelihood of `targets` under the row-wise
  /// softmax of `logits`, skipping rows whose target is negative (padding):
  /// a `1 × 1` tensor.
  /// - Parameters:
  ///   - logits: `[batch, V]`.
  ///   - targets: One class per row, or −1 to skip the row.
  ///   - scale: A factor on the loss and its gradient (1 / batch size).
  /// - Complexity: O(batch · V).
  func crossEntropy(_ logits: Tensor, targets: [Int32], scale: Float = 1) -> Tensor {
    let (batch, v) = (logits.rows, logits.cols)
    var probabilities = [Float](repeating: 0, count: batch * v)
    var loss: Float = 0
    for r in 0..<batch where targets[r] >= 0 {
      let logProbs = Graph.logSoftmax(logits.value, row: r, width: v)
      for j in 0..<v { probabilities[r * v + j] = expf(logProbs[j]) }
      loss -= logProbs[Int(targets[r])]
    }
    let result = Tensor(rows: 1, cols: 1, value: [loss * scale], needsGrad: logits.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        let g = result.grad[0] * scale
        logits.ensureGrad()
        for r in 0..<batch where targets[r] >= 0 {
          for j in 0..<v { logits.grad[r * v + j] += g * probabilities[r * v + j] }
          logits.grad[r * v + Int(targets[r])] -= g
        }
      }
    }
    return result
  }

  /// The log-softmax of one row of a `[*, width]` matrix.
  static func logSoftmax(_ values: [Float], row: Int, width: Int) -> [Float] {
    var out = [Float](repeating: 0, count: width)
    values.withUnsafeBufferPointer { vp in
      let x = vp.baseAddress! + row * width
      var m = -Float.infinity
      for j in 0..<width { m = max(m, x[j]) }
      var sum: Float = 0
      for j in 0..<width { sum += expf(x[j] - m) }
      let logSum = m + logf(sum)
      for j in 0..<width { out[j] = x[j] - logSum }
    }
    return out
  }
}
