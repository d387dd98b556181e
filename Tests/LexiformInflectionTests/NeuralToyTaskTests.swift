import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformInflection

/// Reads a `lemma<TAB>tags<TAB>form` fixture.
func readNeuralFixture(_ name: String) throws -> [InflectionExample] {
  let path = try fixturePath("neural/\(name)")
  let text = try String(contentsOfFile: path, encoding: .utf8)
  return text.split(separator: "\n").map { line in
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return InflectionExample(lemma: f[0], tags: f[1], form: f[2])
  }
}

/// Small, fast settings for the toy tasks.
func toyHyperparameters() -> NeuralHyperparameters {
  var h = NeuralHyperparameters()
  h.characterEmbedding = 32
  h.featureEmbedding = 16
  h.encoderHidden = 64
  h.decoderHidden = 96
  h.dropout = 0.1
  return h
}

/// The model must learn each toy task exactly: copy, reverse, suffixation
/// by feature (`N;PL` → `-en`, `N;DAT;PL` → `-ern`), prefix + suffix
/// (`V;PST;PTCP` → `ge-…-t`) and vowel harmony by rule (`N;PL;HARM` →
/// `-lar` after a back vowel, `-ler` after a front one), on lemmas never
/// seen in training (fixtures from `Fixtures/neural/make_toy.py`).
///
/// The soft-attention decoder learns all five. The hard monotonic
/// transducer learns the four monotonic ones; reversal is outside what it
/// expresses (its pointer only moves forward, so a reversed word must be
/// deleted and then re-inserted from memory), which is why
/// `--architecture attention` exists.
final class NeuralToyTaskTests: XCTestCase {
  func testAttentionLearnsAllToyTasksExactly() throws {
    // Seed 1 reaches 100% at epoch 4; the transducer at epoch 2.
    try check(.attention, tasks: { _ in true })
  }

  func testTransducerLearnsTheMonotonicToyTasksExactly() throws {
    try check(.transducer, tasks: { $0.tags != "REV" })
  }

  func check(_ architecture: NeuralArchitecture, tasks: (InflectionExample) -> Bool) throws {
    let train = try readNeuralFixture("toy.trn").filter(tasks)
    let test = try readNeuralFixture("toy.tst").filter(tasks)
    var options = NeuralTrainingOptions()
    options.seed = 1
    options.maxEpochs = 20
    options.patience = 20
    options.targetAccuracy = 100
    options.hallucination = .off
    options.learningRate = 0.003
    if ProcessInfo.processInfo.environment["LEXIFORM_NEURAL_VERBOSE"] != nil {
      options.progress = { FileHandle.standardError.write(($0 + "\n").data(using: .utf8) ?? Data()) }
    }
    var h = toyHyperparameters()
    h.architecture = architecture
    let model = try NeuralTrainer.train(train: train, dev: test, hyperparameters: h, options: options)
    model.beamWidth = 1
    let predicted = model.predictGreedy(test.map { ($0.lemma, $0.tags) })
    var wrong: [String] = []
    for (p, e) in zip(predicted, test) where p != e.form {
      wrong.append("\(e.lemma)\t\(e.tags)\texpected \(e.form ?? "")\tgot \(p)")
    }
    XCTAssert(
      wrong.isEmpty,
      "\(architecture): \(wrong.count) of \(test.count) wrong:\n" + wrong.prefix(20).joined(separator: "\n"))
  }
}
