public import LexiformCore

/// An error from LexiformInflection: a SIGMORPHON file that cannot be read, a
/// model file that is not one or is of another format version, a model that
/// cannot be trained on the data given.
///
/// `description` reads `path:line: error: message`, for example
/// `fin.dev:12: error: expected 3 tab-separated columns (lemma, tags, form), found 2`.
public struct InflectionError: LocatedError {
  /// What kind of problem this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A row without the columns its layout needs.
    public static let columnCount = Code(rawValue: "column-count")
    /// An empty lemma or tag field (an empty form is a covered row).
    public static let emptyField = Code(rawValue: "empty-field")
    /// The column layout could not be detected, or the one given does not fit.
    public static let layout = Code(rawValue: "layout")
    /// A feature bundle that cannot be parsed.
    public static let malformedTags = Code(rawValue: "malformed-tags")
    /// The input could not be read or decoded (see `underlyingError`).
    public static let unreadable = Code(rawValue: "unreadable")
    /// The input is not valid UTF-8.
    public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
    /// The file is not a Lexiform model file (wrong magic bytes, truncated).
    public static let notAModel = Code(rawValue: "not-a-model")
    /// A model file written by another, incompatible format version.
    public static let modelVersion = Code(rawValue: "model-version")
    /// A model file whose header names a model kind this build does not know.
    public static let unknownModelKind = Code(rawValue: "unknown-model-kind")
    /// A model file whose header or payload is damaged.
    public static let corruptModel = Code(rawValue: "corrupt-model")
    /// The training data cannot train a model (empty, no forms).
    public static let training = Code(rawValue: "training")
    /// A model kind that exists in the contract but is not built into this
    /// version (for example `neural` before it lands).
    public static let notAvailable = Code(rawValue: "not-available")
  }

  /// What kind of problem this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// What is wrong, with what was expected and what was found.
  public var message: String
  /// The error behind this one, if any (a ``CoreError`` for I/O).
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - location: Where it is.
  ///   - message: What is wrong.
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

  /// Wraps a ``CoreError`` from reading: invalid UTF-8 keeps its own code.
  /// - Parameter error: The reading error.
  /// - Returns: The same problem as an `InflectionError`.
  public static func reading(_ error: CoreError) -> InflectionError {
    let code: Code = error.code == .invalidUTF8 ? .invalidUTF8 : .unreadable
    return InflectionError(code, at: error.location, error.message, underlyingError: error)
  }
}
