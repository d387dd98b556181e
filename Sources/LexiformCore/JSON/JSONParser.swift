/// How ``JSONParser`` reads its input.
public struct JSONParserOptions: Sendable, Hashable {
  /// The deepest nesting of arrays and objects accepted.
  ///
  /// Default 512. Deeper input is a ``CoreError/Code/malformed`` error rather
  /// than a stack overflow (RFC 8259 §9 lets parsers limit nesting).
  public var maxDepth: Int

  /// Creates options.
  /// - Parameter maxDepth: The deepest nesting accepted.
  public init(maxDepth: Int = 512) {
    self.maxDepth = maxDepth
  }
}

/// A JSON parser following RFC 8259 (STD 90): any value at the top level,
/// whitespace only `" \t\n\r"`, numbers per the `number` production, all
/// escapes including `\u` surrogate pairs, UTF-8 input checked.
///
/// Not accepted, as the RFC says: comments, trailing commas, single quotes,
/// `NaN`/`Infinity`, unescaped control characters in strings, lone
/// surrogates in `\u` escapes, invalid UTF-8.
///
/// Errors are ``CoreError``s with code `malformed`, located at the line and
/// column (in Unicode scalars, 1-based) of the offending character and
/// saying what was expected and what was found:
///
///     words.jsonl:3:17: error: expected ',' or '}' after an object member, found '"'
///
/// ```swift
/// let value = try JSONParser.parse(#"{"word": "kitabu", "pos": "noun"}"#)
/// value["word"]?.stringValue  // "kitabu"
/// ```
///
/// [RFC 8259]: https://www.rfc-editor.org/rfc/rfc8259
///
/// - Complexity: O(*n*) in the input's bytes; the parser recurses once per
///   nesting level (at most ``JSONParserOptions/maxDepth``).
public enum JSONParser {
  /// Parses one JSON text.
  /// - Parameters:
  ///   - bytes: The UTF-8 text (a byte order mark is not allowed, RFC 8259 §8.1).
  ///   - path: The file named in errors.
  ///   - line: The line on which `bytes` starts (for a line of a JSON lines file).
  ///   - options: Limits.
  /// - Returns: The value.
  /// - Throws: ``CoreError`` (`malformed`) at the first place where the text
  ///   is not JSON.
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String = "<json>", line: Int = 1,
    options: JSONParserOptions = JSONParserOptions()
  ) throws(CoreError) -> JSONValue {
    var state = _JSONParserState(bytes: bytes, maxDepth: options.maxDepth)
    do {
      return try state.parseDocument()
    } catch {
      throw error.located(in: bytes, path: path, firstLine: line)
    }
  }

  /// Parses one JSON text held in a string.
  /// - Parameters:
  ///   - text: The JSON text.
  ///   - path: The file named in errors.
  ///   - line: The line on which `text` starts.
  ///   - options: Limits.
  /// - Returns: The value.
  /// - Throws: ``CoreError`` (`malformed`) at the first place where the text
  ///   is not JSON.
  public static func parse(
    _ text: String, path: String = "<json>", line: Int = 1, options: JSONParserOptions = JSONParserOptions()
  ) throws(CoreError) -> JSONValue {
    var copy = text
    let result = copy.withUTF8 { bytes in
      Result { () throws(CoreError) in try parse(bytes, path: path, line: line, options: options) }
    }
    return try result.get()
  }
}

/// An error found at a byte offset, before its line and column are known.
struct _JSONSyntaxError: Error {
  var offset: Int
  var message: String

  /// The error with the line and column of `offset` in `bytes`.
  func located(in bytes: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) -> CoreError {
    var line = firstLine
    var column = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return CoreError(
      .malformed, at: SourceLocation(path: path, line: line, column: column, byteOffset: offset), message)
  }
}

/// The parser's cursor over the input.
struct _JSONParserState {
  let bytes: UnsafeBufferPointer<UInt8>
  let maxDepth: Int
  var i = 0
  var depth = 0
  /// Reused for strings with escapes.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  mutating func parseDocument() throws(_JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    guard i == bytes.count else {
      throw fail("end of input after the JSON value")
    }
    return value
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while i < bytes.count {
      let b = bytes[i]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      i += 1
    }
  }

  /// An error at the current position: expected `expected`, found what is there.
  func fail(_ expected: String) -> _JSONSyntaxError {
    _JSONSyntaxError(offset: i, message: expectedFound(expected, describe(at: i)))
  }

  /// How the character at `k` is named in messages.
  func describe(at k: Int) -> String {
    guard k < bytes.count else { return "end of input" }
    let b = bytes[k]
    if b < 0x20 || b == 0x7F {
      return "control character U+" + hex4(UInt32(b))
    }
    if b < 0x80 {
      return "'" + String(UnicodeScalar(b)) + "'"
    }
    var n = 1
    while k + n < bytes.count, n < 4, bytes[k + n] & 0xC0 == 0x80 { n += 1 }
    let slice = UnsafeBufferPointer(rebasing: bytes[k..<(k + n)])
    if UTF8Validation.firstInvalid(in: slice, from: 0) != nil {
      return "invalid UTF-8 byte 0x" + String(b, radix: 16, uppercase: true)
    }
    return "'" + String(decoding: slice, as: UTF8.self) + "'"
  }

  func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  mutating func parseValue() throws(_JSONSyntaxError) -> JSONValue {
    guard i < bytes.count else { throw fail("a JSON value") }
    switch bytes[i] {
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "{"):
      return try parseObject()
    case UInt8(ascii: "["):
      return try parseArray()
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw fail("a JSON value")
    }
  }

  mutating func literal(_ word: StaticString) throws(_JSONSyntaxError) {
    let start = i
    let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for (k, expected) in text.enumerated() {
      guard start + k < bytes.count, bytes[start + k] == expected else {
        i = start + k
        throw fail("'\(word)'")
      }
    }
    i = start + text.count
  }

  mutating func parseNumber() throws(_JSONSyntaxError) -> JSONNumber {
    let start = i
    var k = i
    guard JSONNumber.scan(bytes, &k) else {
      i = k
      throw fail("a digit in the number")
    }
    i = k
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
    return JSONNumber(validatedText: text)
  }

  mutating func enter() throws(_JSONSyntaxError) {
    depth += 1
    guard depth <= maxDepth else {
      throw _JSONSyntaxError(
        offset: i, message: "expected at most \(maxDepth) nested arrays and objects, found more")
    }
  }

  mutating func parseArray() throws(_JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1  // '['
    var elements: [JSONValue] = []
    skipWhitespace()
    if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard i < bytes.count else { throw fail("',' or ']' after an array element") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(elements)
      }
      throw fail("',' or ']' after an array element")
    }
  }

  mutating func parseObject() throws(_JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1  // '{'
    var members: [JSONObject.Member] = []
    skipWhitespace()
    if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(JSONObject(members))
    }
    while true {
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw fail("a member name in double quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
        throw fail("':' after the member name")
      }
      i += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONObject.Member(key, value))
      skipWhitespace()
      guard i < bytes.count else { throw fail("',' or '}' after an object member") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return .object(JSONObject(members))
      }
      throw fail("',' or '}' after an object member")
    }
  }

  /// Parses a string starting at its opening quote.
  mutating func parseString() throws(_JSONSyntaxError) -> String {
    i += 1  // '"'
    let start = i
    // Fast path: no escapes.
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
        try checkUTF8(slice, base: start)
        i += 1
        return String(decoding: slice, as: UTF8.self)
      }
      if b == UInt8(ascii: "\\") { break }
      if b < 0x20 { throw fail("'\"' or a character other than a control character (escape it)") }
      i += 1
    }
    guard i < bytes.count else { throw fail("'\"' closing the string") }
    // Slow path: copy, decoding escapes.
    scratch.removeAll(keepingCapacity: true)
    let prefix = UnsafeBufferPointer(rebasing: bytes[start..<i])
    try checkUTF8(prefix, base: start)
    scratch.append(contentsOf: prefix)
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if b == UInt8(ascii: "\\") {
        try parseEscape()
        continue
      }
      if b < 0x20 { throw fail("'\"' or a character other than a control character (escape it)") }
      if b < 0x80 {
        scratch.append(b)
        i += 1
        continue
      }
      guard let base = bytes.baseAddress else { break }
      let (length, valid) = UTF8Validation.sequence(base, at: i, count: bytes.count)
      guard valid else { throw fail("UTF-8 text") }
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
      i += length
    }
    throw fail("'\"' closing the string")
  }

  func checkUTF8(_ slice: UnsafeBufferPointer<UInt8>, base: Int) throws(_JSONSyntaxError) {
    if let bad = UTF8Validation.firstInvalid(in: slice, from: 0) {
      throw _JSONSyntaxError(offset: base + bad.index, message: expectedFound("UTF-8 text", describe(at: base + bad.index)))
    }
  }

  /// Decodes the escape at `i` (a backslash) into `scratch`.
  mutating func parseEscape() throws(_JSONSyntaxError) {
    i += 1
    guard i < bytes.count else { throw fail("an escape character after '\\'") }
    let c = bytes[i]
    let simple: UInt8?
    switch c {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    default:
      throw fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'")
    }
    if let simple {
      scratch.append(simple)
      i += 1
      return
    }
    i += 1
    let escapeStart = i - 2
    let first = try hexQuad()
    var scalarValue = first
    if first >= 0xD800 && first <= 0xDBFF {
      guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
        throw _JSONSyntaxError(
          offset: i,
          message: expectedFound(
            "a low surrogate escape \\uDC00–\\uDFFF after \\u\(hex4(first))", describe(at: i)))
      }
      i += 2
      let lowStart = i
      let second = try hexQuad()
      guard second >= 0xDC00 && second <= 0xDFFF else {
        throw _JSONSyntaxError(
          offset: lowStart - 2,
          message: expectedFound(
            "a low surrogate \\uDC00–\\uDFFF after \\u\(hex4(first))", "\\u\(hex4(second))"))
      }
      scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    } else if first >= 0xDC00 && first <= 0xDFFF {
      throw _JSONSyntaxError(
        offset: escapeStart,
        message: expectedFound("a high surrogate \\uD800–\\uDBFF before a low one", "\\u\(hex4(first)) alone"))
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      assertionFailure("surrogates were handled above")
      throw _JSONSyntaxError(offset: escapeStart, message: "expected a Unicode scalar value, found a surrogate")
    }
    if let encoded = UTF8.encode(scalar) { scratch.append(contentsOf: encoded) }
  }

  /// Reads four hex digits.
  mutating func hexQuad() throws(_JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard i < bytes.count else { throw fail("four hex digits after \\u") }
      let b = bytes[i]
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 0x30)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 0x61 + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 0x41 + 10)
      default: throw fail("four hex digits after \\u")
      }
      value = value << 4 | digit
      i += 1
    }
    return value
  }
}
