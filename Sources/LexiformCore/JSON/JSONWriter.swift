/// Writes JSON text (RFC 8259) into a byte buffer, compactly and in the
/// order it is told, without Foundation.
///
/// Strings are escaped as RFC 8259 §7 requires: `"` and `\` with a
/// backslash, control characters U+0000–U+001F as `\b \f \n \r \t` or
/// `\u00XX`; everything else, non-ASCII included, is written as UTF-8. DEL
/// (U+007F) is written as is, as the RFC allows. Numbers that are not finite
/// (JSON has no NaN or infinity) are written as `null`.
///
/// Commas are placed automatically: call ``beginObject()``, then
/// ``key(_:)`` before each member's value, then ``endObject()``.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.key("word"); json.string("kitabu")
/// json.key("senses"); json.beginArray(); json.int(1); json.endArray()
/// json.endObject()
/// json.bytes  // {"word":"kitabu","senses":[1]}
/// ```
///
/// - Complexity: Each call is O(size of what it writes), amortized.
public struct JSONWriter: Sendable {
  /// The text written so far, UTF-8.
  public private(set) var bytes: [UInt8] = []
  /// Per open container: whether the next element needs a comma before it.
  private var needsComma: [Bool] = []
  /// Set by ``key(_:)``: the next value follows a colon.
  private var afterKey = false

  /// Creates an empty writer.
  public init() {}

  /// Empties the buffer, keeping its capacity, to write the next document.
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    needsComma.removeAll(keepingCapacity: true)
    afterKey = false
  }

  /// The text written so far, as a string.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  @inline(__always)
  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    if let last = needsComma.last {
      if last { bytes.append(UInt8(ascii: ",")) }
      needsComma[needsComma.count - 1] = true
    }
  }

  /// Opens an object.
  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
  }

  /// Closes the innermost object.
  public mutating func endObject() {
    _ = needsComma.popLast()
    bytes.append(UInt8(ascii: "}"))
  }

  /// Opens an array.
  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
  }

  /// Closes the innermost array.
  public mutating func endArray() {
    _ = needsComma.popLast()
    bytes.append(UInt8(ascii: "]"))
  }

  /// Writes a member name known at compile time, which must need no
  /// escaping (no `"`, `\\` or control characters), and its colon: the fast
  /// path for the fixed member names of a schema.
  /// - Parameter name: The member's name.
  public mutating func literalKey(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
  }

  /// Writes a member name and its colon; the next call writes the value.
  /// - Parameter name: The member's name.
  public mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
  }

  /// Writes a complete JSON value that was serialized elsewhere, as it is.
  /// - Parameter json: The value's JSON text, which the caller guarantees is
  ///   one well-formed value (an object built by an encoder of its own).
  public mutating func rawValue(_ json: UnsafeRawBufferPointer) {
    separate()
    bytes.append(contentsOf: json)
  }

  /// Writes a string value.
  /// - Parameter value: The string, escaped as needed.
  public mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  /// Writes an integer.
  /// - Parameter value: The integer.
  public mutating func int(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Writes a floating-point number in the shortest form that reads back as
  /// the same `Double`; `null` if it is NaN or infinite.
  /// - Parameter value: The number.
  public mutating func double(_ value: Double) {
    separate()
    if let number = JSONNumber(value) {
      bytes.append(contentsOf: number.text.utf8)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// Writes a number as its text.
  /// - Parameter value: The number.
  public mutating func number(_ value: JSONNumber) {
    separate()
    bytes.append(contentsOf: value.text.utf8)
  }

  /// Writes `true` or `false`.
  /// - Parameter value: The Boolean.
  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Writes `null`.
  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Writes any value, objects with their members in order.
  /// - Parameter value: The value.
  /// - Complexity: O(size of `value`).
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let n): number(n)
    case .string(let s): string(s)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let object):
      beginObject()
      for member in object.members {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }

  /// Serializes a value to compact JSON text.
  /// - Parameter value: The value.
  /// - Returns: Its JSON text.
  public static func text(of value: JSONValue) -> String {
    var writer = JSONWriter()
    writer.value(value)
    return writer.text
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `"value"`, escaped.
  private mutating func appendQuoted(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var runStart = 0
      for (k, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
        if runStart < k { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<k])) }
        runStart = k + 1
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
          bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hexDigits[Int(b >> 4)], Self.hexDigits[Int(b & 0xF)]])
        }
      }
      if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
