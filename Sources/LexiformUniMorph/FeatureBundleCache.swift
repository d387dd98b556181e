/// Parsed bundles by their text, so that a table's few distinct feature
/// strings are parsed once each (a table of a million rows typically has a
/// few hundred).
///
/// ```swift
/// var cache = FeatureBundleCache()
/// let bundle = cache.bundle(for: entry.tags)  // nil if it does not parse
/// ```
/// Memory grows with the number of distinct strings.
public struct FeatureBundleCache: Sendable {
  private var bundles: [String: FeatureBundle?] = [:]

  /// Creates an empty cache.
  public init() {}

  /// The bundle for a feature string, parsed on first use.
  /// - Parameter tags: The features as written.
  /// - Returns: The bundle, or `nil` when `tags` does not parse (see
  ///   ``FeatureBundle/init(parsing:at:)`` for the error).
  /// - Complexity: O(length of `tags`) amortized.
  public mutating func bundle(for tags: String) -> FeatureBundle? {
    if let known = bundles[tags] { return known }
    let fresh = try? FeatureBundle(parsing: tags)
    bundles[tags] = fresh
    return fresh
  }
}
