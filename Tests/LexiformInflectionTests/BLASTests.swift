import LexiformCore
import XCTest

@testable import LexiformInflection

/// OpenBLAS is opened on first use; the plain loop it falls back to must
/// compute the same products.
final class BLASTests: XCTestCase {
  func testOpenBLASIsLoadedOnFirstUse() {
    // The machines Lexiform is built on have libopenblas (tools/setup.sh).
    XCTAssertTrue(BLAS.isOpenBLAS)
  }

  func testFallbackLoopAgreesWithOpenBLASForEveryTransposition() {
    var random = SeededRandom(seed: 5)
    let (m, n, k) = (7, 5, 9)
    let a = (0..<(m * k)).map { _ in Float(random.unitDouble() * 2 - 1) }
    let b = (0..<(k * n)).map { _ in Float(random.unitDouble() * 2 - 1) }
    let start = (0..<(m * n)).map { _ in Float(random.unitDouble() * 2 - 1) }
    for transposeA in [false, true] {
      for transposeB in [false, true] {
        for beta: Float in [0, 1, 0.5] {
          var viaBLAS = start
          var viaLoop = start
          BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.75, a, b, beta: beta, &viaBLAS)
          BLAS.loopGemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.75, a, b, beta: beta, &viaLoop)
          // A hand-computed element: C[2][3].
          var expected = beta * start[2 * n + 3]
          for p in 0..<k {
            let x = transposeA ? a[p * m + 2] : a[2 * k + p]
            let y = transposeB ? b[3 * k + p] : b[p * n + 3]
            expected += 0.75 * x * y
          }
          XCTAssertEqual(viaLoop[2 * n + 3], expected, accuracy: 1e-5)
          for i in 0..<(m * n) {
            XCTAssertEqual(viaLoop[i], viaBLAS[i], accuracy: 1e-5, "transposeA \(transposeA) transposeB \(transposeB) beta \(beta) at \(i)")
          }
        }
      }
    }
  }
}
