import LexiformCore

/// How the baseline cuts words into symbols.
public enum BaselineSegmentation: String, CaseIterable, Sendable, Hashable {
  /// Extended grapheme clusters (UAX #29): a base letter and its combining
  /// marks are one symbol, so no rule splits them.
  case graphemeClusters = "graphemes"
  /// Unicode scalars (code points), as the organisers' Python scripts: the
  /// baseline's default, so that its figures are the shared tasks'. Rules
  /// may then rewrite a vowel sign under an unchanged consonant (Hebrew
  /// niqqud, Arabic harakat), which grapheme clusters hide from them:
  /// on the 2023 Hebrew dev set the baseline scores 28.1% with scalars and
  /// 18.3% with grapheme clusters.
  case unicodeScalars = "scalars"
}

/// How ``BaselineModel/train(_:options:)`` trains.
public struct BaselineOptions: Sendable, Hashable {
  /// How words are cut into symbols. Default ``BaselineSegmentation/unicodeScalars``,
  /// as the organisers' scripts.
  public var segmentation: BaselineSegmentation

  /// Creates options.
  /// - Parameter segmentation: How words are cut into symbols.
  public init(segmentation: BaselineSegmentation = .unicodeScalars) {
    self.segmentation = segmentation
  }
}

/// The shared tasks' non-neural baseline: prefix- and suffix-changing rules
/// per feature bundle, learnt from aligned lemma–form pairs.
///
/// After Cotterell et al. 2017 (CoNLL–SIGMORPHON 2017, §4,
/// https://aclanthology.org/K17-2001) and the 2020–2023 non-neural baseline
/// (Vylomova et al. 2020, https://aclanthology.org/2020.sigmorphon-1.1;
/// Goldman et al. 2023), both by Mans Hulden:
///
/// 1. If more gaps fall at the start than at the end of Hamming-aligned
///    pairs (pairs with a space or hyphen ignored), the language counts as
///    prefixing and every word is reversed.
/// 2. Each pair is aligned by Levenshtein distance (substitution 1.1) and cut
///    into prefix | stem | suffix; every suffix of the aligned stem + suffix
///    gives a suffix rule, and the aligned prefix plus each beginning of the
///    stem a prefix rule (``BundleRules/rules(lemma:form:)``); rules are
///    counted per bundle as written.
/// 3. To inflect, the applicable suffix rule with the longest input wins
///    (then the most frequent, the longest output, the first seen), then the
///    most frequent applicable prefix rule. An unseen bundle gives the lemma.
///
/// Differences from the Python script, none tuned to any data set: costs are
/// integers, so alignment ties are exact; ties between rules go to the rule
/// seen first (the script's set iteration order varies with Python's hash
/// seed); input is in NFC; a gap never equals a real `_`, nor `<`/`>` a
/// real angle bracket. Symbols are code points as in the script, or grapheme
/// clusters on request (``BaselineSegmentation``).
///
/// ``predict(lemma:tags:nBest:)`` scores candidates by rank: 0 for the rule
/// combination the baseline prefers, −1, −2, … for the next ones (suffix
/// and prefix alternatives in the same preference orders).
///
/// - Complexity: training O(Σ |lemma| · |form|); prediction O(|lemma|) hash
///   look-ups plus the rules that apply.
public struct BaselineModel: InflectionModel {
  /// `baseline`.
  public static let kind = "baseline"

  /// The symbols, in id order (id = index + 2).
  public let alphabet: [String]
  /// The bundles, as written, in id order.
  public let bundles: [String]
  /// Whether words are reversed (a mostly prefixing language).
  public let reversesWords: Bool
  /// How words are cut into symbols.
  public let segmentation: BaselineSegmentation

  let index: RuleIndex
  let symbolIDs: [String: Int32]
  let bundleIDs: [String: Int]

  init(
    alphabet: [String], bundles: [String], reversesWords: Bool, segmentation: BaselineSegmentation,
    index: RuleIndex
  ) {
    self.alphabet = alphabet
    self.bundles = bundles
    self.reversesWords = reversesWords
    self.segmentation = segmentation
    self.index = index
    var ids: [String: Int32] = [:]
    for (k, s) in alphabet.enumerated() { ids[s] = Int32(k + 2) }
    self.symbolIDs = ids
    var bundleIDs: [String: Int] = [:]
    for (k, b) in bundles.enumerated() { bundleIDs[b] = k }
    self.bundleIDs = bundleIDs
  }

  /// The alphabet, the bundles (as the model's "features": the baseline
  /// knows whole bundles only) and the settings.
  public var modelDescription: ModelDescription {
    var hyper = JSONObject()
    hyper.append("segmentation", .string(segmentation.rawValue))
    hyper.append("reversesWords", .bool(reversesWords))
    hyper.append("rules", .number(JSONNumber(ruleCount)))
    return ModelDescription(alphabet: alphabet, features: bundles, hyperparameters: hyper)
  }

  /// How many distinct rules the model holds.
  public var ruleCount: Int { index.ruleCount }

  /// Whether the model has rules for a bundle (as written).
  /// - Parameter tags: A bundle.
  /// - Returns: `true` if the bundle was in the training data.
  public func knows(tags: String) -> Bool { bundleIDs[tags] != nil }

  // MARK: Training

  /// Trains the baseline.
  /// - Parameters:
  ///   - examples: Training examples; those without a form are ignored.
  ///   - options: How to train.
  /// - Returns: The model.
  /// - Throws: ``InflectionError`` (`training`) when no example has a form.
  public static func train(_ examples: [InflectionExample], options: BaselineOptions = BaselineOptions()) throws
    -> BaselineModel
  {
    var alphabet: [String] = []
    var ids: [String: Int32] = [:]
    func encode(_ word: String) -> [Int32] {
      segments(word, options.segmentation).map { symbol in
        if let id = ids[symbol] { return id }
        let id = Int32(alphabet.count + 2)
        alphabet.append(symbol)
        ids[symbol] = id
        return id
      }
    }
    var pairs: [(lemma: [Int32], form: [Int32], tags: String)] = []
    pairs.reserveCapacity(examples.count)
    for example in examples {
      guard let form = example.form else { continue }
      pairs.append((encode(example.lemma), encode(form), example.tags))
    }
    guard !pairs.isEmpty else {
      throw InflectionError(.training, at: nil, "no training example has a form (is the training file covered?)")
    }
    // 1. Prefixing or suffixing? Pairs with a space or a hyphen do not vote.
    let space = ids[" "]
    let hyphen = ids["-"]
    var prefixBias = 0
    var suffixBias = 0
    for pair in pairs {
      if let space, pair.lemma.contains(space) || pair.form.contains(space) { continue }
      if let hyphen, pair.lemma.contains(hyphen) || pair.form.contains(hyphen) { continue }
      let (upper, lower) = BaselineAlignment.hamming(pair.lemma, pair.form)
      prefixBias += BaselineAlignment.leadingGaps(upper) + BaselineAlignment.leadingGaps(lower)
      suffixBias += BaselineAlignment.trailingGaps(upper) + BaselineAlignment.trailingGaps(lower)
    }
    let reverse = prefixBias > suffixBias
    // 2. Rules per bundle, in order of first appearance.
    var bundles: [String] = []
    var bundleIDs: [String: Int] = [:]
    var rules: [BundleRules] = []
    for pair in pairs {
      let lemma = reverse ? Array(pair.lemma.reversed()) : pair.lemma
      let form = reverse ? Array(pair.form.reversed()) : pair.form
      let (prefixRules, suffixRules) = BundleRules.rules(lemma: lemma, form: form)
      let b: Int
      if let known = bundleIDs[pair.tags] {
        b = known
      } else {
        b = bundles.count
        bundleIDs[pair.tags] = b
        bundles.append(pair.tags)
        rules.append(BundleRules())
      }
      for (input, output) in prefixRules { rules[b].add(prefix: input, output) }
      for (input, output) in suffixRules { rules[b].add(suffix: input, output) }
    }
    return BaselineModel(
      alphabet: alphabet, bundles: bundles, reversesWords: reverse, segmentation: options.segmentation,
      index: RuleIndex(rules))
  }

  static func segments(_ word: String, _ segmentation: BaselineSegmentation) -> [String] {
    switch segmentation {
    case .graphemeClusters: return word.map { String($0) }
    case .unicodeScalars: return word.unicodeScalars.map { String($0) }
    }
  }

  // MARK: Prediction

  /// Inflects a lemma; see the type's documentation for the rules and scores.
  /// - Parameters:
  ///   - lemma: The lemma; unknown symbols are copied through.
  ///   - tags: The bundle as written; an unseen bundle gives the lemma.
  ///   - nBest: How many distinct candidates to return.
  /// - Returns: 1 to `nBest` candidates, best first.
  public func predict(lemma: String, tags: String, nBest: Int) -> [InflectionPrediction] {
    guard let b = bundleIDs[tags] else { return [InflectionPrediction(form: lemma, score: 0)] }
    var unknown: [String] = []
    var unknownIDs: [String: Int32] = [:]
    var symbols = Self.segments(lemma, segmentation).map { symbol -> Int32 in
      if let id = symbolIDs[symbol] { return id }
      if let id = unknownIDs[symbol] { return id }
      unknown.append(symbol)
      let id = Int32(-1 - unknown.count)
      unknownIDs[symbol] = id
      return id
    }
    if reversesWords { symbols.reverse() }
    let base = [BundleRules.start] + symbols + [BundleRules.end]
    func decode(_ ids: [Int32]) -> String {
      var out = ""
      let ordered = reversesWords ? Array(ids.reversed()) : ids
      for id in ordered where id != BundleRules.start && id != BundleRules.end {
        if id >= 2, Int(id - 2) < alphabet.count {
          out += alphabet[Int(id - 2)]
        } else if id < -1, Int(-id - 2) < unknown.count {
          out += unknown[Int(-id - 2)]
        }
      }
      return out
    }
    if nBest <= 1 {
      var current = base
      if let (length, rule) = index.bestSuffix(b, current) {
        current = Array(current[..<(current.count - length)]) + index.output(rule)
      }
      if let (length, rule) = index.prefixCandidates(b, current).first {
        current = Array(index.output(rule)) + current[length...]
      }
      return [InflectionPrediction(form: decode(current), score: 0)]
    }
    // n-best: suffix alternatives × prefix alternatives by summed rank.
    var suffixed: [[Int32]] = index.suffixCandidates(b, base).prefix(nBest).map { length, rule in
      Array(base[..<(base.count - length)]) + index.output(rule)
    }
    if suffixed.isEmpty { suffixed = [base] }
    let prefixed: [[[Int32]]] = suffixed.map { word in
      let candidates = index.prefixCandidates(b, word).prefix(nBest).map { length, rule in
        Array(index.output(rule)) + word[length...]
      }
      return candidates.isEmpty ? [word] : Array(candidates)
    }
    var results: [InflectionPrediction] = []
    var seen = Set<String>()
    var rank = 0
    while results.count < nBest {
      var any = false
      for i in 0...rank where i < prefixed.count {
        let j = rank - i
        guard j < prefixed[i].count else { continue }
        any = true
        let form = decode(prefixed[i][j])
        if seen.insert(form).inserted {
          results.append(InflectionPrediction(form: form, score: -Double(rank)))
          if results.count == nBest { break }
        }
      }
      if !any && rank > prefixed.count + nBest { break }
      rank += 1
    }
    return results
  }

  // MARK: Model files

  /// The rules as flat little-endian arrays (``RuleIndex``), which load at
  /// the speed of copying memory; the alphabet and bundles are in the model
  /// file's header.
  /// - Returns: The payload.
  public func payload() throws -> [UInt8] {
    var out: [UInt8] = [Self.payloadVersion, segmentation == .graphemeClusters ? 0 : 1, reversesWords ? 1 : 0]
    index.write(to: &out)
    return out
  }

  /// The payload's own encoding version.
  static let payloadVersion: UInt8 = 2

  /// Reads a model from its payload and header.
  /// - Parameters:
  ///   - payload: The bytes ``payload()`` wrote.
  ///   - header: The header, with the alphabet and bundles.
  /// - Returns: The model.
  /// - Throws: ``InflectionError`` (`corruptModel`).
  public static func load(payload: [UInt8], header: ModelHeader) throws -> BaselineModel {
    guard payload.count >= 3 else {
      throw InflectionError(.corruptModel, at: nil, "baseline payload: truncated at byte \(payload.count)")
    }
    guard payload[0] == payloadVersion else {
      throw InflectionError(
        .corruptModel, at: nil,
        "baseline payload: " + expectedFound("encoding version \(payloadVersion)", "\(payload[0])"))
    }
    let segmentation: BaselineSegmentation = payload[1] == 0 ? .graphemeClusters : .unicodeScalars
    let reverse = payload[2] == 1
    var offset = 3
    let index = try RuleIndex(
      bytes: payload, offset: &offset, bundles: header.features.count, symbols: Int32(header.alphabet.count + 2))
    guard offset == payload.count else {
      throw InflectionError(.corruptModel, at: nil, "baseline payload: unexpected bytes after the rules")
    }
    return BaselineModel(
      alphabet: header.alphabet, bundles: header.features, reversesWords: reverse, segmentation: segmentation,
      index: index)
  }
}
