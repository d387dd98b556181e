/// The order of the three columns of a SIGMORPHON/UniMorph table.
///
/// - `lemmaFormTags`: UniMorph's own files and the SIGMORPHON shared tasks
///   of 2016–2021 (`lemma<TAB>form<TAB>tags`), e.g. Cotterell et al. 2017,
///   https://aclanthology.org/K17-2001.
/// - `lemmaTagsForm`: the SIGMORPHON–UniMorph shared tasks of 2022 and 2023
///   (`lemma<TAB>tags<TAB>form`), e.g. Goldman et al. 2023,
///   https://aclanthology.org/2023.sigmorphon-1.13.
public enum UniMorphColumnOrder: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// `lemma<TAB>form<TAB>tags` (UniMorph, SIGMORPHON 2016–2021).
  case lemmaFormTags = "lemma-form-tags"
  /// `lemma<TAB>tags<TAB>form` (SIGMORPHON 2022–2023).
  case lemmaTagsForm = "lemma-tags-form"

  /// `lemma-form-tags` or `lemma-tags-form`.
  public var description: String { rawValue }

  /// Which of the three fields (0, 1, 2) holds the features.
  public var tagsIndex: Int { self == .lemmaFormTags ? 2 : 1 }
  /// Which of the three fields holds the form.
  public var formIndex: Int { self == .lemmaFormTags ? 1 : 2 }

  /// Detects the order from sample rows: the column whose values read as
  /// feature bundles of the schema (most labels known) is the tags column.
  ///
  /// Detection is made only where the sample is unambiguous: when neither
  /// column reads as bundles, or both do equally, the result is `nil` and
  /// the caller must be told the order (`--columns`).
  /// - Parameters:
  ///   - rows: Sample rows, each the second and third field of a line.
  ///   - schema: The schema whose labels count as known.
  /// - Returns: The order, or `nil` if the sample does not decide it.
  /// - Complexity: O(total length of the sample).
  public static func detect(
    _ rows: [(second: String, third: String)], schema: UniMorphSchema = .standard
  ) -> UniMorphColumnOrder? {
    var second = 0.0
    var third = 0.0
    for row in rows {
      second += bundleScore(row.second, schema)
      third += bundleScore(row.third, schema)
    }
    guard max(second, third) >= Double(rows.count) * 0.5, second != third else { return nil }
    return second > third ? .lemmaTagsForm : .lemmaFormTags
  }

  /// The share of a field's labels that the schema knows (0 if it does not
  /// parse as a bundle).
  private static func bundleScore(_ field: String, _ schema: UniMorphSchema) -> Double {
    guard let bundle = try? FeatureBundle(parsing: field) else { return 0 }
    let labels = bundle.allLabels
    guard !labels.isEmpty else { return 0 }
    return Double(labels.filter { schema.contains($0) }.count) / Double(labels.count)
  }
}

/// How a command chooses the column order: detected per file, or given.
public enum UniMorphColumnChoice: Sendable, Hashable {
  /// Detect the order of each file from its first rows.
  case auto
  /// Use this order for every file.
  case fixed(UniMorphColumnOrder)
}
