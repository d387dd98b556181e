internal import _LexiformICUShims

/// A Unicode character property that ICU can look up, as ICU's `UProperty`.
public struct UnicodeProperty: RawRepresentable, Hashable, Sendable {
  /// ICU's `UProperty` value.
  public var rawValue: Int32
  /// Wraps an ICU property value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// White_Space (binary). The corresponding ICU constant is `UCHAR_WHITE_SPACE`.
  public static let whiteSpace = UnicodeProperty(rawValue: 31)
  /// Default_Ignorable_Code_Point (binary). `UCHAR_DEFAULT_IGNORABLE_CODE_POINT`.
  public static let defaultIgnorableCodePoint = UnicodeProperty(rawValue: 5)
  /// Canonical_Combining_Class (0…254). `UCHAR_CANONICAL_COMBINING_CLASS`.
  public static let canonicalCombiningClass = UnicodeProperty(rawValue: 0x1002)
  /// NFC_Quick_Check, as a ``NormalizationQuickCheck`` value. `UCHAR_NFC_QUICK_CHECK`.
  public static let nfcQuickCheck = UnicodeProperty(rawValue: 0x100E)
  /// Word_Break (UAX #29), as ICU's `UWordBreakValues`. `UCHAR_WORD_BREAK`.
  public static let wordBreak = UnicodeProperty(rawValue: 0x1014)
  /// Line_Break (UAX #14), as ICU's `ULineBreak`. `UCHAR_LINE_BREAK`.
  public static let lineBreak = UnicodeProperty(rawValue: 0x1008)
  /// Extended_Pictographic (binary, UTS #51). `UCHAR_EXTENDED_PICTOGRAPHIC`.
  public static let extendedPictographic = UnicodeProperty(rawValue: 64)
  /// Ideographic (binary). `UCHAR_IDEOGRAPHIC`.
  public static let ideographic = UnicodeProperty(rawValue: 17)

  /// Whether `scalar` has this binary property.
  /// - Parameter scalar: A code point.
  /// - Returns: `true` if it has the property; `false` also for properties that are not binary.
  public func holds(for scalar: Unicode.Scalar) -> Bool {
    _lexiform_icu_has_binary_property(scalar.value, rawValue) != 0
  }

  /// The value of this enumerated or integer property for `scalar`.
  /// - Parameter scalar: A code point.
  /// - Returns: ICU's value for it (0 for properties ICU does not know).
  public func value(for scalar: Unicode.Scalar) -> Int32 {
    _lexiform_icu_int_property_value(scalar.value, rawValue)
  }

  static let _mirrored: [(name: String, property: UnicodeProperty)] = [
    ("UCHAR_WHITE_SPACE", .whiteSpace), ("UCHAR_DEFAULT_IGNORABLE_CODE_POINT", .defaultIgnorableCodePoint),
    ("UCHAR_CANONICAL_COMBINING_CLASS", .canonicalCombiningClass), ("UCHAR_NFC_QUICK_CHECK", .nfcQuickCheck),
    ("UCHAR_WORD_BREAK", .wordBreak), ("UCHAR_LINE_BREAK", .lineBreak),
    ("UCHAR_EXTENDED_PICTOGRAPHIC", .extendedPictographic), ("UCHAR_IDEOGRAPHIC", .ideographic),
  ]
}

/// A normalization quick-check answer (UAX #15 §9), as ICU's
/// `UNormalizationCheckResult`.
public struct NormalizationQuickCheck: RawRepresentable, Hashable, Sendable {
  /// ICU's value.
  public var rawValue: Int32
  /// Wraps an ICU value.
  public init(rawValue: Int32) { self.rawValue = rawValue }
  /// The character never occurs in the form. `UNORM_NO`.
  public static let no = NormalizationQuickCheck(rawValue: 0)
  /// The character can occur unchanged in the form. `UNORM_YES`.
  public static let yes = NormalizationQuickCheck(rawValue: 1)
  /// It depends on what precedes. `UNORM_MAYBE`.
  public static let maybe = NormalizationQuickCheck(rawValue: 2)

  static let _mirrored: [(name: String, value: NormalizationQuickCheck)] = [
    ("UNORM_NO", .no), ("UNORM_YES", .yes), ("UNORM_MAYBE", .maybe),
  ]
}
