internal import _LexiformBLASShims

/// Matrix products through OpenBLAS's `cblas_sgemm`, the one place the
/// neural model calls C.
///
/// OpenBLAS is opened on the first product (so that commands that never
/// multiply matrices do not load it) and kept to one thread: the trainer runs
/// its own threads over fixed shards of each batch, so that results do not
/// depend on how many threads there are (``NeuralTrainer``). Without
/// OpenBLAS, products fall back to a plain loop.
enum BLAS {
  /// Whether products go through OpenBLAS (loading it if needed).
  static var isOpenBLAS: Bool { _lexiform_blas_is_openblas() != 0 }

  /// `C = alpha · op(A) · op(B) + beta · C`, row-major.
  ///
  /// - Parameters:
  ///   - transposeA: Whether `op(A)` is `Aᵀ` (`A` stored `k × m`) or `A` (`m × k`).
  ///   - transposeB: Whether `op(B)` is `Bᵀ` (`B` stored `n × k`) or `B` (`k × n`).
  ///   - m: Rows of `C`.
  ///   - n: Columns of `C`.
  ///   - k: The inner dimension.
  ///   - beta: 0 overwrites `C`, 1 accumulates into it.
  /// - Complexity: O(m·n·k).
  @inline(__always)
  static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, beta: Float, _ c: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    let lda = transposeA ? m : k
    let ldb = transposeB ? k : n
    _lexiform_blas_sgemm(
      transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta,
      c, Int32(n))
  }

  /// The product by the plain loop used without OpenBLAS (for tests).
  static func loopGemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, beta: Float, _ c: UnsafeMutablePointer<Float>
  ) {
    _lexiform_blas_sgemm_loop(
      transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a, Int32(transposeA ? m : k), b,
      Int32(transposeB ? k : n), beta, c, Int32(n))
  }
}
