import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reporting side of one file's validation: takes the rows that
/// ``RowChecker`` checked on their own, in order, reports their problems,
/// and does the checks that need the rows before: duplicates and paradigms.
final class ValidationRun {
  let validator: UniMorphValidator
  let path: String
  let reportProblem: (UniMorphError) -> Void
  @exclusivity(unchecked) var summary: UniMorphValidationSummary
  /// Lemma, form and bundle identity of each row → its line.
  private let rows: DuplicateRowSet
  private let paradigm: ParadigmCheck
  private let quickCheck: NFCQuickCheck
  /// The last lemma's bytes and whether it was NFC.
  private let lastLemma = HeldBytes()
  @exclusivity(unchecked) private var lastLemmaIsNFC = true

  init(validator: UniMorphValidator, path: String, report: @escaping (UniMorphError) -> Void) {
    self.validator = validator
    self.rows = DuplicateRowSet(expectedRows: Self.expectedRows(path))
    self.path = path
    self.reportProblem = report
    self.summary = UniMorphValidationSummary(path: path, columnOrder: .lemmaFormTags, detected: false)
    self.paradigm = ParadigmCheck(validator: validator)
    self.quickCheck = validator.quickCheck
  }

  /// A guess at a file's rows from its size (40 bytes a row), so that the
  /// duplicate set rarely grows; a compressed file or standard input starts
  /// small and grows.
  static func expectedRows(_ path: String) -> Int {
    var info = stat()
    guard path != "-", stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 1 << 16 }
    return max(1 << 16, min(Int(info.st_size) / 40, 1 << 28))
  }

  func report(_ error: UniMorphError) {
    // Counted here and added to `summary.counts` at the end: a few codes,
    // found by comparison, cost less than hashing a code per problem.
    if let index = codeCounts.firstIndex(where: { $0.code == error.code }) {
      codeCounts[index].count += 1
    } else {
      codeCounts.append((error.code, 1))
    }
    if error.severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
    reportProblem(error)
  }

  /// Problems by code not yet in `summary.counts`.
  @exclusivity(unchecked) private var codeCounts: [(code: UniMorphError.Code, count: Int)] = []

  func problem(
    _ code: UniMorphError.Code, line: Int, column: Int?, _ message: String, severity: DiagnosticSeverity = .error
  ) {
    report(
      UniMorphError(code, at: SourceLocation(path: path, line: line, column: column), message, severity: severity))
  }

  func finish() {
    paradigm.flush(self)
    for (code, count) in codeCounts { summary.counts[code, default: 0] += count }
    codeCounts.removeAll()
  }

  // MARK: Rows

  /// Reports the problems of a batch of records, in order, and finishes
  /// the checks of each row: NFC, duplicates, the paradigm.
  func consume(_ batch: CheckedRows) {
    let checksParadigms = validator.options.checksUnrelatedForms
    // The duplicate set's slot for a row a few records on is fetched from
    // memory while this one is checked.
    let lookahead = 8
    let count = batch.records.count
    for index in 0..<min(lookahead, count) where batch.records[index].kind == .complete {
      rows.prefetch(batch.records[index].fingerprint)
    }
    batch.text.withUnsafeBufferPointer { text in
      for index in 0..<count {
        if index + lookahead < count, batch.records[index + lookahead].kind == .complete {
          rows.prefetch(batch.records[index + lookahead].fingerprint)
        }
        let record = batch.records[index]
        for problem in batch.problems(of: index) { report(batch.problems[problem]) }
        guard record.kind != .problemsOnly else { continue }
        let lemma = UnsafeBufferPointer(rebasing: text[record.lemma])
        let form = UnsafeBufferPointer(rebasing: text[record.form])
        // Normalization.
        if !lemma.isEmpty && !lastLemma.equals(lemma) {
          lastLemma.set(lemma)
          lastLemmaIsNFC = quickCheck.isNFC(lemma)
        }
        if !lemma.isEmpty && !lastLemmaIsNFC {
          problem(.notNFC, line: record.line, column: 1, "lemma is not in Unicode Normalization Form C (NFC)")
        }
        if !form.isEmpty && !quickCheck.isNFC(form) {
          problem(
            .notNFC, line: record.line, column: Self.column(text, record.form.lowerBound, from: record.rowStart),
            "form is not in Unicode Normalization Form C (NFC)")
        }
        guard record.kind == .complete else { continue }
        // Duplicates.
        if let earlier = rows.insert(record.fingerprint, line: record.line) {
          problem(.duplicateRow, line: record.line, column: 1, Self.duplicateMessage(earlier))
        }
        if checksParadigms {
          paradigm.add(
            lemma: lemma, form: form, line: record.line,
            formColumn: Self.column(text, record.form.lowerBound, from: record.rowStart), run: self)
        }
      }
    }
  }

  /// Whether two byte strings are equal.
  @inline(__always)
  static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    guard let base = a.baseAddress, a.count > 0 else { return true }
    return b.withUnsafeBufferPointer { other in other.baseAddress.map { memcmp(base, $0, a.count) == 0 } ?? false }
  }

  /// `duplicate row: the same lemma, form and features as line N`, written
  /// straight into the string's storage (interpolation costs several
  /// copies, and a table can have a duplicate every few rows).
  static func duplicateMessage(_ earlier: Int) -> String {
    let prefix: StaticString = "duplicate row: the same lemma, form and features as line "
    guard earlier > 0 else { return prefix.description + String(earlier) }
    var digits = 0
    var rest = earlier
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + digits) { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      base.update(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
      var at = prefix.utf8CodeUnitCount + digits
      var value = earlier
      while value > 0 {
        at -= 1
        base[at] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      }
      return prefix.utf8CodeUnitCount + digits
    }
  }

  /// The 1-based column of byte `index` of `text` in the line that starts at byte `start`.
  static func column(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, from start: Int) -> Int {
    column(UnsafeBufferPointer(rebasing: text[start..<index]), index - start)
  }

  /// The 1-based column (in Unicode scalars) of byte `index` of the line.
  static func column(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    var column = 1
    for i in 0..<min(index, line.count) where line[i] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}
