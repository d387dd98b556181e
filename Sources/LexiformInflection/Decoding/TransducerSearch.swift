import LexiformCore

/// Greedy and beam-search decoding of the hard monotonic transducer, with
/// one network or an ensemble whose members' log probabilities are
/// averaged at each step (Makarov & Clematide 2018).
///
/// Only valid actions are considered: copy and delete while the pointer
/// is on a lemma symbol, end only after the last one, and no output beyond
/// the length limit (so every search ends). A copy outputs the lemma's own
/// symbol (``DecodedHypothesis/attended`` records its position, so that an
/// unknown character is spelled as it was written).
struct TransducerSearch: Sendable {
  /// The ensemble's members (one for a single model); all share the vocabularies.
  let networks: [NeuralNetwork]

  private var actions: EditActions { networks[0].transducer!.actions }

  /// A hypothesis in progress.
  private struct Row {
    /// Its source's row in the encoded batch.
    var source: Int
    /// The pointer: 1 is the lemma's first symbol, `lemma count + 1` is past the last.
    var pointer = 1
    /// The previous action (`<s>` at the start).
    var previous = SpecialSymbols.start
    var hypothesis = DecodedHypothesis(symbols: [], score: 0, attended: [])
  }

  /// The averaged log probabilities `[rows × actions]` of one step of every member.
  private func step(graphs: [Graph], encoded: [EncodedBatch], states: inout [DecoderState], rows: [Row]) -> [Float] {
    let count = actions.count
    var logProbs = [Float](repeating: 0, count: rows.count * count)
    var none = SeededRandom(seed: 0)
    let weight = 1 / Float(networks.count)
    let sources = rows.map(\.source)
    for (m, network) in networks.enumerated() {
      let transducer = network.transducer!
      let graph = graphs[m]
      let pointed = graph.gatherRows(encoded[m].memory, rows.map { $0.source * encoded[m].steps + $0.pointer })
      let inputs = transducer.inputGates(
        graph: graph, previous: rows.map(\.previous), pointed: pointed, dropout: 0, random: &none)
      let featureGates =
        sources.elementsEqual(0..<encoded[m].featureGates.rows)
        ? encoded[m].featureGates : encoded[m].featureGates.selectingRows(sources)
      states[m] = transducer.recur(
        graph: graph, state: states[m], inputGates: inputs, featureGates: featureGates, mask: nil)
      let logits = transducer.logits(graph: graph, hidden: states[m].hidden, pointed: pointed, dropout: 0, random: &none)
      for r in rows.indices {
        let lp = Graph.logSoftmax(logits.value, row: r, width: count)
        for j in 0..<count { logProbs[r * count + j] += weight * lp[j] }
      }
    }
    return logProbs
  }

  /// Whether `action` may follow in `row` for a lemma of `lemmaCount` symbols.
  private func isValid(_ action: Int32, _ row: Row, lemmaCount: Int, maxLength: Int) -> Bool {
    let onLemma = row.pointer <= lemmaCount
    let canOutput = row.hypothesis.symbols.count < maxLength
    if action == EditActions.end { return !onLemma }
    if action == actions.copy { return onLemma && canOutput }
    if action == actions.delete { return onLemma }
    return actions.isInsertion(action) && canOutput
  }

  /// `row` after `action`, scored `score`.
  private func apply(_ action: Int32, to row: Row, score: Float, source: NeuralSource) -> Row {
    var next = row
    next.hypothesis.score = score
    next.previous = action
    if action == actions.copy {
      next.hypothesis.symbols.append(source.symbols[row.pointer])
      next.hypothesis.attended.append(row.pointer)
      next.pointer += 1
    } else if action == actions.delete {
      next.pointer += 1
    } else if action != EditActions.end {
      next.hypothesis.symbols.append(action)
      next.hypothesis.attended.append(row.pointer)
    }
    return next
  }

  /// Greedy decoding of a batch: at each step the most probable valid action.
  /// - Returns: One hypothesis per source.
  /// - Complexity: O(batch × (lemma length + maxLength)) network steps, batched.
  func greedy(sources: [NeuralSource], maxLength: (NeuralSource) -> Int) -> [DecodedHypothesis] {
    guard !sources.isEmpty else { return [] }
    let graphs = networks.map { _ in Graph(recordsTape: false) }
    var none = SeededRandom(seed: 0)
    let encoded = networks.enumerated().map { m, n in
      n.encode(graph: graphs[m], sources: sources, dropout: 0, random: &none)
    }
    var states = encoded.map(\.initial)
    let limits = sources.map(maxLength)
    var rows = sources.indices.map { Row(source: $0) }
    var results = [DecodedHypothesis](repeating: DecodedHypothesis(symbols: [], score: 0, attended: []), count: sources.count)
    let count = actions.count
    while !rows.isEmpty {
      let logProbs = step(graphs: graphs, encoded: encoded, states: &states, rows: rows)
      var keep: [Int] = []
      var next: [Row] = []
      for (r, row) in rows.enumerated() {
        let lemmaCount = sources[row.source].symbols.count - 2
        var best = EditActions.end
        var bestScore = -Float.infinity
        for j in 0..<count where isValid(Int32(j), row, lemmaCount: lemmaCount, maxLength: limits[row.source]) {
          if logProbs[r * count + j] > bestScore {
            bestScore = logProbs[r * count + j]
            best = Int32(j)
          }
        }
        let moved = apply(
          best, to: row, score: row.hypothesis.score + bestScore, source: sources[row.source])
        if best == EditActions.end {
          results[row.source] = moved.hypothesis
        } else {
          keep.append(r)
          next.append(moved)
        }
      }
      if keep.count != rows.count { states = states.map { $0.selectingRows(keep) } }
      rows = next
    }
    return results
  }

  /// Beam search for one source: keeps the `width` best partial action
  /// sequences by total log probability.
  /// - Returns: Complete hypotheses, best first (at most `width`).
  func beam(source: NeuralSource, width: Int, maxLength: Int) -> [DecodedHypothesis] {
    let width = max(1, width)
    let graphs = networks.map { _ in Graph(recordsTape: false) }
    var none = SeededRandom(seed: 0)
    let encoded = networks.enumerated().map { m, n in
      n.encode(graph: graphs[m], sources: [source], dropout: 0, random: &none)
    }
    var states = encoded.map(\.initial)
    var rows = [Row(source: 0)]
    var finished: [DecodedHypothesis] = []
    let count = actions.count
    let lemmaCount = source.symbols.count - 2
    while !rows.isEmpty && finished.count < width {
      let logProbs = step(graphs: graphs, encoded: encoded, states: &states, rows: rows)
      // Candidates: (score, row, action), best first; ties by row then action.
      var candidates: [(score: Float, row: Int, action: Int32)] = []
      for (r, row) in rows.enumerated() {
        for j in 0..<count where isValid(Int32(j), row, lemmaCount: lemmaCount, maxLength: maxLength) {
          candidates.append((row.hypothesis.score + logProbs[r * count + j], r, Int32(j)))
        }
      }
      candidates.sort { a, b in
        a.score != b.score ? a.score > b.score : (a.row != b.row ? a.row < b.row : a.action < b.action)
      }
      var next: [Row] = []
      var keep: [Int] = []
      for c in candidates {
        if next.count + finished.count >= width { break }
        let moved = apply(c.action, to: rows[c.row], score: c.score, source: source)
        if c.action == EditActions.end {
          finished.append(moved.hypothesis)
        } else {
          next.append(moved)
          keep.append(c.row)
        }
      }
      states = states.map { $0.selectingRows(keep) }
      rows = next
    }
    finished.sort { $0.score > $1.score }
    return finished
  }
}
