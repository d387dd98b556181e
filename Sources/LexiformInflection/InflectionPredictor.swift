import LexiformUnicode

/// Runs a model over rows as they are written in a file: the lemma and bundle
/// are put in NFC (UAX #15) for the model, as its training data was, while
/// the caller writes them back as they were, so that every output row keys
/// to its input row for the official scripts (which compare code points);
/// inputs are checked against the model's alphabet and features
/// (``InputCoverage``).
public struct InflectionPredictor {
  /// The model.
  public let model: any InflectionModel
  /// What the inputs so far held that the model has not seen.
  public private(set) var coverage: InputCoverage
  private let normalizer: Normalizer?

  /// Creates a predictor.
  /// - Parameters:
  ///   - model: The model.
  ///   - header: Its model file's header.
  public init(model: any InflectionModel, header: ModelHeader) {
    self.model = model
    self.coverage = InputCoverage(header: header)
    self.normalizer = try? Normalizer(.nfc)
  }

  /// Predicts the form of one row.
  /// - Parameters:
  ///   - lemma: The lemma as written.
  ///   - tags: The bundle as written.
  ///   - nBest: How many candidates.
  /// - Returns: The model's candidates, best first (at least one).
  public mutating func predict(lemma: String, tags: String, nBest: Int = 1) -> [InflectionPrediction] {
    let l = nfc(lemma)
    let t = nfc(tags)
    coverage.check(lemma: l, tags: t)
    let candidates = model.predict(lemma: l, tags: t, nBest: max(1, nBest))
    return candidates.isEmpty ? [InflectionPrediction(form: l, score: 0)] : candidates
  }

  /// Predicts many rows at once (see ``InflectionModel/predict(batch:nBest:threads:)``).
  /// - Returns: Per row, between 1 and `nBest` predictions, best first.
  public mutating func predict(batch: [(lemma: String, tags: String)], nBest: Int = 1, threads: Int = 1)
    -> [[InflectionPrediction]]
  {
    let normalized = batch.map { (lemma: nfc($0.lemma), tags: nfc($0.tags)) }
    for row in normalized { coverage.check(lemma: row.lemma, tags: row.tags) }
    let results = model.predict(batch: normalized, nBest: max(1, nBest), threads: max(1, threads))
    return zip(normalized, results).map { row, candidates in
      candidates.isEmpty ? [InflectionPrediction(form: row.lemma, score: 0)] : candidates
    }
  }

  private func nfc(_ text: String) -> String {
    guard let normalizer, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    return (try? normalizer.normalize(text)) ?? text
  }
}
