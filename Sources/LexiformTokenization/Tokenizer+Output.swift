/// How tokens are written, one output line per input line.
public enum TokenOutputFormat: String, Sendable, CaseIterable {
  /// Tokens separated by single spaces.
  case text
  /// `{"tokens":[{"text":…,"start":…,"end":…,"script":…}]}`: UTF-8 byte
  /// offsets into the original line and ISO 15924 script codes.
  case json
}

/// Writes the tokens of each line: ``Tokenizer`` as a ``LineTransformer``.
///
/// Each output line is written through a pointer into a buffer that this
/// writer keeps and reuses, sized once per line for the worst case (every
/// byte escaped), then appended to the output with one copy: no per-token
/// strings or array growth.
public final class TokenWriter: LineTransformer {
  /// The tokenizer used.
  public let tokenizer: Tokenizer
  /// The output format.
  public let format: TokenOutputFormat
  private let escapesMoses: Bool
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  /// Creates a writer.
  /// - Parameters:
  ///   - tokenizer: The tokenizer to use (this writer's alone).
  ///   - format: The output format.
  public init(tokenizer: Tokenizer, format: TokenOutputFormat) {
    self.tokenizer = tokenizer
    self.format = format
    escapesMoses = tokenizer.options.style == .moses && tokenizer.options.mosesEscapes
    capacity = 1 << 16
    buffer = .allocate(capacity: capacity)
  }

  deinit { buffer.deallocate() }

  /// Tokenizes `line` and appends its output line.
  /// - Parameters:
  ///   - line: The line's bytes, valid UTF-8.
  ///   - output: Receives the tokens and a `\n`.
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
    try tokenizer.tokenize(utf8: line)
    let tokenizer = self.tokenizer
    let count = tokenizer.count
    // Token texts together take at most 3 bytes per unit or line byte
    // (a Moses `@-@` replaces one unit); escaping makes a byte at most 6.
    // A JSON token adds 44 bytes, two decimals of at most 19 digits, and a
    // script name written as 8 bytes.
    let textBytes = 18 * max(line.count, tokenizer.units.count)
    let bound = format == .json ? 16 + 96 * count + textBytes : 2 + count + textBytes
    if bound > capacity {
      buffer.deallocate()
      capacity = max(bound, 2 * capacity)
      buffer = .allocate(capacity: capacity)
    }
    var sink = ByteSink(base: buffer)
    let escapes: EscapeTable = format == .json ? (escapesMoses ? .jsonMoses : .json) : (escapesMoses ? .moses : .none)
    // Most lines have nothing to escape: their tokens are copied as they are.
    let copies = !escapesMoses && (format == .text || !Self.needsJSONEscapes(line))
    tokenizer.units.withUnsafeBufferPointer { units in
      tokenizer.origin.withUnsafeBufferPointer { origin in
        tokenizer.spans.withUnsafeBufferPointer { spans in
          guard let units = units.baseAddress, let origin = origin.baseAddress else {
            if format == .json { sink.write(JSONPieces.open); sink.write(JSONPieces.closeAll) }
            return
          }
          if format == .json { sink.write(JSONPieces.open) }
          var previousScript: Int32 = -1
          for index in 0..<count {
            let span = spans[index]
            if format == .json {
              sink.write(index == 0 ? JSONPieces.firstText : JSONPieces.nextText)
            } else if index > 0 {
              sink.write(0x20)
            }
            let start = Int(origin[Int(span.start)])
            let end = tokenizer.normalized ? tokenizer.originalEnd(span.end) : Int(origin[Int(span.end)])
            if span.replacement == .mosesHyphen {
              sink.write("@-@")
            } else if tokenizer.normalized {
              sink.write(utf8Of: units, from: Int(span.start), to: Int(span.end), escapes)
            } else if copies {
              sink.write(copying: line.baseAddress.map { $0 + start }, count: end - start)
            } else {
              sink.write(escaping: line.baseAddress.map { $0 + start }, count: end - start, escapes)
            }
            if format == .json {
              sink.write(JSONPieces.start)
              sink.write(decimal: start)
              sink.write(JSONPieces.end)
              sink.write(decimal: end)
              sink.write(JSONPieces.script)
              let script = tokenizer.scriptCode(of: span, units: units) { previousScript }
              previousScript = script
              tokenizer.table.writeScriptName(script, to: &sink)
              sink.write(JSONPieces.close)
            }
          }
          if format == .json { sink.write(JSONPieces.closeAll) }
        }
      }
    }
    sink.write(0x0A)
    let written = sink.count
    assert(written <= bound, "output bound too small")
    output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: written))
  }
}

extension TokenWriter {
  /// Whether a line has a byte that JSON escapes (`"`, `\\`, controls).
  static func needsJSONEscapes(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    EscapeTable.json.kinds.withUnsafeBufferPointer { kinds in
      var found: UInt8 = 0
      for byte in line { found |= kinds[Int(byte)] }  // no branch per byte
      return found != 0
    }
  }
}

/// Which bytes of token text are escaped, and how: JSON (RFC 8259 §7),
/// Moses's XML entities, or both (Moses first).
struct EscapeTable {
  /// For each byte: 0 copy, 1 JSON escape, 2 Moses entity.
  let kinds: [UInt8]

  static let none = EscapeTable(json: false, moses: false)
  static let json = EscapeTable(json: true, moses: false)
  static let moses = EscapeTable(json: false, moses: true)
  static let jsonMoses = EscapeTable(json: true, moses: true)

  init(json: Bool, moses: Bool) {
    var kinds = [UInt8](repeating: 0, count: 256)
    if json {
      for byte in 0..<0x20 { kinds[byte] = 1 }
      kinds[0x22] = 1
      kinds[0x5C] = 1
    }
    if moses {
      for byte in [0x26, 0x7C, 0x3C, 0x3E, 0x27, 0x22, 0x5B, 0x5D] { kinds[byte] = 2 }
    }
    self.kinds = kinds
  }
}

/// "00" to "99", for writing decimals two digits at a time.
private let decimalPairs: StaticString = """
  0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
  5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
  """

/// Writes bytes through a pointer into memory sized beforehand.
struct ByteSink {
  let base: UnsafeMutablePointer<UInt8>
  var count = 0

  @inline(__always)
  mutating func write(_ byte: UInt8) {
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func write(_ string: StaticString) {
    let n = string.utf8CodeUnitCount
    (base + count).update(from: string.utf8Start, count: n)
    count += n
  }

  /// Writes a non-negative integer in decimal.
  @inline(__always)
  mutating func write(decimal value: Int) {
    var value = UInt(max(0, value))
    var digits = 1
    var limit: UInt = 10
    while value >= limit && digits < 19 {
      digits += 1
      limit &*= 10
    }
    count += digits
    var k = count
    // Two digits at a time, from the end.
    while value >= 10 {
      let pair = Int(value % 100) &* 2
      value /= 100
      k -= 2
      base[k] = decimalPairs.utf8Start[pair]
      base[k + 1] = decimalPairs.utf8Start[pair + 1]
    }
    if k > count - digits { base[k - 1] = UInt8(truncatingIfNeeded: 0x30 + value) }
  }

  /// Writes `count` bytes as they are.
  @inline(__always)
  mutating func write(copying source: UnsafePointer<UInt8>?, count n: Int) {
    guard let source, n > 0 else { return }
    (base + count).update(from: source, count: n)
    count += n
  }

  /// Writes `count` bytes, escaped as `table` says.
  @inline(__always)
  mutating func write(escaping source: UnsafePointer<UInt8>?, count n: Int, _ table: EscapeTable) {
    guard let source, n > 0 else { return }
    table.kinds.withUnsafeBufferPointer { kinds in
      for i in 0..<n {
        let byte = source[i]
        if kinds[Int(byte)] == 0 {
          base[count] = byte
          count += 1
        } else {
          writeEscaped(byte, kinds[Int(byte)])
        }
      }
    }
  }

  /// Writes the UTF-8 of UTF-16 `units[start..<end]` (U+FFFD for a lone
  /// surrogate), escaped as `table` says.
  mutating func write(utf8Of units: UnsafePointer<UInt16>, from start: Int, to end: Int, _ table: EscapeTable) {
    table.kinds.withUnsafeBufferPointer { kinds in
      var k = start
      while k < end {
        var value = UInt32(units[k])
        k += 1
        if value < 0x80 {
          let kind = kinds[Int(value)]
          if kind == 0 { write(UInt8(value)) } else { writeEscaped(UInt8(value), kind) }
          continue
        }
        if value & 0xFC00 == 0xD800, k < end, units[k] & 0xFC00 == 0xDC00 {
          value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[k]) - 0xDC00)
          k += 1
        }
        switch value {
        case 0x80..<0x800:
          write(UInt8(0xC0 | value >> 6))
          write(UInt8(0x80 | value & 0x3F))
        case 0xD800..<0xE000:
          write(0xEF)
          write(0xBF)
          write(0xBD)
        case 0x800..<0x10000:
          write(UInt8(0xE0 | value >> 12))
          write(UInt8(0x80 | (value >> 6) & 0x3F))
          write(UInt8(0x80 | value & 0x3F))
        default:
          write(UInt8(0xF0 | (value >> 18) & 0x07))
          write(UInt8(0x80 | (value >> 12) & 0x3F))
          write(UInt8(0x80 | (value >> 6) & 0x3F))
          write(UInt8(0x80 | value & 0x3F))
        }
      }
    }
  }

  /// Writes an escaped byte: `kind` 1 is JSON, 2 is a Moses entity.
  mutating func writeEscaped(_ byte: UInt8, _ kind: UInt8) {
    if kind == 2 {
      let entity: StaticString
      switch byte {
      case 0x26: entity = "&amp;"
      case 0x7C: entity = "&#124;"
      case 0x3C: entity = "&lt;"
      case 0x3E: entity = "&gt;"
      case 0x27: entity = "&apos;"
      case 0x22: entity = "&quot;"
      case 0x5B: entity = "&#91;"
      default: entity = "&#93;"
      }
      write(entity)
      return
    }
    write(0x5C)
    switch byte {
    case 0x22: write(0x22)
    case 0x5C: write(0x5C)
    case 0x0A: write(0x6E)
    case 0x0D: write(0x72)
    case 0x09: write(0x74)
    default:
      let hex: StaticString = "0123456789abcdef"
      write(0x75)
      write(0x30)
      write(0x30)
      write(hex.utf8Start[Int(byte >> 4)])
      write(hex.utf8Start[Int(byte & 0xF)])
    }
  }
}

/// The fixed parts of a JSON output line.
enum JSONPieces {
  static let open: StaticString = #"{"tokens":["#
  static let firstText: StaticString = #"{"text":""#
  static let nextText: StaticString = #",{"text":""#
  static let start: StaticString = #"","start":"#
  static let end: StaticString = #","end":"#
  static let script: StaticString = #","script":""#
  static let close: StaticString = #""}"#
  static let closeAll: StaticString = "]}"
}
