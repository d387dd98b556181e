public import LexiformCore

/// An error from LexiformUnicode: ICU refused an operation, or text could not
/// be processed.
public struct UnicodeError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// ICU reported a failure status (see ``UnicodeError/icuStatus``).
    public static let icu = Code(rawValue: "icu")
    /// A name (locale, script code, normalization form) is not known.
    public static let unknownName = Code(rawValue: "unknown-name")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where in the input, if known.
  public var location: SourceLocation?
  /// What went wrong.
  public var message: String
  /// ICU's `UErrorCode`, when ICU reported the failure.
  public var icuStatus: ICUStatus?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of failure this is.
  ///   - location: Where in the input, if known.
  ///   - message: What went wrong.
  ///   - icuStatus: ICU's status, if ICU reported the failure.
  public init(_ code: Code, at location: SourceLocation? = nil, _ message: String, icuStatus: ICUStatus? = nil) {
    self.code = code
    self.location = location
    self.message = message
    self.icuStatus = icuStatus
  }
}
