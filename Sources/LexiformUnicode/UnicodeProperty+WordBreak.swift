/// A code point's Word_Break property value (UAX #29 §4.1, Unicode 15.0 as in
/// ICU 72), as ICU's `UWordBreakValues`; read it with
/// ``UnicodeProperty/wordBreak``.
public struct WordBreakProperty: RawRepresentable, Hashable, Sendable {
  /// ICU's value.
  public var rawValue: Int32
  /// Wraps an ICU value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The property value of a code point.
  /// - Parameter scalar: A code point.
  /// - Returns: Its Word_Break value.
  public static func of(_ scalar: Unicode.Scalar) -> WordBreakProperty {
    WordBreakProperty(rawValue: UnicodeProperty.wordBreak.value(for: scalar))
  }

  /// Any other code point. The corresponding ICU constant is `U_WB_OTHER`.
  public static let other = WordBreakProperty(rawValue: 0)
  /// `U_WB_ALETTER`.
  public static let aLetter = WordBreakProperty(rawValue: 1)
  /// `U_WB_FORMAT`.
  public static let format = WordBreakProperty(rawValue: 2)
  /// `U_WB_KATAKANA`.
  public static let katakana = WordBreakProperty(rawValue: 3)
  /// `U_WB_MIDLETTER`.
  public static let midLetter = WordBreakProperty(rawValue: 4)
  /// `U_WB_MIDNUM`.
  public static let midNum = WordBreakProperty(rawValue: 5)
  /// `U_WB_NUMERIC`.
  public static let numeric = WordBreakProperty(rawValue: 6)
  /// `U_WB_EXTENDNUMLET`.
  public static let extendNumLet = WordBreakProperty(rawValue: 7)
  /// `U_WB_CR`.
  public static let cr = WordBreakProperty(rawValue: 8)
  /// `U_WB_EXTEND`.
  public static let extend = WordBreakProperty(rawValue: 9)
  /// `U_WB_LF`.
  public static let lf = WordBreakProperty(rawValue: 10)
  /// `U_WB_MIDNUMLET`.
  public static let midNumLet = WordBreakProperty(rawValue: 11)
  /// `U_WB_NEWLINE`.
  public static let newline = WordBreakProperty(rawValue: 12)
  /// `U_WB_REGIONAL_INDICATOR`.
  public static let regionalIndicator = WordBreakProperty(rawValue: 13)
  /// `U_WB_HEBREW_LETTER`.
  public static let hebrewLetter = WordBreakProperty(rawValue: 14)
  /// `U_WB_SINGLE_QUOTE`.
  public static let singleQuote = WordBreakProperty(rawValue: 15)
  /// `U_WB_DOUBLE_QUOTE`.
  public static let doubleQuote = WordBreakProperty(rawValue: 16)
  /// `U_WB_ZWJ`.
  public static let zwj = WordBreakProperty(rawValue: 21)
  /// `U_WB_WSEGSPACE`.
  public static let wSegSpace = WordBreakProperty(rawValue: 22)

  static let _mirrored: [(name: String, value: WordBreakProperty)] = [
    ("U_WB_OTHER", .other), ("U_WB_ALETTER", .aLetter), ("U_WB_FORMAT", .format), ("U_WB_KATAKANA", .katakana),
    ("U_WB_MIDLETTER", .midLetter), ("U_WB_MIDNUM", .midNum), ("U_WB_NUMERIC", .numeric),
    ("U_WB_EXTENDNUMLET", .extendNumLet), ("U_WB_CR", .cr), ("U_WB_EXTEND", .extend), ("U_WB_LF", .lf),
    ("U_WB_MIDNUMLET", .midNumLet), ("U_WB_NEWLINE", .newline), ("U_WB_REGIONAL_INDICATOR", .regionalIndicator),
    ("U_WB_HEBREW_LETTER", .hebrewLetter), ("U_WB_SINGLE_QUOTE", .singleQuote),
    ("U_WB_DOUBLE_QUOTE", .doubleQuote), ("U_WB_ZWJ", .zwj), ("U_WB_WSEGSPACE", .wSegSpace),
  ]
}

/// A code point's Line_Break property value (UAX #14), as ICU's
/// `ULineBreak`; only the value word segmentation needs is named.
public struct LineBreakProperty: RawRepresentable, Hashable, Sendable {
  /// ICU's value.
  public var rawValue: Int32
  /// Wraps an ICU value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The property value of a code point.
  /// - Parameter scalar: A code point.
  /// - Returns: Its Line_Break value.
  public static func of(_ scalar: Unicode.Scalar) -> LineBreakProperty {
    LineBreakProperty(rawValue: UnicodeProperty.lineBreak.value(for: scalar))
  }

  /// SA, the scripts written without spaces that ICU segments with
  /// dictionaries (Thai, Lao, Khmer, Myanmar…). `U_LB_COMPLEX_CONTEXT`.
  public static let complexContext = LineBreakProperty(rawValue: 24)

  static let _mirrored: [(name: String, value: LineBreakProperty)] = [
    ("U_LB_COMPLEX_CONTEXT", .complexContext)
  ]
}
