/// Averages over many languages, as the shared tasks report them: the macro
/// average is the mean of the per-language figures (each language counts
/// once, Cotterell et al. 2017 §6), the micro average pools all items.
public struct MacroAverage: Sendable {
  /// The per-language reports, in the order given.
  public var reports: [EvaluationReport]

  /// Creates an average.
  /// - Parameter reports: The per-language reports.
  public init(reports: [EvaluationReport]) {
    self.reports = reports
  }

  /// The mean of the languages' unrounded accuracies, in percent.
  public var accuracy: Double { mean(reports.map { $0.overall.exactAccuracy }) }

  /// The mean of the languages' unrounded mean edit distances.
  public var levenshtein: Double { mean(reports.map { $0.overall.exactLevenshtein }) }

  /// All items pooled.
  public var pooled: InflectionScore {
    var total = InflectionScore()
    for report in reports { total.add(report.overall) }
    return total
  }

  /// Per seen/unseen partition, the mean accuracy over the languages where
  /// the partition has items, and how many languages that is; `nil` when no
  /// report has a breakdown.
  public var partitionAccuracies: [(name: String, accuracy: Double, languages: Int)]? {
    let withSeen = reports.compactMap(\.seen)
    guard !withSeen.isEmpty else { return nil }
    let names = SeenPartitions().named.map(\.name)
    return names.enumerated().map { index, name in
      let scores = withSeen.map { $0.named[index].score }.filter { $0.count > 0 }
      return (name, mean(scores.map(\.exactAccuracy)), scores.count)
    }
  }

  /// The partitions pooled over all languages (`evaluate.py`'s TOTAL row).
  public var pooledPartitions: SeenPartitions? {
    let withSeen = reports.compactMap(\.seen)
    guard !withSeen.isEmpty else { return nil }
    var total = SeenPartitions()
    for s in withSeen { total.add(s) }
    return total
  }

  private func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}
