import LexiformCore
import XCTest

@testable import LexiformInflection

/// Finite-difference checks of the autodiff: every parameter of a small
/// network (embeddings, both LSTM directions with padding masks, attention
/// or the transducer's pointer, output layers, cross-entropy) gets the
/// gradient the loss's slope says, for both decoders.
final class NeuralGradientTests: XCTestCase {
  func makeNetwork(_ architecture: NeuralArchitecture = .attention) -> (NeuralNetwork, [NeuralSource], [[Int32]]) {
    var h = NeuralHyperparameters()
    h.architecture = architecture
    h.characterEmbedding = 5
    h.featureEmbedding = 3
    h.encoderHidden = 4
    h.decoderHidden = 6
    h.dropout = 0
    let network = NeuralNetwork(hyperparameters: h, symbols: 9, features: 7, seed: 3)
    // Larger weights than the default initialization, so gradients are not tiny.
    var random = SeededRandom(seed: 11)
    for p in network.parameters.parameters {
      for i in p.value.indices { p.value[i] = Float(random.unitDouble() * 1.2 - 0.6) }
    }
    let sources = [
      NeuralSource(symbols: [1, 4, 5, 6, 2], features: [4, 5]),
      NeuralSource(symbols: [1, 7, 2], features: [6]),
      NeuralSource(symbols: [1, 8, 4, 2], features: []),
    ]
    let targets: [[Int32]] = [[4, 5, 7, 2], [7, 2], [8, 8, 4, 6, 2]]
    return (network, sources, targets)
  }

  func loss(_ network: NeuralNetwork, _ sources: [NeuralSource], _ targets: [[Int32]]) -> (Double, Graph, Tensor) {
    let graph = Graph(recordsTape: true)
    var random = SeededRandom(seed: 0)
    let l = network.loss(graph: graph, sources: sources, targets: targets, scale: 1.0 / 3, random: &random)
    return (Double(l.value[0]), graph, l)
  }

  func testGradientsMatchFiniteDifferences() {
    for architecture in NeuralArchitecture.allCases {
      checkGradients(architecture)
    }
  }

  func checkGradients(_ architecture: NeuralArchitecture) {
    let (network, sources, targets) = makeNetwork(architecture)
    let (_, graph, l) = loss(network, sources, targets)
    graph.backward(from: l)
    let gradients = graph.parameterGradients()
    var checked = 0
    var random = SeededRandom(seed: 5)
    for p in network.parameters.parameters {
      guard let g = gradients[p.index] else {
        XCTFail("no gradient for \(p.name)")
        continue
      }
      // Six entries per parameter, the largest-gradient one among them.
      var entries = (0..<5).map { _ in random.uniform(below: p.value.count) }
      entries.append(g.indices.max { abs(g[$0]) < abs(g[$1]) } ?? 0)
      for i in entries {
        let saved = p.value[i]
        let eps: Float = 1e-2
        p.value[i] = saved + eps
        let plus = loss(network, sources, targets).0
        p.value[i] = saved - eps
        let minus = loss(network, sources, targets).0
        p.value[i] = saved
        let numeric = (plus - minus) / Double(2 * eps)
        let analytic = Double(g[i])
        let tolerance = 2e-3 + 2e-2 * max(abs(numeric), abs(analytic))
        XCTAssertEqual(analytic, numeric, accuracy: tolerance, "\(architecture): \(p.name)[\(i)]")
        checked += 1
      }
    }
    XCTAssertEqual(checked, network.parameters.parameters.count * 6)
  }

  func testBatchLossIsTheSumOfTheRowsLosses() {
    // Padding (of sources, targets and action sequences) must not change
    // any row's loss: a batch's loss is the sum of its rows' losses alone.
    for architecture in NeuralArchitecture.allCases {
      let (network, sources, targets) = makeNetwork(architecture)
      let together = loss(network, sources, targets).0
      var alone = 0.0
      for k in sources.indices { alone += loss(network, [sources[k]], [targets[k]]).0 }
      XCTAssertEqual(together, alone, accuracy: 1e-4 * max(1, abs(alone)), "\(architecture)")
    }
  }

  func testPaddedRowsGetNoGradientFromPadding() {
    // The same source alone and padded in a batch with a longer one: the
    // loss of its row must not change (masks keep the encoder's states).
    let (network, sources, targets) = makeNetwork()
    let alone = loss(network, [sources[1]], [targets[1]]).0
    let graph = Graph(recordsTape: false)
    var random = SeededRandom(seed: 0)
    let both = network.loss(
      graph: graph, sources: [sources[0], sources[1]], targets: [[], targets[1]], scale: 1.0 / 3, random: &random)
    XCTAssertEqual(Double(both.value[0]), alone, accuracy: 1e-4)
  }
}
