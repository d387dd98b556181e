internal import LexiformCore
public import LexiformLexicon
internal import LexiformTokenization

/// How ``LexiconInducer`` scores word pairs.
public struct LexiconInductionOptions: Sendable {
  /// A pair is a candidate only if both words occur in at least this many
  /// segments and together in at least this many. Default 2.
  public var minCount = 2
  /// A pair is a candidate only if its Dice coefficient reaches this.
  /// Default 0.05.
  public var minDice = 0.05
  /// IBM Model 1 EM iterations in each direction. Default 5.
  public var iterations = 5
  /// The most translations kept per source word. Default 3.
  public var top = 3
  /// Translations scoring below this are dropped. Default 0.01.
  public var minScore = 0.01
  /// Whether words are lowercased. Default `true`.
  public var lowercases = true

  /// Creates options with the documented defaults.
  public init() {}
}

/// A word pair with its score.
public struct InducedPair: Hashable, Sendable {
  /// The source word.
  public var source: String
  /// The target word.
  public var target: String
  /// The score, in (0, 1]: the geometric mean of IBM Model 1's p(target |
  /// source) and p(source | target).
  public var score: Double
  /// The Dice coefficient of the two words' segment counts.
  public var dice: Double
  /// The number of segments where both occur.
  public var cooccurrences: Int
}

/// Induces a bilingual lexicon from aligned segments.
///
/// 1. Both sides are tokenized (Lexiform's `Tokenizer`, UAX #29 words);
///    tokens without a letter are dropped; words are lowercased.
/// 2. Candidates: word pairs that co-occur in segments, with the Dice
///    coefficient 2·c(s,t) / (c(s) + c(t)) of their segment counts
///    (Dice 1945, https://doi.org/10.2307/1932409; as used for word
///    alignment by Smadja, McKeown & Hatzivassiloglou 1996), kept when both
///    counts and the joint count reach ``LexiconInductionOptions/minCount``
///    and Dice reaches ``LexiconInductionOptions/minDice``.
/// 3. IBM Model 1 (Brown et al. 1993, https://aclanthology.org/J93-2003)
///    trained by EM over the candidates only, with a NULL word, in both
///    directions; a pair's score is √(p(t|s)·p(s|t)), which favours pairs
///    that are each other's best translation.
///
/// - Complexity: memory O(tokens + candidate pairs); each EM iteration
///   O(Σ |source segment| · |target segment|).
public final class LexiconInducer {
  /// The options in force.
  public let options: LexiconInductionOptions
  /// Segments read.
  public private(set) var segments = 0
  /// Segments used (both sides with at least one word).
  public private(set) var usedSegments = 0
  /// Candidate pairs after the Dice step.
  public private(set) var candidateCount = 0

  private var sourceVocabulary: [String: Int32] = [:]
  private var targetVocabulary: [String: Int32] = [:]
  private var sourceWords: [String] = []
  private var targetWords: [String] = []
  // The corpus: segment k's source tokens are sourceTokens[sourceStarts[k]..<sourceStarts[k+1]].
  private var sourceTokens: [Int32] = []
  private var targetTokens: [Int32] = []
  private var sourceStarts: [Int] = [0]
  private var targetStarts: [Int] = [0]
  private let sourceTokenizer: Tokenizer
  private let targetTokenizer: Tokenizer

  /// Creates an inducer.
  /// - Parameters:
  ///   - options: Thresholds and iterations.
  ///   - sourceLanguage: The source side's language, for the tokenizer.
  ///   - targetLanguage: The target side's language.
  /// - Throws: ``ParallelTextError`` if the tokenizer cannot start (ICU).
  public init(options: LexiconInductionOptions = LexiconInductionOptions(), sourceLanguage: String? = nil, targetLanguage: String? = nil)
    throws(ParallelTextError)
  {
    self.options = options
    do {
      sourceTokenizer = try Tokenizer(options: TokenizerOptions(language: sourceLanguage))
      targetTokenizer = try Tokenizer(options: TokenizerOptions(language: targetLanguage))
    } catch {
      throw ParallelTextError(.io, at: nil, "cannot start the tokenizer: \(error)", underlyingError: error)
    }
  }

  /// Adds one aligned pair.
  /// - Parameters:
  ///   - source: The source text.
  ///   - target: The target text.
  /// - Throws: ``ParallelTextError`` if tokenization fails.
  public func add(source: String, target: String) throws(ParallelTextError) {
    segments += 1
    let sourceCount = sourceTokens.count
    let targetCount = targetTokens.count
    try tokenize(source, with: sourceTokenizer, vocabulary: &sourceVocabulary, words: &sourceWords, into: &sourceTokens)
    try tokenize(target, with: targetTokenizer, vocabulary: &targetVocabulary, words: &targetWords, into: &targetTokens)
    guard sourceTokens.count > sourceCount, targetTokens.count > targetCount else {
      sourceTokens.removeSubrange(sourceCount...)
      targetTokens.removeSubrange(targetCount...)
      return
    }
    usedSegments += 1
    sourceStarts.append(sourceTokens.count)
    targetStarts.append(targetTokens.count)
  }

  private func tokenize(
    _ text: String, with tokenizer: Tokenizer, vocabulary: inout [String: Int32], words: inout [String],
    into tokens: inout [Int32]
  ) throws(ParallelTextError) {
    let found: [Token]
    do {
      found = try tokenizer.tokens(in: text)
    } catch {
      throw ParallelTextError(.malformed, at: nil, "cannot tokenize: \(error)", underlyingError: error)
    }
    for token in found where token.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
      let word = options.lowercases ? token.text.lowercased() : token.text
      if let id = vocabulary[word] {
        tokens.append(id)
      } else {
        let id = Int32(words.count)
        vocabulary[word] = id
        words.append(word)
        tokens.append(id)
      }
    }
  }

  /// Scores the candidate pairs.
  /// - Returns: For each source word with a translation, its best
  ///   translations (at most ``LexiconInductionOptions/top``, best first);
  ///   source words in byte order of their text.
  public func induce() -> [InducedPair] {
    let n = usedSegments
    // Segment counts.
    var sourceCounts = [Int32](repeating: 0, count: sourceWords.count)
    var targetCounts = [Int32](repeating: 0, count: targetWords.count)
    var joint: [UInt64: Int32] = [:]
    var sourceSet: [Int32] = []
    var targetSet: [Int32] = []
    for k in 0..<n {
      sourceSet = Array(Set(sourceTokens[sourceStarts[k]..<sourceStarts[k + 1]]))
      targetSet = Array(Set(targetTokens[targetStarts[k]..<targetStarts[k + 1]]))
      for s in sourceSet { sourceCounts[Int(s)] += 1 }
      for t in targetSet { targetCounts[Int(t)] += 1 }
      for s in sourceSet {
        let high = UInt64(UInt32(bitPattern: s)) << 32
        for t in targetSet { joint[high | UInt64(UInt32(bitPattern: t)), default: 0] += 1 }
      }
    }
    // Candidates by Dice.
    let minimum = Int32(max(1, options.minCount))
    var pairIndex: [UInt64: Int32] = [:]
    var pairSource: [Int32] = []
    var pairTarget: [Int32] = []
    var pairDice: [Double] = []
    var pairJoint: [Int32] = []
    for (key, count) in joint where count >= minimum {
      let s = Int32(truncatingIfNeeded: key >> 32)
      let t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      let cs = sourceCounts[Int(s)]
      let ct = targetCounts[Int(t)]
      guard cs >= minimum, ct >= minimum else { continue }
      let dice = 2 * Double(count) / Double(cs + ct)
      guard dice >= options.minDice else { continue }
      pairIndex[key] = Int32(pairSource.count)
      pairSource.append(s)
      pairTarget.append(t)
      pairDice.append(dice)
      pairJoint.append(count)
    }
    joint = [:]
    candidateCount = pairSource.count
    guard candidateCount > 0 else { return [] }

    // Per segment, the candidate pair of each (source position, target position), or -1.
    var cells: [Int32] = []
    var cellStarts: [Int] = [0]
    for k in 0..<n {
      let source = sourceTokens[sourceStarts[k]..<sourceStarts[k + 1]]
      let target = targetTokens[targetStarts[k]..<targetStarts[k + 1]]
      for s in source {
        let high = UInt64(UInt32(bitPattern: s)) << 32
        for t in target { cells.append(pairIndex[high | UInt64(UInt32(bitPattern: t))] ?? -1) }
      }
      cellStarts.append(cells.count)
    }
    pairIndex = [:]

    let forward = modelOne(
      cells: cells, cellStarts: cellStarts, conditioning: pairSource, conditioningSize: sourceWords.count,
      predictedCount: targetWords.count, transposed: false)
    let backward = modelOne(
      cells: cells, cellStarts: cellStarts, conditioning: pairTarget, conditioningSize: targetWords.count,
      predictedCount: sourceWords.count, transposed: true)

    // Best translations per source word.
    var bySource: [Int32: [Int]] = [:]
    for pair in 0..<candidateCount { bySource[pairSource[pair], default: []].append(pair) }
    var result: [InducedPair] = []
    let order = bySource.keys.sorted { Array(sourceWords[Int($0)].utf8).lexicographicallyPrecedes(Array(sourceWords[Int($1)].utf8)) }
    for s in order {
      guard let pairs = bySource[s] else { continue }
      var scored = pairs.map { pair in
        InducedPair(
          source: sourceWords[Int(s)], target: targetWords[Int(pairTarget[pair])],
          score: (forward[pair] * backward[pair]).squareRoot(), dice: pairDice[pair], cooccurrences: Int(pairJoint[pair]))
      }
      scored.removeAll { $0.score < options.minScore }
      scored.sort { $0.score != $1.score ? $0.score > $1.score : Array($0.target.utf8).lexicographicallyPrecedes(Array($1.target.utf8)) }
      result.append(contentsOf: scored.prefix(max(1, options.top)))
    }
    return result
  }

  /// IBM Model 1 EM over candidate pairs: p(predicted | conditioning), with
  /// a NULL word on the conditioning side.
  private func modelOne(
    cells: [Int32], cellStarts: [Int], conditioning: [Int32], conditioningSize: Int, predictedCount: Int,
    transposed: Bool
  ) -> [Double] {
    let pairs = conditioning.count
    // Start uniform over each conditioning word's candidates.
    var fanOut = [Double](repeating: 0, count: conditioningSize)
    for pair in 0..<pairs { fanOut[Int(conditioning[pair])] += 1 }
    var probability = (0..<pairs).map { 1 / fanOut[Int(conditioning[$0])] }
    var nullProbability = [Double](repeating: 1 / Double(max(1, predictedCount)), count: predictedCount)
    var counts = [Double](repeating: 0, count: pairs)
    var nullCounts = [Double](repeating: 0, count: predictedCount)
    var totals = [Double](repeating: 0, count: conditioningSize)
    for _ in 0..<max(1, options.iterations) {
      for i in 0..<pairs { counts[i] = 0 }
      for i in 0..<predictedCount { nullCounts[i] = 0 }
      for k in 0..<usedSegments {
        let sourceLength = sourceStarts[k + 1] - sourceStarts[k]
        let targetLength = targetStarts[k + 1] - targetStarts[k]
        let base = cellStarts[k]
        // Predicted positions run over targets (forward) or sources (backward).
        let outer = transposed ? sourceLength : targetLength
        let inner = transposed ? targetLength : sourceLength
        for j in 0..<outer {
          let word = Int(transposed ? sourceTokens[sourceStarts[k] + j] : targetTokens[targetStarts[k] + j])
          var denominator = nullProbability[word]
          for i in 0..<inner {
            let cell = transposed ? cells[base + j * targetLength + i] : cells[base + i * targetLength + j]
            if cell >= 0 { denominator += probability[Int(cell)] }
          }
          guard denominator > 0 else { continue }
          nullCounts[word] += nullProbability[word] / denominator
          for i in 0..<inner {
            let cell = transposed ? cells[base + j * targetLength + i] : cells[base + i * targetLength + j]
            if cell >= 0 { counts[Int(cell)] += probability[Int(cell)] / denominator }
          }
        }
      }
      for i in 0..<conditioningSize { totals[i] = 0 }
      for pair in 0..<pairs { totals[Int(conditioning[pair])] += counts[pair] }
      for pair in 0..<pairs {
        let total = totals[Int(conditioning[pair])]
        probability[pair] = total > 0 ? counts[pair] / total : 0
      }
      let nullTotal = nullCounts.reduce(0, +)
      if nullTotal > 0 { for i in 0..<predictedCount { nullProbability[i] = nullCounts[i] / nullTotal } }
    }
    return probability
  }

  /// The induced pairs as lexicon entries: one entry per source word, each
  /// translation with its score and the source "induced from CORPUS".
  /// - Parameters:
  ///   - pairs: What ``induce()`` returned.
  ///   - corpus: The corpus's name, for the provenance.
  ///   - sourceLanguage: The headwords' language, if known.
  ///   - targetLanguage: The translations' language, if known.
  /// - Returns: The entries, in the order of `pairs`.
  public static func entries(
    _ pairs: [InducedPair], corpus: String, sourceLanguage: String?, targetLanguage: String?
  ) -> [LexiconEntry] {
    var entries: [LexiconEntry] = []
    let source = "induced from \(corpus)"
    let headwordLanguage = sourceLanguage.map { LanguageTag($0) }
    let translationLanguage = targetLanguage.map { LanguageTag($0) }
    for pair in pairs {
      let translation = Translation(Form(pair.target, language: translationLanguage), score: pair.score, source: source)
      if var last = entries.last, last.headword.text == pair.source {
        last.senses[0].translations.append(translation)
        entries[entries.count - 1] = last
      } else {
        entries.append(
          LexiconEntry(
            headword: Form(pair.source, language: headwordLanguage), senses: [Sense(translations: [translation])],
            provenance: Provenance(path: corpus, format: "induced")))
      }
    }
    return entries
  }
}
