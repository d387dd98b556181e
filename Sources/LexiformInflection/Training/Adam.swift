#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Adam optimizer (Kingma & Ba 2015, ICLR, Algorithm 1), with the
/// gradients first scaled to a maximum global L2 norm (Pascanu, Mikolov &
/// Bengio 2013, ICML).
struct Adam {
  var learningRate: Float
  let beta1: Float = 0.9
  let beta2: Float = 0.999
  let epsilon: Float = 1e-8
  let clip: Float
  private var first: [[Float]]
  private var second: [[Float]]
  private var step = 0

  init(parameters: ParameterSet, learningRate: Float, clip: Float) {
    self.learningRate = learningRate
    self.clip = clip
    first = parameters.parameters.map { [Float](repeating: 0, count: $0.value.count) }
    second = first
  }

  /// Applies one update.
  /// - Parameter gradients: Per parameter (by index), its gradient, or
  ///   empty when the parameter was not used.
  mutating func update(_ parameters: ParameterSet, gradients: [[Float]]) {
    step += 1
    var squares: Double = 0
    for g in gradients { for x in g { squares += Double(x) * Double(x) } }
    let norm = Float(squares.squareRoot())
    let factor: Float = norm > clip && norm > 0 ? clip / norm : 1
    let correction1 = 1 - powf(beta1, Float(step))
    let correction2 = 1 - powf(beta2, Float(step))
    let rate = learningRate * correction2.squareRoot() / correction1
    for (k, p) in parameters.parameters.enumerated() {
      let g = gradients[k]
      guard !g.isEmpty else { continue }
      g.withUnsafeBufferPointer { gp in
        first[k].withUnsafeMutableBufferPointer { m in
          second[k].withUnsafeMutableBufferPointer { v in
            p.value.withUnsafeMutableBufferPointer { w in
              var i = 0
              // Eight weights at a time, each with the same operations in
              // the same order as the loop below (so the same bits). Debug
              // builds do not specialize SIMD and take the loop.
              #if !DEBUG
                guard let g8 = gp.baseAddress, let m8 = m.baseAddress, let v8 = v.baseAddress, let w8 = w.baseAddress
                else { return }
                let (b1, b2) = (SIMD8<Float>(repeating: beta1), SIMD8<Float>(repeating: beta2))
                let (c1, c2) = (SIMD8<Float>(repeating: 1 - beta1), SIMD8<Float>(repeating: 1 - beta2))
                let (f8, r8, e8) = (SIMD8<Float>(repeating: factor), SIMD8<Float>(repeating: rate), SIMD8<Float>(repeating: epsilon))
                while i + 8 <= w.count {
                  let gi = load8(g8 + i) * f8
                  let mi = b1 * load8(m8 + i) + c1 * gi
                  let vi = b2 * load8(v8 + i) + c2 * gi * gi
                  store8(mi, m8 + i)
                  store8(vi, v8 + i)
                  store8(load8(w8 + i) - r8 * mi / (vi.squareRoot() + e8), w8 + i)
                  i += 8
                }
              #endif
              while i < w.count {
                let gi = gp[i] * factor
                m[i] = beta1 * m[i] + (1 - beta1) * gi
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
                w[i] -= rate * m[i] / (v[i].squareRoot() + epsilon)
                i += 1
              }
            }
          }
        }
      }
    }
  }
}
