#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a ``LineReader`` treats its input.
public struct LineReaderOptions: Sendable, Hashable {
  /// Whether invalid UTF-8 is repaired instead of being an error.
  ///
  /// Default `false`. When `true`, each maximal invalid subsequence (Unicode 15.0 §3.9,
  /// "U+FFFD Substitution of Maximal Subparts", as `String(decoding:as:)`
  /// does it) becomes U+FFFD and is counted in
  /// ``LineReader/replacementCount``.
  public var lenient: Bool

  /// The longest line accepted, in bytes, not counting its `\n` or `\r\n`.
  ///
  /// Default ``defaultMaxLineLength`` (256 MiB unless the environment says
  /// otherwise). A longer line is a ``CoreError/Code/lineTooLong`` error
  /// rather than an unbounded allocation; memory for a line stays below
  /// about this much plus ``chunkSize``.
  public var maxLineLength: Int

  /// The default ``maxLineLength``: the environment variable
  /// `LEXIFORM_MAX_LINE_LENGTH` (a number of bytes) when it is set to a
  /// positive integer, else 256 MiB. The variable lets a user of the CLI
  /// raise the limit for a file with enormous lines, or lower it to bound
  /// memory.
  public static let defaultMaxLineLength: Int = {
    if let text = getenv("LEXIFORM_MAX_LINE_LENGTH").map({ String(cString: $0) }), let value = Int(text), value > 0 {
      return value
    }
    return 256 << 20
  }()

  /// How many bytes to request from the source at a time.
  ///
  /// Default 256 KiB. Values below 1 are treated as 1; small values exist for tests.
  public var chunkSize: Int

  /// Creates options.
  /// - Parameters:
  ///   - lenient: Whether to repair invalid UTF-8 instead of failing.
  ///   - maxLineLength: The longest line accepted, in bytes.
  ///   - chunkSize: How many bytes to request from the source at a time.
  public init(
    lenient: Bool = false, maxLineLength: Int = LineReaderOptions.defaultMaxLineLength, chunkSize: Int = 256 << 10
  ) {
    self.lenient = lenient
    self.maxLineLength = maxLineLength
    self.chunkSize = chunkSize
  }
}

/// Reads UTF-8 text one line at a time from any ``ByteSource``, in constant
/// memory.
///
/// - Lines end at `\n`; a `\r` right before it is removed too, so `\r\n`
///   files read like `\n` files. A last line without `\n` is still a line; an
///   empty input has no lines.
/// - A UTF-8 byte order mark (`EF BB BF`) at the start of the input is
///   removed.
/// - Every line is checked to be UTF-8 (with an 8-bytes-at-a-time ASCII fast
///   path). In strict mode invalid bytes are a ``CoreError/Code/invalidUTF8``
///   error naming the line, column and byte offset; in lenient mode they
///   become U+FFFD (see ``LineReaderOptions/lenient``).
/// - A line longer than ``LineReaderOptions/maxLineLength`` is a
///   ``CoreError/Code/lineTooLong`` error.
///
/// After an `invalidUTF8` or `lineTooLong` error the offending line has been
/// consumed, so a caller may record it and continue with the next line.
///
/// ```swift
/// let reader = try LineReader(path: "words.tsv.gz")
/// while let line = try reader.nextLine() { … }
/// ```
///
/// - Complexity: O(*n*) in the input's bytes. Memory is O(longest line +
///   ``LineReaderOptions/chunkSize``).
public final class LineReader {
  /// Where the bytes come from.
  public let source: any ByteSource
  /// How the input is treated.
  public let options: LineReaderOptions

  /// The 1-based number of the line most recently returned (or rejected),
  /// 0 before the first.
  @exclusivity(unchecked) public private(set) var lineNumber = 0
  /// The 0-based byte offset, in the (decompressed) input, where that line
  /// starts (after a byte order mark, for line 1).
  @exclusivity(unchecked) public private(set) var byteOffset = 0
  /// How many invalid UTF-8 subsequences were replaced by U+FFFD so far
  /// (lenient mode only).
  @exclusivity(unchecked) public private(set) var replacementCount = 0
  /// How many lines had at least one replacement so far (lenient mode only).
  @exclusivity(unchecked) public private(set) var replacementLineCount = 0

  /// The input's path as diagnostics name it.
  public var path: String { source.path }

  /// The location of the current line: path, ``lineNumber`` and
  /// ``byteOffset``, without a column.
  public var location: SourceLocation {
    SourceLocation(path: path, line: lineNumber, byteOffset: byteOffset)
  }

  // Mutable state is `@exclusivity(unchecked)`: the reader is not shared
  // between threads, and dynamic exclusivity checks on every access cost
  // more than finding the line.
  //
  // The buffer holds input bytes [bufferOffset, bufferOffset + end).
  // Bytes before `start` are consumed; bytes in [start, scanned) are known
  // to contain no '\n'.
  @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var start = 0
  @exclusivity(unchecked) private var scanned = 0
  @exclusivity(unchecked) private var end = 0
  /// Bytes in [start, validatedEnd) are known to be valid UTF-8.
  @exclusivity(unchecked) private var validatedEnd = 0
  @exclusivity(unchecked) private var bufferOffset = 0
  @exclusivity(unchecked) private var atEnd = false
  /// Set after a too-long line: drop bytes up to the next '\n'.
  @exclusivity(unchecked) private var discardingLine = false
  private let chunkSize: Int
  /// `options.maxLineLength`, clamped so that arithmetic on it cannot overflow.
  private let maxLength: Int

  // Lenient mode writes repaired lines here.
  @exclusivity(unchecked) private var repairBuffer: UnsafeMutablePointer<UInt8>?
  @exclusivity(unchecked) private var repairCapacity = 0

  /// Creates a reader over `source`.
  /// - Parameters:
  ///   - source: Where the bytes come from, e.g. from ``Input/open(_:)``.
  ///   - options: How to treat the input.
  public init(source: any ByteSource, options: LineReaderOptions = LineReaderOptions()) {
    self.source = source
    self.options = options
    self.chunkSize = max(1, min(options.chunkSize, 1 << 30))
    self.maxLength = max(0, min(options.maxLineLength, Int.max >> 2))
    self.capacity = self.chunkSize
    self.buffer = Self.resize(nil, to: self.chunkSize)
  }

  /// Opens a file (gzip-compressed or not) or standard input and reads it.
  /// - Parameters:
  ///   - path: The file's path, or `-` for standard input.
  ///   - options: How to treat the input.
  /// - Throws: ``CoreError`` (`unreadable`) when the file cannot be opened,
  ///   or (`badCompression`) when zlib cannot start.
  public convenience init(path: String, options: LineReaderOptions = LineReaderOptions()) throws(CoreError) {
    self.init(source: try Input.open(path), options: options)
  }

  deinit {
    free(buffer)
    repairBuffer?.deallocate()
  }

  /// Reads the next line as a `String`, without its line terminator.
  /// - Returns: The line, or `nil` at the end of the input.
  /// - Throws: ``CoreError``: `invalidUTF8` (strict mode) with the line,
  ///   column and byte offset of the first bad byte; `lineTooLong`; or the
  ///   source's `unreadable` / `badCompression` errors.
  /// - Complexity: O(length of the line), amortized.
  public func nextLine() throws(CoreError) -> String? {
    guard let line = try nextValidLine() else { return nil }
    return String(decoding: line, as: UTF8.self)
  }

  /// Reads the next line and passes its bytes to `body` without copying them.
  ///
  /// The bytes are valid UTF-8 (repaired in lenient mode), without the
  /// line terminator, and valid only during `body`; `body` must not read
  /// from this reader.
  /// - Parameter body: Receives the line's bytes and its 1-based number.
  /// - Returns: What `body` returned, or `nil` at the end of the input.
  /// - Throws: The ``CoreError``s of ``nextLine()``, or what `body` throws.
  /// - Complexity: O(length of the line), amortized, plus `body`.
  public func withNextLine<R>(
    _ body: (UnsafeBufferPointer<UInt8>, _ lineNumber: Int) throws -> R
  ) throws -> R? {
    guard let line = try nextValidLine() else { return nil }
    return try body(line, lineNumber)
  }

  /// Reads the next line and returns its bytes without copying them: the
  /// non-generic form of ``withNextLine(_:)`` for loops where a generic
  /// call per line costs more than the line (a caller in another module
  /// gets an unspecialized generic call).
  ///
  /// The bytes are valid UTF-8 (repaired in lenient mode), without the line
  /// terminator; ``lineNumber`` is the line's number. They stay valid only
  /// until the next read from this reader.
  /// - Returns: The line's bytes, or `nil` at the end of the input.
  /// - Throws: The ``CoreError``s of ``nextLine()``.
  /// - Complexity: O(length of the line), amortized.
  public func nextLineBytes() throws(CoreError) -> UnsafeBufferPointer<UInt8>? {
    try nextValidLine()
  }

  // MARK: Lines

  /// The next line's bytes, validated or repaired.
  private func nextValidLine() throws(CoreError) -> UnsafeBufferPointer<UInt8>? {
    guard let line = try nextRawLine() else { return nil }
    if isValidated(line) { return line }
    guard let bad = UTF8Validation.firstInvalid(in: line, from: 0) else { return line }
    if options.lenient { return repair(line, firstInvalid: bad) }
    throw invalidUTF8Error(line, at: bad.index, length: bad.length)
  }

  /// Whether the line (in the buffer) is known to be valid UTF-8: the
  /// buffer is validated from the line on, up to its end, in one pass, and
  /// the valid prefix found is remembered for the lines that follow (a pass
  /// per line costs a call and a byte-by-byte tail each). Lines split valid
  /// UTF-8 at `\n`, an ASCII byte, so the lines inside a valid run are
  /// valid; a line reaching past the valid run is checked on its own, which
  /// finds and reports the same first invalid sequence.
  @inline(__always)
  private func isValidated(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = line.baseAddress else { return true }
    let lineStart = UnsafePointer(buffer).distance(to: base)
    let lineEnd = lineStart + line.count
    if lineEnd <= validatedEnd { return true }
    // Validate from the line (or the end of the valid run inside it, a
    // sequence boundary) to the end of the buffer.
    let from = max(validatedEnd, lineStart)
    let rest = UnsafeBufferPointer(start: buffer + from, count: end - from)
    if let bad = UTF8Validation.firstInvalid(in: rest, from: 0) {
      validatedEnd = from + bad.index
    } else {
      validatedEnd = end
    }
    return lineEnd <= validatedEnd
  }

  /// The next line's bytes as found in the input, without the terminator and
  /// (on line 1) the byte order mark.
  private func nextRawLine() throws(CoreError) -> UnsafeBufferPointer<UInt8>? {
    while true {
      if scanned < end, let found = memchr(buffer + scanned, 0x0A, end - scanned) {
        let newline = UnsafeMutableRawPointer(buffer).distance(to: found)
        let lineStart = start
        start = newline + 1
        scanned = start
        if discardingLine {
          discardingLine = false
          continue
        }
        return try finishLine(from: lineStart, to: newline, terminated: true)
      }
      scanned = end
      if discardingLine {
        start = end
      } else if end - start > maxLength + 1 {
        // Even without a "\r\n" this line is over the limit.
        lineNumber += 1
        byteOffset = bufferOffset + start
        let found = end - start
        start = end
        discardingLine = true
        throw lineTooLongError(found: found, orMore: true)
      }
      if atEnd {
        guard start < end else { return nil }
        let lineStart = start
        start = end
        scanned = end
        if lineNumber == 0 && end - lineStart == 3 && hasByteOrderMark(at: lineStart) {
          return nil  // only a byte order mark: an empty file
        }
        return try finishLine(from: lineStart, to: end, terminated: false)
      }
      try fill()
    }
  }

  private func hasByteOrderMark(at index: Int) -> Bool {
    buffer[index] == 0xEF && buffer[index + 1] == 0xBB && buffer[index + 2] == 0xBF
  }

  /// Counts the line in `[from, to)` and strips its `\r` and byte order mark.
  private func finishLine(from: Int, to: Int, terminated: Bool) throws(CoreError) -> UnsafeBufferPointer<UInt8> {
    var lineStart = from
    var lineEnd = to
    lineNumber += 1
    if terminated && lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D {
      lineEnd -= 1
    }
    if lineNumber == 1 && lineEnd - lineStart >= 3 && hasByteOrderMark(at: lineStart) {
      lineStart += 3
    }
    byteOffset = bufferOffset + lineStart
    if lineEnd - lineStart > maxLength {
      throw lineTooLongError(found: lineEnd - lineStart, orMore: false)
    }
    return UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
  }

  /// Moves the unconsumed bytes to the front, grows the buffer if a chunk
  /// does not fit, and reads one chunk.
  private func fill() throws(CoreError) {
    if start > 0 {
      let pending = end - start
      if pending > 0 { memmove(buffer, buffer + start, pending) }
      bufferOffset += start
      scanned -= start
      validatedEnd = max(0, validatedEnd - start)
      end = pending
      start = 0
    }
    if capacity - end < chunkSize {
      // Pending bytes are at most maxLineLength + 1, so this stays bounded.
      let ceiling = maxLength + 2 + chunkSize
      let grown = max(end + chunkSize, min(capacity * 2, ceiling))
      buffer = Self.resize(buffer, to: grown)
      capacity = grown
    }
    let space = UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end)
    let count = try source.read(into: space)
    if count <= 0 {
      atEnd = true
    } else {
      end += min(count, capacity - end)
    }
  }

  /// `realloc(3)`: a large buffer grows in place or by remapping its pages,
  /// so a line near the limit never needs the old and the new buffer at
  /// once (a copy would double the peak memory). Traps only when memory is
  /// exhausted, as Swift's own allocation does.
  private static func resize(_ old: UnsafeMutablePointer<UInt8>?, to count: Int) -> UnsafeMutablePointer<UInt8> {
    guard let raw = realloc(old, max(1, count)) else {
      fatalError("LineReader: out of memory for a \(count)-byte buffer")
    }
    return raw.assumingMemoryBound(to: UInt8.self)
  }

  // MARK: UTF-8

  /// Copies `line` into the repair buffer with each maximal invalid
  /// subsequence replaced by U+FFFD (`EF BF BD`).
  private func repair(
    _ line: UnsafeBufferPointer<UInt8>, firstInvalid: (index: Int, length: Int)
  ) -> UnsafeBufferPointer<UInt8> {
    // Each invalid byte becomes at most 3 bytes.
    let needed = line.count * 3
    if repairCapacity < needed || repairBuffer == nil {
      repairBuffer?.deallocate()
      repairCapacity = max(needed, 256)
      repairBuffer = .allocate(capacity: repairCapacity)
    }
    guard let out = repairBuffer, let input = line.baseAddress else {
      return line  // unreachable: the buffer was just allocated
    }
    var written = 0
    var index = 0
    var bad: (index: Int, length: Int)? = firstInvalid
    while let found = bad {
      let validCount = found.index - index
      (out + written).update(from: input + index, count: validCount)
      written += validCount
      out[written] = 0xEF
      out[written + 1] = 0xBF
      out[written + 2] = 0xBD
      written += 3
      replacementCount += 1
      index = found.index + found.length
      bad = UTF8Validation.firstInvalid(in: line, from: index)
    }
    let rest = line.count - index
    (out + written).update(from: input + index, count: rest)
    written += rest
    replacementLineCount += 1
    return UnsafeBufferPointer(start: out, count: written)
  }

  private func invalidUTF8Error(_ line: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> CoreError {
    // Columns count scalars: the bytes before `index` are valid UTF-8, so
    // count the bytes that are not continuation bytes.
    var column = 1
    for i in 0..<index where line[i] & 0xC0 != 0x80 { column += 1 }
    let offset = byteOffset + index
    let byte = line[index]
    let message =
      "invalid UTF-8 byte \(hexByte(byte)) at byte offset \(offset) (line \(lineNumber), byte \(index + 1) of the line): "
      + UTF8Validation.explanation(line, at: index, length: length)
    return CoreError(
      .invalidUTF8, at: SourceLocation(path: path, line: lineNumber, column: column, byteOffset: offset), message)
  }

  private func lineTooLongError(found: Int, orMore: Bool) -> CoreError {
    CoreError(
      .lineTooLong, at: SourceLocation(path: path, line: lineNumber, byteOffset: byteOffset),
      "line \(lineNumber) is too long: "
        + expectedFound(
          "at most \(options.maxLineLength) bytes (maxLineLength; the environment variable LEXIFORM_MAX_LINE_LENGTH sets its default)",
          orMore ? "at least \(found - 1) bytes" : "\(found) bytes"))
  }
}

/// `0xE9`.
func hexByte(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
}

/// UTF-8 well-formedness (Unicode 15.0 §3.9, Table 3-7).
enum UTF8Validation {
  #if _endian(little)
    static let littleEndian = true
  #else
    static let littleEndian = false
  #endif

  /// The first ill-formed subsequence at or after `from`: its start and the
  /// length of its maximal subpart (the bytes that one U+FFFD replaces).
  /// - Complexity: O(*n*); ASCII runs are checked 8, then 32, bytes at a time.
  static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (index: Int, length: Int)? {
    guard let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var i = from
    while i < count {
      if base[i] < 0x80 {
        // A word first: a short ASCII run (a tab, a letter between accented
        // ones) should not pay for a 32-byte probe.
        if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          i += 8
          while i + 32 <= count,
            (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
              | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
              | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
              | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
          {
            i += 32
          }
          while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
          }
        }
        while i < count && base[i] < 0x80 { i += 1 }
        continue
      }
      // Runs of two-byte characters (Cyrillic, Greek, Hebrew, Arabic, …)
      // four at a time: in each 16-bit lane the first byte is C2–DF
      // (110xxxxx with xxxxx ≥ 2) and the second 80–BF.
      while littleEndian && i + 8 <= count {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let pattern: UInt64 = 0xC0E0_C0E0_C0E0_C0E0
        let expected: UInt64 = 0x80C0_80C0_80C0_80C0
        let high: UInt64 = 0x8000_8000_8000_8000
        guard w & pattern == expected, ((w & 0x001E_001E_001E_001E) &+ 0x7FFE_7FFE_7FFE_7FFE) & high == high else {
          break
        }
        i += 8
      }
      guard i < count else { break }
      // Fast paths for the common two- and three-byte forms whose second
      // byte may be any continuation byte (not E0, ED: see `lead`).
      let b0 = base[i]
      if b0 < 0x80 { continue }
      if b0 >= 0xC2, b0 <= 0xDF, i + 1 < count, base[i + 1] & 0xC0 == 0x80 {
        i += 2
        continue
      }
      if b0 >= 0xE1, b0 <= 0xEF, b0 != 0xED, i + 2 < count, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
        i += 3
        continue
      }
      let (length, valid) = sequence(base, at: i, count: count)
      if !valid { return (i, length) }
      i += length
    }
    return nil
  }

  /// The multi-byte sequence starting at `i`: its length if valid, or the
  /// length of its maximal subpart if not.
  @inline(__always)
  static func sequence(_ base: UnsafePointer<UInt8>, at i: Int, count: Int) -> (length: Int, valid: Bool) {
    let (needed, low, high) = lead(base[i])
    guard needed > 0 else { return (1, false) }
    var lo = low
    var hi = high
    var j = 1
    while j <= needed {
      guard i + j < count else { return (j, false) }
      let b = base[i + j]
      guard b >= lo && b <= hi else { return (j, false) }
      lo = 0x80
      hi = 0xBF
      j += 1
    }
    return (needed + 1, true)
  }

  /// For a lead byte: how many continuation bytes follow and the range of
  /// the first one (0 continuation bytes: not a lead byte).
  @inline(__always)
  static func lead(_ b: UInt8) -> (needed: Int, low: UInt8, high: UInt8) {
    switch b {
    case 0xC2...0xDF: return (1, 0x80, 0xBF)
    case 0xE0: return (2, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: return (2, 0x80, 0xBF)
    case 0xED: return (2, 0x80, 0x9F)
    case 0xF0: return (3, 0x90, 0xBF)
    case 0xF1...0xF3: return (3, 0x80, 0xBF)
    case 0xF4: return (3, 0x80, 0x8F)
    default: return (0, 0, 0)
    }
  }

  /// Says what was expected at an invalid sequence and what was found.
  static func explanation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> String {
    let b = bytes[index]
    let (needed, low, high) = lead(b)
    if needed == 0 {
      if b >= 0x80 && b <= 0xBF {
        return expectedFound("the first byte of a character", "continuation byte \(hexByte(b))")
      }
      return expectedFound("a byte that can occur in UTF-8", "\(hexByte(b))")
    }
    let position = index + length
    let range = length == 1 ? "\(hexByte(low))–\(hexByte(high))" : "0x80–0xBF"
    let what = "\(range) as byte \(length + 1) of the \(needed + 1)-byte sequence that \(hexByte(b)) starts"
    guard position < bytes.count else { return expectedFound(what, "the end of the line") }
    return expectedFound(what, hexByte(bytes[position]))
  }
}
