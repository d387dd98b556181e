extension String {
  /// The string padded with spaces, or cut, to `length` UTF-16 code units:
  /// what Foundation's `padding(toLength:withPad:" ",startingAt:0)` gives,
  /// without linking Foundation into the command (which costs every run
  /// thousands of relocations at start-up).
  /// - Parameter length: The length in UTF-16 code units.
  /// - Returns: The padded or cut string.
  func padded(toUTF16Length length: Int) -> String {
    let units = utf16.count
    if units < length { return self + String(repeating: " ", count: length - units) }
    if units == length { return self }
    return String(decoding: Array(utf16.prefix(length)), as: UTF16.self)
  }
}
