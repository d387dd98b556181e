#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Graph {
  /// One step of a long short-term memory cell (Hochreiter & Schmidhuber
  /// 1997, with the forget gate of Gers, Schmidhuber & Cummins 2000), fused.
  ///
  /// `gates` holds the pre-activations `[batch, 4H]` in the order input,
  /// forget, candidate, output (`W · [x; h] + b`, computed by the caller):
  /// `c = σ(f) ⊙ c₋₁ + σ(i) ⊙ tanh(g)`, `h = σ(o) ⊙ tanh(c)`. Where
  /// `mask[row]` is 0 (padding), the row keeps `c₋₁` and `h₋₁` unchanged.
  /// - Parameters:
  ///   - gates: `[batch, 4H]` pre-activations.
  ///   - cell: `[batch, H]`, the previous cell state.
  ///   - hidden: `[batch, H]`, the previous hidden state (used only where masked).
  ///   - mask: One 0 or 1 per row, or `nil` for all 1.
  /// - Returns: The new hidden and cell states.
  /// - Complexity: O(batch · H).
  func lstmCell(gates: Tensor, cell: Tensor, hidden: Tensor, mask: [Float]?) -> (hidden: Tensor, cell: Tensor) {
    let batch = gates.rows
    let h = gates.cols / 4
    assert(cell.cols == h && hidden.cols == h && cell.rows == batch, "lstm shapes")
    var act = [Float](repeating: 0, count: batch * 4 * h)  // σ(i), σ(f), tanh(g), σ(o)
    var c = [Float](repeating: 0, count: batch * h)
    var tc = [Float](repeating: 0, count: batch * h)
    var out = [Float](repeating: 0, count: batch * h)
    gates.value.withUnsafeBufferPointer { gp in
      cell.value.withUnsafeBufferPointer { cp in
        hidden.value.withUnsafeBufferPointer { hp in
          for r in 0..<batch {
            let keep = mask.map { $0[r] != 0 } ?? true
            let g = gp.baseAddress! + r * 4 * h
            if !keep {
              for j in 0..<h {
                c[r * h + j] = cp[r * h + j]
                out[r * h + j] = hp[r * h + j]
              }
              continue
            }
            for j in 0..<h {
              let i = 1 / (1 + expf(-g[j]))
              let f = 1 / (1 + expf(-g[h + j]))
              let cand = fastTanh(g[2 * h + j])
              let o = 1 / (1 + expf(-g[3 * h + j]))
              let cc = f * cp[r * h + j] + i * cand
              let t = fastTanh(cc)
              act[r * 4 * h + j] = i
              act[r * 4 * h + h + j] = f
              act[r * 4 * h + 2 * h + j] = cand
              act[r * 4 * h + 3 * h + j] = o
              c[r * h + j] = cc
              tc[r * h + j] = t
              out[r * h + j] = o * t
            }
          }
        }
      }
    }
    let needs = gates.needsGrad || cell.needsGrad || hidden.needsGrad
    let hiddenOut = Tensor(rows: batch, cols: h, value: out, needsGrad: needs)
    let cellOut = Tensor(rows: batch, cols: h, value: c, needsGrad: needs)
    if needs {
      record {
        guard !hiddenOut.grad.isEmpty || !cellOut.grad.isEmpty else { return }
        hiddenOut.ensureGrad()
        cellOut.ensureGrad()
        if gates.needsGrad { gates.ensureGrad() }
        if cell.needsGrad { cell.ensureGrad() }
        if hidden.needsGrad { hidden.ensureGrad() }
        var gatesGrad = gates.needsGrad ? gates.grad : []
        var cellGrad = cell.needsGrad ? cell.grad : []
        var hiddenGrad = hidden.needsGrad ? hidden.grad : []
        if gates.needsGrad { gates.grad = [] }
        if cell.needsGrad { cell.grad = [] }
        if hidden.needsGrad { hidden.grad = [] }
        hiddenOut.grad.withUnsafeBufferPointer { dhp in
          cellOut.grad.withUnsafeBufferPointer { dcp in
            cell.value.withUnsafeBufferPointer { cp in
              gatesGrad.withUnsafeMutableBufferPointer { gg in
                cellGrad.withUnsafeMutableBufferPointer { cg in
                  hiddenGrad.withUnsafeMutableBufferPointer { hg in
                    for r in 0..<batch {
                      let keep = mask.map { $0[r] != 0 } ?? true
                      if !keep {
                        for j in 0..<h {
                          if cell.needsGrad, let c = cg.baseAddress { c[r * h + j] += dcp[r * h + j] }
                          if hidden.needsGrad, let hh = hg.baseAddress { hh[r * h + j] += dhp[r * h + j] }
                        }
                        continue
                      }
                      for j in 0..<h {
                        let k = r * h + j
                        let a = r * 4 * h + j
                        let (i, f, cand, o) = (act[a], act[a + h], act[a + 2 * h], act[a + 3 * h])
                        let t = tc[k]
                        let dh = dhp[k]
                        let dc = dcp[k] + dh * o * (1 - t * t)
                        if gates.needsGrad, let g = gg.baseAddress {
                          g[a] += dc * cand * i * (1 - i)
                          g[a + h] += dc * cp[k] * f * (1 - f)
                          g[a + 2 * h] += dc * i * (1 - cand * cand)
                          g[a + 3 * h] += dh * t * o * (1 - o)
                        }
                        if cell.needsGrad, let c = cg.baseAddress { c[k] += dc * f }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        if gates.needsGrad { gates.grad = gatesGrad }
        if cell.needsGrad { cell.grad = cellGrad }
        if hidden.needsGrad { hidden.grad = hiddenGrad }
      }
    }
    return (hiddenOut, cellOut)
  }
}

/// `tanh(x)` as `1 − 2 / (1 + e^{2x})` through `expf`, which is several times
/// faster than glibc's `tanhf` (an `expm1f`); within 2 ulp of it away from 0,
/// and `x` itself near 0 where the formula would cancel.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
  if abs(x) < 0x1p-6 { return x * (1 - x * x / 3) }
  if x > 15 { return 1 }
  if x < -15 { return -1 }
  return 1 - 2 / (1 + expf(2 * x))
}
