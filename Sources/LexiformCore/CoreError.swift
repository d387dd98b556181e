/// An error from LexiformCore: reading input, decompressing it, decoding it,
/// or writing output.
///
/// `description` reads `path:line:column: error: message`.
public struct CoreError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The input could not be opened or read (missing, unreadable, a directory).
    public static let unreadable = Code(rawValue: "unreadable")
    /// The input is not valid UTF-8.
    public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
    /// A line is longer than the reader's limit.
    public static let lineTooLong = Code(rawValue: "line-too-long")
    /// A `.gz` input is damaged or truncated.
    public static let badCompression = Code(rawValue: "bad-compression")
    /// The output could not be written, flushed or moved into place.
    public static let unwritable = Code(rawValue: "unwritable")
    /// A value in the input is malformed.
    public static let malformed = Code(rawValue: "malformed")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where it happened, if in an input or output file.
  public var location: SourceLocation?
  /// What went wrong, with what was expected and what was found.
  public var message: String
  /// The system or library error behind this one, if any.
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of failure this is.
  ///   - location: Where it happened.
  ///   - message: What went wrong.
  ///   - underlyingError: The error behind this one, if any.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String,
    underlyingError: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.location = location
    self.message = message
    self.underlyingError = underlyingError
  }
}
