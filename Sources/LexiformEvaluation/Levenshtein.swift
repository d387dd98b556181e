/// The Levenshtein distance (Levenshtein 1966) between two strings, counted
/// in Unicode scalars as the shared tasks' `evalm.py` counts Python code
/// points: insertions, deletions and substitutions each cost 1.
///
/// - Complexity: O(*mn*) time, O(min(*m*, *n*)) memory.
/// - Parameters:
///   - a: One string.
///   - b: The other.
/// - Returns: The number of edits.
public func levenshteinDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.unicodeScalars)
  let y = Array(b.unicodeScalars)
  return levenshteinDistance(x, y)
}

/// The Levenshtein distance between two sequences.
/// - Complexity: O(*mn*) time, O(min(*m*, *n*)) memory.
/// - Parameters:
///   - a: One sequence.
///   - b: The other.
/// - Returns: The number of insertions, deletions and substitutions.
public func levenshteinDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
  let (long, short) = a.count >= b.count ? (a, b) : (b, a)
  if short.isEmpty { return long.count }
  var previous = Array(0...short.count)
  var current = [Int](repeating: 0, count: short.count + 1)
  for i in 1...long.count {
    current[0] = i
    for j in 1...short.count {
      let substitution = previous[j - 1] + (long[i - 1] == short[j - 1] ? 0 : 1)
      current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
    }
    swap(&previous, &current)
  }
  return previous[short.count]
}
