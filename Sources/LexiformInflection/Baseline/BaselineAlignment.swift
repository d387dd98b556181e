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
  /// baseline does; costs are kept as integers (10, 10, 11) so that ties are
  /// exact. Where several alignments cost the same, the one preferring, at
  /// each step from the left, a match or substitution, then an insertion,
  /// then a deletion is returned, as the baseline's memoized recursion does.
  /// - Complexity: O(|s| · |t|).
  static func levenshtein(_ s: [Int32], _ t: [Int32]) -> (upper: [Int32], lower: [Int32]) {
    let n = s.count
    let m = t.count
    let width = m + 1
    // cost[i * width + j]: cheapest alignment of s[i...] with t[j...].
    var cost = [Int32](repeating: 0, count: (n + 1) * width)
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: m, through: 0, by: -1) {
        if i == n {
          cost[i * width + j] = Int32(m - j) * 10
        } else if j == m {
          cost[i * width + j] = Int32(n - i) * 10
        } else {
          let diagonal = cost[(i + 1) * width + j + 1] + (s[i] == t[j] ? 0 : 11)
          let insertion = cost[i * width + j + 1] + 10
          let deletion = cost[(i + 1) * width + j] + 10
          cost[i * width + j] = min(diagonal, insertion, deletion)
        }
      }
    }
    var upper: [Int32] = []
    var lower: [Int32] = []
    upper.reserveCapacity(n + m)
    lower.reserveCapacity(n + m)
    var i = 0
    var j = 0
    while i < n || j < m {
      if i == n {
        upper.append(gap)
        lower.append(t[j])
        j += 1
        continue
      }
      if j == m {
        upper.append(s[i])
        lower.append(gap)
        i += 1
        continue
      }
      let diagonal = cost[(i + 1) * width + j + 1] + (s[i] == t[j] ? 0 : 11)
      let insertion = cost[i * width + j + 1] + 10
      let here = cost[i * width + j]
      if diagonal == here {
        upper.append(s[i])
        lower.append(t[j])
        i += 1
        j += 1
      } else if insertion == here {
        upper.append(gap)
        lower.append(t[j])
        j += 1
      } else {
        upper.append(s[i])
        lower.append(gap)
        i += 1
      }
    }
    return (upper, lower)
  }

  /// The number of leading gaps.
  static func leadingGaps(_ a: [Int32]) -> Int { a.prefix { $0 == gap }.count }

  /// The number of trailing gaps.
  static func trailingGaps(_ a: [Int32]) -> Int { a.reversed().prefix { $0 == gap }.count }
}
