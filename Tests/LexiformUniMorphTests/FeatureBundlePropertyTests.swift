import LexiformCore
import LexiformUniMorph
import XCTest

/// Property tests over random feature bundles from a seeded generator:
/// conjunctions, alternatives, nested layers, both separators, and labels
/// with spaces, marks and non-BMP characters.
final class FeatureBundlePropertyTests: XCTestCase {
  /// Builds random bundles; the same seed gives the same bundles.
  struct BundleGenerator {
    var random: SeededRandom

    static let labels = [
      "V", "N", "ADJ", "PST", "PRS", "IND", "SBJV", "1", "2", "3", "SG", "PL", "NOM", "ACC", "GEN", "PSS", "IN",
      "ESS", "V.PTCP", "V.CVB", "ARGAC3S", "LGSPEC1", "FOC", "INFM", " PL", "x y", "é", "e\u{301}", "ܫ", "😀", "\t",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[random.uniform(below: items.count)] }
    mutating func count(_ most: Int) -> Int { 1 + random.uniform(below: most) }

    mutating func element(depth: Int) -> FeatureElement {
      let alternatives = (0..<(random.bernoulli(0.8) ? 1 : count(3))).map { _ in
        (0..<(random.bernoulli(0.8) ? 1 : count(3))).map { _ in pick(Self.labels) }
      }
      let layer = depth < 3 && random.bernoulli(0.25) ? bundle(depth: depth + 1) : nil
      return FeatureElement(alternatives: alternatives, layer: layer)
    }

    /// A bundle; `,` appears only inside layers (depth > 0), as the grammar says.
    mutating func bundle(depth: Int = 0) -> FeatureBundle {
      let elements = (0..<count(depth == 0 ? 8 : 4)).map { _ in element(depth: depth) }
      let separators = (0..<max(0, elements.count - 1)).map { _ -> FeatureSeparator in
        depth > 0 && random.bernoulli(0.5) ? .comma : .semicolon
      }
      return FeatureBundle(elements, separators: separators)
    }
  }

  /// The same structure, element by element (`==` compares bundles as sets).
  func assertSameStructure(_ a: FeatureBundle, _ b: FeatureBundle, _ message: String) {
    XCTAssertEqual(a.separators, b.separators, message)
    XCTAssertEqual(a.elements.count, b.elements.count, message)
    for (x, y) in zip(a.elements, b.elements) {
      XCTAssertEqual(x.alternatives, y.alternatives, message)
      XCTAssertEqual(x.layer == nil, y.layer == nil, message)
      if let lx = x.layer, let ly = y.layer { assertSameStructure(lx, ly, message) }
    }
  }

  /// parse ∘ print = identity, on the structure and on the text.
  func testPrintThenParseIsIdentity() throws {
    var generator = BundleGenerator(random: SeededRandom(seed: 20_240_909))
    for _ in 0..<3_000 {
      let bundle = generator.bundle()
      let text = bundle.description
      let parsed = try FeatureBundle(parsing: text)
      assertSameStructure(parsed, bundle, String(reflecting: text))
      XCTAssertEqual(parsed, bundle, String(reflecting: text))
      XCTAssertEqual(parsed.description, text)
      XCTAssertEqual(parsed.allLabels, bundle.allLabels)
    }
  }

  /// Set equality ignores order: a shuffled bundle is equal and hashes alike.
  func testShuffledBundlesAreEqual() throws {
    var generator = BundleGenerator(random: SeededRandom(seed: 7))
    var random = SeededRandom(seed: 8)
    for _ in 0..<1_000 {
      let bundle = generator.bundle()
      var elements = bundle.elements
      random.shuffle(&elements)
      let shuffled = FeatureBundle(elements)
      XCTAssertEqual(shuffled, bundle, bundle.description)
      XCTAssertEqual(shuffled.hashValue, bundle.hashValue, bundle.description)
      XCTAssertEqual(try FeatureBundle(parsing: shuffled.description), bundle)
    }
  }

  /// Canonical order is idempotent, keeps the set, and round-trips as text.
  func testCanonicalizationIsIdempotent() throws {
    var generator = BundleGenerator(random: SeededRandom(seed: 11))
    for _ in 0..<1_000 {
      let bundle = generator.bundle()
      let canonical = bundle.canonicalized()
      XCTAssertEqual(canonical, bundle, bundle.description)
      XCTAssertEqual(canonical.canonicalized().description, canonical.description, bundle.description)
      XCTAssertEqual(try FeatureBundle(parsing: canonical.description).description, canonical.description)
    }
  }
}
