/// How tokens are written, one output line per input line.
public enum TokenOutputFormat: String, Sendable, CaseIterable {
  /// Tokens separated by single spaces.
  case text
  /// `{"tokens":[{"text":…,"start":…,"end":…,"script":…}]}`: UTF-8 byte
  /// offsets into the original line and ISO 15924 script codes.
  case json
}

/// Writes the tokens of each line: ``Tokenizer`` as a ``LineTransformer``.
public final class TokenWriter: LineTransformer {
  /// The tokenizer used.
  public let tokenizer: Tokenizer
  /// The output format.
  public let format: TokenOutputFormat
  @exclusivity(unchecked) private var text: [UInt8] = []

  /// Creates a writer.
  /// - Parameters:
  ///   - tokenizer: The tokenizer to use (this writer's alone).
  ///   - format: The output format.
  public init(tokenizer: Tokenizer, format: TokenOutputFormat) {
    self.tokenizer = tokenizer
    self.format = format
  }

  /// Tokenizes `line` and appends its output line.
  /// - Parameters:
  ///   - line: The line's bytes, valid UTF-8.
  ///   - output: Receives the tokens and a `\n`.
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
    try tokenizer.tokenize(utf8: line)
    let escapes = tokenizer.options.style == .moses && tokenizer.options.mosesEscapes
    switch format {
    case .text:
      for index in 0..<tokenizer.count {
        if index > 0 { output.append(0x20) }
        if escapes {
          text.removeAll(keepingCapacity: true)
          tokenizer.appendText(ofToken: index, line: line, to: &text)
          appendMosesEscaped(text, to: &output)
        } else {
          tokenizer.appendText(ofToken: index, line: line, to: &output)
        }
      }
    case .json:
      output.append(contentsOf: JSONPieces.open)
      for index in 0..<tokenizer.count {
        output.append(contentsOf: index == 0 ? JSONPieces.firstText : JSONPieces.nextText)
        text.removeAll(keepingCapacity: true)
        tokenizer.appendText(ofToken: index, line: line, to: &text)
        if escapes {
          var escaped: [UInt8] = []
          appendMosesEscaped(text, to: &escaped)
          appendJSONEscaped(escaped, to: &output)
        } else {
          appendJSONEscaped(text, to: &output)
        }
        let range = tokenizer.utf8Range(ofToken: index)
        output.append(contentsOf: JSONPieces.start)
        appendDecimal(range.lowerBound, to: &output)
        output.append(contentsOf: JSONPieces.end)
        appendDecimal(range.upperBound, to: &output)
        output.append(contentsOf: JSONPieces.script)
        tokenizer.table.appendScriptName(tokenizer.scriptCode(of: index), to: &output)
        output.append(contentsOf: JSONPieces.close)
      }
      output.append(contentsOf: JSONPieces.closeAll)
    }
    output.append(0x0A)
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

extension Array where Element == UInt8 {
  /// Appends the bytes of a static string with one copy.
  @inline(__always)
  mutating func append(contentsOf string: StaticString) {
    string.withUTF8Buffer { append(contentsOf: $0) }
  }
}

/// Appends UTF-8 bytes as the inside of a JSON string (RFC 8259 §7).
func appendJSONEscaped(_ bytes: [UInt8], to output: inout [UInt8]) {
  if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
    output.append(contentsOf: bytes)
    return
  }
  let hex = Array("0123456789abcdef".utf8)
  for byte in bytes {
    switch byte {
    case 0x22: output.append(contentsOf: [0x5C, 0x22])
    case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
    case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
    case 0x0D: output.append(contentsOf: [0x5C, 0x72])
    case 0x09: output.append(contentsOf: [0x5C, 0x74])
    case 0..<0x20:
      output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
    default: output.append(byte)
    }
  }
}

/// Appends Moses's XML escapes of `& | < > ' " [ ]` (as sacremoses does).
func appendMosesEscaped(_ bytes: [UInt8], to output: inout [UInt8]) {
  for byte in bytes {
    switch byte {
    case 0x26: output.append(contentsOf: "&amp;".utf8)
    case 0x7C: output.append(contentsOf: "&#124;".utf8)
    case 0x3C: output.append(contentsOf: "&lt;".utf8)
    case 0x3E: output.append(contentsOf: "&gt;".utf8)
    case 0x27: output.append(contentsOf: "&apos;".utf8)
    case 0x22: output.append(contentsOf: "&quot;".utf8)
    case 0x5B: output.append(contentsOf: "&#91;".utf8)
    case 0x5D: output.append(contentsOf: "&#93;".utf8)
    default: output.append(byte)
    }
  }
}

/// Appends a non-negative integer in decimal.
@inline(__always)
func appendDecimal(_ value: Int, to output: inout [UInt8]) {
  let value = max(0, value)
  var divisor = 1
  while divisor <= value / 10 { divisor *= 10 }
  while divisor > 0 {
    output.append(UInt8(truncatingIfNeeded: 0x30 + (value / divisor) % 10))
    divisor /= 10
  }
}
