internal import _LexiformICUShims

/// Locale-aware case mapping through ICU: Turkish and Azerbaijani dotted and
/// dotless i, Lithuanian dot retention, Greek final sigma.
public enum CaseMapping {
  /// Lowercases `text` by the rules of `locale`.
  /// - Parameters:
  ///   - text: Any text.
  ///   - locale: A language tag such as "tr", "lt", "el", or "" for the root.
  /// - Returns: The lowercased text.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public static func lowercase(_ text: String, locale: String = "") throws(UnicodeError) -> String {
    try map(0, text, locale)
  }

  /// Uppercases `text` by the rules of `locale`.
  /// - Parameters:
  ///   - text: Any text.
  ///   - locale: A language tag, or "" for the root.
  /// - Returns: The uppercased text.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public static func uppercase(_ text: String, locale: String = "") throws(UnicodeError) -> String {
    try map(1, text, locale)
  }

  /// Case-folds `text` for caseless matching; Turkic folding for "tr" and "az".
  /// - Parameters:
  ///   - text: Any text.
  ///   - locale: A language tag, or "" for the default folding.
  /// - Returns: The folded text.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public static func fold(_ text: String, locale: String = "") throws(UnicodeError) -> String {
    try map(2, text, locale)
  }

  private static func map(_ kind: Int32, _ text: String, _ locale: String) throws(UnicodeError) -> String {
    let utf16 = Array(text.utf16)
    guard !utf16.isEmpty else { return text }
    let result = utf16.withUnsafeBufferPointer { source in
      ICU.withPreflight("case mapping") { destination, capacity, status in
        source.baseAddress.map {
          _lexiform_icu_case_map(kind, locale, $0, Int32(source.count), destination, capacity, &status)
        } ?? 0
      }
    }
    return String(decoding: try result.get(), as: UTF16.self)
  }
}
