import LexiformCore
import LexiformParallelText
import XCTest
import _LexiformTestSupport

final class FilterTests: XCTestCase {
  func verdicts(_ options: ParallelFilterOptions, _ pairs: [(String, String)]) -> ([ParallelFilterName?], ParallelFilter) {
    let filter = ParallelFilter(options: options)
    return (pairs.map { filter.check([Substring($0.0), Substring($0.1)]) }, filter)
  }

  func testEachFilter() {
    var options = ParallelFilterOptions()
    options.minLength = 2
    options.maxLengthRatio = 3
    options.removesIdentical = true
    options.deduplication = .near
    options.testSetHashes = [ParallelFilter.nearHash("The test sentence.")]
    options.minScriptShare = 0.8
    options.languages = ["en", "uk"]
    options.maxDigitShare = 0.5
    options.maxPunctuationShare = 0.5
    options.maxRepeats = 2
    let (result, filter) = verdicts(
      options,
      [
        ("Good morning", "Добрий ранок"),
        ("  ", "Ніч"),
        ("A", "Б"),
        ("Hello there", "Привіт тобі, мій дорогий друже, як ся маєш сьогодні"),
        ("Same text", "Same text"),
        ("good MORNING!", "Добрий  ранок"),
        ("the test sentence", "тестове речення"),
        ("Good evening", "Good evening друже"),
        ("12345 678", "12345 678 а"),
        ("?!?!?! ...", "?!?! ..."),
        ("no no no no", "ні ні ні ні"),
      ])
    XCTAssertEqual(
      result,
      [nil, .empty, .length, .ratio, .identical, .duplicate, .testOverlap, .script, .digits, .punctuation, .repeats])
    XCTAssertEqual(filter.kept, 1)
    XCTAssertEqual(filter.removed[.duplicate], 1)
  }

  func testTokenLengthsAndExactDuplicates() {
    var options = ParallelFilterOptions()
    options.lengthUnit = .tokens
    options.maxLength = 3
    options.deduplication = .exact
    let (result, _) = verdicts(options, [("a b c", "x y"), ("a  b c", "x y"), ("A b c", "x y"), ("a b c d", "x")])
    XCTAssertEqual(result, [nil, .duplicate, nil, .length])
  }

  func testSplitIsDeterministicAndFollowsShares() {
    let split = ContentSplit(names: ["train", "dev", "test"], shares: [0.8, 0.1, 0.1], seed: 7)
    var counts = [0, 0, 0]
    for i in 0..<10_000 {
      let pair: [Substring] = ["sentence \(i)", "Satz \(i)"]
      let part = split.part(of: pair)
      XCTAssertEqual(part, split.part(of: pair))
      counts[part] += 1
    }
    XCTAssertEqual(Double(counts[0]) / 10_000, 0.8, accuracy: 0.03)
    XCTAssertEqual(Double(counts[1]) / 10_000, 0.1, accuracy: 0.02)
    let other = ContentSplit(names: ["train", "dev", "test"], shares: [0.8, 0.1, 0.1], seed: 8)
    XCTAssertNotEqual(
      (0..<200).map { split.part(of: ["s \($0)", "t"]) }, (0..<200).map { other.part(of: ["s \($0)", "t"]) })
  }
}

final class InductionTests: XCTestCase {
  func testToyCorpusPairsWordsWithTheirTranslations() throws {
    let inducer = try LexiconInducer()
    let pairs = [
      ("the house", "das Haus"), ("the book", "das Buch"), ("a book", "ein Buch"), ("a house", "ein Haus"),
      ("the small house", "das kleine Haus"), ("a small book", "ein kleines Buch"), ("small", "klein"),
    ]
    for _ in 0..<3 { for (s, t) in pairs { try inducer.add(source: s, target: t) } }
    let result = inducer.induce()
    func best(_ word: String) -> String? { result.first { $0.source == word }?.target }
    XCTAssertEqual(best("house"), "haus")
    XCTAssertEqual(best("book"), "buch")
    XCTAssertEqual(best("the"), "das")
    XCTAssertEqual(best("a"), "ein")
    let entries = LexiconInducer.entries(result, corpus: "toy.tsv", sourceLanguage: "en", targetLanguage: "de")
    XCTAssertEqual(entries.first?.senses.first?.translations.first?.source, "induced from toy.tsv")
    XCTAssertNotNil(entries.first?.senses.first?.translations.first?.score)
  }

  /// Names in Swahili and K'iche' Bibles come out as each other's best translation.
  func testProperNamesFromTwoSharedBibles() throws {
    let folder = try sharedDataURL("bible")
    let aligner = BibleAligner(readers: [
      try BibleCESReader(path: folder + "/Swahili-NT.xml"), try BibleCESReader(path: folder + "/K'iche'-NT.xml"),
    ])
    let forward = try LexiconInducer()
    let backward = try LexiconInducer()
    while let segment = try aligner.next() {
      try forward.add(source: segment.texts[0], target: segment.texts[1])
      try backward.add(source: segment.texts[1], target: segment.texts[0])
    }
    let there = forward.induce()
    let back = backward.induce()
    func best(_ pairs: [InducedPair], _ word: String) -> String? { pairs.first { $0.source == word }?.target }
    for (swahili, kiche) in [("abrahamu", "abʼraham"), ("isaka", "isaʼak"), ("daudi", "david"), ("yesu", "jesus")] {
      XCTAssertEqual(best(there, swahili), kiche, swahili)
      XCTAssertEqual(best(back, kiche), swahili, kiche)
    }
  }
}

final class WriterTests: XCTestCase {
  func testEveryFormatRoundTripsThroughTheReaders() throws {
    let dir = try TemporaryDirectory()
    let segments = [
      ParallelSegment(
        id: "u1", texts: ["Fish & <chips>\t now", "Samaki \"na\" chipsi"], languages: ["en", "sw"],
        properties: [ParallelProperty(type: "x-domain", value: "food")]),
      ParallelSegment(id: "u2", texts: ["Two\nlines", "Mistari miwili"], languages: ["en", "sw"]),
    ]
    for format in ParallelOutputFormat.allCases {
      let path = dir.file("out.\(format.rawValue)")
      let writer = ParallelWriter(format: format, path: path, writesIDs: format == .tsv)
      for segment in segments { try writer.write(segment) }
      try writer.finish()
      XCTAssertEqual(writer.count, 2)
    }
    XCTAssertEqual(
      try String(contentsOfFile: dir.file("out.tsv"), encoding: .utf8),
      "u1\tFish & <chips> now\tSamaki \"na\" chipsi\nu2\tTwo lines\tMistari miwili\n")
    let tmx = try readAll(TMXReader(path: dir.file("out.tmx")))
    XCTAssertEqual(tmx.map(\.texts), segments.map(\.texts))
    XCTAssertEqual(tmx.first?.properties, segments[0].properties)
    let moses = try readAll(MosesReader(paths: [dir.file("out.moses.en"), dir.file("out.moses.sw")]))
    XCTAssertEqual(moses.map(\.texts), [["Fish & <chips> now", "Samaki \"na\" chipsi"], ["Two lines", "Mistari miwili"]])
    let json = try String(contentsOfFile: dir.file("out.jsonl"), encoding: .utf8)
    XCTAssertTrue(
      json.hasPrefix(#"{"id":"u1","langs":["en","sw"],"texts":["Fish & <chips>\t now","Samaki \"na\" chipsi"],"props":[{"type":"x-domain","value":"food"}]}"#),
      json)
  }

  func testWhitespaceNormalization() {
    XCTAssertEqual(normalizeWhitespace("  a \t b\n\u{00A0}c  "), "a b c")
    XCTAssertEqual(normalizeWhitespace("plain text"), "plain text")
    XCTAssertEqual(normalizeWhitespace(""), "")
    XCTAssertEqual(normalizeWhitespace(" "), "")
    // Every White_Space character outside ASCII, and look-alikes that are not.
    let spaces: [Unicode.Scalar] = [
      "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}",
      "\u{205F}", "\u{3000}",
    ]
    for space in spaces {
      XCTAssertEqual(normalizeWhitespace("x\(space)y\(space)"), "x y", "U+\(String(space.value, radix: 16))")
    }
    for other in ["\u{200B}", "\u{200D}", "\u{2060}", "\u{2010}", "é", "ሀ", "𐐷"] {
      XCTAssertEqual(normalizeWhitespace("x\(other)y"), "x\(other)y", other)
    }
    // Agrees with Unicode's White_Space on every scalar of the BMP.
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = scalar.properties.isWhitespace ? "a b" : "a\(scalar)b"
      XCTAssertEqual(normalizeWhitespace("a\(scalar)b"), expected, "U+\(String(value, radix: 16))")
    }
  }
}
