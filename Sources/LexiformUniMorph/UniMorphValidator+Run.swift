import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state of one file's validation.
final class ValidationRun {
  let validator: UniMorphValidator
  let path: String
  let reportProblem: (UniMorphError) -> Void
  @exclusivity(unchecked) var summary: UniMorphValidationSummary

  /// Distinct feature strings → index into `checks` and `checkProblems`.
  private let tagCache = TagTable(capacity: 4096)
  /// Each feature string's set identity and whether it has problems (plain
  /// values: reading them costs no reference counting).
  @exclusivity(unchecked) private var checks: [(identity: Int, hasProblems: Bool)] = []
  @exclusivity(unchecked) private var checkProblems: [[BundleProblem]] = []
  /// Bundle set identities (sorted element key integers, as bytes) → small integers.
  private let identities = ByteKeyTable(capacity: 4096)
  /// Lemma, form and bundle identity of each row → its line.
  private let rows: DuplicateRowSet
  /// The row whose duplicate and paradigm checks are still to be done: its
  /// fingerprint, line and form column, with its lemma and form (copied
  /// only for the paradigm check).
  @exclusivity(unchecked) private var pending: (fingerprint: DuplicateRowSet.Fingerprint, line: Int, formColumn: Int)?
  private let pendingLemma = HeldBytes()
  private let pendingForm = HeldBytes()
  private let quickCheck: NFCQuickCheck
  /// The last lemma's bytes and whether it was NFC.
  private let lastLemma = HeldBytes()
  @exclusivity(unchecked) private var lastLemmaIsNFC = true
  private let paradigm: ParadigmCheck
  private let labels: LabelLookup
  private let elementCache: BundleElementCache

  init(validator: UniMorphValidator, path: String, report: @escaping (UniMorphError) -> Void) {
    self.validator = validator
    self.rows = DuplicateRowSet(expectedRows: Self.expectedRows(path))
    self.path = path
    self.reportProblem = report
    self.summary = UniMorphValidationSummary(path: path, columnOrder: .lemmaFormTags, detected: false)
    self.paradigm = ParadigmCheck(validator: validator)
    let lookup = LabelLookup(schema: validator.options.schema)
    self.labels = lookup
    self.elementCache = BundleElementCache(lookup: lookup)
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

  /// Reads one line as a string, reporting invalid UTF-8 and going on.
  func readLine(_ reader: LineReader) throws(UniMorphError) -> String? {
    while true {
      do {
        return try reader.nextLine()
      } catch {
        guard error.code == .invalidUTF8 else { throw UniMorphError.reading(error) }
        report(UniMorphError.reading(error))
      }
    }
  }

  func finish() {
    completePending()
    paradigm.flush(self)
    for (code, count) in codeCounts { summary.counts[code, default: 0] += count }
    codeCounts.removeAll()
  }

  // MARK: Rows

  /// Checks one line (bytes without the terminator).
  ///
  /// A row's last two checks, the duplicate check and the paradigm's, are
  /// completed when the next row (or the end) comes, so that the duplicate
  /// set's slot for the row is fetched from memory while the rest of the
  /// row is checked. Problems are reported in the same order as if each row
  /// were checked whole: anything that reports first completes the pending row.
  func check(_ line: UnsafeBufferPointer<UInt8>, line number: Int) {
    guard let base = line.baseAddress, line.count > 0, base[0] != UInt8(ascii: "#") else { return }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { return }
    summary.rows += 1
    // Fields.
    let scan = TabScan(line)
    let tabCount = scan.count
    guard tabCount == 2 else {
      completePending()
      let at = tabCount > 2 ? scan.third + 1 : line.count
      problem(
        .columnCount, line: number, column: Self.column(line, at),
        expectedFound("3 tab-separated fields (\(summary.columnOrder))", "\(tabCount + 1)"))
      return
    }
    let second = (scan.first + 1)..<scan.second
    let third = (scan.second + 1)..<line.count
    let lemmaRange = 0..<scan.first
    let (formRange, tagsRange) = summary.columnOrder == .lemmaFormTags ? (second, third) : (third, second)
    let emptyField = lemmaRange.isEmpty || second.isEmpty || third.isEmpty
    let lemma = UnsafeBufferPointer(rebasing: line[lemmaRange])
    let form = UnsafeBufferPointer(rebasing: line[formRange])
    let tags = UnsafeBufferPointer(rebasing: line[tagsRange])
    // Features: their slot in `tagCache` is fetched while the lemma and the
    // form are checked; all is reported below, in the order of the checks.
    let tagHash = TagTable.hash(UnsafeRawBufferPointer(tags))
    if !tagsRange.isEmpty { tagCache.prefetch(tagHash) }
    // Normalization.
    if !lemmaRange.isEmpty && !lastLemma.equals(lemma) {
      lastLemma.set(lemma)
      lastLemmaIsNFC = isNFC(lemma)
    }
    let lemmaIsNFC = lemmaRange.isEmpty || lastLemmaIsNFC
    let formIsNFC = formRange.isEmpty || isNFC(form)
    var identity = -1
    var tagIndex = -1
    if !tagsRange.isEmpty {
      tagIndex =
        tagCache.value(for: UnsafeRawBufferPointer(tags), hash: tagHash) ?? analyze(UnsafeRawBufferPointer(tags))
      identity = checks[tagIndex].identity
    }
    // Duplicates: fetch the row's slot now, look at it with the next row.
    var fingerprint: DuplicateRowSet.Fingerprint?
    if !emptyField {
      let found = rows.fingerprint(lemma: lemma, form: form, identity: identity, tags: tags)
      rows.prefetch(found)
      fingerprint = found
    }
    completePending()
    if emptyField {
      for (name, range) in [("lemma", lemmaRange), ("form", formRange), ("features", tagsRange)] where range.isEmpty {
        problem(.emptyField, line: number, column: Self.column(line, range.lowerBound), "empty \(name) field")
      }
    }
    if tagIndex >= 0, checks[tagIndex].hasProblems {
      let start = Self.column(line, tagsRange.lowerBound)
      for item in checkProblems[tagIndex] {
        problem(item.code, line: number, column: start + item.offset, item.message)
      }
    }
    if !lemmaIsNFC {
      problem(.notNFC, line: number, column: 1, "lemma is not in Unicode Normalization Form C (NFC)")
    }
    if !formIsNFC {
      problem(
        .notNFC, line: number, column: Self.column(line, formRange.lowerBound),
        "form is not in Unicode Normalization Form C (NFC)")
    }
    guard let fingerprint else { return }
    pending = (fingerprint, number, 0)
    if validator.options.checksUnrelatedForms {
      // The line's bytes may move before the row is completed.
      pending?.formColumn = Self.column(line, formRange.lowerBound)
      pendingLemma.set(lemma)
      pendingForm.set(form)
    }
  }

  /// The duplicate check and the paradigm's check of the row before, if
  /// it has not been completed.
  func completePending() {
    guard let (fingerprint, number, formColumn) = pending else { return }
    pending = nil
    if let earlier = rows.insert(fingerprint, line: number) {
      problem(.duplicateRow, line: number, column: 1, Self.duplicateMessage(earlier))
    }
    // Relatedness of form and lemma.
    if validator.options.checksUnrelatedForms {
      paradigm.add(lemma: pendingLemma.bytes, form: pendingForm.bytes, line: number, formColumn: formColumn, run: self)
    }
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

  /// Whether lemma or form bytes are in NFC: the byte-level quick check,
  /// then ICU's normalizer for text it cannot decide.
  @inline(__always)
  private func isNFC(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    quickCheck.isNFC(text)
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

  /// The 1-based column (in Unicode scalars) of byte `index` of the line.
  static func column(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    var column = 1
    for i in 0..<min(index, line.count) where line[i] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}
