import LexiformCore

/// The validator's fast path for feature bundles: a bundle is split into its
/// top-level elements on its bytes (`;` outside parentheses), and each
/// distinct element (`PST`, `NOM/ACC`, `ABL(PL;PSS(1,SG))`) is parsed and
/// checked once, by ``FeatureBundle/problems(_:offset:)``'s rules for one
/// element. A bundle's problems then only need the checks *between* its
/// elements (repeated features, two features of one group), on cached
/// values. Tables have thousands of distinct bundles built from a few
/// hundred distinct elements, and parsing and checking a bundle with strings
/// costs tens of thousands of instructions.
///
/// A bundle whose top level is malformed (unbalanced parentheses, `,`
/// outside parentheses, an empty element) or with an element that does not
/// parse on its own gets `nil`, and the caller takes the general path (parse
/// the whole bundle, then check), which locates the error. Both paths give
/// the same problems in the same order and the same set identity; a test
/// compares them on every bundle of the fixtures and the shared data.
final class BundleElementCache {
  /// What the checks between elements need to know about one element (a
  /// class: bundles share it without copying its strings).
  final class Element {
    /// The element as written.
    var text: String
    /// Its width in Unicode scalars.
    var width: Int
    /// Problems inside the element (unknown features, its layer's
    /// problems), at offsets from its start.
    var problems: [BundleProblem]
    /// `FeatureElement.setKey`.
    var setKey: String
    var isLayered: Bool
    /// The element's labels outside its layer.
    var labels: [String]
    /// The exclusion group shared by its labels (not for layered elements).
    var group: (key: String, dimension: String)?
    /// An integer for `group`'s key.
    var groupIndex: Int
    /// An integer for `setKey`, for the repeated-feature check and the
    /// bundle's identity.
    var keyIndex: Int

    init(
      text: String, width: Int, problems: [BundleProblem], setKey: String, isLayered: Bool, labels: [String],
      group: (key: String, dimension: String)?, groupIndex: Int, keyIndex: Int
    ) {
      self.text = text
      self.width = width
      self.problems = problems
      self.setKey = setKey
      self.isLayered = isLayered
      self.labels = labels
      self.group = group
      self.groupIndex = groupIndex
      self.keyIndex = keyIndex
    }
  }

  /// Element set keys → integers.
  @exclusivity(unchecked) private var keyIndices: [String: Int] = [:]
  /// Exclusion group keys → integers.
  @exclusivity(unchecked) private var groupIndices: [String: Int] = [:]
  /// For `check`: the first element of each exclusion group in the bundle.
  @exclusivity(unchecked) private var byGroup: [(group: Int, element: Element)] = []

  private let lookup: LabelLookup
  private let table = ByteKeyTable(capacity: 1024)
  /// Elements by index; `nil` for bytes that do not parse as one element.
  @exclusivity(unchecked) private var elements: [Element?] = []
  @exclusivity(unchecked) private var indices: [Int] = []

  init(lookup: LabelLookup) {
    self.lookup = lookup
  }

  /// The integer for an element's set key (`FeatureElement.setKey`).
  func keyIndex(_ setKey: String) -> Int {
    if let known = keyIndices[setKey] { return known }
    let index = keyIndices.count
    keyIndices[setKey] = index
    return index
  }

  /// The problems of a bundle and its set identity (the sorted, distinct
  /// ``keyIndex(_:)``s of its elements: equal exactly when the bundles'
  /// `FeatureBundle.setKey`s are), or `nil` when the general path must decide.
  func check(_ tags: UnsafeRawBufferPointer) -> (problems: [BundleProblem], keys: [Int])? {
    guard !tags.isEmpty else { return nil }
    indices.removeAll(keepingCapacity: true)
    var depth = 0
    var start = 0
    for i in 0...tags.count {
      let byte = i < tags.count ? tags[i] : UInt8(ascii: ";")
      switch byte {
      case UInt8(ascii: "("):
        depth += 1
      case UInt8(ascii: ")"):
        depth -= 1
        if depth < 0 { return nil }
      case UInt8(ascii: ",") where depth == 0:
        return nil
      case UInt8(ascii: ";") where depth == 0:
        guard i > start, let index = element(UnsafeRawBufferPointer(rebasing: tags[start..<i])) else { return nil }
        indices.append(index)
        start = i + 1
      default:
        break
      }
    }
    guard depth == 0 else { return nil }
    // The checks between elements, as in FeatureBundle.problems(_:offset:).
    var problems: [BundleProblem] = []
    var position = 0
    byGroup.removeAll(keepingCapacity: true)
    defer { byGroup.removeAll(keepingCapacity: true) }
    var keys: [Int] = []
    keys.reserveCapacity(indices.count)
    for (n, index) in indices.enumerated() {
      guard let element = elements[index] else { return nil }
      keys.append(element.keyIndex)
      for var problem in element.problems {
        problem.offset += position
        problems.append(problem)
      }
      let key = element.keyIndex
      if keys[..<n].contains(key) {
        problems.append(
          BundleProblem(
            offset: position, code: .repeatedFeature,
            message: "\(element.text) appears twice in the bundle\(element.isLayered ? " at this level" : "")"))
      } else if let group = element.group {
        if let first = byGroup.first(where: { $0.group == element.groupIndex })?.element {
          if !FeatureBundle.compatible(first.labels, element.labels) {
            problems.append(
              BundleProblem(
                offset: position, code: .conflictingFeatures,
                message:
                  "two \(group.dimension) features, \(first.text) and \(element.text), without '+' or '/': "
                  + "expected one of them, or \(first.text)+\(element.text) (both) or \(first.text)/\(element.text) (either)"
              ))
          }
        } else {
          byGroup.append((element.groupIndex, element))
        }
      }
      position += element.width + 1
    }
    return (problems, Self.sortedDistinct(keys))
  }

  /// The integers sorted, without repeats.
  static func sortedDistinct(_ keys: [Int]) -> [Int] {
    guard keys.count > 1 else { return keys }
    var sorted = keys
    sorted.sort()
    var unique: [Int] = []
    unique.reserveCapacity(sorted.count)
    for key in sorted where unique.last != key { unique.append(key) }
    return unique
  }

  /// The index of an element's bytes, parsed and checked on first sight.
  private func element(_ bytes: UnsafeRawBufferPointer) -> Int? {
    if let known = table.value(for: bytes) { return known }
    let text = String(decoding: bytes, as: UTF8.self)
    var parsed: Element?
    if let bundle = try? FeatureBundle(parsing: text), bundle.elements.count == 1, let element = bundle.elements.first,
      element.description == text
    {
      let (problems, labels) = FeatureBundle.problems(of: element, lookup)
      let setKey = element.setKey
      let group = element.layer == nil ? FeatureBundle.exclusionGroup(labels, lookup) : nil
      var groupIndex = -1
      if let group {
        groupIndex = groupIndices[group.key] ?? groupIndices.count
        groupIndices[group.key] = groupIndex
      }
      parsed = Element(
        text: text, width: text.unicodeScalars.count, problems: problems, setKey: setKey,
        isLayered: element.layer != nil, labels: labels, group: group, groupIndex: groupIndex,
        keyIndex: keyIndex(setKey))
    }
    elements.append(parsed)
    table.insert(bytes, value: elements.count - 1)
    return elements.count - 1
  }
}
