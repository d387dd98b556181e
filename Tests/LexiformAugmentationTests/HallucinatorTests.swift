import LexiformAugmentation
import XCTest

final class HallucinatorTests: XCTestCase {
  func testStemRegionsFindTheLongestCommonSubstringAndTheDiscontinuousRest() {
    // German participle: ge-mach-t; one region.
    XCTAssertEqual(
      Hallucinator.stemRegions(lemma: Array("machen"), form: Array("gemacht"), minimumLength: 3),
      [Hallucinator.StemRegion(lemma: 0..<4, form: 2..<6)])
    // Two regions of 3+: "kata" and "lum" around an infix.
    let lemma = Array("katalum")
    let form = Array("kataXYlumo")
    XCTAssertEqual(
      Hallucinator.stemRegions(lemma: lemma, form: form, minimumLength: 3),
      [Hallucinator.StemRegion(lemma: 0..<4, form: 0..<4), Hallucinator.StemRegion(lemma: 4..<7, form: 6..<9)])
    XCTAssertEqual(
      Hallucinator.stemRegions(lemma: lemma, form: form, minimumLength: 3, regions: .longest),
      [Hallucinator.StemRegion(lemma: 0..<4, form: 0..<4)])
    // go → went shares nothing of length 3.
    XCTAssertEqual(Hallucinator.stemRegions(lemma: Array("go"), form: Array("went"), minimumLength: 3), [])
  }

  func testStemIsReplacedTheSameInLemmaAndFormAndAffixesAreKept() throws {
    let train = [InflectionTriple(lemma: "walk", form: "walked", tags: "V;PST")]
    let hallucinator = try Hallucinator(
      alphabet: Array("xyz"), options: HallucinationOptions(count: 5, seed: 7))
    let (made, summary) = hallucinator.hallucinate(train)
    XCTAssertEqual(made.count, 5)
    XCTAssertEqual(summary.real, 1)
    XCTAssertEqual(summary.synthetic, 5)
    for triple in made {
      XCTAssertEqual(triple.tags, "V;PST")
      XCTAssertEqual(triple.form, triple.lemma + "ed")
      XCTAssertEqual(triple.lemma.count, 4)
      XCTAssertTrue(triple.lemma.allSatisfy { "xyz".contains($0) }, triple.lemma)
    }
    XCTAssertEqual(Set(made.map(\.lemma)).count, 5, "synthetic lemmas are distinct")
  }

  func testGraphemeClustersAndNFC() throws {
    // Decomposed input (e + U+0301) is NFC-normalized; an alphabet letter with
    // a combining mark is drawn whole; the okina-like U+02BC is a letter.
    let train = [InflectionTriple(lemma: "cafe\u{301}ʼa", form: "cafe\u{301}ʼana", tags: "N;PL")]
    XCTAssertEqual(Hallucinator.letters(of: train), ["a", "c", "f", "é", "n", "ʼ"].sorted {
      $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value))
    })
    let hallucinator = try Hallucinator(alphabet: ["n\u{303}"], options: HallucinationOptions(count: 1, seed: 1))
    let (made, _) = hallucinator.hallucinate(train)
    XCTAssertEqual(made, [InflectionTriple(lemma: "ññññññ", form: "ññññññna", tags: "N;PL")])
    XCTAssertEqual(Array(made[0].lemma.unicodeScalars), Array("ññññññ".unicodeScalars))
    XCTAssertEqual(made[0].lemma.unicodeScalars.first, "\u{F1}")
  }

  func testSameSeedSameOutputAndEachRowHasItsOwnStream() throws {
    let train = [
      InflectionTriple(lemma: "walk", form: "walked", tags: "V;PST"),
      InflectionTriple(lemma: "talk", form: "talking", tags: "V;V.PTCP;PRS"),
    ]
    let options = HallucinationOptions(count: 3, seed: 42)
    let a = try Hallucinator(learningFrom: train, options: options).hallucinate(train).triples
    let b = try Hallucinator(learningFrom: train, options: options).hallucinate(train).triples
    XCTAssertEqual(a, b)
    var other = options
    other.seed = 43
    XCTAssertNotEqual(a, try Hallucinator(learningFrom: train, options: other).hallucinate(train).triples)
    // Row 1 alone, at index 1, gives what it gave inside the whole file.
    let hallucinator = try Hallucinator(learningFrom: train, options: options)
    var summary = Hallucinator.Summary()
    XCTAssertEqual(hallucinator.hallucinate(train[1], index: 1, summary: &summary), Array(a[3...]))
  }

  func testRowsWithoutStemAndGivingUpAreCounted() throws {
    let train = [
      InflectionTriple(lemma: "go", form: "went", tags: "V;PST"),
      InflectionTriple(lemma: "abc", form: "abcd", tags: "X"),
    ]
    // One letter: only one synthetic stem is possible ("zzz"), so 2 of 3 are given up.
    let hallucinator = try Hallucinator(alphabet: ["z"], options: HallucinationOptions(count: 3, maximumAttempts: 2))
    let (made, summary) = hallucinator.hallucinate(train)
    XCTAssertEqual(made, [InflectionTriple(lemma: "zzz", form: "zzzd", tags: "X")])
    XCTAssertEqual(summary.withoutStem, 1)
    XCTAssertEqual(summary.givenUp, 2)
  }

  func testEmptyAlphabetIsAnError() {
    XCTAssertThrowsError(try Hallucinator(alphabet: [" "])) { error in
      XCTAssertEqual((error as? AugmentationError)?.code, .badOption)
    }
  }
}
