public import LexiformCore
public import LexiformUniMorph

/// One row of a gold, prediction or training file, as the official scripts
/// read it.
public struct EvaluationRow: Hashable, Sendable {
  /// The lemma.
  public var lemma: String
  /// The feature bundle as written.
  public var tags: String
  /// The form (empty when the row has none).
  public var form: String
  /// The 1-based line in its file.
  public var line: Int

  /// Creates a row.
  /// - Parameters:
  ///   - lemma: The lemma.
  ///   - tags: The feature bundle.
  ///   - form: The form.
  ///   - line: The line in its file.
  public init(lemma: String, tags: String, form: String, line: Int = 0) {
    self.lemma = lemma
    self.tags = tags
    self.form = form
    self.line = line
  }
}

/// Reads SIGMORPHON files the way the official evaluation scripts do.
///
/// CoNLL–SIGMORPHON 2017 `evalm.py` (Cotterell et al. 2017) strips each line
/// of leading and trailing white space (Python's `unicode.strip()`, which
/// also removes a trailing tab, so `lemma<TAB>form<TAB>` is one column short)
/// and splits it at tabs into exactly three fields. This reader does the same,
/// with two differences where `evalm.py` would stop with a Python exception:
/// blank lines are skipped, and a row without three fields is an
/// ``EvaluationError`` naming the file and line.
///
/// Unlike `evalm.py`, which always reads `lemma, form, tags`, the column
/// order is per file: given, or detected from the first 200 rows with
/// ``UniMorphColumnOrder/detect(_:schema:)`` (the 2022/2023 files put the
/// tags second). Lines end at LF (CRLF is accepted); `evalm.py`'s `codecs`
/// reader would also end lines at U+0085, U+2028 and U+2029, which are kept
/// here. No Unicode normalization happens unless asked for (see
/// ``EvaluationOptions/normalizeToNFC``).
public enum EvaluationFile {
  /// Reads every row of a file.
  /// - Parameters:
  ///   - path: The file (`-` for standard input, `.gz` transparently).
  ///   - columns: The column order, or `nil` to detect it.
  ///   - lenient: Whether rows without three fields are skipped and counted
  ///     instead of being errors.
  /// - Returns: The rows, the column order used, and the rows skipped.
  /// - Throws: ``EvaluationError``: `columnCount`, `layout`, `unreadable`,
  ///   `invalidUTF8`.
  public static func read(
    _ path: String, columns: UniMorphColumnOrder? = nil, lenient: Bool = false
  ) throws(EvaluationError) -> (rows: [EvaluationRow], order: UniMorphColumnOrder, skipped: SkipCounter) {
    let reader: LineReader
    do {
      reader = try LineReader(path: path, options: LineReaderOptions(lenient: lenient))
    } catch {
      throw EvaluationError.reading(error)
    }
    var fields: [(String, String, String, Int)] = []
    var skipped = SkipCounter()
    while true {
      let line: String
      do {
        guard let next = try reader.nextLine() else { break }
        line = next
      } catch {
        let wrapped = EvaluationError.reading(error)
        guard lenient, error.code == .invalidUTF8 else { throw wrapped }
        skipped.record(reason: wrapped.code.rawValue, at: error.location ?? reader.location)
        continue
      }
      let stripped = pythonStrip(line)
      if stripped.isEmpty { continue }
      var parts = stripped.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
      if parts.count == 2, line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).count == 3 {
        // An empty last column stripped away (`lemma<TAB>tags<TAB>` in the
        // 2022/2023 layout: an empty prediction). `evalm.py` never sees it,
        // as it reads only `lemma, form, tags`.
        parts.append(stripped.utf8[stripped.utf8.endIndex...])
      }
      guard parts.count == 3 else {
        let error = EvaluationError(
          .columnCount, at: SourceLocation(path: path, line: reader.lineNumber, column: 1),
          expectedFound("3 tab-separated columns (lemma, form, tags or lemma, tags, form)", "\(parts.count)")
            + (parts.count == 2 ? " (a covered file has no forms to score)" : ""))
        guard lenient else { throw error }
        skipped.record(reason: error.code.rawValue, at: error.location ?? reader.location)
        continue
      }
      fields.append(
        (String(Substring(parts[0])), String(Substring(parts[1])), String(Substring(parts[2])), reader.lineNumber))
    }
    let order: UniMorphColumnOrder
    if let columns {
      order = columns
    } else if fields.isEmpty {
      order = .lemmaFormTags
    } else {
      let sample = fields.prefix(200).map { (second: $0.1, third: $0.2) }
      guard let detected = UniMorphColumnOrder.detect(Array(sample)) else {
        throw EvaluationError(
          .layout, at: SourceLocation(path: path),
          "cannot tell the column order from the first \(sample.count) rows (neither the second nor the third "
            + "column reads as UniMorph features); give --columns lemma-form-tags or lemma-tags-form")
      }
      order = detected
    }
    let rows = fields.map { f in
      order == .lemmaFormTags
        ? EvaluationRow(lemma: f.0, tags: f.2, form: f.1, line: f.3)
        : EvaluationRow(lemma: f.0, tags: f.1, form: f.2, line: f.3)
    }
    return (rows, order, skipped)
  }

  /// Python's `unicode.strip()` without arguments: removes leading and
  /// trailing characters for which `isspace()` is true (Python 2.7, Unicode
  /// 5.2: the White_Space characters plus U+001C–U+001F).
  /// - Parameter text: A line.
  /// - Returns: The line without surrounding white space.
  public static func pythonStrip(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
      let last = scalars.lastIndex(where: { !isPythonSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  static func isPythonSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default: return false
    }
  }
}
