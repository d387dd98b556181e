import LexiformCore

/// What the checks know about labels already seen: a bundle check looks each
/// label up in the schema once per run, not once per bundle.
final class LabelLookup {
  let schema: UniMorphSchema
  private var features: [String: UniMorphSchema.Feature?] = [:]
  private var messages: [String: String] = [:]

  init(schema: UniMorphSchema) {
    self.schema = schema
  }

  func feature(_ label: String) -> UniMorphSchema.Feature? {
    if let known = features[label] { return known }
    let found = schema.feature(label)
    features[label] = found
    return found
  }

  func unknownMessage(_ label: String) -> String {
    if let known = messages[label] { return known }
    let message = FeatureBundle.unknownMessage(label, schema)
    messages[label] = message
    return message
  }
}

/// One problem found in a bundle, at a column offset within it.
struct BundleProblem: Sendable {
  /// Unicode scalars from the start of the bundle.
  var offset: Int
  var code: UniMorphError.Code
  var message: String
}

extension FeatureBundle {
  /// Checks a parsed bundle against the schema: unknown features,
  /// two features of one dimension (and exclusion group) side by side, and
  /// repeated features; each level of a layered bundle is checked on its own.
  /// - Parameters:
  ///   - schema: The schema.
  ///   - offset: The bundle's column offset in the text it was parsed from.
  /// - Returns: The problems, in the order of the text.
  func problems(schema: UniMorphSchema, offset: Int = 0) -> [BundleProblem] {
    problems(LabelLookup(schema: schema), offset: offset)
  }

  func problems(_ lookup: LabelLookup, offset: Int = 0) -> [BundleProblem] {
    var problems: [BundleProblem] = []
    var position = offset
    // Per level: the first element seen for each (dimension, group), and keys seen.
    var byGroup: [String: (text: String, labels: [String])] = [:]
    var seen: Set<String> = []
    for (index, element) in elements.enumerated() {
      let start = position
      let (inside, labelsHere) = Self.problems(of: element, lookup, offset: start)
      problems += inside
      position += element.description.unicodeScalars.count
      let key = element.setKey
      if !seen.insert(key).inserted {
        problems.append(
          BundleProblem(
            offset: start, code: .repeatedFeature,
            message: "\(element) appears twice in the bundle\(element.layer == nil ? "" : " at this level")"))
      } else if element.layer == nil, let group = Self.exclusionGroup(labelsHere, lookup) {
        let text = element.description
        if let first = byGroup[group.key], !Self.compatible(first.labels, labelsHere) {
          problems.append(
            BundleProblem(
              offset: start, code: .conflictingFeatures,
              message:
                "two \(group.dimension) features, \(first.text) and \(text), without '+' or '/': "
                + "expected one of them, or \(first.text)+\(text) (both) or \(first.text)/\(text) (either)"))
        } else if byGroup[group.key] == nil {
          byGroup[group.key] = (text, labelsHere)
        }
      }
      if index < separators.count { position += 1 }
    }
    return problems
  }

  /// The problems inside one element: unknown features in its head, then
  /// its layer's problems (each level is checked on its own).
  /// - Parameters:
  ///   - element: The element.
  ///   - lookup: The schema's labels.
  ///   - offset: The element's column offset.
  /// - Returns: The problems, and the labels of the head (outside the layer).
  static func problems(
    of element: FeatureElement, _ lookup: LabelLookup, offset: Int = 0
  ) -> (problems: [BundleProblem], labels: [String]) {
    var problems: [BundleProblem] = []
    var position = offset
    var labelsHere: [String] = []
    for (a, conjunction) in element.alternatives.enumerated() {
      if a > 0 { position += 1 }
      for (c, label) in conjunction.enumerated() {
        if c > 0 { position += 1 }
        if lookup.feature(label) == nil {
          problems.append(BundleProblem(offset: position, code: .unknownFeature, message: lookup.unknownMessage(label)))
        }
        labelsHere.append(label)
        position += label.unicodeScalars.count
      }
    }
    if let layer = element.layer {
      position += 1
      problems += layer.problems(lookup, offset: position)
    }
    return (problems, labelsHere)
  }

  /// The (dimension, group) shared by all of an element's labels, if they
  /// share one that excludes other features.
  static func exclusionGroup(
    _ labels: [String], _ lookup: LabelLookup
  ) -> (key: String, dimension: String)? {
    var result: (key: String, dimension: String)?
    for label in labels {
      guard let feature = lookup.feature(label), let group = feature.exclusionGroup else { return nil }
      let key = "\(feature.dimension.index)/\(group)"
      if let result, result.key != key { return nil }
      result = (key, feature.dimension.name)
    }
    return result
  }

  /// Part-of-speech subtypes go with their type: `V` and `V.PTCP`.
  static func compatible(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == 1, b.count == 1, let x = a.first, let y = b.first else { return false }
    return x.hasPrefix(y + ".") || y.hasPrefix(x + ".")
  }

  /// `unknown feature X`, with the likeliest intended feature when there is one.
  static func unknownMessage(_ label: String, _ schema: UniMorphSchema) -> String {
    var message = "unknown feature \(label)"
    if label.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
      let trimmed = String(label.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
      message += " (it contains white space\(schema.contains(trimmed) ? "; \(trimmed) is a feature" : ""))"
    } else if label.contains(":") {
      let parts = label.split(separator: ":").map(String.init)
      let known = parts.allSatisfy { schema.contains($0) }
      message += known ? " (':' is not a separator: \(parts.joined(separator: ";")) or \(parts.joined(separator: "+"))?)" : " (':' is not a separator)"
    } else if label == "LGSPEC" {
      message += " (language-specific features are numbered: LGSPEC1, LGSPEC2, …)"
    } else if let suggestion = schema.suggestion(for: label) {
      message += " (did you mean \(suggestion)?)"
    }
    return message
  }
}
