public import LexiformCore

/// An error from LexiformParallelText: a parallel corpus that breaks its
/// format's rules, or files that do not align.
///
/// `description` reads `path:line:column: error: message`.
public struct ParallelTextError: LocatedError {
  /// What kind of failure this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The file is not well-formed in its syntax.
    public static let malformed = Code(rawValue: "malformed")
    /// Files that should align do not (line counts, verse ids).
    public static let misaligned = Code(rawValue: "misaligned")
    /// A required part is missing (a `<seg>` in a TMX unit).
    public static let missing = Code(rawValue: "missing")
    /// The file cannot be read or written.
    public static let io = Code(rawValue: "io")
  }

  /// What kind of failure this is.
  public var code: Code
  /// Where the problem is.
  public var location: SourceLocation?
  /// What went wrong, with what was expected and what was found.
  public var message: String
  /// The error behind this one, if any.
  public var underlyingError: (any Error & Sendable)?

  /// Creates an error.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String, underlyingError: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.location = location
    self.message = message
    self.underlyingError = underlyingError
  }
}
