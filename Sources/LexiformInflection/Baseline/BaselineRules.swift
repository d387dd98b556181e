/// The prefix- and suffix-changing rules of one feature bundle, as training
/// collects them (``RuleIndex`` freezes them for prediction).
///
/// Symbols are ids ≥ 2; ``start`` (`<`) and ``end`` (`>`) mark the word's
/// edges. A suffix rule rewrites the end of `<lemma>` (its input ends with
/// `>`), a prefix rule its start (its input begins with `<`).
struct BundleRules: Sendable {
  /// The start-of-word mark.
  static let start: Int32 = 0
  /// The end-of-word mark.
  static let end: Int32 = 1

  /// One rule: its output, how many training pairs gave it, and when it was
  /// first seen (ties are broken by first appearance, as Python's dicts do).
  struct Rule: Sendable, Hashable {
    var output: [Int32]
    var count: Int32
    var order: Int32
  }

  /// Suffix rules by input.
  var suffix: [[Int32]: [Rule]] = [:]
  /// Prefix rules by input.
  var prefix: [[Int32]: [Rule]] = [:]
  /// The longest suffix-rule input.
  var longestSuffix = 0
  /// The longest prefix-rule input.
  var longestPrefix = 0
  /// How many rules were added (for first-appearance order).
  var added: Int32 = 0

  /// Adds one observation of a rule.
  mutating func add(suffix input: [Int32], _ output: [Int32]) {
    longestSuffix = max(longestSuffix, input.count)
    Self.add(&suffix, input, output, &added)
  }

  /// Adds one observation of a rule.
  mutating func add(prefix input: [Int32], _ output: [Int32]) {
    longestPrefix = max(longestPrefix, input.count)
    Self.add(&prefix, input, output, &added)
  }

  private static func add(_ table: inout [[Int32]: [Rule]], _ input: [Int32], _ output: [Int32], _ added: inout Int32) {
    if let k = table[input]?.firstIndex(where: { $0.output == output }) {
      table[input]?[k].count += 1
    } else {
      table[input, default: []].append(Rule(output: output, count: 1, order: added))
      added += 1
    }
  }

  /// Extracts the rules of one lemma–form pair (the baseline's
  /// `prefix_suffix_rules_get`): align with ``BaselineAlignment/levenshtein(_:_:)``,
  /// cut both aligned strings into prefix | stem | suffix where the leading
  /// and trailing gaps of either end, then take every suffix of
  /// `stem + suffix + >` on both sides as a suffix rule, and
  /// `< + prefix + stem[..<i]` as a prefix rule for each `i` below the
  /// form stem's length. Gaps are removed from the rules; duplicates within
  /// the pair are dropped.
  static func rules(lemma: [Int32], form: [Int32]) -> (prefix: [([Int32], [Int32])], suffix: [([Int32], [Int32])]) {
    let (a, f) = BaselineAlignment.levenshtein(lemma, form)
    let length = a.count
    let lspace = max(BaselineAlignment.leadingGaps(a), BaselineAlignment.leadingGaps(f))
    let tspace = max(BaselineAlignment.trailingGaps(a), BaselineAlignment.trailingGaps(f))
    // Python slice semantics: a[i:j] is empty when j <= i.
    func slice(_ x: [Int32], _ from: Int, _ to: Int) -> ArraySlice<Int32> {
      let lo = min(max(from, 0), x.count)
      let hi = min(max(to, lo), x.count)
      return x[lo..<hi]
    }
    let lp = slice(a, 0, lspace)
    let lr = slice(a, lspace, length - tspace)
    let ls = slice(a, length - tspace, length)
    let fp = slice(f, 0, lspace)
    let fr = slice(f, lspace, length - tspace)
    let fs = slice(f, length - tspace, length)
    let gap = BaselineAlignment.gap

    let ins = Array(lr) + Array(ls) + [end]
    let outs = Array(fr) + Array(fs) + [end]
    var suffixRules: [([Int32], [Int32])] = []
    var seen = Set<[Int32]>()
    for i in 0..<min(ins.count, outs.count) {
      let input = ins[i...].filter { $0 != gap }
      let output = outs[i...].filter { $0 != gap }
      if seen.insert(input + [gap] + output).inserted { suffixRules.append((input, output)) }
    }
    var prefixRules: [([Int32], [Int32])] = []
    seen.removeAll(keepingCapacity: true)
    let inp = [start] + lp.filter { $0 != gap }
    let outp = [start] + fp.filter { $0 != gap }
    let stem = Array(fr)
    for i in 0..<stem.count {
      let shared = stem[..<i].filter { $0 != gap }
      let input = inp + shared
      let output = outp + shared
      if seen.insert(input + [gap] + output).inserted { prefixRules.append((input, output)) }
    }
    return (prefixRules, suffixRules)
  }
}
