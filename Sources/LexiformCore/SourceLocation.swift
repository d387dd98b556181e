/// A place in an input file: the path, a 1-based line and, where known, a
/// 1-based column and a 0-based byte offset.
///
/// Columns count Unicode scalars from the start of the line, as editors show
/// them; byte offsets count bytes from the start of the (decompressed) input.
/// `description` reads `path:line:column` (or `path:line` without a column).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The input's path as the user gave it (`-` or `<stdin>` for standard input).
  public var path: String
  /// The 1-based line, or 0 when the location is the whole file.
  public var line: Int
  /// The 1-based column in Unicode scalars, if known.
  public var column: Int?
  /// The 0-based byte offset from the start of the input, if known.
  public var byteOffset: Int?

  /// Creates a location.
  /// - Parameters:
  ///   - path: The input's path.
  ///   - line: The 1-based line, or 0 for the whole file.
  ///   - column: The 1-based column in Unicode scalars, if known.
  ///   - byteOffset: The 0-based byte offset, if known.
  public init(path: String, line: Int = 0, column: Int? = nil, byteOffset: Int? = nil) {
    self.path = path
    self.line = line
    self.column = column
    self.byteOffset = byteOffset
  }

  /// `path:line:column`, `path:line` or `path`, as compilers print them.
  public var description: String {
    guard line > 0 else { return path }
    if let column { return "\(path):\(line):\(column)" }
    return "\(path):\(line)"
  }
}
