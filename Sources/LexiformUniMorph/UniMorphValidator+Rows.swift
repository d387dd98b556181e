import LexiformCore

/// Rows checked by the reading side of a validation, handed to the
/// reporting side (``ValidationRun``) for the checks that remain: NFC, and
/// those that need every earlier row (duplicates, paradigms).
///
/// Each record is a row or a problem of the input (invalid UTF-8, the
/// column order): its line, its problems found so far in the order found,
/// and for a row of three fields a copy of the row with its fields and its
/// bundle's identity.
final class CheckedRows {
  /// One record.
  struct Record {
    /// What is left to check.
    enum Kind: UInt8 {
      /// Nothing: the record is its problems.
      case problemsOnly
      /// NFC of the fields (a row with an empty field).
      case normalization
      /// NFC, then duplicates and the paradigm.
      case complete
    }

    var line: Int
    var kind: Kind
    /// Where the record's problems start in `problems`.
    var problemStart: Int
    /// Where the row starts in `text`, and its lemma and form there.
    var rowStart: Int
    var lemma: Range<Int>
    var form: Range<Int>
    /// The row's fingerprint for the duplicate check (kind `complete`).
    var fingerprint: DuplicateRowSet.Fingerprint
  }

  /// About how many records a batch holds before it is handed over.
  static let capacity = 2048

  @exclusivity(unchecked) var records: [Record] = []
  @exclusivity(unchecked) var problems: [UniMorphError] = []
  /// The rows' bytes, one after the other.
  @exclusivity(unchecked) var text: [UInt8] = []
  /// Set on the last batch of the input.
  @exclusivity(unchecked) var isLast = false
  /// The error that ended the input early (an unreadable file), if any.
  @exclusivity(unchecked) var failure: UniMorphError?

  init() {
    records.reserveCapacity(Self.capacity + 256)
    text.reserveCapacity(Self.capacity * 64)
  }

  var isFull: Bool { records.count >= Self.capacity || text.count >= Self.capacity * 256 }

  func removeAll() {
    records.removeAll(keepingCapacity: true)
    problems.removeAll(keepingCapacity: true)
    text.removeAll(keepingCapacity: true)
    isLast = false
    failure = nil
  }

  /// Adds a record without a row.
  func append(line: Int, problem: UniMorphError) {
    records.append(
      Record(
        line: line, kind: .problemsOnly, problemStart: problems.count, rowStart: text.count, lemma: 0..<0, form: 0..<0,
        fingerprint: DuplicateRowSet.Fingerprint(high: 0, low: 0)))
    problems.append(problem)
  }

  /// The problems of record `index`.
  func problems(of index: Int) -> Range<Int> {
    records[index].problemStart..<(index + 1 < records.count ? records[index + 1].problemStart : problems.count)
  }
}

/// The reading side of one file's validation: reads lines, detects the
/// column order, and checks each row on its own (fields, features, NFC),
/// filling ``CheckedRows`` batches. It can run on a thread of its own.
final class RowChecker {
  let validator: UniMorphValidator
  let path: String
  /// The input (`nil` in a checker made for tests of the bundle analysis).
  private let reader: LineReader?
  /// The column order (given, detected, or the default when detection fails).
  @exclusivity(unchecked) private(set) var columnOrder: UniMorphColumnOrder = .lemmaFormTags
  /// Whether the order was detected.
  @exclusivity(unchecked) private(set) var detected = false
  /// Data rows read.
  @exclusivity(unchecked) private(set) var rows = 0
  @exclusivity(unchecked) private var started = false
  /// The batch being filled.
  @exclusivity(unchecked) private var batch = CheckedRows()

  /// Distinct feature strings → index into `checks` and `checkProblems`.
  private let tagCache = TagTable(capacity: 4096)
  /// Each feature string's set identity and whether it has problems (plain
  /// values: reading them costs no reference counting).
  @exclusivity(unchecked) private var checks: [(identity: Int, hasProblems: Bool)] = []
  @exclusivity(unchecked) private var checkProblems: [[BundleProblem]] = []
  /// Bundle set identities (sorted element key integers, as bytes) → small integers.
  private let identities = ByteKeyTable(capacity: 4096)
  private let labels: LabelLookup
  private let elementCache: BundleElementCache

  /// Opens `path` for checking.
  /// - Throws: ``UniMorphError`` (`unreadable`) when it cannot be opened.
  init(validator: UniMorphValidator, path: String) throws(UniMorphError) {
    do {
      reader = try LineReader(path: path)
    } catch {
      throw UniMorphError.reading(error)
    }
    self.validator = validator
    self.path = path
    let lookup = LabelLookup(schema: validator.options.schema)
    self.labels = lookup
    self.elementCache = BundleElementCache(lookup: lookup)
    if case .fixed(let order) = validator.options.columns { columnOrder = order }
  }

  /// A checker for tests of the bundle analysis (reads nothing).
  init(validator: UniMorphValidator) {
    reader = nil
    self.validator = validator
    self.path = ""
    let lookup = LabelLookup(schema: validator.options.schema)
    self.labels = lookup
    self.elementCache = BundleElementCache(lookup: lookup)
  }

  /// Fills `rows` (emptied first) with the next records; sets `isLast`
  /// at the end of the input, and `failure` when it cannot be read.
  func fill(_ rows: CheckedRows) {
    rows.removeAll()
    batch = rows
    guard let reader else {
      rows.isLast = true
      return
    }
    do throws(UniMorphError) {
      if !started {
        started = true
        try detectColumns(reader)
      }
      while !rows.isFull {
        do {
          guard let bytes = try reader.nextLineBytes() else {
            rows.isLast = true
            return
          }
          check(bytes, line: reader.lineNumber, into: rows)
        } catch where error.code == .invalidUTF8 {
          record(UniMorphError.reading(error), line: reader.lineNumber)
        } catch {
          throw UniMorphError.reading(error)
        }
      }
    } catch {
      rows.failure = error
      rows.isLast = true
    }
  }

  /// Reads the first rows, detects the column order from them (unless it
  /// is given) and checks them.
  private func detectColumns(_ reader: LineReader) throws(UniMorphError) {
    guard case .auto = validator.options.columns else { return }
    var sample: [(String, Int)] = []
    while sample.count < validator.options.detectionSampleSize {
      guard let line = try readLine(reader) else { break }
      if UniMorphValidator.isData(line) { sample.append((line, reader.lineNumber)) }
    }
    let pairs = sample.compactMap { line, _ -> (second: String, third: String)? in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      return fields.count == 3 ? (String(fields[1]), String(fields[2])) : nil
    }
    if let order = UniMorphColumnOrder.detect(pairs, schema: validator.options.schema) {
      columnOrder = order
      detected = true
    } else if !sample.isEmpty {
      problem(
        .columnOrder, line: 0, column: nil,
        "cannot tell the column order from the first \(sample.count) rows (neither the second nor the third column reads as UniMorph features); give --columns; checking as \(columnOrder)"
      )
    }
    for (line, number) in sample {
      var text = line
      text.withUTF8 { check($0, line: number, into: batch) }
    }
  }

  /// Reads one line as a string, recording invalid UTF-8 and going on.
  private func readLine(_ reader: LineReader) throws(UniMorphError) -> String? {
    while true {
      do {
        return try reader.nextLine()
      } catch {
        guard error.code == .invalidUTF8 else { throw UniMorphError.reading(error) }
        record(UniMorphError.reading(error), line: reader.lineNumber)
      }
    }
  }

  /// A record of its own for a problem of the input.
  private func record(_ error: UniMorphError, line: Int) {
    batch.append(line: line, problem: error)
  }

  /// A record of its own for a problem found at `line`.
  private func problem(_ code: UniMorphError.Code, line: Int, column: Int?, _ message: String) {
    record(UniMorphError(code, at: SourceLocation(path: path, line: line, column: column), message), line: line)
  }


  // MARK: Rows

  /// Checks one line (bytes without the terminator) on its own (fields,
  /// features) and records it, with a copy of its bytes for the checks left.
  func check(_ line: UnsafeBufferPointer<UInt8>, line number: Int, into batch: CheckedRows) {
    guard let base = line.baseAddress, line.count > 0, base[0] != UInt8(ascii: "#") else { return }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { return }
    rows += 1
    // Fields.
    let scan = TabScan(line)
    let tabCount = scan.count
    guard tabCount == 2 else {
      let at = tabCount > 2 ? scan.third + 1 : line.count
      problem(
        .columnCount, line: number, column: ValidationRun.column(line, at),
        expectedFound("3 tab-separated fields (\(columnOrder))", "\(tabCount + 1)"))
      return
    }
    let second = (scan.first + 1)..<scan.second
    let third = (scan.second + 1)..<line.count
    let lemmaRange = 0..<scan.first
    let (formRange, tagsRange) = columnOrder == .lemmaFormTags ? (second, third) : (third, second)
    let emptyField = lemmaRange.isEmpty || second.isEmpty || third.isEmpty
    let tags = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[tagsRange])
    // The features' slot in `tagCache` is fetched while lemma and form are hashed.
    let tagHash = TagTable.hash(tags)
    if !tagsRange.isEmpty { tagCache.prefetch(tagHash) }
    let lemmaAndForm = DuplicateRowSet.hashing(
      lemma: UnsafeBufferPointer(rebasing: line[lemmaRange]), form: UnsafeBufferPointer(rebasing: line[formRange]))
    var identity = -1
    var tagIndex = -1
    if !tagsRange.isEmpty {
      tagIndex = tagCache.value(for: tags, hash: tagHash) ?? analyze(tags)
      identity = checks[tagIndex].identity
    }
    let problemStart = batch.problems.count
    if emptyField {
      for (name, range) in [("lemma", lemmaRange), ("form", formRange), ("features", tagsRange)] where range.isEmpty {
        batch.problems.append(
          UniMorphError(
            .emptyField, at: SourceLocation(path: path, line: number, column: ValidationRun.column(line, range.lowerBound)),
            "empty \(name) field"))
      }
    }
    if tagIndex >= 0, checks[tagIndex].hasProblems {
      let start = ValidationRun.column(line, tagsRange.lowerBound)
      for item in checkProblems[tagIndex] {
        batch.problems.append(
          UniMorphError(item.code, at: SourceLocation(path: path, line: number, column: start + item.offset), item.message))
      }
    }
    var fingerprint = DuplicateRowSet.Fingerprint(high: 0, low: 0)
    if !emptyField {
      fingerprint = DuplicateRowSet.fingerprint(
        lemmaAndForm, identity: identity, tags: UnsafeBufferPointer(rebasing: line[tagsRange]))
    }
    let rowStart = batch.text.count
    batch.text.append(contentsOf: line)
    batch.records.append(
      CheckedRows.Record(
        line: number, kind: emptyField ? .normalization : .complete, problemStart: problemStart, rowStart: rowStart,
        lemma: (rowStart + lemmaRange.lowerBound)..<(rowStart + lemmaRange.upperBound),
        form: (rowStart + formRange.lowerBound)..<(rowStart + formRange.upperBound), fingerprint: fingerprint))
  }

  /// Parses and checks a feature string not seen before; caches the result.
  private func analyze(_ tags: UnsafeRawBufferPointer) -> Int {
    var result: (problems: [BundleProblem], identity: Int) = ([], -1)
    if let (problems, keys) = elementCache.check(tags) {
      result.problems = problems
      result.identity = identity(keys)
    } else {
      result = analyzeParsing(tags)
    }
    let index = checks.count
    checks.append((result.identity, !result.problems.isEmpty))
    checkProblems.append(result.problems)
    tagCache.insert(tags, value: index)
    return index
  }

  /// The small integer for a bundle's set identity.
  private func identity(_ keys: [Int]) -> Int {
    keys.withUnsafeBytes { bytes in
      if let known = identities.value(for: bytes) { return known }
      identities.insert(bytes, value: identities.count)
      return identities.count - 1
    }
  }

  /// Parses and checks any bundle (the general path).
  func analyzeParsing(_ tags: UnsafeRawBufferPointer) -> (problems: [BundleProblem], identity: Int) {
    let text = String(decoding: tags, as: UTF8.self)
    var result: (problems: [BundleProblem], identity: Int) = ([], -1)
    do {
      let bundle = try FeatureBundle(parsing: text, at: SourceLocation(path: "", line: 1, column: 0))
      result.problems = bundle.problems(labels)
      result.identity = identity(
        BundleElementCache.sortedDistinct(bundle.elements.map { elementCache.keyIndex($0.setKey) }))
    } catch {
      result.problems = [BundleProblem(offset: error.location?.column ?? 0, code: error.code, message: error.message)]
    }
    return result
  }

  /// The element path's problems and identity for `tags`, or `nil` when it
  /// leaves the bundle to the general path (for tests that compare the two).
  func analyzeByElements(_ tags: UnsafeRawBufferPointer) -> (problems: [BundleProblem], identity: Int)? {
    guard let (problems, keys) = elementCache.check(tags) else { return nil }
    return (problems, identity(keys))
  }
}
