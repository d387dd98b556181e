internal import _LexiformICUShims

/// A code point's General_Category, as ICU's `UCharCategory`.
public struct GeneralCategory: RawRepresentable, Hashable, Sendable {
  /// ICU's `UCharCategory` value.
  public var rawValue: Int32
  /// Wraps an ICU category value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The category of a code point.
  /// - Parameter scalar: A code point.
  /// - Returns: Its General_Category.
  public static func of(_ scalar: Unicode.Scalar) -> GeneralCategory {
    GeneralCategory(rawValue: _lexiform_icu_general_category(scalar.value))
  }

  /// Whether this is a letter category (Lu, Ll, Lt, Lm, Lo).
  public var isLetter: Bool { (1...5).contains(rawValue) }
  /// Whether this is a mark category (Mn, Me, Mc).
  public var isMark: Bool { (6...8).contains(rawValue) }

  /// Cn. `U_UNASSIGNED`.
  public static let unassigned = GeneralCategory(rawValue: 0)
  /// Lu. `U_UPPERCASE_LETTER`.
  public static let uppercaseLetter = GeneralCategory(rawValue: 1)
  /// Ll. `U_LOWERCASE_LETTER`.
  public static let lowercaseLetter = GeneralCategory(rawValue: 2)
  /// Lt. `U_TITLECASE_LETTER`.
  public static let titlecaseLetter = GeneralCategory(rawValue: 3)
  /// Lm. `U_MODIFIER_LETTER`.
  public static let modifierLetter = GeneralCategory(rawValue: 4)
  /// Lo. `U_OTHER_LETTER`.
  public static let otherLetter = GeneralCategory(rawValue: 5)
  /// Mn. `U_NON_SPACING_MARK`.
  public static let nonspacingMark = GeneralCategory(rawValue: 6)
  /// Me. `U_ENCLOSING_MARK`.
  public static let enclosingMark = GeneralCategory(rawValue: 7)
  /// Mc. `U_COMBINING_SPACING_MARK`.
  public static let spacingMark = GeneralCategory(rawValue: 8)
  /// Nd. `U_DECIMAL_DIGIT_NUMBER`.
  public static let decimalNumber = GeneralCategory(rawValue: 9)
  /// Nl. `U_LETTER_NUMBER`.
  public static let letterNumber = GeneralCategory(rawValue: 10)
  /// No. `U_OTHER_NUMBER`.
  public static let otherNumber = GeneralCategory(rawValue: 11)
  /// Zs. `U_SPACE_SEPARATOR`.
  public static let spaceSeparator = GeneralCategory(rawValue: 12)
  /// Zl. `U_LINE_SEPARATOR`.
  public static let lineSeparator = GeneralCategory(rawValue: 13)
  /// Zp. `U_PARAGRAPH_SEPARATOR`.
  public static let paragraphSeparator = GeneralCategory(rawValue: 14)
  /// Cc. `U_CONTROL_CHAR`.
  public static let control = GeneralCategory(rawValue: 15)
  /// Cf. `U_FORMAT_CHAR`.
  public static let format = GeneralCategory(rawValue: 16)
  /// Co. `U_PRIVATE_USE_CHAR`.
  public static let privateUse = GeneralCategory(rawValue: 17)
  /// Cs. `U_SURROGATE`.
  public static let surrogate = GeneralCategory(rawValue: 18)
  /// Pd. `U_DASH_PUNCTUATION`.
  public static let dashPunctuation = GeneralCategory(rawValue: 19)
  /// Ps. `U_START_PUNCTUATION`.
  public static let openPunctuation = GeneralCategory(rawValue: 20)
  /// Pe. `U_END_PUNCTUATION`.
  public static let closePunctuation = GeneralCategory(rawValue: 21)
  /// Pc. `U_CONNECTOR_PUNCTUATION`.
  public static let connectorPunctuation = GeneralCategory(rawValue: 22)
  /// Po. `U_OTHER_PUNCTUATION`.
  public static let otherPunctuation = GeneralCategory(rawValue: 23)
  /// Sm. `U_MATH_SYMBOL`.
  public static let mathSymbol = GeneralCategory(rawValue: 24)
  /// Sc. `U_CURRENCY_SYMBOL`.
  public static let currencySymbol = GeneralCategory(rawValue: 25)
  /// Sk. `U_MODIFIER_SYMBOL`.
  public static let modifierSymbol = GeneralCategory(rawValue: 26)
  /// So. `U_OTHER_SYMBOL`.
  public static let otherSymbol = GeneralCategory(rawValue: 27)
  /// Pi. `U_INITIAL_PUNCTUATION`.
  public static let initialPunctuation = GeneralCategory(rawValue: 28)
  /// Pf. `U_FINAL_PUNCTUATION`.
  public static let finalPunctuation = GeneralCategory(rawValue: 29)

  static let _mirrored: [(name: String, category: GeneralCategory)] = [
    ("U_UNASSIGNED", .unassigned), ("U_UPPERCASE_LETTER", .uppercaseLetter),
    ("U_LOWERCASE_LETTER", .lowercaseLetter), ("U_TITLECASE_LETTER", .titlecaseLetter),
    ("U_MODIFIER_LETTER", .modifierLetter), ("U_OTHER_LETTER", .otherLetter),
    ("U_NON_SPACING_MARK", .nonspacingMark), ("U_ENCLOSING_MARK", .enclosingMark),
    ("U_COMBINING_SPACING_MARK", .spacingMark), ("U_DECIMAL_DIGIT_NUMBER", .decimalNumber),
    ("U_LETTER_NUMBER", .letterNumber), ("U_OTHER_NUMBER", .otherNumber),
    ("U_SPACE_SEPARATOR", .spaceSeparator), ("U_LINE_SEPARATOR", .lineSeparator),
    ("U_PARAGRAPH_SEPARATOR", .paragraphSeparator), ("U_CONTROL_CHAR", .control),
    ("U_FORMAT_CHAR", .format), ("U_PRIVATE_USE_CHAR", .privateUse), ("U_SURROGATE", .surrogate),
    ("U_DASH_PUNCTUATION", .dashPunctuation), ("U_START_PUNCTUATION", .openPunctuation),
    ("U_END_PUNCTUATION", .closePunctuation), ("U_CONNECTOR_PUNCTUATION", .connectorPunctuation),
    ("U_OTHER_PUNCTUATION", .otherPunctuation), ("U_MATH_SYMBOL", .mathSymbol),
    ("U_CURRENCY_SYMBOL", .currencySymbol), ("U_MODIFIER_SYMBOL", .modifierSymbol),
    ("U_OTHER_SYMBOL", .otherSymbol), ("U_INITIAL_PUNCTUATION", .initialPunctuation),
    ("U_FINAL_PUNCTUATION", .finalPunctuation),
  ]
}
