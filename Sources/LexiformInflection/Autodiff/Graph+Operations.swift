#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import LexiformCore

// The differentiable operations. Each computes its output and records the
// backward closure; shapes are checked with `assert` (they come from the
// model's code, never from data).

extension Graph {
  // MARK: Products and sums

  /// `x · w`: `[m, k] · [k, n] → [m, n]`.
  /// - Complexity: O(m·k·n), one `sgemm` forward, two backward.
  func matmul(_ x: Tensor, _ w: Tensor) -> Tensor {
    assert(x.cols == w.rows, "matmul \(x.rows)×\(x.cols) · \(w.rows)×\(w.cols)")
    let (m, k, n) = (x.rows, x.cols, w.cols)
    var out = [Float](repeating: 0, count: m * n)
    x.value.withUnsafeBufferPointer { xp in
      w.value.withUnsafeBufferPointer { wp in
        out.withUnsafeMutableBufferPointer { op in
          BLAS.gemm(
            transposeA: false, transposeB: false, m: m, n: n, k: k, xp.baseAddress!, wp.baseAddress!, beta: 0,
            op.baseAddress!)
        }
      }
    }
    let result = Tensor(rows: m, cols: n, value: out, needsGrad: x.needsGrad || w.needsGrad)
    if result.needsGrad {
      record { [unowned self] in self.matmulBackward(x, w, result) }
    }
    return result
  }

  /// The gradients of `x · w` (shared by ``matmul(_:_:)`` and ``linear(_:_:_:)``).
  func matmulBackward(_ x: Tensor, _ w: Tensor, _ result: Tensor) {
    guard !result.grad.isEmpty else { return }
    let (m, k, n) = (x.rows, x.cols, w.cols)
    result.grad.withUnsafeBufferPointer { gp in
      if x.needsGrad {
        x.ensureGrad()
        w.value.withUnsafeBufferPointer { wp in
          x.grad.withUnsafeMutableBufferPointer { xg in
            // dx = g · wᵀ
            BLAS.gemm(
              transposeA: false, transposeB: true, m: m, n: k, k: n, gp.baseAddress!, wp.baseAddress!, beta: 1,
              xg.baseAddress!)
          }
        }
      }
      if w.needsGrad && w.isParameter {
        deferProduct(weight: w, input: x, output: result)
      } else if w.needsGrad {
        w.ensureGrad()
        x.value.withUnsafeBufferPointer { xp in
          w.grad.withUnsafeMutableBufferPointer { wg in
            // dw = xᵀ · g
            BLAS.gemm(
              transposeA: true, transposeB: false, m: k, n: n, k: m, xp.baseAddress!, gp.baseAddress!, beta: 1,
              wg.baseAddress!)
          }
        }
      }
    }
  }

  /// `x · w + b`, the bias row `b` (`1 × n`) added to every row.
  /// - Complexity: O(m·k·n).
  func linear(_ x: Tensor, _ w: Tensor, _ b: Tensor) -> Tensor {
    assert(x.cols == w.rows && b.count == w.cols, "linear shapes")
    let (m, k, n) = (x.rows, x.cols, w.cols)
    var out = [Float](repeating: 0, count: m * n)
    out.withUnsafeMutableBufferPointer { op in
      b.value.withUnsafeBufferPointer { bp in
        for i in 0..<m { (op.baseAddress! + i * n).update(from: bp.baseAddress!, count: n) }
      }
      x.value.withUnsafeBufferPointer { xp in
        w.value.withUnsafeBufferPointer { wp in
          BLAS.gemm(
            transposeA: false, transposeB: false, m: m, n: n, k: k, xp.baseAddress!, wp.baseAddress!, beta: 1,
            op.baseAddress!)
        }
      }
    }
    let result = Tensor(rows: m, cols: n, value: out, needsGrad: x.needsGrad || w.needsGrad || b.needsGrad)
    if result.needsGrad {
      record { [unowned self] in
        guard !result.grad.isEmpty else { return }
        self.matmulBackward(x, w, result)
        if b.needsGrad {
          b.ensureGrad()
          result.grad.withUnsafeBufferPointer { gp in
            b.grad.withUnsafeMutableBufferPointer { bg in
              for i in 0..<m {
                let row = gp.baseAddress! + i * n
                for j in 0..<n { bg[j] += row[j] }
              }
            }
          }
        }
      }
    }
    return result
  }

  /// `a + b`, elementwise (same shapes).
  func add(_ a: Tensor, _ b: Tensor) -> Tensor {
    assert(a.rows == b.rows && a.cols == b.cols, "add shapes")
    var out = a.value
    b.value.withUnsafeBufferPointer { bp in
      out.withUnsafeMutableBufferPointer { op in
        for i in 0..<op.count { op[i] += bp[i] }
      }
    }
    let result = Tensor(rows: a.rows, cols: a.cols, value: out, needsGrad: a.needsGrad || b.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        for t in [a, b] where t.needsGrad {
          t.ensureGrad()
          Graph.accumulate(result.grad, into: &t.grad)
        }
      }
    }
    return result
  }

  /// `grad += delta`, elementwise.
  @inline(__always)
  static func accumulate(_ delta: [Float], into grad: inout [Float]) {
    delta.withUnsafeBufferPointer { dp in
      grad.withUnsafeMutableBufferPointer { gp in
        for i in 0..<gp.count { gp[i] += dp[i] }
      }
    }
  }

  // MARK: Elementwise nonlinearities and dropout

  /// `tanh(x)`, elementwise.
  func tanh(_ x: Tensor) -> Tensor {
    var out = x.value
    out.withUnsafeMutableBufferPointer { op in
      for i in 0..<op.count { op[i] = fastTanh(op[i]) }
    }
    let result = Tensor(rows: x.rows, cols: x.cols, value: out, needsGrad: x.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        x.ensureGrad()
        result.grad.withUnsafeBufferPointer { gp in
          result.value.withUnsafeBufferPointer { yp in
            x.grad.withUnsafeMutableBufferPointer { xg in
              for i in 0..<xg.count { xg[i] += gp[i] * (1 - yp[i] * yp[i]) }
            }
          }
        }
      }
    }
    return result
  }

  /// Inverted dropout (Srivastava et al. 2014, JMLR 15): each element is
  /// zeroed with probability `rate` and the others scaled by `1 / (1 − rate)`.
  /// Identity when `rate` is 0 or the graph is for prediction.
  /// - Parameters:
  ///   - x: The input.
  ///   - rate: The probability of zeroing an element.
  ///   - random: The generator for the mask (one draw per element).
  func dropout(_ x: Tensor, rate: Float, random: inout SeededRandom) -> Tensor {
    guard recordsTape, rate > 0 else { return x }
    let keep = 1 - rate
    var mask = [Float](repeating: 0, count: x.count)
    let threshold = UInt64(Double(rate) * 0x1p32)
    for i in mask.indices {
      // Two draws per 64-bit output: the high and low 32 bits.
      if i & 1 == 0 {
        let bits = random.next()
        mask[i] = (bits >> 32) >= threshold ? 1 / keep : 0
        if i + 1 < mask.count { mask[i + 1] = (bits & 0xFFFF_FFFF) >= threshold ? 1 / keep : 0 }
      }
    }
    var out = x.value
    for i in out.indices { out[i] *= mask[i] }
    let result = Tensor(rows: x.rows, cols: x.cols, value: out, needsGrad: x.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        x.ensureGrad()
        for i in x.grad.indices { x.grad[i] += result.grad[i] * mask[i] }
      }
    }
    return result
  }

  // MARK: Shape

  /// The columns of `parts` side by side (all with the same rows).
  func concatColumns(_ parts: [Tensor]) -> Tensor {
    let rows = parts[0].rows
    let cols = parts.reduce(0) { $0 + $1.cols }
    var out = [Float](repeating: 0, count: rows * cols)
    out.withUnsafeMutableBufferPointer { op in
      var offset = 0
      for p in parts {
        assert(p.rows == rows, "concat rows")
        p.value.withUnsafeBufferPointer { pp in
          for r in 0..<rows {
            (op.baseAddress! + r * cols + offset).update(from: pp.baseAddress! + r * p.cols, count: p.cols)
          }
        }
        offset += p.cols
      }
    }
    let result = Tensor(rows: rows, cols: cols, value: out, needsGrad: parts.contains { $0.needsGrad })
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        result.grad.withUnsafeBufferPointer { gp in
          var offset = 0
          for p in parts {
            if p.needsGrad {
              p.ensureGrad()
              p.grad.withUnsafeMutableBufferPointer { pg in
                for r in 0..<rows {
                  let src = gp.baseAddress! + r * cols + offset
                  let dst = pg.baseAddress! + r * p.cols
                  for j in 0..<p.cols { dst[j] += src[j] }
                }
              }
            }
            offset += p.cols
          }
        }
      }
    }
    return result
  }

  /// Interleaves per-time-step states into one `[batch × steps, a + b]`
  /// matrix whose row `i × steps + t` is `forward[t]` row `i` then
  /// `backward[t]` row `i`: the encoder's memory for attention.
  func stackTime(forward: [Tensor], backward: [Tensor]) -> Tensor {
    let steps = forward.count
    let batch = forward[0].rows
    let (a, b) = (forward[0].cols, backward[0].cols)
    let cols = a + b
    var out = [Float](repeating: 0, count: batch * steps * cols)
    for t in 0..<steps {
      let f = forward[t].value
      let g = backward[t].value
      for i in 0..<batch {
        let base = (i * steps + t) * cols
        for j in 0..<a { out[base + j] = f[i * a + j] }
        for j in 0..<b { out[base + a + j] = g[i * b + j] }
      }
    }
    let result = Tensor(
      rows: batch * steps, cols: cols, value: out,
      needsGrad: forward.contains { $0.needsGrad } || backward.contains { $0.needsGrad })
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        let g = result.grad
        for t in 0..<steps {
          let (f, h) = (forward[t], backward[t])
          if f.needsGrad { f.ensureGrad() }
          if h.needsGrad { h.ensureGrad() }
          for i in 0..<batch {
            let base = (i * steps + t) * cols
            if f.needsGrad { for j in 0..<a { f.grad[i * a + j] += g[base + j] } }
            if h.needsGrad { for j in 0..<b { h.grad[i * b + j] += g[base + a + j] } }
          }
        }
      }
    }
    return result
  }

  // MARK: Embeddings

  /// Rows of `table` selected by `ids`: `[ids.count, table.cols]`.
  func embedding(_ table: Tensor, _ ids: [Int32]) -> Tensor {
    gatherRows(table, ids.map { Int($0) })
  }

  /// The mean of the rows of `table` selected by each bag (a zero row for an
  /// empty bag): the feature bundle as a set of embeddings.
  func bagMean(_ table: Tensor, _ bags: [[Int32]]) -> Tensor {
    let d = table.cols
    var out = [Float](repeating: 0, count: bags.count * d)
    for (r, bag) in bags.enumerated() where !bag.isEmpty {
      let w = 1 / Float(bag.count)
      for id in bag {
        for j in 0..<d { out[r * d + j] += w * table.value[Int(id) * d + j] }
      }
    }
    let result = Tensor(rows: bags.count, cols: d, value: out, needsGrad: table.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        table.ensureGrad()
        for (r, bag) in bags.enumerated() where !bag.isEmpty {
          let w = 1 / Float(bag.count)
          for id in bag {
            for j in 0..<d { table.grad[Int(id) * d + j] += w * result.grad[r * d + j] }
          }
        }
      }
    }
    return result
  }
}

extension Graph {
  /// Rows `start ..< start + count` of `x`.
  func sliceRows(_ x: Tensor, start: Int, count: Int) -> Tensor {
    let c = x.cols
    let out = Array(x.value[(start * c)..<((start + count) * c)])
    let result = Tensor(rows: count, cols: c, value: out, needsGrad: x.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        x.ensureGrad()
        result.grad.withUnsafeBufferPointer { gp in
          x.grad.withUnsafeMutableBufferPointer { xg in
            let base = xg.baseAddress! + start * c
            for i in 0..<(count * c) { base[i] += gp[i] }
          }
        }
      }
    }
    return result
  }
}

extension Graph {
  /// The rows of `x` picked by `rows` (repeats allowed), in order:
  /// `[rows.count, x.cols]`; the gradient is added back to each picked row.
  /// - Complexity: O(rows.count · x.cols).
  func gatherRows(_ x: Tensor, _ rows: [Int]) -> Tensor {
    let c = x.cols
    var out = [Float](repeating: 0, count: rows.count * c)
    x.value.withUnsafeBufferPointer { xp in
      out.withUnsafeMutableBufferPointer { op in
        for (r, source) in rows.enumerated() {
          assert(source >= 0 && source < x.rows, "gatherRows index")
          (op.baseAddress! + r * c).update(from: xp.baseAddress! + source * c, count: c)
        }
      }
    }
    let result = Tensor(rows: rows.count, cols: c, value: out, needsGrad: x.needsGrad)
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        x.ensureGrad()
        result.grad.withUnsafeBufferPointer { gp in
          x.grad.withUnsafeMutableBufferPointer { xg in
            for (r, source) in rows.enumerated() {
              let src = gp.baseAddress! + r * c
              let dst = xg.baseAddress! + source * c
              for j in 0..<c { dst[j] += src[j] }
            }
          }
        }
      }
    }
    return result
  }

  /// The rows of `parts` one after the other (all with the same columns).
  /// - Complexity: O(total elements).
  func concatRows(_ parts: [Tensor]) -> Tensor {
    let c = parts[0].cols
    let rows = parts.reduce(0) { $0 + $1.rows }
    var out: [Float] = []
    out.reserveCapacity(rows * c)
    for p in parts {
      assert(p.cols == c, "concatRows columns")
      out += p.value
    }
    let result = Tensor(rows: rows, cols: c, value: out, needsGrad: parts.contains { $0.needsGrad })
    if result.needsGrad {
      record {
        guard !result.grad.isEmpty else { return }
        var offset = 0
        for p in parts {
          if p.needsGrad {
            p.ensureGrad()
            result.grad.withUnsafeBufferPointer { gp in
              p.grad.withUnsafeMutableBufferPointer { pg in
                let src = gp.baseAddress! + offset
                for j in 0..<pg.count { pg[j] += src[j] }
              }
            }
          }
          offset += p.count
        }
      }
    }
    return result
  }
}
