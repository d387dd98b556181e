public import LexiformCore

/// An error from LexiformEvaluation: a gold, prediction or training file that
/// cannot be read as SIGMORPHON rows, or a list of pairs that is malformed.
///
/// `description` reads `path:line: error: message`, for example
/// `fin.pred:12:1: error: expected 3 tab-separated columns, found 2`.
public struct EvaluationError: LocatedError {
  /// What kind of problem this is. Extensible: new codes may be added.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A row without exactly three tab-separated columns.
    public static let columnCount = Code(rawValue: "column-count")
    /// The column order of a file could not be told.
    public static let layout = Code(rawValue: "layout")
    /// A file with no rows where rows are needed (a gold file).
    public static let empty = Code(rawValue: "empty")
    /// A line of a list of pairs that is not `GOLD PRED [TRAIN]`.
    public static let badPairList = Code(rawValue: "bad-pair-list")
    /// The input could not be read (see `underlyingError`).
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
  /// - Returns: The same problem as an `EvaluationError`.
  public static func reading(_ error: CoreError) -> EvaluationError {
    let code: Code = error.code == .invalidUTF8 ? .invalidUTF8 : .unreadable
    return EvaluationError(code, at: error.location, error.message, underlyingError: error)
  }
}
