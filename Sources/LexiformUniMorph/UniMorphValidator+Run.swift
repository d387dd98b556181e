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

  /// Distinct feature strings → index into `checks`.
  private let tagCache = ByteKeyTable(capacity: 4096)
  @exclusivity(unchecked) private var checks: [(problems: [BundleProblem], identity: Int)] = []
  /// Bundle set identities (`setKey`) → small integers.
  @exclusivity(unchecked) private var identities: [String: Int] = [:]
  /// lemma, form and bundle identity of each row → its line.
  private let rows = ByteKeyTable(capacity: 1 << 16)
  @exclusivity(unchecked) private var rowKeyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 8)
  @exclusivity(unchecked) private var rowKeyCapacity = 256
  private let quickCheck: NFCQuickCheck
  /// The last lemma's bytes and whether it was NFC.
  @exclusivity(unchecked) private var lastLemma: [UInt8] = []
  @exclusivity(unchecked) private var lastLemmaIsNFC = true
  private let paradigm: ParadigmCheck
  private let labels: LabelLookup
  private let elementCache: BundleElementCache

  init(validator: UniMorphValidator, path: String, report: @escaping (UniMorphError) -> Void) {
    self.validator = validator
    self.path = path
    self.reportProblem = report
    self.summary = UniMorphValidationSummary(path: path, columnOrder: .lemmaFormTags, detected: false)
    self.paradigm = ParadigmCheck(validator: validator)
    let lookup = LabelLookup(schema: validator.options.schema)
    self.labels = lookup
    self.elementCache = BundleElementCache(lookup: lookup)
    self.quickCheck = validator.quickCheck
  }

  deinit {
    rowKeyBuffer.deallocate()
  }

  func report(_ error: UniMorphError) {
    summary.counts[error.code, default: 0] += 1
    if error.severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
    reportProblem(error)
  }

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
    paradigm.flush(self)
  }

  // MARK: Rows

  /// Checks one line (bytes without the terminator).
  func check(_ line: UnsafeBufferPointer<UInt8>, line number: Int) {
    guard let base = line.baseAddress, line.count > 0, base[0] != UInt8(ascii: "#") else { return }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { return }
    summary.rows += 1
    // Fields.
    var tabs: (Int, Int) = (-1, -1)
    var tabCount = 0
    var extra = -1
    var search = 0
    while search < line.count, let found = memchr(base + search, 0x09, line.count - search) {
      let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      if tabCount == 0 { tabs.0 = index } else if tabCount == 1 { tabs.1 = index } else if extra < 0 { extra = index }
      tabCount += 1
      search = index + 1
    }
    guard tabCount == 2 else {
      let at = tabCount > 2 ? extra + 1 : line.count
      problem(
        .columnCount, line: number, column: Self.column(line, at),
        expectedFound("3 tab-separated fields (\(summary.columnOrder))", "\(tabCount + 1)"))
      return
    }
    let second = (tabs.0 + 1)..<tabs.1
    let third = (tabs.1 + 1)..<line.count
    let lemmaRange = 0..<tabs.0
    let (formRange, tagsRange) = summary.columnOrder == .lemmaFormTags ? (second, third) : (third, second)
    var emptyField = false
    if lemmaRange.isEmpty || second.isEmpty || third.isEmpty {
      for (name, range) in [("lemma", lemmaRange), ("form", formRange), ("features", tagsRange)] where range.isEmpty {
        problem(.emptyField, line: number, column: Self.column(line, range.lowerBound), "empty \(name) field")
      }
      emptyField = true
    }
    // Features.
    var identity = -1
    if !tagsRange.isEmpty {
      let tags = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[tagsRange])
      let index = tagCache.value(for: tags) ?? analyze(tags)
      let checked = checks[index]
      identity = checked.identity
      if !checked.problems.isEmpty {
        let start = Self.column(line, tagsRange.lowerBound)
        for item in checked.problems {
          problem(item.code, line: number, column: start + item.offset, item.message)
        }
      }
    }
    // Normalization.
    if !lemmaRange.isEmpty {
      let lemma = UnsafeBufferPointer(rebasing: line[lemmaRange])
      if !Self.same(lemma, lastLemma) {
        lastLemma.removeAll(keepingCapacity: true)
        lastLemma.append(contentsOf: lemma)
        lastLemmaIsNFC = isNFC(lemma)
      }
      if !lastLemmaIsNFC {
        problem(.notNFC, line: number, column: 1, "lemma is not in Unicode Normalization Form C (NFC)")
      }
    }
    if !formRange.isEmpty {
      let form = UnsafeBufferPointer(rebasing: line[formRange])
      if !isNFC(form) {
        problem(
          .notNFC, line: number, column: Self.column(line, formRange.lowerBound),
          "form is not in Unicode Normalization Form C (NFC)")
      }
    }
    guard !emptyField else { return }
    // Duplicates.
    let earlier = rowKey(line, lemma: lemmaRange, form: formRange, tags: tagsRange, identity: identity) {
      rows.insert($0, value: number)
    }
    if let earlier {
      problem(.duplicateRow, line: number, column: 1, "duplicate row: the same lemma, form and features as line \(earlier)")
    }
    // Relatedness of form and lemma.
    if validator.options.checksUnrelatedForms {
      paradigm.add(
        lemma: UnsafeBufferPointer(rebasing: line[lemmaRange]), form: UnsafeBufferPointer(rebasing: line[formRange]),
        line: number, formColumn: Self.column(line, formRange.lowerBound), run: self)
    }
  }

  /// Parses and checks a feature string not seen before; caches the result.
  private func analyze(_ tags: UnsafeRawBufferPointer) -> Int {
    var result: (problems: [BundleProblem], identity: Int) = ([], -1)
    if let (problems, key) = elementCache.check(tags) {
      result.problems = problems
      result.identity = identity(key)
    } else {
      result = analyzeParsing(tags)
    }
    let index = checks.count
    checks.append(result)
    tagCache.insert(tags, value: index)
    return index
  }

  /// The small integer for a bundle's set identity.
  private func identity(_ key: String) -> Int {
    if let known = identities[key] { return known }
    identities[key] = identities.count
    return identities.count - 1
  }

  /// Parses and checks any bundle (the general path).
  func analyzeParsing(_ tags: UnsafeRawBufferPointer) -> (problems: [BundleProblem], identity: Int) {
    let text = String(decoding: tags, as: UTF8.self)
    var result: (problems: [BundleProblem], identity: Int) = ([], -1)
    do {
      let bundle = try FeatureBundle(parsing: text, at: SourceLocation(path: "", line: 1, column: 0))
      result.problems = bundle.problems(labels)
      result.identity = identity(bundle.setKey)
    } catch {
      result.problems = [BundleProblem(offset: error.location?.column ?? 0, code: error.code, message: error.message)]
    }
    return result
  }

  /// The element path's problems and identity for `tags`, or `nil` when it
  /// leaves the bundle to the general path (for tests that compare the two).
  func analyzeByElements(_ tags: UnsafeRawBufferPointer) -> (problems: [BundleProblem], identity: Int)? {
    guard let (problems, key) = elementCache.check(tags) else { return nil }
    return (problems, identity(key))
  }

  /// Whether lemma or form bytes are in NFC: the byte-level quick check,
  /// then ICU's normalizer for text it cannot decide.
  @inline(__always)
  private func isNFC(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    quickCheck.isNFC(text)
  }

  /// Builds a row's duplicate key in `rowKeyBuffer` and passes it to `body`:
  /// lemma, 0, form, 0, then the bundle's identity (8 bytes) or, for a bundle
  /// that does not parse, its text.
  @inline(__always)
  private func rowKey<R>(
    _ line: UnsafeBufferPointer<UInt8>, lemma: Range<Int>, form: Range<Int>, tags: Range<Int>, identity: Int,
    _ body: (UnsafeRawBufferPointer) -> R
  ) -> R {
    let tail = identity >= 0 ? MemoryLayout<Int>.size : tags.count
    let needed = lemma.count + form.count + 2 + tail
    if needed > rowKeyCapacity {
      rowKeyBuffer.deallocate()
      rowKeyCapacity = max(needed, rowKeyCapacity * 2)
      rowKeyBuffer = .allocate(byteCount: rowKeyCapacity, alignment: 8)
    }
    guard let base = line.baseAddress else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    var at = 0
    (rowKeyBuffer + at).copyMemory(from: base + lemma.lowerBound, byteCount: lemma.count)
    at += lemma.count
    rowKeyBuffer.storeBytes(of: 0, toByteOffset: at, as: UInt8.self)
    at += 1
    (rowKeyBuffer + at).copyMemory(from: base + form.lowerBound, byteCount: form.count)
    at += form.count
    rowKeyBuffer.storeBytes(of: 0, toByteOffset: at, as: UInt8.self)
    at += 1
    if identity >= 0 {
      rowKeyBuffer.storeBytes(of: identity, toByteOffset: at, as: Int.self)
    } else {
      (rowKeyBuffer + at).copyMemory(from: base + tags.lowerBound, byteCount: tags.count)
    }
    return body(UnsafeRawBufferPointer(start: rowKeyBuffer, count: needed))
  }

  /// Whether two byte strings are equal.
  @inline(__always)
  static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    guard let base = a.baseAddress, a.count > 0 else { return true }
    return b.withUnsafeBufferPointer { other in other.baseAddress.map { memcmp(base, $0, a.count) == 0 } ?? false }
  }

  /// The 1-based column (in Unicode scalars) of byte `index` of the line.
  static func column(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    var column = 1
    for i in 0..<min(index, line.count) where line[i] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}
