internal import _LexiformICUShims

extension WordBreakIterator {
  /// Finds every boundary of UTF-16 text without creating strings: the fast
  /// interface for tokenizers.
  ///
  /// `boundaries` receives each boundary after the start of the text, in
  /// order (the last one is `text.count`); `statuses` receives, at the same
  /// index, ICU's rule status for the segment ending there (see
  /// ``WordBreakStatus/classify(_:)``). Both arrays are emptied first, so
  /// callers can reuse them across lines without allocating.
  /// - Parameters:
  ///   - text: UTF-16 code units; ICU reads them only during this call.
  ///   - boundaries: Receives the boundaries.
  ///   - statuses: Receives the rule statuses.
  /// - Throws: ``UnicodeError`` if ICU refuses the text.
  /// - Complexity: O(*n*) in the length of `text` (ICU's dictionary
  ///   segmentation of Thai, Lao, Khmer, Myanmar and CJK runs is O(*n*) per
  ///   run with a small constant lookahead).
  public func boundaries(
    of text: UnsafeBufferPointer<UInt16>, into boundaries: inout [Int32], statuses: inout [Int32]
  ) throws(UnicodeError) {
    var kept: [Int32]? = statuses
    statuses = []  // so that `kept` owns the storage alone
    defer { statuses = kept ?? [] }
    try fill(text, &boundaries, &kept)
  }

  /// Finds every boundary of UTF-16 text, like
  /// ``boundaries(of:into:statuses:)`` without the rule statuses (which
  /// saves ICU a call per boundary).
  /// - Parameters:
  ///   - text: UTF-16 code units; ICU reads them only during this call.
  ///   - boundaries: Emptied, then receives the boundaries.
  /// - Throws: ``UnicodeError`` if ICU refuses the text.
  /// - Complexity: O(*n*) in the length of `text`.
  public func boundaries(of text: UnsafeBufferPointer<UInt16>, into boundaries: inout [Int32]) throws(UnicodeError) {
    var none: [Int32]? = nil
    try fill(text, &boundaries, &none)
  }

  /// Runs ICU over `text`, filling `boundaries` and, when given, `statuses`.
  private func fill(
    _ text: UnsafeBufferPointer<UInt16>, _ boundaries: inout [Int32], _ statuses: inout [Int32]?
  ) throws(UnicodeError) {
    boundaries.removeAll(keepingCapacity: true)
    statuses?.removeAll(keepingCapacity: true)
    guard let base = text.baseAddress, !text.isEmpty else { return }
    let handle = iterator
    var status: Int32 = 0
    _lexiform_icu_break_set_text(handle, base, Int32(text.count), &status)
    try ICU.check((), status, "setting break iterator text").get()
    _ = _lexiform_icu_break_first(handle)
    let chunk = 256
    while true {
      let oldCount = boundaries.count
      var written = 0
      boundaries.append(contentsOf: repeatElement(0, count: chunk))
      statuses?.append(contentsOf: repeatElement(0, count: chunk))
      boundaries.withUnsafeMutableBufferPointer { b in
        guard let bb = b.baseAddress else { return }
        if statuses == nil {
          written = Int(_lexiform_icu_break_next_many(handle, bb + oldCount, nil, Int32(chunk)))
        } else {
          statuses?.withUnsafeMutableBufferPointer { s in
            if let sb = s.baseAddress {
              written = Int(_lexiform_icu_break_next_many(handle, bb + oldCount, sb + oldCount, Int32(chunk)))
            }
          }
        }
      }
      boundaries.removeSubrange((oldCount + written)...)
      statuses?.removeSubrange((oldCount + written)...)
      if written < chunk { break }
    }
    // After setText the iterator points into `text`: point it at nothing so
    // that it never reads the caller's buffer after this call.
    let empty: [UInt16] = [0x20]
    empty.withUnsafeBufferPointer { e in
      if let eb = e.baseAddress { _lexiform_icu_break_set_text(handle, eb, 0, &status) }
    }
  }
}
