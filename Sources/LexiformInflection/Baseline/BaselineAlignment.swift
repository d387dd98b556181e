/// The two alignments of the shared tasks' non-neural baseline (Cotterell et
/// al. 2017, §4; the organisers' `baseline.py` of 2017 and `nonneural.py` of
/// 2020–2023, by Mans Hulden), on sequences of symbol ids.
///
/// A gap is ``gap`` (−1); real symbols are ≥ 0.
enum BaselineAlignment {
  /// The gap symbol in aligned sequences.
  static let gap: Int32 = -1

  /// Aligns by Hamming distance with the two strings slid past each other:
  /// every offset of `s` against `t` (both padded to `|s| + |t|` with gaps)
  /// is tried, the first with the fewest mismatches is kept, and columns
  /// that are gaps on both sides are dropped. Used only to tell whether a
  /// language is mostly prefixing or suffixing.
  /// - Complexity: O((|s| + |t|)²).
  static func hamming(_ s: [Int32], _ t: [Int32]) -> (upper: [Int32], lower: [Int32]) {
    let total = s.count + t.count
    var best = total + 1
    var bestUpper: [Int32] = []
    var bestLower: [Int32] = []
    func consider(_ upper: [Int32], _ lower: [Int32]) {
      var score = 0
      for k in 0..<total where upper[k] != lower[k] { score += 1 }
      if score < best {
        best = score
        bestUpper = upper
        bestLower = lower
      }
    }
    let gaps = { (n: Int) in [Int32](repeating: gap, count: n) }
    let lowerFixed = gaps(s.count) + t
    for upad in 0...t.count {
      consider(gaps(upad) + s + gaps(t.count - upad), lowerFixed)
    }
    let upperFixed = gaps(t.count) + s
    for lpad in 0...s.count {
      consider(upperFixed, gaps(s.count - lpad) + t + gaps(lpad))
    }
    var upper: [Int32] = []
    var lower: [Int32] = []
    for (u, l) in zip(bestUpper, bestLower) where u != gap || l != gap {
      upper.append(u)
      lower.append(l)
    }
    return (upper, lower)
  }

  /// Aligns by Levenshtein distance with insertions and deletions costing 1
  /// and substitutions 1.1 (so that `x:0`/`0:x` pairs are preferred), as the
  /// baseline does, reproducing its memoized recursion exactly: the costs
  /// are floating-point sums built in the same order, each remainder is
  /// cached as `total − cost so far` on its first visit and added back to
  /// later costs, and among options of equal total the first of match or
  /// substitution, insertion, deletion wins. (Exact integer costs would
  /// resolve some ties differently from the script; its rounding is part of
  /// the baseline.)
  /// - Complexity: O(|s| · |t| · (|s| + |t|)).
  static func levenshtein(_ s: [Int32], _ t: [Int32]) -> (upper: [Int32], lower: [Int32]) {
    let n = s.count
    let m = t.count
    let width = m + 1
    // Cached remainders: alignment of s[i...] with t[j...] and its cost.
    var cachedUpper = [[Int32]?](repeating: nil, count: (n + 1) * width)
    var cachedLower = [[Int32]](repeating: [], count: (n + 1) * width)
    var cachedCost = [Double](repeating: 0, count: (n + 1) * width)

    func visit(_ i: Int, _ j: Int, _ cost: Double) -> (upper: [Int32], lower: [Int32], total: Double) {
      let k = i * width + j
      if cachedUpper[k] == nil {
        let result = compute(i, j, cost)
        cachedUpper[k] = result.upper
        cachedLower[k] = result.lower
        cachedCost[k] = result.total - cost
      }
      return (cachedUpper[k] ?? [], cachedLower[k], cost + cachedCost[k])
    }

    func compute(_ i: Int, _ j: Int, _ cost: Double) -> (upper: [Int32], lower: [Int32], total: Double) {
      if i == n {
        return ([Int32](repeating: gap, count: m - j), Array(t[j...]), cost + Double(m - j))
      }
      if j == m {
        return (Array(s[i...]), [Int32](repeating: gap, count: n - i), cost + Double(n - i))
      }
      let add = s[i] == t[j] ? 0.0 : 1.1
      let diagonal = visit(i + 1, j + 1, cost + add)
      let insertion = visit(i, j + 1, cost + 1.0)
      let deletion = visit(i + 1, j, cost + 1.0)
      var best = ([s[i]] + diagonal.upper, [t[j]] + diagonal.lower, diagonal.total)
      if insertion.total < best.2 { best = ([gap] + insertion.upper, [t[j]] + insertion.lower, insertion.total) }
      if deletion.total < best.2 { best = ([s[i]] + deletion.upper, [gap] + deletion.lower, deletion.total) }
      return best
    }

    let result = visit(0, 0, 0)
    return (result.upper, result.lower)
  }

  /// The number of leading gaps.
  static func leadingGaps(_ a: [Int32]) -> Int { a.prefix { $0 == gap }.count }

  /// The number of trailing gaps.
  static func trailingGaps(_ a: [Int32]) -> Int { a.reversed().prefix { $0 == gap }.count }
}
