public import LexiformCore

/// An error from LexiformAugmentation: input that cannot be read or parsed
/// (a CoNLL line, a MASSIVE record, a lexicon), or options that do not fit.
///
/// `description` reads `path:line:column: error: message`, for example
/// `train.jsonl:12:40: error: expected ']' closing the slot opened at column 18, found end of text`.
public struct AugmentationError: LocatedError {
  /// What kind of problem this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code's name, e.g. `malformed-record`.
    public var rawValue: String
    /// Creates a code from its name.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's name.
    public var description: String { rawValue }

    /// A record that breaks its format (a CoNLL line, a MASSIVE JSON line,
    /// a bracket annotation, a table row).
    public static let malformedRecord = Code(rawValue: "malformed-record")
    /// A MASSIVE record whose `utt` does not match its `annot_utt`.
    public static let inconsistentRecord = Code(rawValue: "inconsistent-record")
    /// An option value that cannot be used (an empty alphabet, a bad shard).
    public static let badOption = Code(rawValue: "bad-option")
    /// A lexicon or table that cannot be read (see `underlyingError`).
    public static let unreadable = Code(rawValue: "unreadable")
    /// The input is not valid UTF-8.
    public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
  }

  /// What kind of problem this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// What is wrong, with what was expected and what was found.
  public var message: String
  /// The error behind this one, if any.
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - location: Where it is.
  ///   - message: What is wrong.
  ///   - underlyingError: The error behind this one, if any.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String, underlyingError: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.location = location
    self.message = message
    self.underlyingError = underlyingError
  }
}
