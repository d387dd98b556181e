/// Counts over a UniMorph table: rows, lemmas, forms, bundles, parts of
/// speech, paradigm sizes, syncretism and feature frequency by dimension.
///
/// Feed it entries with ``add(_:)``. Memory is O(distinct lemmas + distinct
/// (lemma, form) pairs + distinct bundles).
///
/// ```swift
/// var stats = UniMorphStatistics()
/// while let entry = try reader.next() { stats.add(entry) }
/// stats.lemmas  // distinct lemmas
/// ```
public struct UniMorphStatistics: Sendable {
  /// The schema that assigns features to dimensions.
  public let schema: UniMorphSchema
  /// Rows counted.
  public private(set) var rows = 0
  /// Rows whose features do not parse (counted, not analysed).
  public private(set) var unparsedBundles = 0
  /// Forms per lemma.
  private var paradigmSizes: [String: Int] = [:]
  /// Bundles per (lemma, form): more than one is syncretism.
  private var cells: [String: Int] = [:]
  private var forms: Set<String> = []
  private var bundles: Set<FeatureBundle> = []
  /// Parsed bundles by their text.
  private var parsed = FeatureBundleCache()
  /// Rows per part of speech (the bundle's Part of Speech features, `+`-joined).
  public private(set) var partsOfSpeech: [String: Int] = [:]
  /// Occurrences of each feature label, by dimension name (`unknown` for
  /// labels outside the schema).
  public private(set) var featuresByDimension: [String: [String: Int]] = [:]

  /// Creates empty statistics.
  /// - Parameter schema: The schema that assigns features to dimensions.
  public init(schema: UniMorphSchema = .standard) {
    self.schema = schema
  }

  /// Counts one row.
  /// - Parameter entry: The row.
  /// - Complexity: O(length of the row) amortized.
  public mutating func add(_ entry: UniMorphEntry) {
    rows += 1
    paradigmSizes[entry.lemma, default: 0] += 1
    forms.insert(entry.form)
    cells[entry.lemma + "\t" + entry.form, default: 0] += 1
    guard let bundle = parsed.bundle(for: entry.tags) else {
      unparsedBundles += 1
      return
    }
    bundles.insert(bundle)
    var pos: [String] = []
    for label in bundle.allLabels {
      let dimension = schema.feature(label)?.dimension.name ?? "unknown"
      featuresByDimension[dimension, default: [:]][label, default: 0] += 1
      if dimension == "Part of Speech" { pos.append(label) }
    }
    partsOfSpeech[pos.isEmpty ? "none" : pos.joined(separator: "+"), default: 0] += 1
  }

  /// Distinct lemmas.
  public var lemmas: Int { paradigmSizes.count }
  /// Distinct forms.
  public var distinctForms: Int { forms.count }
  /// Distinct bundles (as sets: `V;PST` and `PST;V` are one).
  public var distinctBundles: Int { bundles.count }

  /// Rows per lemma: smallest, median, mean and largest paradigm.
  public var paradigmSize: (min: Int, median: Double, mean: Double, max: Int) {
    let sizes = paradigmSizes.values.sorted()
    guard let first = sizes.first, let last = sizes.last else { return (0, 0, 0, 0) }
    let median = Double(sizes[(sizes.count - 1) / 2] + sizes[sizes.count / 2]) / 2
    return (first, median, Double(rows) / Double(sizes.count), last)
  }

  /// Syncretism: (lemma, form) pairs that stand for more than one bundle,
  /// and the rows they cover.
  public var syncretism: (pairs: Int, rows: Int, allPairs: Int) {
    var pairs = 0
    var covered = 0
    for count in cells.values where count > 1 {
      pairs += 1
      covered += count
    }
    return (pairs, covered, cells.count)
  }
}
