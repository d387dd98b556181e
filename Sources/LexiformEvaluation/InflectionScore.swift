/// Exact-match accuracy and mean Levenshtein distance over a set of items.
public struct InflectionScore: Hashable, Sendable {
  /// How many items were scored.
  public var count: Int
  /// How many predictions equal the gold form exactly.
  public var correct: Int
  /// The sum of the Levenshtein distances between predictions and gold forms.
  public var totalDistance: Int

  /// Creates a score.
  /// - Parameters:
  ///   - count: Items scored.
  ///   - correct: Exact matches.
  ///   - totalDistance: Sum of edit distances.
  public init(count: Int = 0, correct: Int = 0, totalDistance: Int = 0) {
    self.count = count
    self.correct = correct
    self.totalDistance = totalDistance
  }

  /// Adds one item.
  /// - Parameters:
  ///   - isCorrect: Whether the prediction matched.
  ///   - distance: Its edit distance.
  public mutating func add(isCorrect: Bool, distance: Int) {
    count += 1
    if isCorrect { correct += 1 }
    totalDistance += distance
  }

  /// Adds another score's items.
  /// - Parameter other: The other score.
  public mutating func add(_ other: InflectionScore) {
    count += other.count
    correct += other.correct
    totalDistance += other.totalDistance
  }

  /// Accuracy in percent as `evalm.py` computes it, `correct / count * 100`,
  /// unrounded (0 for no items).
  public var exactAccuracy: Double {
    count == 0 ? 0 : Double(correct) / Double(count) * 100
  }

  /// Mean edit distance, unrounded (0 for no items).
  public var exactLevenshtein: Double {
    count == 0 ? 0 : Double(totalDistance) / Double(count)
  }

  /// Accuracy in percent, rounded to 2 decimals as `evalm.py` prints it.
  public var accuracy: Double { pythonRound(exactAccuracy, digits: 2) }

  /// Mean edit distance, rounded to 2 decimals as `evalm.py` prints it.
  public var levenshtein: Double { pythonRound(exactLevenshtein, digits: 2) }

  /// ``accuracy`` with two decimals, as `evalm.py` prints it (`64.70`).
  public var accuracyText: String { fixed(accuracy) }

  /// ``levenshtein`` with two decimals, as `evalm.py` prints it (`0.45`).
  public var levenshteinText: String { fixed(levenshtein) }
}

/// The 2022/2023 breakdown of a score by what the training data held
/// (Kodner et al. 2022, §5; the `evaluate.py` of sigmorphon/2022InflectionST).
public struct SeenPartitions: Hashable, Sendable {
  /// Lemma and feature bundle both in the training data.
  public var both = InflectionScore()
  /// Lemma in the training data, bundle not.
  public var lemmaOnly = InflectionScore()
  /// Bundle in the training data, lemma not.
  public var featuresOnly = InflectionScore()
  /// Neither in the training data.
  public var neither = InflectionScore()

  /// Creates empty partitions.
  public init() {}

  /// Bundle seen (`both` + `featuresOnly`; `evaluate.py`'s "both+feats").
  public var featuresSeen: InflectionScore {
    var s = both
    s.add(featuresOnly)
    return s
  }

  /// Bundle unseen (`lemmaOnly` + `neither`; `evaluate.py`'s "lemma+unseen").
  public var featuresUnseen: InflectionScore {
    var s = lemmaOnly
    s.add(neither)
    return s
  }

  /// The partitions by name, in `evaluate.py`'s column order.
  public var named: [(name: String, score: InflectionScore)] {
    [
      ("both", both), ("lemma", lemmaOnly), ("feats", featuresOnly), ("unseen", neither),
      ("feats-seen", featuresSeen), ("feats-unseen", featuresUnseen),
    ]
  }

  mutating func add(_ other: SeenPartitions) {
    both.add(other.both)
    lemmaOnly.add(other.lemmaOnly)
    featuresOnly.add(other.featuresOnly)
    neither.add(other.neither)
  }
}

/// The evaluation of one prediction file against its gold file.
public struct EvaluationReport: Sendable {
  /// A name for the pair, usually the language (from the gold file's name).
  public var name: String
  /// The score over all items.
  public var overall: InflectionScore
  /// Gold items without a prediction (scored against the empty string).
  public var missing: Int
  /// Predictions whose lemma and bundle are not in the gold file (ignored).
  public var extra: Int
  /// Gold rows that repeat an earlier lemma and bundle (the later form is the
  /// one scored, as `evalm.py` keeps the last).
  public var duplicateGoldRows: Int
  /// The breakdown by what the training file held, if one was given.
  public var seen: SeenPartitions?
  /// Scores per part of speech (the bundle's first feature of the schema's
  /// "Part of Speech" dimension; `(none)` without one), most items first.
  public var byPartOfSpeech: [(name: String, score: InflectionScore, seen: SeenPartitions?)]
  /// Scores per feature bundle as written, most items first.
  public var byBundle: [(name: String, score: InflectionScore)]

  /// Creates a report.
  /// - Parameters:
  ///   - name: The pair's name.
  ///   - overall: The overall score.
  public init(name: String, overall: InflectionScore = InflectionScore()) {
    self.name = name
    self.overall = overall
    self.missing = 0
    self.extra = 0
    self.duplicateGoldRows = 0
    self.seen = nil
    self.byPartOfSpeech = []
    self.byBundle = []
  }
}
