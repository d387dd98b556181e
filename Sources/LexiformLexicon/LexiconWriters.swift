public import LexiformCore

/// Makes writers by format.
public enum LexiconWriters {
  /// The formats Lexiform can write.
  public static var writable: [LexiconFormat] { [.jsonl, .tsv, .lift, .tei] }

  /// A writer for `format` writing to `output`.
  /// - Parameters:
  ///   - format: One of ``writable``.
  ///   - output: Where to write; the caller commits it after `finish()`.
  /// - Returns: The writer.
  /// - Throws: ``LexiconError`` (`unknownFormat`) for a format Lexiform
  ///   does not write.
  public static func make(_ format: LexiconFormat, output: AtomicOutput) throws(LexiconError) -> any LexiconWriter {
    switch format {
    case .jsonl: return JSONLinesWriter(output: output)
    case .tsv: return TSVWriter(output: output)
    case .lift: return LIFTWriter(output: output)
    case .tei: return TEIWriter(output: output)
    default:
      throw LexiconError(
        .unknownFormat, at: SourceLocation(path: output.path),
        "cannot write \(format.rawValue); writable formats: \(writable.map(\.rawValue).joined(separator: ", "))")
    }
  }
}
