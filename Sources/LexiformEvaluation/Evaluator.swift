import LexiformUnicode
public import LexiformUniMorph

/// How predictions are scored.
public struct EvaluationOptions: Sendable, Hashable {
  /// Whether gold forms and predictions are compared in Normalization Form C
  /// (UAX #15), as the 2022/2023 `evaluate.py` does; lemmas and bundles are
  /// then matched in NFC too. Default `false`: the strings are compared code
  /// point by code point, as `evalm.py` does.
  public var normalizeToNFC: Bool

  /// Creates options.
  /// - Parameter normalizeToNFC: Whether to compare in NFC.
  public init(normalizeToNFC: Bool = false) {
    self.normalizeToNFC = normalizeToNFC
  }
}

/// Scores inflection predictions as the shared tasks' official scripts do.
///
/// - **Overall** (CoNLL–SIGMORPHON 2017 `evalm.py`, task 1; Cotterell et al.
///   2017, https://aclanthology.org/K17-2001): the gold file is read into a
///   map from (lemma, bundle) to form, later rows replacing earlier ones, and
///   so are the predictions. Every gold (lemma, bundle) is one item: correct
///   when the prediction is the same string, with the Levenshtein distance
///   between them; a missing prediction counts as the empty string (wrong,
///   at a distance of the gold form's length). Predictions for pairs not in
///   the gold file are ignored. Accuracy is `correct / items * 100` and the
///   distance `total / items`, each rounded to 2 decimals (``pythonRound(_:digits:)``).
/// - **Seen/unseen** (SIGMORPHON–UniMorph 2022 `evaluate.py`, Kodner et al.
///   2022, used again in 2023): each item falls in one of four partitions by
///   whether its lemma and its bundle (as written) occur in the training file.
///   The partitions use the same items as the overall score, so they add up
///   to it (`evaluate.py` pairs lines by position instead, which agrees when
///   the predictions follow the gold file's order).
/// - **Per part of speech and per bundle**: the same items grouped.
public enum InflectionEvaluator {
  /// Scores predictions.
  /// - Parameters:
  ///   - gold: The gold rows.
  ///   - predicted: The predicted rows (any order; extra rows are ignored).
  ///   - training: The training rows, for the seen/unseen breakdown.
  ///   - name: The report's name.
  ///   - options: How to compare.
  ///   - schema: The schema that tells parts of speech.
  /// - Returns: The report.
  /// - Complexity: O(Σ |gold form| · |prediction|) for the distances.
  public static func evaluate(
    gold: [EvaluationRow], predicted: [EvaluationRow], training: [EvaluationRow]? = nil, name: String = "",
    options: EvaluationOptions = EvaluationOptions(), schema: UniMorphSchema = .standard
  ) -> EvaluationReport {
    let normalizer = options.normalizeToNFC ? try? Normalizer(.nfc) : nil
    func norm(_ s: String) -> String {
      guard let normalizer else { return s }
      return (try? normalizer.normalize(s)) ?? s
    }
    // Gold: last row wins per exact (lemma, bundle); keep first-seen order.
    var goldIndex: [ExactKey: Int] = [:]
    var items: [(lemma: String, tags: String, form: String)] = []
    var duplicates = 0
    for row in gold {
      let key = ExactKey(norm(row.lemma), norm(row.tags))
      if let at = goldIndex[key] {
        items[at].form = row.form
        duplicates += 1
      } else {
        goldIndex[key] = items.count
        items.append((norm(row.lemma), norm(row.tags), row.form))
      }
    }
    var guesses: [ExactKey: String] = [:]
    for row in predicted { guesses[ExactKey(norm(row.lemma), norm(row.tags))] = row.form }

    var trainLemmas: Set<ExactString> = []
    var trainBundles: Set<ExactString> = []
    if let training {
      for row in training {
        trainLemmas.insert(ExactString(norm(EvaluationFile.pythonStrip(row.lemma))))
        trainBundles.insert(ExactString(norm(EvaluationFile.pythonStrip(row.tags))))
      }
    }

    var report = EvaluationReport(name: name)
    report.duplicateGoldRows = duplicates
    var seen = SeenPartitions()
    var byPOS: [String: (InflectionScore, SeenPartitions)] = [:]
    var byBundle: [String: InflectionScore] = [:]
    var posCache: [String: String] = [:]
    for item in items {
      let key = ExactKey(item.lemma, item.tags)
      let guess = guesses[key]
      if guess == nil { report.missing += 1 }
      let g = norm(item.form)
      let p = norm(guess ?? "")
      let isCorrect = g.utf8.elementsEqual(p.utf8)
      let distance = levenshteinDistance(g, p)
      report.overall.add(isCorrect: isCorrect, distance: distance)
      byBundle[item.tags, default: InflectionScore()].add(isCorrect: isCorrect, distance: distance)
      let pos: String
      if let cached = posCache[item.tags] {
        pos = cached
      } else {
        pos = partOfSpeech(item.tags, schema: schema)
        posCache[item.tags] = pos
      }
      byPOS[pos, default: (InflectionScore(), SeenPartitions())].0.add(isCorrect: isCorrect, distance: distance)
      if training != nil {
        let lemmaSeen = trainLemmas.contains(ExactString(EvaluationFile.pythonStrip(item.lemma)))
        let bundleSeen = trainBundles.contains(ExactString(EvaluationFile.pythonStrip(item.tags)))
        var one = SeenPartitions()
        switch (lemmaSeen, bundleSeen) {
        case (true, true): one.both.add(isCorrect: isCorrect, distance: distance)
        case (true, false): one.lemmaOnly.add(isCorrect: isCorrect, distance: distance)
        case (false, true): one.featuresOnly.add(isCorrect: isCorrect, distance: distance)
        case (false, false): one.neither.add(isCorrect: isCorrect, distance: distance)
        }
        seen.add(one)
        byPOS[pos]?.1.add(one)
      }
    }
    report.extra = guesses.keys.filter { goldIndex[$0] == nil }.count
    if training != nil { report.seen = seen }
    report.byPartOfSpeech = byPOS.map { (name: $0.key, score: $0.value.0, seen: training == nil ? nil : $0.value.1) }
      .sorted { ($0.score.count, $1.name) > ($1.score.count, $0.name) }
    report.byBundle = byBundle.map { (name: $0.key, score: $0.value) }
      .sorted { ($0.score.count, $1.name) > ($1.score.count, $0.name) }
    return report
  }

  /// The part of speech of a bundle: its first top-level feature that the
  /// schema files under "Part of Speech", or `(none)`.
  /// - Parameters:
  ///   - tags: A bundle as written, e.g. `V;IND;PRS;NOM(1,SG)`.
  ///   - schema: The schema.
  /// - Returns: The part-of-speech label, e.g. `V`.
  public static func partOfSpeech(_ tags: String, schema: UniMorphSchema = .standard) -> String {
    var depth = 0
    var start = tags.startIndex
    var index = tags.startIndex
    func check(_ label: Substring) -> String? {
      let label = String(label)
      return schema.feature(label)?.dimension.name == "Part of Speech" ? label : nil
    }
    while index < tags.endIndex {
      let c = tags[index]
      if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if c == ";" && depth == 0 {
        if let pos = check(tags[start..<index]) { return pos }
        start = tags.index(after: index)
      }
      index = tags.index(after: index)
    }
    return check(tags[start...]) ?? "(none)"
  }
}

/// A string compared byte for byte (Swift's `==` on `String` ignores
/// normalization; the official scripts compare code points).
struct ExactString: Hashable {
  let bytes: [UInt8]
  init(_ s: String) { bytes = Array(s.utf8) }
}

/// A (lemma, bundle) key compared byte for byte.
struct ExactKey: Hashable {
  let bytes: [UInt8]
  init(_ lemma: String, _ tags: String) {
    var b = Array(lemma.utf8)
    b.append(0x09)
    b.append(contentsOf: tags.utf8)
    bytes = b
  }
}
