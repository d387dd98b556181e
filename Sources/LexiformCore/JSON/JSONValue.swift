/// A JSON value (RFC 8259), as ``JSONParser`` reads it and ``JSONWriter``
/// writes it.
///
/// Objects keep their members in file order, duplicates included (RFC 8259
/// §4 only says names SHOULD be unique); numbers keep the text they were
/// written with, so that nothing is rounded until a caller asks for a
/// `Double` or an `Int`.
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as written.
  case number(JSONNumber)
  /// A string, unescaped.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in order.
  case object(JSONObject)

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The object, if this is an object.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The number as a `Double`, if this is a number.
  public var doubleValue: Double? {
    if case .number(let n) = self { return n.doubleValue }
    return nil
  }

  /// The number as an `Int`, if this is a number that is an integer in range.
  public var intValue: Int? {
    if case .number(let n) = self { return n.intValue }
    return nil
  }

  /// The Boolean, if this is `true` or `false`.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// What kind of value this is, for "expected …, found …" messages:
  /// `null`, `a Boolean`, `a number`, `a string`, `an array`, `an object`.
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a Boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// The member named `key` when this is an object (the last one, if the
  /// name occurs more than once, as ECMAScript's `JSON.parse` does).
  /// - Parameter key: The member's name.
  /// - Returns: Its value, or `nil` when there is none or this is not an object.
  /// - Complexity: O(number of members).
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}

/// A JSON object: its members in the order they were written.
public struct JSONObject: Hashable, Sendable, RandomAccessCollection {
  /// One `"name": value` member.
  public struct Member: Hashable, Sendable {
    /// The member's name.
    public var key: String
    /// Its value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The members in order.
  public var members: [Member]

  /// Creates an object.
  /// - Parameter members: The members, in the order they are to be written.
  public init(_ members: [Member] = []) { self.members = members }

  /// The position of the first member.
  public var startIndex: Int { members.startIndex }
  /// The position after the last member.
  public var endIndex: Int { members.endIndex }
  /// The member at `position`; traps when out of bounds, like any collection.
  public subscript(position: Int) -> Member { members[position] }

  /// The value of the last member named `key`.
  /// - Parameter key: The member's name.
  /// - Returns: Its value, or `nil` if there is no such member.
  /// - Complexity: O(number of members).
  public subscript(key: String) -> JSONValue? {
    members.last(where: { $0.key == key })?.value
  }

  /// Appends a member (even if one with the same name exists).
  /// - Parameters:
  ///   - key: The member's name.
  ///   - value: Its value.
  public mutating func append(_ key: String, _ value: JSONValue) {
    members.append(Member(key, value))
  }
}

/// A JSON number, kept as the text that represents it.
///
/// The text always matches RFC 8259's `number` production; equality compares
/// the text, so `1.0` and `1` are different numbers here.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral
{
  /// The number's text, e.g. `-12.5e3`.
  public let text: String

  /// Validates a number's text.
  /// - Parameter text: Text such as `-0.5` or `1e10`.
  /// - Returns: `nil` when `text` is not a JSON number (`+1`, `.5`, `01`, `NaN`).
  public init?(text: String) {
    var copy = text
    let valid = copy.withUTF8 { JSONNumber.matchesGrammar($0) }
    guard valid else { return nil }
    self.text = copy
  }

  /// Wraps text known to match the grammar.
  init(validatedText: String) { self.text = validatedText }

  /// An integer.
  /// - Parameter value: The integer.
  public init(_ value: Int) { self.text = String(value) }

  /// A floating-point number in its shortest form that reads back as the
  /// same `Double`.
  ///
  /// JSON has no infinities or NaN: those become `null` in ``JSONWriter``;
  /// here they give `nil`.
  /// - Parameter value: A finite `Double`.
  public init?(_ value: Double) {
    guard value.isFinite else { return nil }
    self.text = JSONNumber.shortestText(value)
  }

  /// An integer literal.
  public init(integerLiteral value: Int) { self.init(value) }

  /// A floating-point literal, in its shortest round-trip form.
  public init(floatLiteral value: Double) {
    self.text = value.isFinite ? JSONNumber.shortestText(value) : "0"
  }

  /// The number as the nearest `Double` (±infinity when out of range).
  public var doubleValue: Double {
    Double(text) ?? 0
  }

  /// The number as an `Int`, when it is an integer (possibly written with a
  /// fraction or exponent, like `2.0` or `1e3`) in `Int`'s range.
  public var intValue: Int? {
    if let i = Int(text) { return i }
    let d = doubleValue
    guard d.isFinite, d.rounded() == d, d >= -9.223_372_036_854_775_808e18, d < 9.223_372_036_854_775_808e18
    else { return nil }
    return Int(d)
  }

  /// The number's text.
  public var description: String { text }

  /// Swift's shortest round-trip representation, with `e` exponents as JSON
  /// writes them (`1e-05`, `1.5e+20` are valid JSON already).
  static func shortestText(_ value: Double) -> String {
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    return value.description
  }

  /// Whether the bytes are exactly one JSON number:
  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  static func matchesGrammar(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    return scan(b, &i) && i == b.count
  }

  /// Scans a number starting at `i`; on success `i` is just past it.
  static func scan(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
    let n = b.count
    func isDigit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
    if i < n && b[i] == UInt8(ascii: "-") { i += 1 }
    guard isDigit(i) else { return false }
    if b[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      while isDigit(i) { i += 1 }
    }
    if i < n && b[i] == UInt8(ascii: ".") {
      i += 1
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
    }
    if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
    }
    return true
  }
}
