internal import COpenBLAS

/// Matrix products through OpenBLAS's `cblas_sgemm`, the one place the
/// neural model calls C.
///
/// OpenBLAS is kept to one thread: the trainer runs its own threads over
/// fixed shards of each batch, so that results do not depend on how many
/// threads there are (``NeuralTrainer``).
enum BLAS {
  /// Sets OpenBLAS to one thread, once per process.
  static let singleThreaded: Void = {
    openblas_set_num_threads(1)
  }()

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
    _ = singleThreaded
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    let lda = transposeA ? m : k
    let ldb = transposeB ? k : n
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
  }
}
