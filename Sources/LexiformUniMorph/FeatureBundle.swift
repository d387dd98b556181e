/// A UniMorph feature bundle, such as `V;IND;PST;3;SG` or the layered
/// `V;IMP;ACC(2,SG);NOM(INFM,2,SG)`.
///
/// A bundle is a list of ``FeatureElement``s separated by `;` (and, inside a
/// layer's parentheses, also `,`). Each element is one feature (`PST`), a
/// conjunction (`IN+ESS`), alternatives (`NOM/ACC`), or any of these heading a
/// layer (`NOM(1,SG)`, `ABL(PL;PSS(2,PL))`) as in UniMorph 4.0's hierarchical
/// annotation (Guriel, Goldman & Tsarfaty 2022).
///
/// - Equality and hashing treat the bundle as a set: order, repetition and the
///   choice of `;` or `,` do not matter (`PST;V` == `V;PST`), recursively for
///   conjunctions, alternatives and layers.
/// - ``description`` prints the bundle exactly as it was parsed, so parsing
///   and printing round-trip byte for byte.
/// - ``canonicalized(schema:)`` orders features by dimension.
///
/// ```swift
/// let bundle = try FeatureBundle(parsing: "N;ABL(PL;PSS(2,PL))")
/// bundle.description         // "N;ABL(PL;PSS(2,PL))"
/// bundle == (try FeatureBundle(parsing: "ABL(PSS(PL,2);PL);N"))  // true
/// ```
///
/// - [Guriel et al. 2022]: https://aclanthology.org/2022.lrec-1.20
public struct FeatureBundle: Hashable, Sendable, CustomStringConvertible {
  /// The elements in the order written.
  public var elements: [FeatureElement]
  /// The separator written after each element but the last
  /// (`separators.count == max(0, elements.count - 1)`).
  public var separators: [FeatureSeparator]

  /// Creates a bundle.
  /// - Parameters:
  ///   - elements: The elements, in order.
  ///   - separator: The separator between each pair of elements.
  public init(_ elements: [FeatureElement], separator: FeatureSeparator = .semicolon) {
    self.elements = elements
    self.separators = Array(repeating: separator, count: max(0, elements.count - 1))
  }

  /// Creates a bundle of single features.
  /// - Parameter labels: The features, such as `["V", "PST"]`.
  public init(labels: [String]) {
    self.init(labels.map { FeatureElement(label: $0) })
  }

  /// Creates a bundle with the given separators.
  /// - Parameters:
  ///   - elements: The elements, in order.
  ///   - separators: The separator after each element but the last; missing
  ///     ones are `;`, extra ones are dropped.
  public init(_ elements: [FeatureElement], separators: [FeatureSeparator]) {
    self.elements = elements
    let needed = max(0, elements.count - 1)
    self.separators =
      Array(separators.prefix(needed))
      + Array(repeating: .semicolon, count: max(0, needed - separators.count))
  }

  /// Every feature label in the bundle, including conjunction members,
  /// alternatives and the contents of layers, in the order written.
  public var allLabels: [String] {
    var labels: [String] = []
    for element in elements {
      for conjunction in element.alternatives { labels += conjunction }
      if let layer = element.layer { labels += layer.allLabels }
    }
    return labels
  }

  /// The bundle as written: `V;IMP;ACC(2,SG)`.
  public var description: String {
    var text = ""
    for (index, element) in elements.enumerated() {
      if index > 0 {
        text.append(separators.indices.contains(index - 1) ? separators[index - 1].character : ";")
      }
      element.write(to: &text)
    }
    return text
  }

  /// The bundle's set identity: elements' keys, sorted and deduplicated.
  var setKey: String {
    if elements.count == 1, let only = elements.first { return only.setKey }
    var keys = elements.map(\.setKey)
    keys.sort()
    var unique: [String] = []
    unique.reserveCapacity(keys.count)
    for key in keys where unique.last != key { unique.append(key) }
    return unique.joined(separator: ";")
  }

  public static func == (a: FeatureBundle, b: FeatureBundle) -> Bool { a.setKey == b.setKey }

  public func hash(into hasher: inout Hasher) { hasher.combine(setKey) }
}

/// What separates the elements of a bundle: `;`, or `,` inside a layer.
public enum FeatureSeparator: Sendable, Hashable {
  /// `;`, the separator of UniMorph bundles.
  case semicolon
  /// `,`, used between the features of a layer: `NOM(1,SG)`.
  case comma

  /// The separator's character.
  public var character: Character { self == .semicolon ? ";" : "," }
}

/// One element of a ``FeatureBundle``: a feature, a conjunction (`IN+ESS`),
/// alternatives (`NOM/ACC`), optionally heading a layer (`NOM(1,SG)`).
public struct FeatureElement: Hashable, Sendable, CustomStringConvertible {
  /// The `/`-separated alternatives, each a `+`-separated conjunction of
  /// labels: `PST` is `[["PST"]]`, `IN+ESS` is `[["IN", "ESS"]]`, `NOM/ACC`
  /// is `[["NOM"], ["ACC"]]`.
  public var alternatives: [[String]]
  /// The bundle in parentheses after the head, if any: `2,SG` in `ACC(2,SG)`.
  public var layer: FeatureBundle?

  /// Creates an element.
  /// - Parameters:
  ///   - alternatives: The alternatives, each a conjunction of labels; none
  ///     may be empty.
  ///   - layer: The bundle in parentheses, if any.
  public init(alternatives: [[String]], layer: FeatureBundle? = nil) {
    self.alternatives = alternatives
    self.layer = layer
  }

  /// Creates an element of one feature.
  /// - Parameter label: The feature, such as `PST`.
  public init(label: String) {
    self.init(alternatives: [[label]])
  }

  /// The label, if the element is one feature without `+`, `/` or a layer.
  public var label: String? {
    guard layer == nil, alternatives.count == 1, let only = alternatives.first, only.count == 1 else { return nil }
    return only.first
  }

  /// The head as written, without the layer: `IN+ESS`, `NOM` for `NOM(1,SG)`.
  public var head: String {
    alternatives.map { $0.joined(separator: "+") }.joined(separator: "/")
  }

  /// The element as written: `NOM(1,SG)`.
  public var description: String {
    var text = ""
    write(to: &text)
    return text
  }

  func write(to text: inout String) {
    text += head
    if let layer {
      text += "("
      text += layer.description
      text += ")"
    }
  }

  /// The element's set identity.
  var setKey: String {
    if layer == nil, alternatives.count == 1, let only = alternatives.first, only.count == 1, let label = only.first {
      return label
    }
    let head = Set(alternatives.map { Set($0).sorted().joined(separator: "+") }).sorted().joined(separator: "/")
    guard let layer else { return head }
    return head + "(" + layer.setKey + ")"
  }

  public static func == (a: FeatureElement, b: FeatureElement) -> Bool { a.setKey == b.setKey }

  public func hash(into hasher: inout Hasher) { hasher.combine(setKey) }
}
