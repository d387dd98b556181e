#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import LexiformCore

/// How often prediction met something it had not seen in training.
public struct NeuralUnknownCounts: Sendable, Hashable {
  /// Lemma characters not in the model's alphabet (each is copied through
  /// when the model outputs `<unk>` while attending to it).
  public var characters = 0
  /// Features not in the model's feature vocabulary (each is fed as the
  /// unknown-feature embedding).
  public var features = 0
}

/// A trained neural inflection model: the vocabularies, the
/// hyperparameters and one network, or several (an ensemble, averaged at
/// each decoding step).
///
/// Prediction is safe from several threads at once.
public final class NeuralInflector: @unchecked Sendable {
  /// The sizes the networks were built with.
  public let hyperparameters: NeuralHyperparameters
  /// The alphabet: grapheme clusters of training lemmas and forms.
  public let symbols: SymbolTable
  /// The feature vocabulary (see ``FeatureSet``).
  public let features: SymbolTable
  /// The ensemble's members.
  let networks: [NeuralNetwork]
  /// The beam width used by ``predict(lemma:tags:nBest:)``; 1 is greedy.
  public var beamWidth = NeuralDefaults.beamWidth

  private var lock = pthread_mutex_t()
  private var _unknownCounts = NeuralUnknownCounts()
  /// The transducer's prediction weights, made on first use.
  private var runtimes: [TransducerRuntime]?

  init(hyperparameters: NeuralHyperparameters, symbols: SymbolTable, features: SymbolTable, networks: [NeuralNetwork]) {
    self.hyperparameters = hyperparameters
    self.symbols = symbols
    self.features = features
    self.networks = networks
    pthread_mutex_init(&lock, nil)
  }

  deinit { pthread_mutex_destroy(&lock) }

  /// The unknown characters and features met by predictions so far.
  public var unknownCounts: NeuralUnknownCounts {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return _unknownCounts
  }

  /// How many networks are averaged.
  public var ensembleSize: Int { networks.count }

  /// Total number of weights in all members.
  public var weightCount: Int { networks.reduce(0) { $0 + $1.parameters.weightCount } }

  /// An ensemble of this model's and `others`' networks.
  /// - Throws: ``InflectionError`` (`training`) when the vocabularies or sizes differ.
  public func ensembled(with others: [NeuralInflector]) throws -> NeuralInflector {
    for o in others where o.symbols != symbols || o.features != features || o.hyperparameters != hyperparameters {
      throw InflectionError(.training, at: nil, "models trained on different data or with different sizes cannot be ensembled")
    }
    let m = NeuralInflector(
      hyperparameters: hyperparameters, symbols: symbols, features: features,
      networks: networks + others.flatMap(\.networks))
    m.beamWidth = beamWidth
    return m
  }

  /// The search for a transducer model (`nil` for the attention decoder),
  /// with prediction weights made from the networks' current weights.
  func transducerSearch() -> TransducerSearch? {
    guard let actions = networks[0].transducer?.actions else { return nil }
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    if runtimes == nil { runtimes = networks.map(TransducerRuntime.init(network:)) }
    return TransducerSearch(runtimes: runtimes!, actions: actions)
  }

  /// Forgets the prediction weights: to be called when training changed the networks.
  func weightsChanged() {
    pthread_mutex_lock(&lock)
    runtimes = nil
    pthread_mutex_unlock(&lock)
  }

  // MARK: Encoding inputs

  /// A lemma and bundle as indices, the lemma's graphemes, and what was unknown.
  struct PreparedSource {
    var source: NeuralSource
    var graphemes: [String]
    var unknownCharacters: Int
    var unknownFeatures: Int
  }

  func prepare(lemma: String, tags: String) -> PreparedSource {
    let graphemes = SymbolTable.graphemes(lemma)
    var ids: [Int32] = [SpecialSymbols.start]
    var unknownCharacters = 0
    for g in graphemes {
      if let i = symbols.index(of: g) {
        ids.append(i)
      } else {
        ids.append(SpecialSymbols.unknown)
        unknownCharacters += 1
      }
    }
    ids.append(SpecialSymbols.end)
    var featureIDs: [Int32] = []
    var unknownFeatures = 0
    for f in FeatureSet.features(of: tags) {
      if let i = features.index(of: f) {
        featureIDs.append(i)
      } else {
        unknownFeatures += 1
        if !featureIDs.contains(SpecialSymbols.unknown) { featureIDs.append(SpecialSymbols.unknown) }
      }
    }
    return PreparedSource(
      source: NeuralSource(symbols: ids, features: featureIDs), graphemes: graphemes,
      unknownCharacters: unknownCharacters, unknownFeatures: unknownFeatures)
  }

  /// The most symbols an output for a lemma of `count` graphemes may have.
  static func maxLength(lemmaSymbols count: Int) -> Int {
    count * NeuralDefaults.maxOutputFactor + NeuralDefaults.maxOutputExtra
  }

  /// The output string of a hypothesis: `<unk>` is replaced by the lemma
  /// grapheme attended to (copy-through of unknown characters, after the
  /// unknown-word replacement of Luong et al. 2015, ACL).
  func spell(_ h: DecodedHypothesis, graphemes: [String]) -> String {
    var out = ""
    for (k, s) in h.symbols.enumerated() {
      if s < 0 {
        let position = h.attended[k] - 1
        if position >= 0 && position < graphemes.count, let marks = networks[0].transducer?.actions.marks {
          out += marks.spell(graphemes[position], tail: -1 - s)
        }
      } else if s == SpecialSymbols.unknown {
        let position = h.attended[k] - 1  // position 0 is <s>
        if position >= 0 && position < graphemes.count { out += graphemes[position] }
      } else if s >= SpecialSymbols.count, let text = symbols.symbol(at: s) {
        out += text
      }
    }
    return out
  }

  private func count(_ p: PreparedSource) {
    guard p.unknownCharacters > 0 || p.unknownFeatures > 0 else { return }
    pthread_mutex_lock(&lock)
    _unknownCounts.characters += p.unknownCharacters
    _unknownCounts.features += p.unknownFeatures
    pthread_mutex_unlock(&lock)
  }

  // MARK: Prediction

  /// The `nBest` most probable forms of a lemma for a feature bundle, best
  /// first, each with its log probability, by beam search of width
  /// `max(beamWidth, nBest)` (greedy when that is 1).
  /// - Parameters:
  ///   - lemma: The lemma.
  ///   - tags: The UniMorph bundle.
  ///   - nBest: How many forms (at least 1).
  /// - Returns: Up to `nBest` distinct forms with their scores.
  public func predictForms(lemma: String, tags: String, nBest: Int = 1) -> [(form: String, score: Double)] {
    let p = prepare(lemma: lemma, tags: tags)
    count(p)
    let width = max(beamWidth, nBest)
    let limit = Self.maxLength(lemmaSymbols: p.graphemes.count)
    let hypotheses: [DecodedHypothesis]
    if let search = transducerSearch() {
      hypotheses = search.search(sources: [p.source], width: width, maxLength: { _ in limit })[0]
    } else {
      let decoder = NeuralDecoder(networks: networks)
      hypotheses =
        width <= 1
        ? decoder.greedy(sources: [p.source], maxLength: { _ in limit })
        : decoder.beam(source: p.source, width: width, maxLength: limit)
    }
    return distinctForms(hypotheses, p, nBest: nBest)
  }

  /// The `nBest` most probable forms of many inputs, as
  /// ``predictForms(lemma:tags:nBest:)`` gives them one by one, decoded
  /// in batches on `threads` threads (a transducer model searches the
  /// beams of a whole batch together).
  /// - Parameters:
  ///   - inputs: `(lemma, tags)` pairs.
  ///   - nBest: How many forms per input (at least 1).
  ///   - batchSize: Inputs decoded together.
  ///   - threads: Worker threads.
  /// - Returns: Per input, up to `nBest` distinct forms with their scores, in order.
  public func predictForms(
    _ inputs: [(lemma: String, tags: String)], nBest: Int = 1, batchSize: Int = 64, threads: Int = 1
  ) -> [[(form: String, score: Double)]] {
    guard let search = transducerSearch() else {
      return parallelMap(inputs.count, threads: threads) {
        self.predictForms(lemma: inputs[$0].lemma, tags: inputs[$0].tags, nBest: nBest)
      }
    }
    let prepared = inputs.map { prepare(lemma: $0.lemma, tags: $0.tags) }
    for p in prepared { count(p) }
    let width = max(beamWidth, nBest)
    let size = max(1, batchSize)
    // Batches of lemmas of similar length waste less on padding.
    let order = prepared.indices.sorted {
      (prepared[$0].source.symbols.count, $0) < (prepared[$1].source.symbols.count, $1)
    }
    let chunks = parallelMap((prepared.count + size - 1) / size, threads: threads) { c in
      let part = order[(c * size)..<min((c + 1) * size, prepared.count)].map { prepared[$0] }
      let found = search.search(
        sources: part.map(\.source), width: width,
        maxLength: { Self.maxLength(lemmaSymbols: $0.symbols.count - 2) })
      return zip(found, part).map { hypotheses, p in self.distinctForms(hypotheses, p, nBest: nBest) }
    }
    var results = [[(form: String, score: Double)]](repeating: [], count: prepared.count)
    for (k, forms) in chunks.joined().enumerated() { results[order[k]] = forms }
    return results
  }

  /// Up to `nBest` distinct spellings of `hypotheses`, best first.
  private func distinctForms(_ hypotheses: [DecodedHypothesis], _ p: PreparedSource, nBest: Int)
    -> [(form: String, score: Double)]
  {
    var seen: Set<String> = []
    var result: [(form: String, score: Double)] = []
    for h in hypotheses {
      let form = spell(h, graphemes: p.graphemes)
      if seen.insert(form).inserted { result.append((form, Double(h.score))) }
      if result.count >= max(1, nBest) { break }
    }
    return result
  }

  /// `body(0..<count)` computed on up to `threads` threads, in order.
  private func parallelMap<T>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = UnsafeSlots<T>(count: count)
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      for k in stride(from: w, to: count, by: workers) { results[k] = body(k) }
    }
    return (0..<count).compactMap { results[$0] }
  }

  /// The greedy prediction for many inputs, batched, on `threads` threads
  /// (the fastest way to predict a whole file).
  /// - Parameters:
  ///   - inputs: `(lemma, tags)` pairs.
  ///   - batchSize: Inputs decoded together.
  ///   - threads: Worker threads.
  /// - Returns: One form per input, in order.
  public func predictGreedy(_ inputs: [(lemma: String, tags: String)], batchSize: Int = 64, threads: Int = 1)
    -> [String]
  {
    let prepared = inputs.map { prepare(lemma: $0.lemma, tags: $0.tags) }
    for p in prepared { count(p) }
    let chunks = stride(from: 0, to: prepared.count, by: max(1, batchSize)).map {
      $0..<min($0 + max(1, batchSize), prepared.count)
    }
    let results = UnsafeSlots<[String]>(count: chunks.count)
    let decoder = NeuralDecoder(networks: networks)
    let search = transducerSearch()
    let workers = max(1, min(threads, chunks.count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      for c in stride(from: w, to: chunks.count, by: workers) {
        let part = Array(prepared[chunks[c]])
        let limit = { (s: NeuralSource) in Self.maxLength(lemmaSymbols: s.symbols.count - 2) }
        let hypotheses =
          search?.search(sources: part.map(\.source), width: 1, maxLength: limit).map { $0.first ?? .empty }
          ?? decoder.greedy(sources: part.map(\.source), maxLength: limit)
        results[c] = zip(hypotheses, part).map { spell($0, graphemes: $1.graphemes) }
      }
    }
    return (0..<chunks.count).flatMap { results[$0] ?? [] }
  }
}

/// Fixed slots written by different threads (each slot by one thread),
/// read after they have all finished.
final class UnsafeSlots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value?>
  let count: Int
  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: max(1, count))
    storage.initialize(repeating: nil, count: max(1, count))
  }
  deinit {
    storage.deinitialize(count: max(1, count))
    storage.deallocate()
  }
  subscript(index: Int) -> Value? {
    get { storage[index] }
    set { storage[index] = newValue }
  }
}
