public import LexiformCore

/// An error or warning from LexiformUniMorph: a table row or a feature bundle
/// that breaks the format or the UniMorph schema, or input that cannot be read.
///
/// `description` reads `path:line:column: error: message`, for example
/// `deu.trn:12:9: error: unknown feature V.PCTP (did you mean V.PTCP?)`.
/// The validator reports many of these per file; readers throw the first one
/// (or, in lenient mode, count and skip the row).
public struct UniMorphError: LocatedError {
  /// What kind of problem this is. Extensible: new codes may be added.
  ///
  /// The raw value is what `lexiform unimorph validate --json` prints as `code`.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A feature that is neither in the schema nor matches one of its templates.
    public static let unknownFeature = Code(rawValue: "unknown-feature")
    /// Two features of one dimension side by side without `+` or `/`.
    public static let conflictingFeatures = Code(rawValue: "conflicting-features")
    /// The same feature twice in one bundle (or one layer).
    public static let repeatedFeature = Code(rawValue: "repeated-feature")
    /// A `(` without its `)`, or a `)` without its `(`.
    public static let unbalancedParentheses = Code(rawValue: "unbalanced-parentheses")
    /// An empty feature: `V;;PST`, a trailing `;`, `IN+`, `()`.
    public static let emptyFeature = Code(rawValue: "empty-feature")
    /// A character where the bundle syntax does not allow it (`,` outside
    /// parentheses, a feature right after `)`).
    public static let malformedBundle = Code(rawValue: "malformed-bundle")
    /// A row without exactly three tab-separated fields.
    public static let columnCount = Code(rawValue: "column-count")
    /// An empty lemma, form or feature field.
    public static let emptyField = Code(rawValue: "empty-field")
    /// A lemma or form that is not in Unicode Normalization Form C.
    public static let notNFC = Code(rawValue: "not-nfc")
    /// A row that repeats an earlier row (same lemma, form and bundle).
    public static let duplicateRow = Code(rawValue: "duplicate-row")
    /// A form that shares nothing with its lemma: a likely data error (warning).
    public static let unrelatedForm = Code(rawValue: "unrelated-form")
    /// The column order could not be detected, or the given one does not fit.
    public static let columnOrder = Code(rawValue: "column-order")
    /// The input could not be read or decoded (see `underlyingError`).
    public static let unreadable = Code(rawValue: "unreadable")
    /// The input is not valid UTF-8.
    public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
    /// A command-line pattern or argument is malformed.
    public static let badPattern = Code(rawValue: "bad-pattern")
  }

  /// What kind of problem this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// What is wrong, with what was expected and what was found.
  public var message: String
  /// `error`, or `warning` for likely-but-not-certain data errors.
  public var severity: DiagnosticSeverity
  /// The error behind this one, if any (a ``CoreError`` for I/O).
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error or warning.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - location: Where it is.
  ///   - message: What is wrong.
  ///   - severity: `error` (the default) or `warning`.
  ///   - underlyingError: The error behind this one, if any.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String,
    severity: DiagnosticSeverity = .error, underlyingError: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.location = location
    self.message = message
    self.severity = severity
    self.underlyingError = underlyingError
  }

  /// Wraps a ``CoreError`` from reading: invalid UTF-8 keeps its own code.
  /// - Parameter error: The reading error.
  /// - Returns: The same problem as a `UniMorphError`.
  public static func reading(_ error: CoreError) -> UniMorphError {
    let code: Code = error.code == .invalidUTF8 ? .invalidUTF8 : .unreadable
    return UniMorphError(code, at: error.location, error.message, underlyingError: error)
  }
}
