/// A seeded, reproducible pseudorandom number generator.
///
/// The generator is xoshiro256** [Blackman & Vigna 2018], seeded through
/// SplitMix64 [Steele et al. 2014].
///
/// The same seed and stream give the same numbers on every platform and with
/// every Swift version: the generator and every derived method
/// (``uniform(below:)``, ``unitDouble()``, ``shuffle(_:)``, ``bernoulli(_:)``)
/// are implemented here and never defer to the standard library's
/// `random(in:using:)` or `shuffle(using:)`, whose algorithms may change.
///
/// Streams: ``init(seed:stream:)`` derives an independent generator for each
/// stream number (a shard, a line, a worker), so that parallel or reordered
/// work stays deterministic. Stream 0 is the plain SplitMix64 seeding of
/// the reference implementation, so `SeededRandom(seed: s)` produces the same
/// numbers as the authors' C code seeded with SplitMix64(`s`).
///
/// Not for cryptography.
///
/// [Blackman & Vigna 2018]: https://doi.org/10.1145/3460772
///   (D. Blackman, S. Vigna, "Scrambled Linear Pseudorandom Number
///   Generators", arXiv:1805.01407, 2018; ACM TOMS 47(4), 2021;
///   reference code https://prng.di.unimi.it/xoshiro256starstar.c)
/// [Steele et al. 2014]: https://doi.org/10.1145/2660193.2660195
///   (G. L. Steele Jr., D. Lea, C. H. Flood, "Fast Splittable Pseudorandom
///   Number Generators", OOPSLA 2014)
/// [Lemire 2019]: https://doi.org/10.1145/3230636
///   (D. Lemire, "Fast Random Integer Generation in an Interval",
///   ACM TOMACS 29(1), 2019, arXiv:1805.10941)
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator for stream 0 of `seed`.
  /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
  /// - Complexity: O(1).
  public init(seed: UInt64) {
    self.init(seed: seed, stream: 0)
  }

  /// Creates the generator for one stream of `seed`.
  ///
  /// Word *i* (0…3) of the xoshiro256** state is the *i*-th SplitMix64
  /// output for `seed`, XORed with the SplitMix64 finalizer applied to
  /// `stream × Kᵢ` for a fixed odd constant Kᵢ. The finalizer maps 0 to 0, so
  /// stream 0 is the reference seeding; any other stream changes all four
  /// words.
  /// - Parameters:
  ///   - seed: Any 64-bit value, usually the user's `--seed`.
  ///   - stream: Which independent stream of `seed` to produce, e.g. a shard
  ///     or line number.
  /// - Complexity: O(1).
  public init(seed: UInt64, stream: UInt64) {
    var x = seed
    let streamMultipliers: (UInt64, UInt64, UInt64, UInt64) = (
      0xD1B5_4A32_D192_ED03, 0xAEF1_7502_108E_F2D9, 0xCB24_D0A5_C88C_35B3, 0x8CB9_2BA7_2F3D_8DD7
    )
    s0 = Self.splitMix64(&x) ^ Self.mix64(stream &* streamMultipliers.0)
    s1 = Self.splitMix64(&x) ^ Self.mix64(stream &* streamMultipliers.1)
    s2 = Self.splitMix64(&x) ^ Self.mix64(stream &* streamMultipliers.2)
    s3 = Self.splitMix64(&x) ^ Self.mix64(stream &* streamMultipliers.3)
    if (s0 | s1 | s2 | s3) == 0 {
      // The all-zero state is a fixed point of xoshiro; it cannot come from
      // the seeding above in practice, but never get stuck in it.
      s0 = 0x9E37_79B9_7F4A_7C15
    }
  }

  /// The SplitMix64 output function: advances `state` by the golden gamma and
  /// returns the finalized value.
  private static func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return mix64(state)
  }

  /// The SplitMix64 finalizer (a bijection on 64-bit values that maps 0 to 0).
  private static func mix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inline(__always)
  private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
  }

  /// The next 64 random bits (xoshiro256**).
  /// - Returns: A uniformly distributed 64-bit value.
  /// - Complexity: O(1).
  public mutating func next() -> UInt64 {
    let result = Self.rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotateLeft(s3, 45)
    return result
  }

  /// A uniformly distributed integer in `0..<upperBound`, by Lemire's
  /// nearly divisionless method [Lemire 2019], which is unbiased.
  ///
  /// Consumes one 64-bit output, and rarely (with probability below
  /// `upperBound / 2⁶⁴`) more.
  /// - Parameter upperBound: The exclusive upper bound; must be positive.
  /// - Returns: A value `v` with `0 <= v < upperBound`.
  /// - Precondition: `upperBound > 0`; traps otherwise.
  /// - Complexity: O(1) expected.
  public mutating func uniform(below upperBound: UInt64) -> UInt64 {
    precondition(upperBound > 0, "SeededRandom.uniform(below:) needs a positive upper bound")
    var product = next().multipliedFullWidth(by: upperBound)
    if product.low < upperBound {
      // Reject the low products that would make some results more likely.
      let threshold = (0 &- upperBound) % upperBound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: upperBound)
      }
    }
    return product.high
  }

  /// A uniformly distributed integer in `0..<upperBound`; see
  /// ``uniform(below:)-(UInt64)``.
  /// - Parameter upperBound: The exclusive upper bound; must be positive.
  /// - Returns: A value `v` with `0 <= v < upperBound`.
  /// - Precondition: `upperBound > 0`; traps otherwise.
  /// - Complexity: O(1) expected.
  public mutating func uniform(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "SeededRandom.uniform(below:) needs a positive upper bound")
    return Int(truncatingIfNeeded: uniform(below: UInt64(truncatingIfNeeded: upperBound)))
  }

  /// A uniformly distributed `Double` in `[0, 1)` with 53 random bits: the
  /// top 53 bits of one output, times 2⁻⁵³.
  /// - Returns: A value `d` with `0 <= d < 1`, a multiple of 2⁻⁵³.
  /// - Complexity: O(1).
  public mutating func unitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Returns `true` with probability `p`.
  ///
  /// Always consumes exactly one output, so the
  /// rest of the stream does not depend on `p`.
  /// - Parameter p: The probability of `true`; values at or below 0 (and NaN)
  ///   always give `false`, values at or above 1 always give `true`.
  /// - Returns: Whether the event happened.
  /// - Complexity: O(1).
  public mutating func bernoulli(_ p: Double) -> Bool {
    unitDouble() < p
  }

  /// Shuffles `elements` in place by the Fisher–Yates method.
  ///
  /// This is Durstenfeld's version (Knuth, TAOCP volume 2, Algorithm
  /// 3.4.2 P), drawing each index with
  /// ``uniform(below:)-(Int)``: for `i` from the last position down to 1,
  /// swap position `i` with position `uniform(below: i + 1)`.
  /// - Parameter elements: The collection to permute.
  /// - Complexity: O(*n*) for *n* elements.
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(_ elements: inout C) {
    var i = elements.count - 1
    while i > 0 {
      let j = uniform(below: i + 1)
      if j != i {
        elements.swapAt(
          elements.index(elements.startIndex, offsetBy: i),
          elements.index(elements.startIndex, offsetBy: j))
      }
      i -= 1
    }
  }
}
