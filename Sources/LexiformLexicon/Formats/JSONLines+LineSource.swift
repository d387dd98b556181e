internal import LexiformCore

/// Opens a text input for a line-based reader, turning failures into
/// ``LexiconError``s (`io`).
/// - Parameters:
///   - path: The file (gzip-compressed or not), or `-`.
///   - lenient: Whether invalid UTF-8 is repaired (and counted) instead of failing.
func _openLines(_ path: String, lenient: Bool) throws(LexiconError) -> LineReader {
  do {
    return try LineReader(path: path, options: LineReaderOptions(lenient: lenient))
  } catch {
    throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
  }
}

/// Turns a ``LineReader`` failure into a ``LexiconError``, or records it
/// and returns `nil` when lenient mode may skip the line.
func _lineFailure(_ error: any Error, lines: LineReader, lenient: Bool, skipped: inout SkipCounter) -> LexiconError? {
  guard let error = error as? CoreError else {
    return LexiconError(.io, at: lines.location, "\(error)")
  }
  if lenient && (error.code == .invalidUTF8 || error.code == .lineTooLong) {
    skipped.record(reason: error.code.rawValue, at: error.location ?? lines.location)
    return nil
  }
  let code: LexiconError.Code = error.code == .unreadable || error.code == .badCompression ? .io : .malformed
  return LexiconError(code, at: error.location, error.message, underlyingError: error)
}

/// The JSON values of a JSON lines file, one per non-blank line, for the
/// JSON lines and Kaikki readers. In lenient mode lines that are not JSON
/// (or not UTF-8) are skipped and counted.
final class _JSONLineSource {
  let lines: LineReader
  let lenient: Bool

  private enum Line {
    case blank
    case value(JSONValue)
    case malformed(CoreError)
  }

  init(path: String, lenient: Bool) throws(LexiconError) {
    lines = try _openLines(path, lenient: lenient)
    self.lenient = lenient
  }

  var path: String { lines.path }

  /// The next value and the location of its line, or `nil` at the end.
  func next(skipped: inout SkipCounter) throws(LexiconError) -> (JSONValue, SourceLocation)? {
    while true {
      let line: Line?
      do {
        line = try lines.withNextLine { bytes, number -> Line in
          if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
          do throws(CoreError) {
            return .value(try JSONParser.parse(bytes, path: lines.path, line: number))
          } catch {
            return .malformed(error)
          }
        }
      } catch {
        if let failure = _lineFailure(error, lines: lines, lenient: lenient, skipped: &skipped) { throw failure }
        continue
      }
      switch line {
      case nil: return nil
      case .blank?: continue
      case .value(let value)?: return (value, SourceLocation(path: lines.path, line: lines.lineNumber))
      case .malformed(let error)?:
        guard lenient else { throw LexiconError.wrapping(error) }
        skipped.record(reason: "malformed JSON", at: error.location ?? lines.location)
      }
    }
  }
}
