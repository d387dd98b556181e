public import LexiformCore

/// An error from LexiformLexicon: a lexicon file that breaks its format's
/// rules, or that cannot be read or written.
///
/// `description` reads `path:line:column: error: message`, saying what was
/// expected and what was found.
public struct LexiconError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The file is not well-formed in its syntax (XML, JSON, TSV columns).
    public static let malformed = Code(rawValue: "malformed")
    /// A required part is missing (a headword, a `<r>` in an Apertium pair).
    public static let missing = Code(rawValue: "missing")
    /// Something is where the format does not allow it.
    public static let unexpected = Code(rawValue: "unexpected")
    /// A reference points to nothing (an Apertium `<par n>` with no `<pardef>`).
    public static let unresolved = Code(rawValue: "unresolved")
    /// The format could not be recognized, or is not supported here.
    public static let unknownFormat = Code(rawValue: "unknown-format")
    /// The file cannot be read or written (see `underlyingError`).
    public static let io = Code(rawValue: "io")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// What went wrong, with what was expected and what was found.
  public var message: String
  /// The error behind this one (an `XMLError`, a `CoreError`), if any.
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of failure this is.
  ///   - location: Where the problem is.
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

  /// Wraps an error from a lower layer, keeping its location and message.
  /// - Parameter error: A `LocatedError` from LexiformCore or LexiformXML.
  /// - Returns: The same failure as a `LexiconError`.
  public static func wrapping(_ error: any LocatedError) -> LexiconError {
    LexiconError(.malformed, at: error.location, error.message, underlyingError: error)
  }
}
