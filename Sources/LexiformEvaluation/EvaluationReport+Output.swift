public import LexiformCore

extension EvaluationReport {
  /// The report as a plain-text table: overall figures, the seen/unseen
  /// partitions (with a training file), then per part of speech and per bundle.
  /// - Parameter bundles: How many bundles to list (most items first); `nil` for all.
  /// - Returns: Lines ending in `\n`.
  public func table(bundles: Int? = nil) -> String {
    var out = ""
    if !name.isEmpty { out += "\(name)\n" }
    out += "accuracy:\t\(fixed(overall.accuracy))\n"
    out += "levenshtein:\t\(fixed(overall.levenshtein))\n"
    out += "items:\t\(overall.count)\t(correct \(overall.correct), missing predictions \(missing)"
    out += extra > 0 ? ", extra predictions \(extra)" : ""
    out += duplicateGoldRows > 0 ? ", repeated gold pairs \(duplicateGoldRows)" : ""
    out += ")\n"
    if let seen {
      out += "\npartition\titems\taccuracy\tlevenshtein\n"
      for (partition, score) in seen.named {
        out += "\(partition)\t\(score.count)\t\(fixed(score.accuracy))\t\(fixed(score.levenshtein))\n"
      }
    }
    out += "\npos\titems\taccuracy\tlevenshtein\n"
    for (pos, score, _) in byPartOfSpeech {
      out += "\(pos)\t\(score.count)\t\(fixed(score.accuracy))\t\(fixed(score.levenshtein))\n"
    }
    out += "\nbundle\titems\taccuracy\tlevenshtein\n"
    for (bundle, score) in byBundle.prefix(bundles ?? byBundle.count) {
      out += "\(bundle)\t\(score.count)\t\(fixed(score.accuracy))\t\(fixed(score.levenshtein))\n"
    }
    if let bundles, byBundle.count > bundles { out += "(\(byBundle.count - bundles) more bundles; --json lists all)\n" }
    return out
  }

  /// The report as a JSON object: `accuracy` (percent) and `levenshtein` as
  /// `evalm.py` prints them, `items`, `correct`, `missing`, `extra`, and with
  /// a training file `seen` (`both`, `lemma`, `feats`, `unseen`,
  /// `feats-seen`, `feats-unseen`), then `pos` and `bundles`.
  public var json: JSONValue {
    var object = JSONObject()
    if !name.isEmpty { object.append("name", .string(name)) }
    object.append("accuracy", number(overall.accuracy))
    object.append("levenshtein", number(overall.levenshtein))
    object.append("items", .number(JSONNumber(overall.count)))
    object.append("correct", .number(JSONNumber(overall.correct)))
    object.append("missing", .number(JSONNumber(missing)))
    object.append("extra", .number(JSONNumber(extra)))
    object.append("repeatedGoldPairs", .number(JSONNumber(duplicateGoldRows)))
    if let seen { object.append("seen", Self.json(seen)) }
    var pos = JSONObject()
    for (name, score, partitions) in byPartOfSpeech {
      var entry = Self.json(score)
      if let partitions, case .object(var o) = entry {
        o.append("seen", Self.json(partitions))
        entry = .object(o)
      }
      pos.append(name, entry)
    }
    object.append("pos", .object(pos))
    var bundles = JSONObject()
    for (name, score) in byBundle { bundles.append(name, Self.json(score)) }
    object.append("bundles", .object(bundles))
    return .object(object)
  }

  static func json(_ score: InflectionScore) -> JSONValue {
    var o = JSONObject()
    o.append("items", .number(JSONNumber(score.count)))
    o.append("correct", .number(JSONNumber(score.correct)))
    o.append("accuracy", number(score.accuracy))
    o.append("levenshtein", number(score.levenshtein))
    return .object(o)
  }

  static func json(_ seen: SeenPartitions) -> JSONValue {
    var o = JSONObject()
    for (name, score) in seen.named { o.append(name, json(score)) }
    return .object(o)
  }
}

extension MacroAverage {
  /// A table with one row per language and the averages.
  /// - Returns: Lines ending in `\n`.
  public func table() -> String {
    let withSeen = reports.contains { $0.seen != nil }
    var out = "language\titems\taccuracy\tlevenshtein"
    if withSeen { out += "\t" + SeenPartitions().named.map(\.name).joined(separator: "\t") }
    out += "\n"
    for report in reports {
      out += "\(report.name)\t\(report.overall.count)\t\(fixed(report.overall.accuracy))\t\(fixed(report.overall.levenshtein))"
      if withSeen {
        let cells = report.seen?.named.map { $0.score.count == 0 ? "-" : fixed($0.score.accuracy) }
        out += "\t" + (cells ?? Array(repeating: "-", count: 6)).joined(separator: "\t")
      }
      out += "\n"
    }
    out += "macro-average\t\(pooled.count)\t\(fixed(pythonRound(accuracy, digits: 2)))\t\(fixed(pythonRound(levenshtein, digits: 2)))"
    if let partitions = partitionAccuracies {
      out += "\t" + partitions.map { $0.languages == 0 ? "-" : fixed(pythonRound($0.accuracy, digits: 2)) }.joined(separator: "\t")
    }
    out += "\n"
    out += "micro-average\t\(pooled.count)\t\(fixed(pooled.accuracy))\t\(fixed(pooled.levenshtein))"
    if let pooledPartitions {
      out += "\t" + pooledPartitions.named.map { $0.score.count == 0 ? "-" : fixed($0.score.accuracy) }.joined(separator: "\t")
    }
    return out + "\n"
  }

  /// The averages and the per-language reports as JSON: `accuracy`
  /// (macro-average, percent), `levenshtein`, `languages`, `micro`,
  /// `seen` (per partition: macro `accuracy` and `languages`), `reports`.
  public var json: JSONValue {
    var object = JSONObject()
    object.append("accuracy", number(pythonRound(accuracy, digits: 2)))
    object.append("levenshtein", number(pythonRound(levenshtein, digits: 2)))
    object.append("languages", .number(JSONNumber(reports.count)))
    object.append("micro", EvaluationReport.json(pooled))
    if let partitions = partitionAccuracies {
      var seen = JSONObject()
      for p in partitions {
        var o = JSONObject()
        o.append("accuracy", number(pythonRound(p.accuracy, digits: 2)))
        o.append("languages", .number(JSONNumber(p.languages)))
        seen.append(p.name, .object(o))
      }
      object.append("seen", .object(seen))
    }
    object.append("reports", .array(reports.map(\.json)))
    return .object(object)
  }
}

/// `12.30`: two decimals, as `evalm.py` prints (`{0:.2f}`).
func fixed(_ value: Double) -> String {
  let cents = Int((value * 100).rounded())
  let sign = cents < 0 ? "-" : ""
  let a = abs(cents)
  let frac = a % 100
  return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
}

/// A JSON number with at most 2 decimals (the value is already rounded).
func number(_ value: Double) -> JSONValue {
  .number(JSONNumber(text: fixed(value)) ?? JSONNumber(0))
}
