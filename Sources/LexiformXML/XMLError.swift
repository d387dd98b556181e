public import LexiformCore

/// An error from LexiformXML: input that is not well-formed XML, that needs
/// something the reader refuses (external entities, excessive depth or entity
/// expansion), or that cannot be read.
///
/// `description` reads `path:line:column: error: message`, where the message is
/// libxml2's own, on one line.
public struct XMLError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The input is not well-formed XML (libxml2 reported a fatal error).
    public static let malformed = Code(rawValue: "malformed")
    /// The input breaks a namespace or other recoverable rule that the reader
    /// treats as an error (libxml2 reported an error, not a fatal one).
    public static let invalid = Code(rawValue: "invalid")
    /// The input could not be read (see `underlyingError`).
    public static let unreadable = Code(rawValue: "unreadable")
    /// A structure the reader does not support in this position.
    public static let unexpected = Code(rawValue: "unexpected")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// libxml2's message, or ours, on one line.
  public var message: String
  /// libxml2's error domain and code (`xmlErrorDomain`, `xmlParserErrors`),
  /// when libxml2 reported the error.
  public var libxml2Code: (domain: Int32, code: Int32)?
  /// The error behind this one, if any (a ``CoreError`` for I/O).
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of failure this is.
  ///   - location: Where the problem is.
  ///   - message: What went wrong.
  ///   - libxml2Code: libxml2's domain and code, if it reported the error.
  ///   - underlyingError: The error behind this one, if any.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String,
    libxml2Code: (domain: Int32, code: Int32)? = nil,
    underlyingError: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.location = location
    self.message = message
    self.libxml2Code = libxml2Code
    self.underlyingError = underlyingError
  }
}
