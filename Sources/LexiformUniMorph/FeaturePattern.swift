import LexiformCore

/// A pattern over feature bundles, as `lexiform unimorph lookup --features`
/// takes it: `V;PST;*`, `N;*;PL`, `V;NOM(*);*`, `LGSPEC*`.
///
/// Elements are separated by `;`. An element `*` alone means "and any other
/// features"; without it the bundle must have exactly the listed elements
/// (order does not matter). Inside an element, `*` matches any run of
/// characters of the element as written (`NOM(*)` matches `NOM(1,SG)`).
public struct FeaturePattern: Sendable, Hashable, CustomStringConvertible {
  /// The elements to find, `*` elements removed.
  public let elements: [String]
  /// Whether other elements are allowed (the pattern had a `*` element).
  public let allowsOthers: Bool
  /// The pattern as given.
  public let description: String

  /// Parses a pattern.
  /// - Parameter text: The pattern, such as `V;PST;*`.
  /// - Throws: ``UniMorphError`` (`badPattern`) for an empty pattern or an
  ///   empty element, or unbalanced parentheses.
  public init(_ text: String) throws(UniMorphError) {
    description = text
    var parts: [String] = []
    var depth = 0
    var current = ""
    for character in text {
      switch character {
      case "(":
        depth += 1
      case ")":
        depth -= 1
        guard depth >= 0 else { throw Self.error(text, "')' without '('") }
      case ";" where depth == 0:
        parts.append(current)
        current = ""
        continue
      default:
        break
      }
      current.append(character)
    }
    guard depth == 0 else { throw Self.error(text, "'(' is never closed") }
    parts.append(current)
    guard !parts.contains(where: \.isEmpty) else {
      throw Self.error(text, expectedFound("features separated by ';'", "an empty element"))
    }
    allowsOthers = parts.contains("*")
    elements = parts.filter { $0 != "*" }
  }

  private static func error(_ text: String, _ message: String) -> UniMorphError {
    UniMorphError(.badPattern, at: nil, "bad feature pattern '\(text)': \(message)")
  }

  /// Whether a bundle matches: each pattern element matches a different
  /// element of the bundle, and (without `*`) no element is left over.
  /// - Parameter bundle: The bundle.
  /// - Returns: `true` on a match.
  /// - Complexity: O(*p* · *b*) glob matches for *p* pattern and *b* bundle elements.
  public func matches(_ bundle: FeatureBundle) -> Bool {
    var remaining = bundle.elements.map(\.description)
    if !allowsOthers && Set(bundle.elements).count != elements.count { return false }
    for element in elements {
      guard let index = remaining.firstIndex(where: { Self.glob(element, $0) }) else { return false }
      remaining.remove(at: index)
    }
    return allowsOthers || remaining.allSatisfy { item in elements.contains { Self.glob($0, item) } }
  }

  /// Glob match where `*` matches any run of characters.
  static func glob(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let t = Array(text.unicodeScalars)
    var i = 0
    var j = 0
    var star = -1
    var mark = 0
    while j < t.count {
      if i < p.count && p[i] != "*" && p[i] == t[j] {
        i += 1
        j += 1
      } else if i < p.count && p[i] == "*" {
        star = i
        mark = j
        i += 1
      } else if star >= 0 {
        i = star + 1
        mark += 1
        j = mark
      } else {
        return false
      }
    }
    while i < p.count && p[i] == "*" { i += 1 }
    return i == p.count
  }
}
