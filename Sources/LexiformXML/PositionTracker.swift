/// Turns absolute byte offsets into lines and columns by scanning the raw
/// bytes that were fed to the parser.
///
/// Offsets must be asked for in increasing order; the tracker keeps only the
/// bytes from the last position asked for to the end of what was fed, so its
/// memory is bounded by the parser's own look-ahead.
/// Lines end at LF, CR LF or a lone CR (XML 1.0 §2.11); columns count Unicode
/// scalars (bytes that are not UTF-8 continuation bytes), from 1.
struct PositionTracker {
  private var window: [UInt8] = []
  /// The absolute offset of `window[0]`.
  private var windowStart = 0
  private(set) var offset = 0
  private(set) var line = 1
  private(set) var column = 1
  private var lastWasCR = false

  /// Records bytes that are about to be parsed.
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    window.append(contentsOf: bytes)
  }

  /// Moves to `target` (clamped to what was fed; never backwards) and returns
  /// its line and column.
  mutating func position(at target: Int) -> (line: Int, column: Int) {
    let end = min(target, windowStart + window.count)
    guard end > offset else { return (line, column) }
    var counter = LineCounter(offset: offset, line: line, column: column, lastWasCR: lastWasCR)
    window.withUnsafeBufferPointer { bytes in counter.advance(to: end, in: bytes, base: windowStart) }
    (offset, line, column, lastWasCR) = (counter.offset, counter.line, counter.column, counter.lastWasCR)
    return (line, column)
  }

  /// Forgets bytes before `target` after moving there.
  mutating func discard(before target: Int) {
    _ = position(at: target)
    let drop = offset - windowStart
    if drop > 0, drop <= window.count {
      window.removeFirst(drop)
      windowStart = offset
    }
  }
}

/// A line and column that move forward over bytes held by someone else: the
/// scanning behind ``PositionTracker`` and the native parser's positions.
struct LineCounter {
  /// The absolute offset the line and column are for.
  var offset = 0
  var line = 1
  var column = 1
  var lastWasCR = false

  /// Moves to absolute offset `target` (never backwards); `bytes[0]` is at
  /// absolute offset `base` and must cover `offset..<target`.
  mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>, base: Int) {
    guard target > offset else { return }
    let from = offset - base
    let stop = target - base
    if let (lines, column) = Self.fastScan(bytes, from: from, to: stop, lastWasCR: lastWasCR) {
      if lines > 0 {
        line += lines
        self.column = column
      } else {
        self.column += column - 1
      }
      lastWasCR = false
    } else {
      slowScan(bytes, from: from, to: stop)
    }
    offset = target
  }

  /// Counts line feeds and, after the last one, Unicode scalars, eight bytes
  /// at a time. Returns `nil` when the range holds a CR (or follows one),
  /// which the byte-by-byte scan handles.
  /// - Returns: The number of LFs, and the 1-based column at `stop` counted
  ///   from the last LF (or from `from` when there is none).
  private static func fastScan(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to stop: Int, lastWasCR: Bool
  ) -> (Int, Int)? {
    guard !lastWasCR, let base = bytes.baseAddress else { return nil }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let highs: UInt64 = 0x8080_8080_8080_8080
    /// One bit (the high bit of each byte) per byte equal to `byte`.
    @inline(__always) func equal(_ w: UInt64, _ byte: UInt8) -> UInt64 {
      let x = w ^ (ones &* UInt64(byte))
      return ~(((x & lows) &+ lows) | x | lows)
    }
    var lines = 0
    var lineStart = from
    var i = from
    while i + 8 <= stop {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if equal(w, 0x0D) != 0 { return nil }
      let lf = equal(w, 0x0A)
      if lf != 0 {
        lines += lf.nonzeroBitCount
        lineStart = i + (63 - lf.leadingZeroBitCount) / 8 + 1
      }
      i += 8
    }
    while i < stop {
      let b = base[i]
      if b == 0x0D { return nil }
      if b == 0x0A {
        lines += 1
        lineStart = i + 1
      }
      i += 1
    }
    // Scalars from lineStart to stop: bytes that are not 10xxxxxx.
    var scalars = 0
    i = lineStart
    while i + 8 <= stop {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let continuation = w & ~(w << 1) & highs
      scalars += 8 - continuation.nonzeroBitCount
      i += 8
    }
    while i < stop {
      if base[i] & 0xC0 != 0x80 { scalars += 1 }
      i += 1
    }
    return (lines, scalars + 1)
  }

  private mutating func slowScan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to stop: Int) {
    var i = from
    var line = self.line
    var column = self.column
    var lastWasCR = self.lastWasCR
    while i < stop {
      let b = bytes[i]
      if b == 0x0A {
        if !lastWasCR { line += 1 }
        column = 1
        lastWasCR = false
      } else if b == 0x0D {
        line += 1
        column = 1
        lastWasCR = true
      } else {
        if b & 0xC0 != 0x80 { column += 1 }
        lastWasCR = false
      }
      i += 1
    }
    self.line = line
    self.column = column
    self.lastWasCR = lastWasCR
  }
}
