/// Rounds as Python 2.7's `round(x, digits)` does: the exact binary value of
/// `x` is rounded to `digits` decimals, halves away from zero. `evalm.py`
/// rounds its accuracy and mean distance this way before printing them, so
/// `1.235` (stored as 1.2350000000000000977) becomes 1.24 and `2.675`
/// (stored as 2.67499999999999982236) becomes 2.67.
///
/// - Parameters:
///   - x: A finite value.
///   - digits: Decimals to keep (0–4).
/// - Returns: The rounded value (the nearest double to the decimal result).
public func pythonRound(_ x: Double, digits: Int) -> Double {
  guard x.isFinite, digits >= 0, digits <= 4 else { return x }
  if x < 0 { return -pythonRound(-x, digits: digits) }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = x * scale
  guard scaled < 1e15 else { return x }
  // The candidates around x·10^d; pick by comparing x exactly with the
  // decimal midpoint (lo + ½)/10^d.
  var lo = scaled.rounded(.down)
  // x·10^d may itself be rounded across an integer: make lo ≤ x·10^d < lo+1 exactly.
  if compare(x, numerator: lo, scale: scale) < 0 { lo -= 1 }
  if compare(x, numerator: lo + 1, scale: scale) >= 0 { lo += 1 }
  let midpoint = compare(x, numerator: lo * 2 + 1, scale: scale * 2)
  return (midpoint >= 0 ? lo + 1 : lo) / scale
}

/// The sign of x − n/s, computed exactly (n, s non-negative integers below 2^53).
private func compare(_ x: Double, numerator n: Double, scale s: Double) -> Int {
  if x == 0 { return n == 0 ? 0 : -1 }
  // x = m·2^e exactly; compare m·2^e·s with n.
  let m = UInt128(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
  let e = Int(x.exponent) - 52
  let ns = UInt128(n)
  let ss = UInt128(s)
  var left = m * ss
  var right = ns
  if e >= 0 {
    guard e < 40 else { return 1 }
    left <<= UInt128(e)
  } else {
    guard -e < 75 else { return right == 0 ? 1 : -1 }
    right <<= UInt128(-e)
  }
  return left < right ? -1 : left > right ? 1 : 0
}
