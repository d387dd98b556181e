public import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One row of a UniMorph table: a lemma, an inflected form and its features.
public struct UniMorphEntry: Hashable, Sendable {
  /// The lemma (citation form); may contain spaces (`Abu Dabili`).
  public var lemma: String
  /// The inflected form; may contain spaces (`yaptırıyor olacağız`).
  public var form: String
  /// The features as written: `V;IND;PRS;NOM(1,SG)`.
  public var tags: String
  /// Where the row is (path and line).
  public var location: SourceLocation

  /// Creates an entry.
  /// - Parameters:
  ///   - lemma: The lemma.
  ///   - form: The inflected form.
  ///   - tags: The features as written.
  ///   - location: Where the row is.
  public init(lemma: String, form: String, tags: String, location: SourceLocation) {
    self.lemma = lemma
    self.form = form
    self.tags = tags
    self.location = location
  }

  /// The row's fields in a column order, without a line terminator.
  /// - Parameter order: The order to write.
  /// - Returns: `lemma\tform\ttags` or `lemma\ttags\tform`.
  public func line(_ order: UniMorphColumnOrder) -> String {
    order == .lemmaFormTags ? "\(lemma)\t\(form)\t\(tags)" : "\(lemma)\t\(tags)\t\(form)"
  }
}

/// How a ``UniMorphTableReader`` reads.
public struct UniMorphReaderOptions: Sendable, Hashable {
  /// The column order, or `.auto` (the default) to detect it per file from
  /// its first ``detectionSampleSize`` rows.
  public var columns: UniMorphColumnChoice
  /// Whether malformed rows (wrong column count, empty field, a bundle that
  /// does not parse, invalid UTF-8) are skipped and counted in
  /// ``UniMorphTableReader/skipped`` instead of being errors. Default `false`.
  public var lenient: Bool
  /// How many rows detection looks at. Default 200.
  public var detectionSampleSize: Int

  /// Creates options.
  /// - Parameters:
  ///   - columns: The column order, or `.auto`.
  ///   - lenient: Whether to skip malformed rows.
  ///   - detectionSampleSize: How many rows detection looks at.
  public init(columns: UniMorphColumnChoice = .auto, lenient: Bool = false, detectionSampleSize: Int = 200) {
    self.columns = columns
    self.lenient = lenient
    self.detectionSampleSize = max(1, detectionSampleSize)
  }
}

/// Reads UniMorph and SIGMORPHON tables row by row, in constant memory.
///
/// - Both column orders (``UniMorphColumnOrder``), detected per file from
///   its first rows (see ``detections``) or given.
/// - Lemmas and forms may contain spaces; empty lines and lines starting
///   with `#` are skipped.
/// - Several files are read as one table, in order: UniMorph splits large
///   languages into parts (`fin.1`, `fin.2`, …), and ``parts(of:)`` finds them.
/// - Gzip-compressed files and `-` (standard input) are read transparently.
///
/// ```swift
/// let reader = try UniMorphTableReader(paths: UniMorphTableReader.parts(of: "fin"))
/// while let entry = try reader.next() { … }
/// ```
public final class UniMorphTableReader {
  // Mutable state is `@exclusivity(unchecked)`: a reader is not shared
  // between threads, and a dynamic exclusivity check on each access costs
  // more than splitting the row.
  /// The files, in reading order.
  public let paths: [String]
  /// How the reader reads.
  public let options: UniMorphReaderOptions
  /// The order used for each file read so far, and whether it was detected
  /// (`true`) or given (`false`).
  @exclusivity(unchecked) public private(set) var detections: [(path: String, order: UniMorphColumnOrder, detected: Bool)] = []
  /// Rows skipped in lenient mode, by reason.
  @exclusivity(unchecked) public private(set) var skipped = SkipCounter()
  /// The order of the file being read.
  @exclusivity(unchecked) public private(set) var columnOrder: UniMorphColumnOrder = .lemmaFormTags

  @exclusivity(unchecked) private var fileIndex = -1
  @exclusivity(unchecked) private var reader: LineReader? {
    didSet { current = reader.map { Unmanaged.passUnretained($0) } }
  }
  /// `reader`, unretained (it keeps the reader alive).
  @exclusivity(unchecked) private var current: Unmanaged<LineReader>?
  /// Rows read ahead for detection: the line and its number.
  @exclusivity(unchecked) private var pending: [(String, Int)] = []
  @exclusivity(unchecked) private var pendingIndex = 0
  /// The bytes of the pending line returned last by ``nextRowBytes()``.
  @exclusivity(unchecked) private var held = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
  @exclusivity(unchecked) private var heldCapacity = 256

  /// Creates a reader; files are opened as they are reached.
  /// - Parameters:
  ///   - paths: The files (or `-`), read one after another as one table.
  ///   - options: How to read.
  public init(paths: [String], options: UniMorphReaderOptions = UniMorphReaderOptions()) {
    self.paths = paths
    self.options = options
  }

  deinit {
    held.deallocate()
  }

  /// The files that make up a table: `path` itself if it exists, else its
  /// numbered parts `path.1`, `path.2`, … as UniMorph splits large languages.
  /// - Parameter path: A file, or the common name of its parts.
  /// - Returns: The files, in order; `[path]` when neither exists (opening
  ///   it then reports the error).
  public static func parts(of path: String) -> [String] {
    if path == "-" || access(path, F_OK) == 0 { return [path] }
    var found: [String] = []
    var number = 1
    while access("\(path).\(number)", F_OK) == 0 {
      found.append("\(path).\(number)")
      number += 1
    }
    return found.isEmpty ? [path] : found
  }

  /// Reads the next row.
  /// - Returns: The row, or `nil` after the last row of the last file.
  /// - Throws: ``UniMorphError``: `columnCount`, `emptyField`,
  ///   `invalidUTF8` for a malformed row (unless lenient), `columnOrder` when
  ///   detection fails, `unreadable` when a file cannot be read.
  public func next() throws(UniMorphError) -> UniMorphEntry? {
    while true {
      guard let (line, number) = try nextLine() else { return nil }
      if let entry = try entry(line, number) { return entry }
    }
  }

  /// Reads the next row without creating strings: `body` gets the lemma,
  /// form and features as UTF-8 bytes, valid only during the call. Rows are
  /// read, detected, checked and skipped exactly as ``next()`` does.
  ///
  /// ```swift
  /// while try reader.withNextRow({ lemma, form, tags in write(lemma, tags, form) }) != nil {}
  /// ```
  /// - Parameter body: Called with the row's fields.
  /// - Returns: What `body` returned, or `nil` after the last row of the last file.
  /// - Throws: As ``next()``.
  /// - Complexity: O(*n*) in the row's bytes; no allocation per row.
  public func withNextRow<R>(
    _ body: (_ lemma: UnsafeBufferPointer<UInt8>, _ form: UnsafeBufferPointer<UInt8>, _ tags: UnsafeBufferPointer<UInt8>)
      -> R
  ) throws(UniMorphError) -> R? {
    guard let row = try nextRowBytes() else { return nil }
    return body(row.lemma, row.form, row.tags)
  }

  /// Reads the next row without creating strings and returns its fields as
  /// UTF-8 bytes, valid only until the next read from this reader: the
  /// non-generic form of ``withNextRow(_:)``, for loops over millions of
  /// rows (a generic call from another module is not specialized). Rows are
  /// read, detected, checked and skipped exactly as ``next()`` does.
  ///
  /// ```swift
  /// while let row = try reader.nextRowBytes() { write(row.lemma, row.tags, row.form) }
  /// ```
  /// - Returns: The row's fields, or `nil` after the last row of the last file.
  /// - Throws: As ``next()``.
  /// - Complexity: O(*n*) in the row's bytes; no allocation per row.
  public func nextRowBytes() throws(UniMorphError) -> (
    lemma: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>, tags: UnsafeBufferPointer<UInt8>
  )? {
    while true {
      if pendingIndex < pending.count {
        let (line, number) = pending[pendingIndex]
        pendingIndex += 1
        if let split = Self.split(hold(line), columnOrder) { return split }
        if try entry(line, number) != nil {
          assertionFailure("a row that does not split is an entry")
        }
        continue
      }
      // The reader, borrowed from `reader` without a retain per row.
      guard let current else {
        guard try openNextFile() else { return nil }
        continue
      }
      let line: UnsafeBufferPointer<UInt8>?
      switch current._withUnsafeGuaranteedRef({ reader in Result { () throws(CoreError) in try reader.nextLineBytes() } }) {
      case .success(let read):
        line = read
      case .failure(let error):
        let reader = current.takeUnretainedValue()
        let wrapped = UniMorphError.reading(error)
        guard options.lenient, error.code == .invalidUTF8 else { throw wrapped }
        skipped.record(reason: wrapped.code.rawValue, at: error.location ?? reader.location)
        continue
      }
      guard let line else {
        guard try openNextFile() else { return nil }
        continue
      }
      guard Self.isData(line) else { continue }
      if let split = Self.split(line, columnOrder) { return split }
      if try entry(String(decoding: line, as: UTF8.self), current.takeUnretainedValue().lineNumber) != nil {
        assertionFailure("a row that does not split is an entry")
      }
    }
  }

  /// Copies a pending line's bytes into `held`, where they stay until the
  /// next call.
  private func hold(_ line: String) -> UnsafeBufferPointer<UInt8> {
    let count = line.utf8.count
    if count > heldCapacity {
      held.deallocate()
      heldCapacity = max(count, heldCapacity * 2)
      held = .allocate(capacity: heldCapacity)
    }
    let written = UnsafeMutableBufferPointer(start: held, count: count).initialize(from: line.utf8).1
    return UnsafeBufferPointer(start: held, count: written)
  }

  /// Whether a line is a data row: not empty, not a comment, not only
  /// spaces and carriage returns.
  private static func isData(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, first != UInt8(ascii: "#") else { return false }
    return !bytes.allSatisfy { $0 == 0x20 || $0 == 0x0D }
  }

  /// The lemma, form and features of a well-formed row (three non-empty
  /// tab-separated fields); `nil` for any other row.
  @inline(__always)
  private static func split(
    _ line: UnsafeBufferPointer<UInt8>, _ order: UniMorphColumnOrder
  ) -> (lemma: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>, tags: UnsafeBufferPointer<UInt8>)? {
    guard let base = line.baseAddress else { return nil }
    let tabs = TabScan(line)
    let first = tabs.first
    let second = tabs.second
    guard tabs.count == 2, first > 0, second > first + 1, second + 1 < line.count else { return nil }
    let lemma = UnsafeBufferPointer(start: base, count: first)
    let middle = UnsafeBufferPointer(start: base + first + 1, count: second - first - 1)
    let last = UnsafeBufferPointer(start: base + second + 1, count: line.count - second - 1)
    return order == .lemmaFormTags ? (lemma, middle, last) : (lemma, last, middle)
  }

  /// Splits a line into an entry; `nil` for a skipped line.
  private func entry(_ line: String, _ number: Int) throws(UniMorphError) -> UniMorphEntry? {
    let path = paths[fileIndex]
    // Split on the tab byte: splitting on Character would segment graphemes.
    let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
    let location = SourceLocation(path: path, line: number, column: 1)
    guard fields.count == 3 else {
      return try reject(
        UniMorphError(
          .columnCount, at: location,
          expectedFound("3 tab-separated fields (\(columnOrder.rawValue))", "\(fields.count)")))
    }
    if let empty = fields.firstIndex(where: \.isEmpty) {
      var at = location
      at.column = fields[..<empty].reduce(1) { $0 + Substring($1).unicodeScalars.count + 1 }
      let name = empty == 0 ? "lemma" : empty == columnOrder.tagsIndex ? "features" : "form"
      return try reject(UniMorphError(.emptyField, at: at, "empty \(name) field"))
    }
    return UniMorphEntry(
      lemma: String(Substring(fields[0])), form: String(Substring(fields[columnOrder.formIndex])),
      tags: String(Substring(fields[columnOrder.tagsIndex])), location: location)
  }

  private func reject(_ error: UniMorphError) throws(UniMorphError) -> UniMorphEntry? {
    guard options.lenient else { throw error }
    skipped.record(reason: error.code.rawValue, at: error.location ?? SourceLocation(path: "?"))
    return nil
  }

  /// The next data line (not empty, not a comment) of any file.
  private func nextLine() throws(UniMorphError) -> (String, Int)? {
    while true {
      if pendingIndex < pending.count {
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
      }
      if let reader, let line = try readDataLine(reader) { return line }
      guard try openNextFile() else { return nil }
    }
  }

  private func readDataLine(_ reader: LineReader) throws(UniMorphError) -> (String, Int)? {
    while true {
      do {
        guard let line = try reader.nextLine() else { return nil }
        if line.isEmpty || line.hasPrefix("#") || line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
        return (line, reader.lineNumber)
      } catch {
        let wrapped = UniMorphError.reading(error)
        guard options.lenient, error.code == .invalidUTF8 else { throw wrapped }
        skipped.record(reason: wrapped.code.rawValue, at: error.location ?? reader.location)
      }
    }
  }

  /// Opens the next file and settles its column order.
  private func openNextFile() throws(UniMorphError) -> Bool {
    reader = nil
    pending = []
    pendingIndex = 0
    fileIndex += 1
    guard fileIndex < paths.count else { return false }
    let path = paths[fileIndex]
    let opened: LineReader
    do {
      opened = try LineReader(path: path, options: LineReaderOptions(lenient: false))
    } catch {
      throw UniMorphError.reading(error)
    }
    reader = opened
    switch options.columns {
    case .fixed(let order):
      columnOrder = order
      detections.append((path, order, false))
    case .auto:
      while pending.count < options.detectionSampleSize, let line = try readDataLine(opened) {
        pending.append(line)
      }
      let samples = pending.compactMap { line, _ -> (second: String, third: String)? in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return fields.count == 3 ? (String(fields[1]), String(fields[2])) : nil
      }
      if pending.isEmpty {
        detections.append((path, columnOrder, false))
      } else if let order = UniMorphColumnOrder.detect(samples) {
        columnOrder = order
        detections.append((path, order, true))
      } else {
        throw UniMorphError(
          .columnOrder, at: SourceLocation(path: path),
          "cannot tell the column order from the first \(pending.count) rows (neither the second nor the third column reads as UniMorph features); give --columns lemma-form-tags or lemma-tags-form")
      }
    }
    return true
  }
}
