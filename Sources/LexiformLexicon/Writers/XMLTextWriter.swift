public import LexiformCore

/// Builds indented XML text for the LIFT and TEI writers: escapes text and
/// attribute values (XML 1.0 §2.4, §3.3.3) and drops the characters XML 1.0
/// cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
struct XMLTextWriter {
  private(set) var text = ""
  private var depth = 0

  /// Text with `&`, `<`, `>` (and in attributes `"`, tab, LF, CR) escaped.
  static func escape(_ s: String, attribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\t" where attribute: out += "&#9;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      default:
        let v = scalar.value
        if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private func attributes(_ list: [(String, String?)]) -> String {
    list.compactMap { name, value in value.map { " \(name)=\"\(Self.escape($0, attribute: true))\"" } }.joined()
  }

  private var indent: String { String(repeating: "  ", count: depth) }

  mutating func raw(_ s: String) { text += s }

  /// `<name a="v">`, then deeper.
  mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
    text += "\(indent)<\(name)\(self.attributes(attributes))>\n"
    depth += 1
  }

  /// `</name>`, shallower.
  mutating func close(_ name: String) {
    depth = max(0, depth - 1)
    text += "\(indent)</\(name)>\n"
  }

  /// `<name a="v">text</name>` on one line.
  mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text value: String) {
    text += "\(indent)<\(name)\(self.attributes(attributes))>\(Self.escape(value, attribute: false))</\(name)>\n"
  }

  /// `<name a="v"/>`.
  mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
    text += "\(indent)<\(name)\(self.attributes(attributes))/>\n"
  }

  /// Hands the text built so far to `output` and starts again.
  mutating func flush(to output: AtomicOutput) throws(LexiconError) {
    do {
      try output.write(text)
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
    text = ""
  }
}
