import LexiformCore

/// A decoded output: the symbol indices (without `</s>`), the total log
/// probability, and for each output symbol the source position attended to
/// most (for copying unknown characters).
struct DecodedHypothesis: Sendable {
  /// The output's symbol indices, `</s>` excluded.
  var symbols: [Int32]
  /// The sum of the symbols' log probabilities (`</s>` included), averaged
  /// over an ensemble's members at each step.
  var score: Float
  /// Per output symbol, the source position with the highest attention weight.
  var attended: [Int]

  /// No output, score 0.
  static let empty = DecodedHypothesis(symbols: [], score: 0, attended: [])
}

extension Tensor {
  /// A new tensor (no gradient) made of the given rows, in order.
  func selectingRows(_ rowIndices: [Int]) -> Tensor {
    var out = [Float](repeating: 0, count: rowIndices.count * cols)
    value.withUnsafeBufferPointer { vp in
      out.withUnsafeMutableBufferPointer { op in
        for (r, source) in rowIndices.enumerated() {
          (op.baseAddress! + r * cols).update(from: vp.baseAddress! + source * cols, count: cols)
        }
      }
    }
    return Tensor(rows: rowIndices.count, cols: cols, value: out, needsGrad: false)
  }
}

extension DecoderState {
  /// The state of the given rows, in order.
  func selectingRows(_ rows: [Int]) -> DecoderState {
    DecoderState(
      hidden: hidden.selectingRows(rows), cell: cell.selectingRows(rows), output: output.selectingRows(rows))
  }
}

extension EncodedBatch {
  /// A batch of `count` copies of row 0 (for beam search over one source).
  func repeatingFirstRow(_ count: Int) -> EncodedBatch {
    let memoryRows = (0..<count).flatMap { _ in Array(0..<steps) }
    return EncodedBatch(
      memory: memory.selectingRows(memoryRows), keys: keys.selectingRows(memoryRows),
      features: features.selectingRows([Int](repeating: 0, count: count)),
      featureGates: featureGates.selectingRows([Int](repeating: 0, count: count)),
      lengths: [Int](repeating: lengths[0], count: count), steps: steps,
      initial: initial.selectingRows([Int](repeating: 0, count: count)))
  }
}

/// Greedy and beam-search decoding with one network or an ensemble whose
/// members' log probabilities are averaged at each step (as in the
/// ensembles of Kann & Schütze 2016 and Makarov & Clematide 2018).
struct NeuralDecoder: Sendable {
  /// The ensemble's members (one for a single model); all share the vocabularies.
  let networks: [NeuralNetwork]

  /// The averaged log probabilities `[batch × V]` and, per row, the most
  /// attended source position, for one step of every member.
  private func step(
    graphs: [Graph], encoded: [EncodedBatch], states: inout [DecoderState], previous: [Int32]
  ) -> (logProbs: [Float], attended: [Int]) {
    let batch = previous.count
    let v = networks[0].symbolCount
    var logProbs = [Float](repeating: 0, count: batch * v)
    var attention = [Float](repeating: 0, count: batch * encoded[0].steps)
    var none = SeededRandom(seed: 0)
    let weight = 1 / Float(networks.count)
    for (m, network) in networks.enumerated() {
      let (logits, next, alpha) = network.step(
        graph: graphs[m], encoded: encoded[m], state: states[m], previous: previous, dropout: 0, random: &none)
      states[m] = next
      for r in 0..<batch {
        let lp = Graph.logSoftmax(logits.value, row: r, width: v)
        for j in 0..<v { logProbs[r * v + j] += weight * lp[j] }
      }
      for i in attention.indices { attention[i] += alpha[i] }
    }
    let steps = encoded[0].steps
    var attended = [Int](repeating: 0, count: batch)
    for r in 0..<batch {
      var best = 0
      for t in 0..<steps where attention[r * steps + t] > attention[r * steps + best] { best = t }
      attended[r] = best
    }
    return (logProbs, attended)
  }

  /// Greedy decoding of a batch: at each step the most probable symbol.
  /// - Parameters:
  ///   - sources: The sources.
  ///   - maxLength: The most output symbols per source.
  /// - Returns: One hypothesis per source.
  /// - Complexity: O(batch × maxLength) network steps, batched.
  func greedy(sources: [NeuralSource], maxLength: (NeuralSource) -> Int) -> [DecodedHypothesis] {
    guard !sources.isEmpty else { return [] }
    let graphs = networks.map { _ in Graph(recordsTape: false) }
    var none = SeededRandom(seed: 0)
    let encoded = networks.enumerated().map { m, n in
      n.encode(graph: graphs[m], sources: sources, dropout: 0, random: &none)
    }
    var states = encoded.map(\.initial)
    let batch = sources.count
    let v = networks[0].symbolCount
    let limits = sources.map(maxLength)
    var results = [DecodedHypothesis](repeating: DecodedHypothesis(symbols: [], score: 0, attended: []), count: batch)
    var done = [Bool](repeating: false, count: batch)
    var previous = [Int32](repeating: SpecialSymbols.start, count: batch)
    var length = 0
    while done.contains(false) {
      let (logProbs, attended) = step(graphs: graphs, encoded: encoded, states: &states, previous: previous)
      for r in 0..<batch where !done[r] {
        var best = Int32(SpecialSymbols.end)
        var bestScore = -Float.infinity
        for j in 0..<v where j != Int(SpecialSymbols.padding) && j != Int(SpecialSymbols.start) {
          if logProbs[r * v + j] > bestScore {
            bestScore = logProbs[r * v + j]
            best = Int32(j)
          }
        }
        results[r].score += bestScore
        if best == SpecialSymbols.end || length >= limits[r] {
          done[r] = true
        } else {
          results[r].symbols.append(best)
          results[r].attended.append(attended[r])
        }
        previous[r] = best
      }
      length += 1
    }
    return results
  }

  /// Beam search (e.g. Sutskever, Vinyals & Le 2014) for one source: keeps
  /// the `width` best partial outputs by total log probability.
  /// - Parameters:
  ///   - source: The source.
  ///   - width: The beam width (at least 1).
  ///   - maxLength: The most output symbols.
  /// - Returns: Complete hypotheses, best first (at most `width`).
  /// - Complexity: O(width × maxLength) network rows.
  func beam(source: NeuralSource, width: Int, maxLength: Int) -> [DecodedHypothesis] {
    let width = max(1, width)
    let graphs = networks.map { _ in Graph(recordsTape: false) }
    var none = SeededRandom(seed: 0)
    let encodedOne = networks.enumerated().map { m, n in
      n.encode(graph: graphs[m], sources: [source], dropout: 0, random: &none)
    }
    var cache: [Int: [EncodedBatch]] = [1: encodedOne]
    var states = encodedOne.map(\.initial)
    var active = [DecodedHypothesis(symbols: [], score: 0, attended: [])]
    var previous = [SpecialSymbols.start]
    var finished: [DecodedHypothesis] = []
    let v = networks[0].symbolCount
    var length = 0
    while !active.isEmpty && finished.count < width {
      let rows = active.count
      let encoded = cache[rows] ?? encodedOne.map { $0.repeatingFirstRow(rows) }
      cache[rows] = encoded
      let (logProbs, attended) = step(graphs: graphs, encoded: encoded, states: &states, previous: previous)
      // Candidates: (score, row, symbol), best first; ties by row then symbol.
      var candidates: [(score: Float, row: Int, symbol: Int32)] = []
      candidates.reserveCapacity(rows * v)
      for r in 0..<rows {
        for j in 0..<v where j != Int(SpecialSymbols.padding) && j != Int(SpecialSymbols.start) {
          if length >= maxLength && j != Int(SpecialSymbols.end) { continue }
          candidates.append((active[r].score + logProbs[r * v + j], r, Int32(j)))
        }
      }
      candidates.sort { a, b in
        a.score != b.score ? a.score > b.score : (a.row != b.row ? a.row < b.row : a.symbol < b.symbol)
      }
      var nextActive: [DecodedHypothesis] = []
      var nextRows: [Int] = []
      var nextPrevious: [Int32] = []
      for c in candidates {
        if nextActive.count + finished.count >= width { break }
        var h = active[c.row]
        h.score = c.score
        if c.symbol == SpecialSymbols.end {
          finished.append(h)
        } else {
          h.symbols.append(c.symbol)
          h.attended.append(attended[c.row])
          nextActive.append(h)
          nextRows.append(c.row)
          nextPrevious.append(c.symbol)
        }
      }
      active = nextActive
      previous = nextPrevious
      states = states.map { $0.selectingRows(nextRows) }
      length += 1
    }
    finished.sort { $0.score > $1.score }
    return finished
  }
}
