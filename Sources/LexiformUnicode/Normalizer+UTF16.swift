internal import _LexiformICUShims

extension Normalizer {
  /// Whether normalization never combines `scalar` with the text before it,
  /// so that text may be normalized in pieces split before such characters
  /// (ICU's `unorm2_hasBoundaryBefore`).
  /// - Parameter scalar: A code point.
  /// - Returns: `true` when a piece may start at `scalar`.
  public func hasBoundary(before scalar: Unicode.Scalar) -> Bool {
    _lexiform_icu_normalizer_has_boundary_before(instance, scalar.value) != 0
  }

  /// Normalizes UTF-16 text and appends the result to `output`, without
  /// creating strings: the building block for normalizing pieces of a line
  /// while keeping track of where each piece came from.
  /// - Parameters:
  ///   - source: UTF-16 code units (may be empty).
  ///   - output: Receives the normalized code units, appended.
  /// - Throws: ``UnicodeError`` if ICU fails.
  /// - Complexity: O(*n*).
  public func normalize(utf16 source: UnsafeBufferPointer<UInt16>, appendingTo output: inout [UInt16]) throws(UnicodeError) {
    guard let base = source.baseAddress, !source.isEmpty else { return }
    let pointer = instance
    let result = ICU.withPreflight("normalizing to \(form.rawValue)") { destination, capacity, status in
      _lexiform_icu_normalize(pointer, base, Int32(source.count), destination, capacity, &status)
    }
    output.append(contentsOf: try result.get())
  }
}

extension Normalizer {
  /// The length of the longest prefix of UTF-16 text that is surely in this
  /// normalizer's form (ICU's `unorm2_spanQuickCheckYes`, UAX #15 §9).
  /// - Parameter source: UTF-16 code units.
  /// - Returns: A length in code units; `source.count` when all of it is normalized.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public func normalizedPrefixLength(utf16 source: UnsafeBufferPointer<UInt16>) throws(UnicodeError) -> Int {
    guard let base = source.baseAddress, !source.isEmpty else { return 0 }
    var status: Int32 = 0
    let n = _lexiform_icu_normalized_prefix_length(instance, base, Int32(source.count), &status)
    return Int(try ICU.check(n, status, "checking \(form.rawValue)").get())
  }
}
