extension FeatureBundle {
  /// The bundle with its features in canonical order: by dimension (part of
  /// speech first, then in the schema document's order), then by the
  /// feature's place in its dimension; features not in the schema come last,
  /// in the order written. Conjunctions, alternatives and layers are ordered
  /// the same way, recursively. The top level is separated by `;`; a layer
  /// keeps `,` if it used any.
  ///
  /// The result is equal (`==`) to the bundle.
  /// ```swift
  /// try FeatureBundle(parsing: "SG;3;PST;V").canonicalized().description  // "V;PST;3;SG"
  /// ```
  /// - Parameter schema: The schema that gives the order.
  /// - Returns: The reordered bundle.
  /// - Complexity: O(*n* log *n*) in the number of features.
  public func canonicalized(schema: UniMorphSchema = .standard) -> FeatureBundle {
    canonicalized(schema: schema, separator: .semicolon)
  }

  private func canonicalized(schema: UniMorphSchema, separator: FeatureSeparator) -> FeatureBundle {
    let ordered = elements.enumerated().map { offset, element -> (key: (Int, Int, Int), element: FeatureElement) in
      var element = element
      element.alternatives = element.alternatives
        .map { conjunction in conjunction.enumerated().sorted { Self.order($0, $1, schema) }.map(\.element) }
        .enumerated().sorted { a, b in
          Self.order((a.offset, a.element.first ?? ""), (b.offset, b.element.first ?? ""), schema)
        }.map(\.element)
      if let layer = element.layer {
        element.layer = layer.canonicalized(
          schema: schema, separator: layer.separators.contains(.comma) ? .comma : .semicolon)
      }
      let first = element.alternatives.first?.first ?? ""
      return (Self.rank(first, offset, schema), element)
    }
    .sorted { $0.key < $1.key }
    .map(\.element)
    return FeatureBundle(ordered, separator: separator)
  }

  /// Known features by (dimension, rank); unknown ones after all, as written.
  private static func rank(_ label: String, _ offset: Int, _ schema: UniMorphSchema) -> (Int, Int, Int) {
    guard let feature = schema.feature(label) else { return (Int.max, 0, offset) }
    return (feature.dimension.index, feature.rank, offset)
  }

  private static func order(
    _ a: (offset: Int, element: String), _ b: (offset: Int, element: String), _ schema: UniMorphSchema
  ) -> Bool {
    rank(a.element, a.offset, schema) < rank(b.element, b.offset, schema)
  }
}
