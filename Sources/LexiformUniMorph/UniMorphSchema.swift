/// The UniMorph feature schema: its dimensions of meaning and the features in
/// each, with the open families (`LGSPECn`, `ARG…`, `PSS…`) as templates.
///
/// Follows Sylak-Glassman 2016 (the schema document, working draft v2), the
/// case labels UniMorph 3.0 added, and the layered features of UniMorph 4.0
/// (Batsuren et al. 2022), whose heads are case labels or `PSS`. The data is
/// `resources/unimorph/schema.tsv`, baked into `Generated/Schema.swift`.
///
/// - [Sylak-Glassman 2016]: https://unimorph.github.io/doc/unimorph-schema.pdf
/// - [Batsuren et al. 2022]: https://aclanthology.org/2022.lrec-1.89
///
/// ```swift
/// let schema = UniMorphSchema.standard
/// schema.feature("PST")?.dimension.name      // "Tense"
/// schema.feature("ARGAC3S")?.dimension.name  // "Argument Marking" (a template)
/// schema.suggestion(for: "V.PCTP")           // "V.PTCP"
/// ```
public struct UniMorphSchema: Sendable {
  /// A dimension of meaning, such as Tense or Case.
  ///
  /// Dimensions compare by their place in the canonical order (part of speech
  /// first, then as in the 2016 document).
  public struct Dimension: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The place of the dimension in the canonical order, from 0.
    public let index: Int
    /// The dimension's name as the schema document gives it: `Tense`.
    public let name: String

    /// The name.
    public var description: String { name }

    public static func < (a: Dimension, b: Dimension) -> Bool { a.index < b.index }
  }

  /// A feature of the schema: a label and its dimension.
  public struct Feature: Hashable, Sendable, CustomStringConvertible {
    /// The label as written in bundles: `PST`, `ARGAC3S`.
    public let label: String
    /// The dimension the feature belongs to.
    public let dimension: Dimension
    /// Where the feature comes from: `2016`, `3.0` or `4.0`.
    public let source: String
    /// A short gloss: `past`.
    public let meaning: String
    /// The feature's place in the canonical order within its dimension
    /// (templated features share their template's place).
    public let rank: Int
    /// The features of a dimension that exclude each other share a group
    /// (`main`, or a sub-dimension such as `remoteness`); `nil` for features
    /// that combine freely (Aktionsart, Argument Marking, Politeness, …).
    public let exclusionGroup: String?

    /// The label.
    public var description: String { label }
  }

  /// The schema as Lexiform ships it.
  public static let standard = UniMorphSchema()

  /// The dimensions in canonical order.
  public let dimensions: [Dimension]
  /// The listed features, in canonical order (templates not expanded).
  public let features: [Feature]

  /// Listed features by label.
  private let byLabel: [String: Feature]
  /// Template rows (`ARG…`, `LGSPEC…`, `PSS…`) by their prefix.
  private let templates: [String: Feature]
  /// The roles `ARG…` labels may name: abbreviations and case labels.
  let argumentRoles: [String]

  private init() {
    let dimensions = Self.generatedDimensions.enumerated().map { Dimension(index: $0.offset, name: $0.element) }
    var features: [Feature] = []
    var byLabel: [String: Feature] = [:]
    var templates: [String: Feature] = [:]
    for (rank, row) in Self.generatedFeatures.enumerated() {
      let (label, dimensionIndex, source, meaning, group) = row
      guard dimensions.indices.contains(dimensionIndex) else {
        assertionFailure("generated schema names dimension \(dimensionIndex)")
        continue
      }
      let feature = Feature(
        label: label, dimension: dimensions[dimensionIndex], source: source, meaning: meaning, rank: rank,
        exclusionGroup: group == "-" ? nil : group)
      features.append(feature)
      if label.hasSuffix("…") {
        templates[String(label.dropLast())] = feature
      } else {
        byLabel[label] = feature
      }
    }
    self.dimensions = dimensions
    self.features = features
    self.byLabel = byLabel
    self.templates = templates
    let caseLabels = features.filter { $0.dimension.name == "Case" && !$0.label.hasSuffix("…") }.map(\.label)
    self.argumentRoles = Self.argumentRoleAbbreviations + caseLabels
  }

  /// The dimension with this name.
  /// - Parameter name: A dimension's name, such as `Case`.
  /// - Returns: The dimension, or `nil` if the schema has none of that name.
  public func dimension(named name: String) -> Dimension? {
    dimensions.first { $0.name == name }
  }

  /// The feature a label stands for: a listed feature, or one that matches a
  /// template (`LGSPEC3`, `ARGNO1S`, `PSS2SINFM`).
  ///
  /// Labels are case-sensitive, as in the schema: `LgSPEC8` is not a feature.
  /// - Parameter label: One feature label, without `+`, `/` or parentheses.
  /// - Returns: The feature (for a templated label, with that label and the
  ///   template's dimension), or `nil` if the label is not in the schema.
  /// - Complexity: O(length of `label`).
  public func feature(_ label: String) -> Feature? {
    if let found = byLabel[label] { return found }
    for (prefix, template) in templates where label.hasPrefix(prefix) {
      let rest = label.dropFirst(prefix.count)
      if Self.matchesTemplate(prefix, rest: rest, schema: self) {
        return Feature(
          label: label, dimension: template.dimension, source: template.source, meaning: template.meaning,
          rank: template.rank, exclusionGroup: template.exclusionGroup)
      }
    }
    return nil
  }

  /// Whether a label is a feature of the schema.
  /// - Parameter label: One feature label.
  /// - Returns: `true` when ``feature(_:)`` finds it.
  public func contains(_ label: String) -> Bool { feature(label) != nil }

  /// The feature a misspelt label most likely means: the same letters in
  /// another case (`LgSPEC8` → `LGSPEC8`), or the only listed feature one
  /// edit away (a letter added, dropped, changed or two swapped:
  /// `V.PCTP` → `V.PTCP`, `PRES` → `PRS`).
  /// - Parameter label: A label that is not in the schema.
  /// - Returns: The suggested label, or `nil` if there is no single good guess.
  /// - Complexity: O(*F* · *n*²) for *F* listed features of length about *n*.
  public func suggestion(for label: String) -> String? {
    let upper = label.uppercased()
    if upper != label, contains(upper) { return upper }
    let scalars = Array(upper.unicodeScalars)
    guard scalars.count >= 3 else { return nil }
    var found: String?
    for feature in features where !feature.label.hasSuffix("…") {
      let candidate = Array(feature.label.unicodeScalars)
      guard abs(candidate.count - scalars.count) <= 1, candidate.count >= 3 else { continue }
      if Self.editDistance(scalars, candidate, limit: 1) <= 1 {
        if found != nil { return nil }  // two equally good guesses: none
        found = feature.label
      }
    }
    return found
  }

  /// The restricted Damerau–Levenshtein distance (optimal string alignment),
  /// stopping early above `limit`.
  /// - Complexity: O(*n* · *m*).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a == b { return 0 }
    let n = a.count
    let m = b.count
    var previous2 = [Int](repeating: 0, count: m + 1)
    var previous = Array(0...m)
    var current = [Int](repeating: 0, count: m + 1)
    for i in 1...n {
      current[0] = i
      var rowMinimum = i
      for j in 1...max(m, 1) where m > 0 {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[m]
  }
}
