public import LexiformCore

extension FeatureBundle {
  /// Parses a bundle: `V;PST`, `IN+ESS`, `NOM/ACC`, `V;IMP;ACC(2,SG)`,
  /// `N;ABL(PL;PSS(2,PL))`.
  ///
  /// The grammar (labels are runs of anything but `;,/+()`; whitespace is part
  /// of a label, so that printing gives back the input):
  ///
  ///     bundle      = element (";" element)*           at the top level
  ///     layer       = element ((";" | ",") element)*   inside parentheses
  ///     element     = conjunction ("/" conjunction)* ["(" layer ")"]
  ///     conjunction = label ("+" label)*
  ///
  /// Labels are not checked against the schema here; see ``UniMorphSchema``.
  /// - Parameters:
  ///   - text: The bundle as written.
  ///   - location: Where `text` starts in its file (its column is that of the
  ///     first character), for error messages; `nil` if not from a file.
  /// - Throws: ``UniMorphError`` with code `emptyFeature`,
  ///   `unbalancedParentheses` or `malformedBundle`, located at the offending
  ///   character.
  /// - Complexity: O(*n*) in the length of `text`.
  public init(parsing text: String, at location: SourceLocation? = nil) throws(UniMorphError) {
    var parser = BundleParser(text: text, location: location)
    self = try parser.parseTop()
  }
}

/// A recursive-descent parser over the bundle's Unicode scalars, so that
/// positions are columns.
struct BundleParser {
  let scalars: [Unicode.Scalar]
  let location: SourceLocation?
  var position = 0

  init(text: String, location: SourceLocation?) {
    self.scalars = Array(text.unicodeScalars)
    self.location = location
  }

  mutating func parseTop() throws(UniMorphError) -> FeatureBundle {
    guard !scalars.isEmpty else {
      throw error(.emptyFeature, at: 0, expectedFound("a feature", "an empty bundle"))
    }
    return try parseBundle(openedAt: nil)
  }

  /// Parses elements up to the end (top level) or up to, not including, the
  /// `)` that closes the `(` at `openedAt`.
  private mutating func parseBundle(openedAt: Int?) throws(UniMorphError) -> FeatureBundle {
    var elements: [FeatureElement] = []
    var separators: [FeatureSeparator] = []
    while true {
      elements.append(try parseElement())
      guard position < scalars.count else {
        if let openedAt {
          throw error(.unbalancedParentheses, at: openedAt, "'(' is never closed: expected ')' before the end of the bundle")
        }
        return FeatureBundle(elements, separators: separators)
      }
      switch scalars[position] {
      case ";":
        separators.append(.semicolon)
        position += 1
      case ",":
        guard openedAt != nil else {
          throw error(
            .malformedBundle, at: position, "',' separates features only inside parentheses: " + expectedFound("';'", "','"))
        }
        separators.append(.comma)
        position += 1
      case ")":
        guard openedAt != nil else {
          throw error(.unbalancedParentheses, at: position, "')' without a matching '('")
        }
        return FeatureBundle(elements, separators: separators)
      default:
        throw error(
          .malformedBundle, at: position,
          expectedFound(openedAt == nil ? "';'" : "';', ',' or ')'", "'\(scalars[position])' after ')'"))
      }
    }
  }

  private mutating func parseElement() throws(UniMorphError) -> FeatureElement {
    var alternatives: [[String]] = []
    var conjunction = [try parseLabel()]
    loop: while position < scalars.count {
      switch scalars[position] {
      case "+":
        position += 1
        conjunction.append(try parseLabel())
      case "/":
        position += 1
        alternatives.append(conjunction)
        conjunction = [try parseLabel()]
      default:
        break loop
      }
    }
    alternatives.append(conjunction)
    guard position < scalars.count, scalars[position] == "(" else {
      return FeatureElement(alternatives: alternatives)
    }
    let open = position
    position += 1
    guard position < scalars.count else {
      throw error(.unbalancedParentheses, at: open, "'(' is never closed: expected features and ')' after it")
    }
    let layer = try parseBundle(openedAt: open)
    position += 1  // the ')'
    return FeatureElement(alternatives: alternatives, layer: layer)
  }

  private mutating func parseLabel() throws(UniMorphError) -> String {
    let start = position
    while position < scalars.count, !Self.isSyntax(scalars[position]) { position += 1 }
    guard position > start else {
      let found = position < scalars.count ? "'\(scalars[position])'" : "the end of the bundle"
      let before = start > 0 ? " after '\(scalars[start - 1])'" : ""
      throw error(.emptyFeature, at: position, expectedFound("a feature\(before)", found))
    }
    return Self.string(scalars[start..<position])
  }

  /// The scalars as a string, encoded straight into the string's storage
  /// (appending to a `String.UnicodeScalarView` costs thousands of
  /// instructions per label).
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var length = 0
    for scalar in scalars { length += UTF8.width(scalar) }
    return String(unsafeUninitializedCapacity: length) { buffer in
      var at = 0
      for scalar in scalars {
        UTF8.encode(scalar) { byte in
          buffer[at] = byte
          at += 1
        }
      }
      return at
    }
  }

  static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ";", ",", "/", "+", "(", ")": return true
    default: return false
    }
  }

  private func error(_ code: UniMorphError.Code, at offset: Int, _ message: String) -> UniMorphError {
    var where_ = location
    if var located = where_ {
      located.column = (located.column ?? 1) + offset
      where_ = located
    }
    return UniMorphError(code, at: where_, message)
  }
}
