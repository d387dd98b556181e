public import LexiformCore
public import LexiformUnicode

/// An error from LexiformTokenization: an unknown profile, script or
/// language, or a failure inside ICU.
///
/// `description` reads `path:line: error: message` when a location is known.
public struct TokenizationError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// No orthography profile has the requested name.
    public static let unknownProfile = Code(rawValue: "unknown-profile")
    /// A script code is not an ISO 15924 code ICU knows.
    public static let unknownScript = Code(rawValue: "unknown-script")
    /// ICU failed (see ``TokenizationError/underlyingError``).
    public static let unicode = Code(rawValue: "unicode")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where in the input, if known.
  public var location: SourceLocation?
  /// What went wrong, with what was expected and what was found.
  public var message: String
  /// The error behind this one, if any.
  public var underlyingError: UnicodeError?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of failure this is.
  ///   - location: Where in the input, if known.
  ///   - message: What went wrong.
  ///   - underlyingError: The Unicode error behind this one, if any.
  public init(_ code: Code, at location: SourceLocation? = nil, _ message: String, underlyingError: UnicodeError? = nil) {
    self.code = code
    self.location = location
    self.message = message
    self.underlyingError = underlyingError
  }

  init(_ error: UnicodeError, at location: SourceLocation? = nil) {
    self.init(.unicode, at: location ?? error.location, error.message, underlyingError: error)
  }
}
