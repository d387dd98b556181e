public import LexiformUnicode

/// The scripts of a text: how much of it each script writes, the main one,
/// and whether it mixes scripts.
///
/// Characters are counted by their Script property (UAX #24). Characters of
/// Common and Inherited (spaces, digits, punctuation, combining marks) are
/// not counted, except those whose Script_Extensions name specific scripts
/// (a danda, the Arabic comma): they count for the script they share with
/// the text, or for the first of their scripts when the text has none of
/// them.
public struct ScriptBreakdown: Hashable, Sendable {
  /// How many characters each script writes, most first (ties by ISO 15924 code).
  public var counts: [(script: ScriptCode, characters: Int)] {
    countTable.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.iso15924 < $1.key.iso15924) }
      .map { ($0.key, $0.value) }
  }
  /// The counted characters per script.
  public var countTable: [ScriptCode: Int]
  /// The number of counted characters.
  public var total: Int { countTable.values.reduce(0, +) }

  /// The script of most characters; Common (`Zyyy`) for a text with none.
  public var main: ScriptCode { counts.first?.script ?? .common }
  /// Whether more than one script is counted.
  public var isMixed: Bool { countTable.count > 1 }

  /// Each script's share of the counted characters, most first.
  public var proportions: [(script: ScriptCode, share: Double)] {
    let total = Double(max(1, self.total))
    return counts.map { ($0.script, Double($0.characters) / total) }
  }

  /// Counts the scripts of `text`.
  /// - Parameter text: Any text.
  /// - Complexity: O(*n*).
  public init<S: Sequence<Unicode.Scalar>>(of text: S) {
    var table: [ScriptCode: Int] = [:]
    var shared: [[ScriptCode]] = []
    for scalar in text {
      let script = ScriptCode.of(scalar)
      if script == .common || script == .inherited {
        if scalar.value < 0x80 { continue }
        let extensions = ScriptCode.extensions(of: scalar).filter { $0 != .common && $0 != .inherited }
        if !extensions.isEmpty { shared.append(extensions) }
      } else {
        table[script, default: 0] += 1
      }
    }
    for extensions in shared {
      let script = extensions.first { table[$0] != nil } ?? extensions[0]
      table[script, default: 0] += 1
    }
    countTable = table
  }

  /// Whether the text is written in scripts a language uses: its main
  /// script is one of `scripts` (a text with no counted character is).
  /// - Parameter scripts: The scripts the language uses.
  /// - Returns: `true` when the main script is among them.
  public func isExpected(for scripts: [ScriptCode]) -> Bool {
    countTable.isEmpty || scripts.contains(main) || (main == .han && scripts.contains(.hiragana))
  }

  public static func == (a: ScriptBreakdown, b: ScriptBreakdown) -> Bool { a.countTable == b.countTable }
  public func hash(into hasher: inout Hasher) { hasher.combine(countTable) }
}

/// How ``ScriptReporter`` writes each line's scripts.
public enum ScriptOutputFormat: String, Sendable, CaseIterable {
  /// Tab-separated: main script, mixed, proportions (and expected), one line per input line.
  case table
  /// `{"scripts":{"Latn":0.93,…},"main":"Latn","mixed":false}` (and `"expected"`).
  case json
}

/// Writes the script breakdown of each line: a ``LineTransformer``.
public final class ScriptReporter: LineTransformer {
  /// The output format.
  public let format: ScriptOutputFormat
  /// The scripts the language uses, when a language is given.
  public let expected: [ScriptCode]?

  /// Creates a reporter.
  /// - Parameters:
  ///   - format: The output format.
  ///   - expected: The scripts the language uses, or `nil` to leave out `expected`.
  public init(format: ScriptOutputFormat, expected: [ScriptCode]?) {
    self.format = format
    self.expected = expected
  }

  /// The header line of the table format.
  public var tableHeader: String {
    "main\tmixed\t" + (expected == nil ? "" : "expected\t") + "scripts\n"
  }

  /// Appends the breakdown of one line.
  /// - Parameters:
  ///   - line: The line's bytes, valid UTF-8.
  ///   - output: Receives one output line.
  public func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
    let breakdown = ScriptBreakdown(of: String(decoding: line, as: UTF8.self).unicodeScalars)
    let shares = breakdown.proportions.map { ($0.script.iso15924, Self.format($0.share)) }
    var text: String
    switch format {
    case .json:
      text = "{\"scripts\":{" + shares.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
      text += ",\"main\":\"\(breakdown.main.iso15924)\",\"mixed\":\(breakdown.isMixed)"
      if let expected { text += ",\"expected\":\(breakdown.isExpected(for: expected))" }
      text += "}\n"
    case .table:
      text = breakdown.main.iso15924 + "\t" + (breakdown.isMixed ? "yes" : "no") + "\t"
      if let expected { text += (breakdown.isExpected(for: expected) ? "yes" : "no") + "\t" }
      text += shares.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
    }
    output.append(contentsOf: text.utf8)
  }

  /// A share with at most 4 decimals, without trailing zeros ("0.9333", "1").
  static func format(_ share: Double) -> String {
    let scaled = Int((share * 10000).rounded())
    if scaled == 10000 { return "1" }
    var digits = String(scaled)
    while digits.count < 4 { digits = "0" + digits }
    while digits.hasSuffix("0") { digits.removeLast() }
    return digits.isEmpty ? "0" : "0." + digits
  }
}
