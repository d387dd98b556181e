#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error, for diagnostics and progress: never for data.
public enum StandardError {
  /// Writes `text` to standard error as it is (add the newline yourself).
  /// Errors writing to stderr are ignored: there is nowhere left to report them.
  /// - Parameter text: What to write.
  public static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let n = Glibc.write(STDERR_FILENO, base + offset, bytes.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
      }
    }
  }

  /// Writes one line (a newline is added).
  /// - Parameter line: The line.
  public static func writeLine(_ line: String) { write(line + "\n") }

  /// Whether standard error is a terminal (progress lines are shown only then).
  public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
