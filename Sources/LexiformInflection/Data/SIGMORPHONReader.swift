public import LexiformCore
import LexiformUnicode
import LexiformUniMorph

/// How a ``SIGMORPHONReader`` reads.
public struct SIGMORPHONReaderOptions: Sendable, Hashable {
  /// The column layout, or `nil` (the default) to detect it from the file's
  /// first ``detectionSampleSize`` rows, only where they are unambiguous.
  public var columns: SIGMORPHONColumns?
  /// Whether malformed rows are skipped and counted in
  /// ``SIGMORPHONReader/skipped`` instead of being errors. Default `false`.
  public var lenient: Bool
  /// Whether lemmas, tags and forms are put in Unicode Normalization Form C
  /// (UAX #15). Default `true`.
  public var normalizeToNFC: Bool
  /// How many rows detection looks at. Default 200.
  public var detectionSampleSize: Int

  /// Creates options.
  /// - Parameters:
  ///   - columns: The layout, or `nil` to detect it.
  ///   - lenient: Whether to skip malformed rows.
  ///   - normalizeToNFC: Whether to normalize to NFC.
  ///   - detectionSampleSize: How many rows detection looks at.
  public init(
    columns: SIGMORPHONColumns? = nil, lenient: Bool = false, normalizeToNFC: Bool = true,
    detectionSampleSize: Int = 200
  ) {
    self.columns = columns
    self.lenient = lenient
    self.normalizeToNFC = normalizeToNFC
    self.detectionSampleSize = max(1, detectionSampleSize)
  }
}

/// Reads SIGMORPHON inflection files row by row, in constant memory.
///
/// - Both column orders of the shared tasks since 2017 (``SIGMORPHONColumns``);
///   the order is detected from the first rows where they decide it — an
///   empty middle column (2017 `covered-test`) or an empty last column means
///   the form is there; otherwise the column that reads as UniMorph feature
///   bundles is the tags column (``UniMorphColumnOrder/detect(_:schema:)``).
///   Two-column covered files (`lemma<TAB>tags`, 2022/2023 `.covered.tst`)
///   need no order; their ``layout`` has `order == nil`.
/// - Covered rows (form column empty or absent) give examples with `form == nil`.
/// - Lemmas and forms may contain spaces (multiword expressions); tags may be
///   layered (`V;IND;PRS;NOM(1,SG)`). Blank lines are skipped.
/// - Gzip-compressed files and `-` (standard input) are read transparently.
///
/// Errors name the file, line and column, and say what was expected:
/// `deu.trn:7:1: error: expected 3 tab-separated columns (lemma, tags, form), or 2 in a covered file (lemma, tags), found 4`.
///
/// ```swift
/// let reader = try SIGMORPHONReader(path: "swa.trn")
/// while let example = try reader.next() { … }
/// print(reader.layout)  // lemma-tags-form (detected)
/// ```
public final class SIGMORPHONReader {
  /// The file's path as given.
  public let path: String
  /// How the reader reads.
  public let options: SIGMORPHONReaderOptions
  /// The file's layout: known after the first call to ``next()``.
  public private(set) var layout: SIGMORPHONLayout
  /// Rows skipped in lenient mode, by reason.
  public private(set) var skipped = SkipCounter()
  /// How many examples were returned so far.
  public private(set) var count = 0
  /// How many of them had no form (covered rows).
  public private(set) var coveredCount = 0

  private let reader: LineReader
  private let normalizer: Normalizer?
  private var pending: [(String, Int)] = []
  private var pendingIndex = 0
  private var started = false

  /// Opens a file.
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - options: How to read.
  /// - Throws: ``InflectionError`` (`unreadable`) when the file cannot be opened.
  public init(path: String, options: SIGMORPHONReaderOptions = SIGMORPHONReaderOptions()) throws(InflectionError) {
    self.path = path
    self.options = options
    do {
      self.reader = try LineReader(path: path, options: LineReaderOptions(lenient: options.lenient))
    } catch {
      throw InflectionError.reading(error)
    }
    self.normalizer = options.normalizeToNFC ? try? Normalizer(.nfc) : nil
    self.layout = SIGMORPHONLayout(order: options.columns?.order, detected: false)
  }

  /// Reads a whole file.
  /// - Parameters:
  ///   - path: The file, or `-`.
  ///   - options: How to read.
  /// - Returns: The examples, the layout, and the rows skipped (lenient mode).
  /// - Throws: ``InflectionError`` as ``next()`` does.
  public static func read(
    _ path: String, options: SIGMORPHONReaderOptions = SIGMORPHONReaderOptions()
  ) throws(InflectionError) -> (examples: [InflectionExample], layout: SIGMORPHONLayout, skipped: SkipCounter) {
    let reader = try SIGMORPHONReader(path: path, options: options)
    var examples: [InflectionExample] = []
    while let example = try reader.next() { examples.append(example) }
    return (examples, reader.layout, reader.skipped)
  }

  /// Reads the next example.
  /// - Returns: The example, or `nil` at the end of the file.
  /// - Throws: ``InflectionError``: `columnCount` or `emptyField` for a
  ///   malformed row (unless lenient), `layout` when the column order cannot
  ///   be told or contradicts itself, `invalidUTF8`, `unreadable`.
  public func next() throws(InflectionError) -> InflectionExample? {
    if !started {
      started = true
      try detect()
    }
    while true {
      let line: String
      let number: Int
      if pendingIndex < pending.count {
        (line, number) = pending[pendingIndex]
        pendingIndex += 1
        if pendingIndex == pending.count {
          pending = []
          pendingIndex = 0
        }
      } else {
        guard let next = try readDataLine() else { return nil }
        (line, number) = next
      }
      if let example = try example(line, number) {
        count += 1
        if example.form == nil { coveredCount += 1 }
        return example
      }
    }
  }

  // MARK: Rows

  private func example(_ line: String, _ number: Int) throws(InflectionError) -> InflectionExample? {
    // Split on the tab byte: splitting on Character would segment graphemes.
    let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
    let location = SourceLocation(path: path, line: number, column: 1)
    let lemma: String
    let tags: String
    var form: String?
    switch fields.count {
    case 2:
      lemma = fields[0]
      tags = fields[1]
      if layout.order == nil { layout.formColumnAbsent = true }
    case 3:
      guard let order = try orderForRow(fields, location) else { return nil }
      lemma = fields[0]
      tags = fields[order.tagsIndex]
      let f = fields[order.formIndex]
      form = f.isEmpty ? nil : f
    default:
      return try reject(
        InflectionError(
          .columnCount, at: location,
          expectedFound(
            "3 tab-separated columns (\(columnNames)), or 2 in a covered file (lemma, tags)", "\(fields.count)")))
    }
    if lemma.isEmpty {
      return try reject(InflectionError(.emptyField, at: location, "empty lemma field"))
    }
    if tags.isEmpty {
      var at = location
      if fields.count == 3, let order = layout.order {
        at.column = fields[..<order.tagsIndex].reduce(1) { $0 + $1.unicodeScalars.count + 1 }
      } else {
        at.column = lemma.unicodeScalars.count + 2
      }
      return try reject(InflectionError(.emptyField, at: at, "empty tags field (expected a feature bundle such as V;PST)"))
    }
    return InflectionExample(lemma: nfc(lemma), tags: nfc(tags), form: form.map(nfc), line: number)
  }

  private var columnNames: String {
    layout.order == .lemmaTagsForm ? "lemma, tags, form" : layout.order == .lemmaFormTags ? "lemma, form, tags" : "lemma, form, tags or lemma, tags, form"
  }

  /// The order for a three-column row; settles it when the file so far had
  /// only two-column rows.
  private func orderForRow(_ fields: [String], _ location: SourceLocation) throws(InflectionError) -> UniMorphColumnOrder? {
    if let order = layout.order { return order }
    let decided: UniMorphColumnOrder?
    if fields[1].isEmpty != fields[2].isEmpty {
      decided = fields[1].isEmpty ? .lemmaFormTags : .lemmaTagsForm
    } else {
      decided = UniMorphColumnOrder.detect([(fields[1], fields[2])])
    }
    guard let decided else {
      throw InflectionError(
        .layout, at: location,
        "cannot tell which column holds the tags (neither or both read as UniMorph features); give --columns "
          + SIGMORPHONColumns.allCases.map(\.rawValue).joined(separator: "|"))
    }
    layout = SIGMORPHONLayout(order: decided, detected: true, formColumnAbsent: false)
    return decided
  }

  private func reject(_ error: InflectionError) throws(InflectionError) -> InflectionExample? {
    guard options.lenient else { throw error }
    skipped.record(reason: error.code.rawValue, at: error.location ?? SourceLocation(path: path))
    return nil
  }

  private func nfc(_ text: String) -> String {
    guard let normalizer, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    return (try? normalizer.normalize(text)) ?? text
  }

  // MARK: Lines and detection

  private func readDataLine() throws(InflectionError) -> (String, Int)? {
    while true {
      do {
        guard let line = try reader.nextLine() else { return nil }
        if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        return (line, reader.lineNumber)
      } catch {
        let wrapped = InflectionError.reading(error)
        guard options.lenient, error.code == .invalidUTF8 else { throw wrapped }
        skipped.record(reason: wrapped.code.rawValue, at: error.location ?? reader.location)
      }
    }
  }

  /// Settles the column order from the first rows, unless it was given.
  private func detect() throws(InflectionError) {
    while pending.count < options.detectionSampleSize, let line = try readDataLine() {
      pending.append(line)
    }
    var twoColumns = 0
    var emptyMiddle = 0
    var emptyLast = 0
    var full: [(second: String, third: String)] = []
    for (line, _) in pending {
      let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
      switch fields.count {
      case 2: twoColumns += 1
      case 3:
        let middle = fields[1].isEmpty
        let last = fields[2].isEmpty
        if middle && !last { emptyMiddle += 1 } else if last && !middle { emptyLast += 1 } else if !middle {
          full.append((String(Substring(fields[1])), String(Substring(fields[2]))))
        }
      default: break
      }
    }
    let absent = twoColumns > 0 && emptyMiddle == 0 && emptyLast == 0 && full.isEmpty
    if let given = options.columns {
      layout = SIGMORPHONLayout(order: given.order, detected: false, formColumnAbsent: absent)
      return
    }
    let location = SourceLocation(path: path)
    let sample = "the first \(pending.count) rows"
    if emptyMiddle > 0 && emptyLast > 0 {
      throw InflectionError(
        .layout, at: location,
        "\(sample) leave the middle column empty in \(emptyMiddle) rows and the last in \(emptyLast): "
          + "cannot tell where the form is; give --columns")
    }
    let fromEmpty: UniMorphColumnOrder? = emptyMiddle > 0 ? .lemmaFormTags : emptyLast > 0 ? .lemmaTagsForm : nil
    var fromTags: UniMorphColumnOrder?
    if !full.isEmpty {
      fromTags = UniMorphColumnOrder.detect(full)
      if fromTags == nil && fromEmpty == nil {
        throw InflectionError(
          .layout, at: location,
          "cannot tell the column order from \(sample) (neither the second nor the third column reads as "
            + "UniMorph features); give --columns "
            + SIGMORPHONColumns.allCases.map(\.rawValue).joined(separator: "|"))
      }
    }
    if let fromEmpty, let fromTags, fromEmpty != fromTags {
      throw InflectionError(
        .layout, at: location,
        "\(sample) contradict each other: empty form cells say \(fromEmpty.rawValue), "
          + "the feature bundles say \(fromTags.rawValue); give --columns")
    }
    layout = SIGMORPHONLayout(order: fromEmpty ?? fromTags, detected: true, formColumnAbsent: absent)
  }
}
