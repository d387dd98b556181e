/// How serious a reported problem is.
public enum DiagnosticSeverity: String, Sendable, Hashable, Codable {
  /// The input is wrong; the command exits with status 1.
  case error
  /// The input is suspicious but usable.
  case warning
  /// Information for the user.
  case note
}

/// An error that names where in the input it happened.
///
/// Every module's error type (``CoreError``, `XMLError`, …) conforms, so that
/// the command-line tool prints them all the same way,
/// `path:line:column: error: message`, and exits with status 1.
public protocol LocatedError: Error, CustomStringConvertible, Sendable {
  /// Where the problem is, if it is in an input.
  var location: SourceLocation? { get }
  /// What went wrong, saying what was expected and what was found.
  var message: String { get }
  /// `error` for failures; readers in lenient mode may report warnings.
  var severity: DiagnosticSeverity { get }
}

extension LocatedError {
  /// Failures are errors unless a type says otherwise.
  public var severity: DiagnosticSeverity { .error }

  /// The one-line diagnostic: `path:line:column: error: message`.
  public var description: String {
    if let location {
      return "\(location): \(severity.rawValue): \(message)"
    }
    return "\(severity.rawValue): \(message)"
  }
}

/// Builds the "expected …, found …" phrase that every reader uses.
/// - Parameters:
///   - expected: What the format requires at this place.
///   - found: What the input has instead.
/// - Returns: `expected X, found Y`.
public func expectedFound(_ expected: String, _ found: String) -> String {
  "expected \(expected), found \(found)"
}
