#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Graph {
  /// Masked soft attention with multiplicative ("general") scores (Luong,
  /// Pham & Manning 2015, EMNLP, §3.1; Bahdanau, Cho & Bengio 2015).
  ///
  /// For each batch row `i`, the score of step `t < lengths[i]` is
  /// `keys[i, t] · query[i]`; the weights are their softmax over those
  /// steps (later steps get weight 0) and the context is the weighted sum of
  /// `memory[i, t]`.
  /// - Parameters:
  ///   - memory: `[batch × steps, D]`, row `i × steps + t`.
  ///   - keys: `[batch × steps, Q]`, the memory projected for scoring.
  ///   - query: `[batch, Q]`.
  ///   - lengths: The valid steps of each row (at least 1).
  ///   - steps: The padded number of steps.
  /// - Returns: The context `[batch, D]` and the weights (`batch × steps`).
  /// - Complexity: O(batch · steps · (D + Q)).
  func attention(memory: Tensor, keys: Tensor, query: Tensor, lengths: [Int], steps: Int)
    -> (context: Tensor, weights: [Float])
  {
    let batch = query.rows
    let (d, q) = (memory.cols, keys.cols)
    assert(memory.rows == batch * steps && keys.rows == batch * steps && query.cols == q, "attention shapes")
    var alpha = [Float](repeating: 0, count: batch * steps)
    var context = [Float](repeating: 0, count: batch * d)
    memory.value.withUnsafeBufferPointer { mp in
      keys.value.withUnsafeBufferPointer { kp in
        query.value.withUnsafeBufferPointer { qp in
          for i in 0..<batch {
            let n = max(1, min(lengths[i], steps))
            var maxScore = -Float.infinity
            for t in 0..<n {
              let k = kp.baseAddress! + (i * steps + t) * q
              let qq = qp.baseAddress! + i * q
              var s: Float = 0
              for j in 0..<q { s += k[j] * qq[j] }
              alpha[i * steps + t] = s
              maxScore = max(maxScore, s)
            }
            var sum: Float = 0
            for t in 0..<n {
              let e = expf(alpha[i * steps + t] - maxScore)
              alpha[i * steps + t] = e
              sum += e
            }
            for t in 0..<n {
              let a = alpha[i * steps + t] / sum
              alpha[i * steps + t] = a
              let m = mp.baseAddress! + (i * steps + t) * d
              for j in 0..<d { context[i * d + j] += a * m[j] }
            }
          }
        }
      }
    }
    let result = Tensor(
      rows: batch, cols: d, value: context, needsGrad: memory.needsGrad || keys.needsGrad || query.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        if memory.needsGrad { memory.ensureGrad() }
        if keys.needsGrad { keys.ensureGrad() }
        if query.needsGrad { query.ensureGrad() }
        var dAlpha = [Float](repeating: 0, count: steps)
        for i in 0..<batch {
          let n = max(1, min(lengths[i], steps))
          var dot: Float = 0
          for t in 0..<n {
            let row = (i * steps + t)
            var s: Float = 0
            for j in 0..<d { s += result.grad[i * d + j] * memory.value[row * d + j] }
            dAlpha[t] = s
            dot += alpha[i * steps + t] * s
            if memory.needsGrad {
              let a = alpha[i * steps + t]
              for j in 0..<d { memory.grad[row * d + j] += a * result.grad[i * d + j] }
            }
          }
          for t in 0..<n {
            let row = i * steps + t
            let ds = alpha[row] * (dAlpha[t] - dot)
            if keys.needsGrad { for j in 0..<q { keys.grad[row * q + j] += ds * query.value[i * q + j] } }
            if query.needsGrad { for j in 0..<q { query.grad[i * q + j] += ds * keys.value[row * q + j] } }
          }
        }
      }
    }
    return (result, alpha)
  }
}
