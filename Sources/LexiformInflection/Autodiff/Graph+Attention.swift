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
        var noGrad: [Float] = []
        var memoryGrad = memory.needsGrad ? memory.grad : noGrad
        var keysGrad = keys.needsGrad ? keys.grad : noGrad
        var queryGrad = query.needsGrad ? query.grad : noGrad
        if memory.needsGrad { memory.grad = [] }
        if keys.needsGrad { keys.grad = [] }
        if query.needsGrad { query.grad = [] }
        result.grad.withUnsafeBufferPointer { gp in
          memory.value.withUnsafeBufferPointer { mp in
            keys.value.withUnsafeBufferPointer { kp in
              query.value.withUnsafeBufferPointer { qp in
                memoryGrad.withUnsafeMutableBufferPointer { mg in
                  keysGrad.withUnsafeMutableBufferPointer { kg in
                    queryGrad.withUnsafeMutableBufferPointer { qg in
                      for i in 0..<batch {
                        let n = max(1, min(lengths[i], steps))
                        let g = gp.baseAddress! + i * d
                        var dot: Float = 0
                        for t in 0..<n {
                          let row = i * steps + t
                          let m = mp.baseAddress! + row * d
                          var s: Float = 0
                          for j in 0..<d { s += g[j] * m[j] }
                          dAlpha[t] = s
                          let a = alpha[row]
                          dot += a * s
                          if memory.needsGrad, let base = mg.baseAddress {
                            let dm = base + row * d
                            for j in 0..<d { dm[j] += a * g[j] }
                          }
                        }
                        let qq = qp.baseAddress! + i * q
                        for t in 0..<n {
                          let row = i * steps + t
                          let ds = alpha[row] * (dAlpha[t] - dot)
                          if keys.needsGrad, let base = kg.baseAddress {
                            let dk = base + row * q
                            for j in 0..<q { dk[j] += ds * qq[j] }
                          }
                          if query.needsGrad, let base = qg.baseAddress {
                            let dq = base + i * q
                            let k = kp.baseAddress! + row * q
                            for j in 0..<q { dq[j] += ds * k[j] }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        if memory.needsGrad { memory.grad = memoryGrad }
        if keys.needsGrad { keys.grad = keysGrad }
        if query.needsGrad { query.grad = queryGrad }
        noGrad.removeAll()
      }
    }
    return (result, alpha)
  }
}
