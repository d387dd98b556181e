import LexiformCore

/// Greedy and beam-search decoding of the hard monotonic transducer, with
/// one network or an ensemble whose members' log probabilities are
/// averaged at each step (Makarov & Clematide 2018).
///
/// Only valid actions are considered: copy and delete while the pointer
/// is on a lemma symbol, end only after the last one, and no output beyond
/// the length limit (so every search ends). A copy outputs the lemma's own
/// symbol (``DecodedHypothesis/attended`` records its position, so that an
/// unknown character is spelled as it was written); a re-marking copy
/// outputs `-1 - tail`, spelled as the base of the lemma's cluster there
/// with that tail.
struct TransducerSearch: Sendable {
  /// The ensemble's members (one for a single model), ready for prediction.
  let runtimes: [TransducerRuntime]
  let actions: EditActions

  /// A search with `runtimes` (from networks that share their vocabularies).
  init(runtimes: [TransducerRuntime], actions: EditActions) {
    self.runtimes = runtimes
    self.actions = actions
  }

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

  /// Whether `action` may follow in `row` for a lemma of `lemmaCount` symbols.
  private func isValid(_ action: Int32, _ row: Row, lemmaCount: Int, maxLength: Int) -> Bool {
    let onLemma = row.pointer <= lemmaCount
    let canOutput = row.hypothesis.symbols.count < maxLength
    if action == EditActions.end { return !onLemma }
    if action == actions.copy { return onLemma && canOutput }
    if action == actions.delete { return onLemma }
    if actions.remarkTail(action) != nil { return onLemma && canOutput }
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
    } else if let tail = actions.remarkTail(action) {
      // A negative symbol: the base of the lemma's symbol at `attended`, with tail `-1 - symbol`.
      next.hypothesis.symbols.append(-1 - tail)
      next.hypothesis.attended.append(row.pointer)
      next.pointer += 1
    } else if action != EditActions.end {
      next.hypothesis.symbols.append(action)
      next.hypothesis.attended.append(row.pointer)
    }
    return next
  }

  /// Beam search for a batch of sources at once: every source keeps the
  /// `width` best partial action sequences by total log probability, and
  /// the hypotheses of all sources go through the network together. Width
  /// 1 is greedy decoding (the most probable valid action at each step).
  /// - Parameters:
  ///   - sources: The sources.
  ///   - width: The beam width (at least 1).
  ///   - maxLength: The most output symbols for a source.
  /// - Returns: Per source, its complete hypotheses, best first (at most `width`).
  /// - Complexity: O(sources × width × (lemma length + maxLength)) network rows, batched.
  func search(sources: [NeuralSource], width: Int, maxLength: (NeuralSource) -> Int) -> [[DecodedHypothesis]] {
    guard !sources.isEmpty else { return [] }
    let width = max(1, width)
    let encoded = runtimes.map { $0.encode(sources) }
    let h = runtimes[0].hidden
    var hidden = encoded.map(\.initialHidden)
    var cell = encoded.map { [Float](repeating: 0, count: $0.initialHidden.count) }
    let limits = sources.map(maxLength)
    let lemmaCounts = sources.map { $0.symbols.count - 2 }
    var rows = sources.indices.map { Row(source: $0) }
    var finished = [[DecodedHypothesis]](repeating: [], count: sources.count)
    let count = actions.count
    let weight = 1 / Float(runtimes.count)
    while !rows.isEmpty {
      var logProbs = [Float](repeating: 0, count: rows.count * count)
      let inputs = rows.map { (source: $0.source, pointer: $0.pointer, previous: $0.previous) }
      for m in runtimes.indices {
        runtimes[m].step(
          encoded[m], rows: inputs, hiddenState: &hidden[m], cellState: &cell[m], weight: weight,
          logProbs: &logProbs)
      }
      var next: [Row] = []
      var keep: [Int] = []
      var first = 0
      while first < rows.count {
        // The rows of one source are contiguous.
        let s = rows[first].source
        var last = first
        while last + 1 < rows.count && rows[last + 1].source == s { last += 1 }
        // The best candidates (score, row, action), best first; ties by row
        // then action. Only as many as the source still needs.
        let needed = width - finished[s].count
        var candidates: [(score: Float, row: Int, action: Int32)] = []
        candidates.reserveCapacity(needed + 1)
        for r in first...last {
          for j in 0..<count where isValid(Int32(j), rows[r], lemmaCount: lemmaCounts[s], maxLength: limits[s]) {
            let score = rows[r].hypothesis.score + logProbs[r * count + j]
            // Rows and actions come in increasing order, so a tie ranks after.
            if candidates.count == needed, let worst = candidates.last, !(score > worst.score) { continue }
            var k = candidates.count
            while k > 0 && score > candidates[k - 1].score { k -= 1 }
            candidates.insert((score, r, Int32(j)), at: k)
            if candidates.count > needed { candidates.removeLast() }
          }
        }
        var kept = 0
        for c in candidates {
          if kept + finished[s].count >= width { break }
          let moved = apply(c.action, to: rows[c.row], score: c.score, source: sources[s])
          if c.action == EditActions.end {
            finished[s].append(moved.hypothesis)
          } else {
            next.append(moved)
            keep.append(c.row)
            kept += 1
          }
        }
        first = last + 1
      }
      if keep != Array(rows.indices) {
        for m in runtimes.indices {
          hidden[m] = Self.selecting(keep, of: hidden[m], width: h)
          cell[m] = Self.selecting(keep, of: cell[m], width: h)
        }
      }
      rows = next
    }
    return finished.map { $0.sorted { $0.score > $1.score } }
  }

  /// The given rows of a row-major matrix of `width` columns, in order.
  private static func selecting(_ rows: [Int], of matrix: [Float], width: Int) -> [Float] {
    var out = [Float](repeating: 0, count: rows.count * width)
    matrix.withUnsafeBufferPointer { mp in
      out.withUnsafeMutableBufferPointer { op in
        for (r, source) in rows.enumerated() {
          (op.baseAddress! + r * width).update(from: mp.baseAddress! + source * width, count: width)
        }
      }
    }
    return out
  }
}
