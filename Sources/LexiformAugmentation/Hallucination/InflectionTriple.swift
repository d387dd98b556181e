/// One example of inflection: a lemma, an inflected form and its features,
/// the features kept as raw text (`V;PST`, `N;NOM(PL)`), not parsed.
public struct InflectionTriple: Hashable, Sendable, CustomStringConvertible {
  /// The lemma (citation form); may contain spaces.
  public var lemma: String
  /// The inflected form; may contain spaces.
  public var form: String
  /// The features, exactly as written in the table.
  public var tags: String

  /// Creates a triple.
  /// - Parameters:
  ///   - lemma: The lemma.
  ///   - form: The inflected form.
  ///   - tags: The features as raw text.
  public init(lemma: String, form: String, tags: String) {
    self.lemma = lemma
    self.form = form
    self.tags = tags
  }

  /// `lemma<TAB>form<TAB>tags`.
  public var description: String { "\(lemma)\t\(form)\t\(tags)" }
}
