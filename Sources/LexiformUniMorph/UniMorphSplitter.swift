import LexiformCore

/// What a split keeps apart between its parts.
public enum UniMorphSplitKey: String, Sendable, Hashable, CaseIterable {
  /// No lemma in two parts (the default: Goldman, Guriel & Tsarfaty 2022,
  /// "(Un)solving morphological inflection: lemma overlap artificially
  /// inflates models' performance", https://aclanthology.org/2022.acl-short.96).
  case lemma
  /// No form in two parts.
  case form
  /// No bundle in two parts (unseen feature combinations at test time).
  case bundle
}

/// Deterministic train/dev/test splits of a UniMorph table by groups.
///
/// Rows are grouped by the key (lemma, form or bundle); the groups, in order
/// of first appearance, are shuffled with ``SeededRandom`` (xoshiro256**) from
/// the seed, then dealt to the parts in order until each part has its share
/// of rows. The same input and seed give the same split on every platform.
///
/// - Complexity: O(*g*) for *g* groups; memory O(*g*).
public struct UniMorphSplitter: Sendable {
  /// The shares of train, dev and test; they need not sum to 1 (they are
  /// normalized).
  public var fractions: (train: Double, dev: Double, test: Double)
  /// What is kept apart.
  public var key: UniMorphSplitKey
  /// The seed.
  public var seed: UInt64

  /// Creates a splitter.
  /// - Parameters:
  ///   - fractions: The shares of train, dev and test (non-negative, not all 0).
  ///   - key: What is kept apart.
  ///   - seed: The seed.
  public init(fractions: (train: Double, dev: Double, test: Double), key: UniMorphSplitKey = .lemma, seed: UInt64 = 0) {
    self.fractions = fractions
    self.key = key
    self.seed = seed
  }

  /// The group key of an entry.
  /// - Parameters:
  ///   - entry: The row.
  ///   - bundle: Its parsed bundle (for `.bundle`), if it parses.
  /// - Returns: The key.
  public func groupKey(_ entry: UniMorphEntry, bundle: FeatureBundle?) -> String {
    switch key {
    case .lemma: entry.lemma
    case .form: entry.form
    case .bundle: bundle.map { $0.setKey } ?? entry.tags
    }
  }

  /// Assigns groups to parts.
  /// - Parameter sizes: Each group's key and row count, in order of first
  ///   appearance.
  /// - Returns: The part (0 train, 1 dev, 2 test) of each group key.
  public func assign(_ sizes: [(key: String, rows: Int)]) -> [String: Int] {
    var order = Array(sizes.indices)
    var random = SeededRandom(seed: seed)
    random.shuffle(&order)
    let total = max(0, fractions.train) + max(0, fractions.dev) + max(0, fractions.test)
    let shares = [fractions.train, fractions.dev, fractions.test].map { total > 0 ? max(0, $0) / total : 0 }
    let rows = sizes.reduce(0) { $0 + $1.rows }
    let targets = [shares[0] * Double(rows), (shares[0] + shares[1]) * Double(rows)]
    var assignment: [String: Int] = [:]
    var dealt = 0
    for index in order {
      let group = sizes[index]
      // The part whose cumulative share the group's middle falls in.
      let middle = Double(dealt) + Double(group.rows) / 2
      let part = middle < targets[0] ? 0 : middle < targets[1] ? 1 : 2
      assignment[group.key] = part
      dealt += group.rows
    }
    return assignment
  }
}
