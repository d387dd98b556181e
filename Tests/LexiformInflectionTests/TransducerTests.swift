import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformInflection

/// The hard monotonic transducer: its oracle, its prediction runtime
/// against the training graph, batched search against one-by-one search,
/// and model files of the attention decoder written before it existed.
final class TransducerTests: XCTestCase {
  let actions = EditActions(symbolCount: 12)

  func testOracleOnHandWorkedPairs() {
    let (copy, delete) = (actions.copy, actions.delete)
    let end = EditActions.end
    // abc → abd: copy, copy, delete c, insert d, end.
    var o = actions.oracle(lemma: [4, 5, 6], form: [4, 5, 7])
    XCTAssertEqual(o.actions, [copy, copy, delete, 7, end])
    XCTAssertEqual(o.pointers, [1, 2, 3, 4, 4])
    // ab → xyab: two insertions before the first copy.
    o = actions.oracle(lemma: [4, 5], form: [8, 9, 4, 5])
    XCTAssertEqual(o.actions, [8, 9, copy, copy, end])
    XCTAssertEqual(o.pointers, [1, 1, 1, 2, 3])
    // Empty lemma; empty form.
    XCTAssertEqual(actions.oracle(lemma: [], form: [4]).actions, [4, end])
    XCTAssertEqual(actions.oracle(lemma: [4, 4], form: []).actions, [delete, delete, end])
    // aab → ab: copies as early as possible.
    XCTAssertEqual(actions.oracle(lemma: [4, 4, 5], form: [4, 5]).actions, [copy, delete, copy, end])
  }

  func testOracleReplaysToTheFormWithFewestEdits() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<300 {
      let lemma = (0..<random.uniform(below: 8)).map { _ in Int32(4 + random.uniform(below: 4)) }
      let form = (0..<random.uniform(below: 8)).map { _ in Int32(4 + random.uniform(below: 4)) }
      let o = actions.oracle(lemma: lemma, form: form)
      var pointer = 1
      var output: [Int32] = []
      for (k, a) in o.actions.enumerated() {
        XCTAssertEqual(o.pointers[k], pointer)
        if a == actions.copy {
          output.append(lemma[pointer - 1])
          pointer += 1
        } else if a == actions.delete {
          pointer += 1
        } else if a != EditActions.end {
          output.append(a)
        }
      }
      XCTAssertEqual(output, form, "\(lemma) → \(form)")
      XCTAssertEqual(pointer, lemma.count + 1)
      XCTAssertEqual(o.actions.last, EditActions.end)
      // Insertions + deletions = n + m − 2·LCS.
      let edits = o.actions.filter { $0 != actions.copy && $0 != EditActions.end }.count
      XCTAssertEqual(edits, lemma.count + form.count - 2 * longestCommonSubsequence(lemma, form))
    }
  }

  func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0..<a.count {
      for j in 0..<b.count {
        table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
      }
    }
    return table[a.count][b.count]
  }

  /// A small transducer with large random weights.
  func makeNetwork() -> NeuralNetwork {
    var h = NeuralHyperparameters()
    h.architecture = .transducer
    (h.characterEmbedding, h.featureEmbedding, h.encoderHidden, h.decoderHidden) = (6, 5, 8, 16)
    h.dropout = 0
    let network = NeuralNetwork(hyperparameters: h, symbols: 12, features: 7, seed: 3)
    var random = SeededRandom(seed: 19)
    for p in network.parameters.parameters {
      for i in p.value.indices { p.value[i] = Float(random.unitDouble() * 1.2 - 0.6) }
    }
    return network
  }

  func testRuntimeScoresTheOracleAsTheTrainingGraphDoes() {
    let network = makeNetwork()
    let runtime = TransducerRuntime(network: network)
    let sources = [
      NeuralSource(symbols: [1, 4, 5, 6, 7, 2], features: [4, 5]),
      NeuralSource(symbols: [1, 9, 2], features: [6]),
      NeuralSource(symbols: [1, 2], features: []),
    ]
    let forms: [[Int32]] = [[4, 5, 8, 8], [10, 9, 11], [4]]
    let encoded = runtime.encode(sources)
    var total: Double = 0
    for (k, source) in sources.enumerated() {
      let o = network.transducer!.actions.oracle(lemma: Array(source.symbols.dropFirst().dropLast()), form: forms[k])
      var hidden = Array(encoded.initialHidden[(k * 16)..<((k + 1) * 16)])
      var cell = [Float](repeating: 0, count: 16)
      var previous = SpecialSymbols.start
      for (s, action) in o.actions.enumerated() {
        var logProbs = [Float](repeating: 0, count: runtime.actionCount)
        runtime.step(
          encoded, rows: [(source: k, pointer: o.pointers[s], previous: previous)], hiddenState: &hidden,
          cellState: &cell, weight: 1, logProbs: &logProbs)
        total -= Double(logProbs[Int(action)])
        previous = action
      }
    }
    let graph = Graph(recordsTape: false)
    var random = SeededRandom(seed: 0)
    let loss = network.loss(
      graph: graph, sources: sources, targets: forms.map { $0 + [SpecialSymbols.end] }, scale: 1, random: &random)
    XCTAssertEqual(total, Double(loss.value[0]), accuracy: 1e-3 * max(1, total))
    XCTAssertGreaterThan(total, 1)
  }

  /// A model trained briefly on the first `rows` toy rows.
  func quickModel(_ architecture: NeuralArchitecture, rows: Int, epochs: Int) throws -> NeuralInflector {
    let train = Array(try readNeuralFixture("toy.trn").prefix(rows))
    var options = NeuralTrainingOptions()
    options.maxEpochs = epochs
    options.minimumExamplesPerEpoch = 0
    options.hallucination = .off
    var h = toyHyperparameters()
    h.architecture = architecture
    return try NeuralTrainer.train(train: train, dev: nil, hyperparameters: h, options: options)
  }

  func testBatchedSearchEqualsOneByOne() throws {
    let model = try quickModel(.transducer, rows: 240, epochs: 2)
    let inputs = try readNeuralFixture("toy.tst").prefix(40).map { (lemma: $0.lemma, tags: $0.tags) }
    for width in [1, 4] {
      model.beamWidth = width
      let batched = model.predictForms(inputs, nBest: 3, batchSize: 16, threads: 2)
      for (k, input) in inputs.enumerated() {
        let alone = model.predictForms(lemma: input.lemma, tags: input.tags, nBest: 3)
        XCTAssertEqual(batched[k].map(\.form), alone.map(\.form), "width \(width): \(input)")
        for (b, a) in zip(batched[k], alone) { XCTAssertEqual(b.score, a.score, accuracy: 1e-4) }
      }
    }
    model.beamWidth = 1
    XCTAssertEqual(model.predictGreedy(inputs).count, inputs.count)
    XCTAssertEqual(model.predictGreedy(inputs), model.predictForms(inputs).map { $0.first?.form ?? "" })
  }

  func testVersionTwoPayloadsLoadAsATransducerWithoutRemarking() throws {
    let train = Array(try readNeuralFixture("toy.trn").prefix(120))
    var options = NeuralTrainingOptions()
    (options.maxEpochs, options.minimumExamplesPerEpoch, options.hallucination) = (1, 0, .off)
    var h = toyHyperparameters()
    h.remarking = false
    let model = try NeuralTrainer.train(train: train, dev: nil, hyperparameters: h, options: options)
    var payload = try model.payload()
    XCTAssertEqual(Array(payload[36..<40]), [0, 0, 0, 0])
    payload[4] = 2
    payload.removeSubrange(36..<40)
    let header = ModelHeader(kind: "neural", description: model.modelDescription)
    let loaded = try NeuralInflector.load(payload: payload, header: header)
    XCTAssertEqual(loaded.hyperparameters, model.hyperparameters)
    XCTAssertEqual(loaded.predict(lemma: "bakodi", tags: "N;PL", nBest: 2), model.predict(lemma: "bakodi", tags: "N;PL", nBest: 2))
    // A re-marking model has more actions, hence other weight shapes.
    let remarking = try quickModel(.transducer, rows: 120, epochs: 1)
    XCTAssertEqual(Array(try remarking.payload()[36..<40]), [1, 0, 0, 0])
    XCTAssertGreaterThan(remarking.weightCount, model.weightCount)
  }

  func testVersionOnePayloadsLoadAsTheAttentionDecoder() throws {
    let model = try quickModel(.attention, rows: 120, epochs: 1)
    var payload = try model.payload()
    // Version 2 stores the architecture after the beam width (byte 32);
    // version 1 had no such field.
    // version 3 adds the re-marking flag after it (bytes 36..<40).
    XCTAssertEqual(payload[4], 3)
    payload[4] = 1
    payload.removeSubrange(32..<40)
    let header = ModelHeader(kind: "neural", description: model.modelDescription)
    let loaded = try NeuralInflector.load(payload: payload, header: header)
    XCTAssertEqual(loaded.hyperparameters.architecture, .attention)
    XCTAssertEqual(loaded.predict(lemma: "bakodi", tags: "N;PL", nBest: 2), model.predict(lemma: "bakodi", tags: "N;PL", nBest: 2))
    var bad = try model.payload()
    bad[32] = 9
    XCTAssertThrowsError(try NeuralInflector.load(payload: bad, header: header)) { error in
      XCTAssert("\(error)".contains("unknown architecture 9"), "\(error)")
    }
  }
}

/// The re-marking copies: a cluster's base copied with other marks.
final class RemarkingTests: XCTestCase {
  let table = SymbolTable(symbols: ["a", "b", "á", "ä", "ב", "בּ", "שָׁ", "שׁ", "ḗ"])
  func id(_ s: String) -> Int32 { table.index(of: s)! }

  func testClustersSplitIntoBaseAndTailThroughNFD() {
    XCTAssertEqual(SymbolMarks.split("a").base, "a")
    XCTAssertEqual(SymbolMarks.split("a").tail, "")
    XCTAssertEqual(SymbolMarks.split("ä").base, "a")
    XCTAssertEqual(SymbolMarks.split("ä").tail, "\u{308}")
    // NFD orders the marks by combining class: qamats (18) before the shin dot (24).
    XCTAssertEqual(SymbolMarks.split("\u{5E9}\u{5C1}\u{5B8}").tail.unicodeScalars.map(\.value), [0x5B8, 0x5C1])
    // ḗ (U+1E17) is e, macron, acute.
    XCTAssertEqual(SymbolMarks.split("ḗ").tail, "\u{304}\u{301}")
    let marks = SymbolMarks(symbols: table)
    XCTAssertEqual(marks.tails.map { $0.unicodeScalars.map(\.value) }, [[], [0x301], [0x308], [0x5BC], [0x5B8, 0x5C1], [0x5C1], [0x304, 0x301]])
    XCTAssertEqual(marks.tails, ["", "\u{301}", "\u{308}", "\u{5BC}", "\u{5B8}\u{5C1}", "\u{5C1}", "\u{304}\u{301}"])
    XCTAssertEqual(marks.bases[Int(id("a"))], marks.bases[Int(id("ä"))])
    XCTAssertNotEqual(marks.bases[Int(id("a"))], marks.bases[Int(id("b"))])
    XCTAssertEqual(marks.bases[Int(SpecialSymbols.start)], -1)
    XCTAssertNil(marks.remark(id("a"), into: id("b")))
    XCTAssertNil(marks.remark(SpecialSymbols.unknown, into: id("a")))
    // Spelled in NFC: a + acute is the precomposed á; an unseen base works too.
    XCTAssertEqual(marks.spell("ä", tail: marks.remark(id("a"), into: id("á"))!), "á")
    XCTAssertEqual(marks.spell("o", tail: 2), "ö")
    XCTAssertEqual(marks.spell("ä", tail: 1).unicodeScalars.map(\.value), [0xE1])
    XCTAssertEqual(marks.spell("\u{5E9}\u{5C1}", tail: 4).unicodeScalars.map(\.value), [0x5E9, 0x5B8, 0x5C1])
  }

  func testOracleRemarksInsteadOfDeletingAndInserting() {
    let actions = EditActions(symbolCount: table.count, marks: SymbolMarks(symbols: table))
    let marks = actions.marks!
    let (copy, end) = (actions.copy, EditActions.end)
    // ab → áb: one re-marking copy (acute), not delete a + insert á.
    let o = actions.oracle(lemma: [id("a"), id("b")], form: [id("á"), id("b")])
    XCTAssertEqual(o.actions, [actions.remark(marks.remark(id("a"), into: id("á"))!), copy, end])
    XCTAssertEqual(o.pointers, [1, 2, 3])
    // ä → a: re-marked with the empty tail.
    XCTAssertEqual(actions.oracle(lemma: [id("ä")], form: [id("a")]).actions, [actions.remark(0), end])
    // Different bases: still a deletion and an insertion.
    XCTAssertEqual(
      actions.oracle(lemma: [id("a")], form: [id("b")]).actions, [actions.delete, id("b"), end])
    XCTAssertEqual(actions.remarkTail(actions.remark(3)), 3)
    XCTAssertNil(actions.remarkTail(actions.delete))
    XCTAssertNil(actions.remarkTail(id("b")))
    XCTAssertEqual(actions.count, table.count + 2 + marks.tails.count)
  }

  /// On real Hebrew (vocalized, 2023), the oracle with re-marking copies
  /// replays every pair exactly and needs fewer edits than without.
  func testOracleOnVocalizedHebrew() throws {
    let text = try String(contentsOfFile: try sharedDataURL("sigmorphon2023/heb.trn"), encoding: .utf8)
    var table = SymbolTable()
    var pairs: [(lemma: [Int32], form: [Int32])] = []
    for line in text.split(separator: "\n").prefix(2_000) {
      let f = line.split(separator: "\t").map(String.init)
      guard f.count == 3 else { continue }
      pairs.append((SymbolTable.graphemes(f[0]).map { table.add($0) }, SymbolTable.graphemes(f[2]).map { table.add($0) }))
    }
    let marks = SymbolMarks(symbols: table)
    let with = EditActions(symbolCount: table.count, marks: marks)
    let without = EditActions(symbolCount: table.count)
    var (editsWith, editsWithout, remarks) = (0, 0, 0)
    for (lemma, form) in pairs {
      let o = with.oracle(lemma: lemma, form: form)
      var pointer = 1
      var output: [String] = []
      for a in o.actions {
        if a == with.copy {
          output.append(table.symbols[Int(lemma[pointer - 1])])
          pointer += 1
        } else if a == with.delete {
          pointer += 1
        } else if let t = with.remarkTail(a) {
          output.append(marks.spell(table.symbols[Int(lemma[pointer - 1])], tail: t))
          pointer += 1
          remarks += 1
        } else if a != EditActions.end {
          output.append(table.symbols[Int(a)])
        }
      }
      XCTAssertEqual(output.joined(), form.map { table.symbols[Int($0)] }.joined())
      editsWith += o.actions.filter { $0 != with.copy && $0 != EditActions.end }.count
      editsWithout += without.oracle(lemma: lemma, form: form).actions.filter {
        $0 != without.copy && $0 != EditActions.end
      }.count
    }
    XCTAssertGreaterThan(pairs.count, 1_900)
    // Measured on these 2,000 rows: see the message when this fails.
    XCTAssertGreaterThan(remarks, pairs.count, "re-marking copies: \(remarks)")
    XCTAssertLessThan(Double(editsWith), 0.8 * Double(editsWithout), "edits \(editsWith) against \(editsWithout)")
  }
}

/// The vector activations of the prediction runtime against libm.
final class VectorActivationTests: XCTestCase {
  func testVectorExpSigmoidAndTanhMatchLibm() {
    var worst: (exp: Float, sigmoid: Float, tanh: Float) = (0, 0, 0)
    var x: Float = -100
    while x <= 100 {
      let v = SIMD8<Float>((0..<8).map { x + Float($0) * 0.003 })
      let (e, s, t) = (vectorExp(v), vectorSigmoid(v), vectorTanh(v))
      for k in 0..<8 {
        let clamped = min(max(v[k], -87), 87)
        worst.exp = max(worst.exp, abs(e[k] - expf(clamped)) / expf(clamped))
        worst.sigmoid = max(worst.sigmoid, abs(s[k] - 1 / (1 + expf(-v[k]))))
        worst.tanh = max(worst.tanh, abs(t[k] - tanhf(v[k])))
      }
      x += 0.0517
    }
    XCTAssertLessThan(worst.exp, 4e-7)
    XCTAssertLessThan(worst.sigmoid, 3e-7)
    XCTAssertLessThan(worst.tanh, 6e-7)
    XCTAssertEqual(vectorExp(SIMD8(repeating: 0)), SIMD8(repeating: 1))
  }
}
