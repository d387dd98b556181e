import LexiformCore
import LexiformParallelText
import XCTest
import _LexiformTestSupport

/// Reads every segment of a reader.
func readAll(_ reader: any ParallelReader) throws -> [ParallelSegment] {
  var segments: [ParallelSegment] = []
  while let segment = try reader.next() { segments.append(segment) }
  return segments
}

/// The error a throwing call raises, as its description.
func errorText(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch {
    return "\(error)"
  }
}

final class MosesReaderTests: XCTestCase {
  func testPairsLinesAndTakesLanguagesFromExtensions() throws {
    let dir = try TemporaryDirectory()
    let en = try dir.write("Hello\nGood  night\n", to: "c.en")
    let de = try dir.write("Hallo\r\nGute Nacht\r\n", to: "c.de")
    let reader = try MosesReader(paths: [en, de])
    let segments = try readAll(reader)
    XCTAssertEqual(segments.map(\.texts), [["Hello", "Hallo"], ["Good  night", "Gute Nacht"]])
    XCTAssertEqual(reader.languages, ["en", "de"])
    XCTAssertEqual(segments[1].location?.description, "\(en):2")
  }

  func testLineCountMismatchNamesBothFilesAndTheLine() throws {
    let dir = try TemporaryDirectory()
    let en = try dir.write("a\nb\nc\n", to: "c.en")
    let de = try dir.write("x\ny\n", to: "c.de")
    let reader = try MosesReader(paths: [en, de])
    let message = errorText { _ = try readAll(reader) }
    XCTAssertEqual(message, "\(en):3: error: expected as many lines as \(de) (2), found more: \(de) ends after line 2")
  }

  func testLanguageFromExtension() {
    XCTAssertEqual(MosesReader.languageFromExtension("a/train.de.gz"), "de")
    XCTAssertEqual(MosesReader.languageFromExtension("train.pt-BR"), "pt-BR")
    XCTAssertEqual(MosesReader.languageFromExtension("train.txt"), "")
    XCTAssertEqual(MosesReader.languageFromExtension("train"), "")
  }
}

final class TMXReaderTests: XCTestCase {
  let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4">
    <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
    <body>
    <tu tuid="1">
      <prop type="x-domain">law</prop>
      <note>ignored</note>
      <tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Enter<ept i="1">&lt;/b&gt;</ept> <ph x="1">{0}</ph>now &amp; <hi type="em">here</hi>.</seg></tuv>
      <tuv xml:lang="de-DE"><prop type="x-reviewed">yes</prop><seg>Drücken Sie <it pos="begin">&lt;i&gt;<sub>alt</sub></it>Enter.</seg></tuv>
      <tuv xml:lang="fr"><seg>Appuyez sur Entrée.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="EN"><seg>Old style</seg></tuv>
      <tuv lang="DE"><seg>Alter Stil</seg></tuv>
    </tu>
    </body>
    </tmx>
    """

  func testInlineMarkupLanguagesAndProperties() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(memory, to: "m.tmx")
    let reader = try TMXReader(path: path)
    let segments = try readAll(reader)
    XCTAssertEqual(segments.count, 2)
    XCTAssertEqual(segments[0].id, "1")
    XCTAssertEqual(segments[0].languages, ["en", "de-DE", "fr"])
    XCTAssertEqual(segments[0].texts, ["Press Enter now & here.", "Drücken Sie Enter.", "Appuyez sur Entrée."])
    XCTAssertEqual(
      segments[0].properties,
      [ParallelProperty(type: "x-domain", value: "law"), ParallelProperty(type: "x-reviewed", value: "yes", language: "de-DE")])
    XCTAssertEqual(segments[0].location?.description, "\(path):5:1")
    XCTAssertEqual(segments[1].languages, ["EN", "DE"])
    XCTAssertEqual(reader.sourceLanguage, "en")
  }

  func testLanguageSelectionMatchesBaseLanguagesAndSkipsUnitsWithout() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(memory, to: "m.tmx")
    let reader = try TMXReader(path: path, options: ParallelReaderOptions(languages: ["de", "fr"]))
    let segments = try readAll(reader)
    XCTAssertEqual(segments.map(\.texts), [["Drücken Sie Enter.", "Appuyez sur Entrée."]])
    XCTAssertEqual(reader.skipped.count(for: "units without a <tuv> in fr"), 1)
  }

  func testVariantWithoutSegIsLocatedAndLenientModeSkipsIt() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(
      """
      <tmx version="1.4"><header srclang="en"/><body>
      <tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu>
      <tu>
        <tuv xml:lang="en"><seg>c</seg></tuv>
        <tuv xml:lang="de"></tuv>
      </tu>
      <tu></tu>
      </body></tmx>
      """, to: "bad.tmx")
    let message = errorText { _ = try readAll(TMXReader(path: path)) }
    XCTAssertEqual(message, "\(path):5:3: error: expected <seg> in <tuv xml:lang=\"de\">, found </tuv>")
    let lenient = try TMXReader(path: path, options: ParallelReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.texts), [["a", "b"]])
    XCTAssertEqual(lenient.skipped.count(for: "units without a <seg>"), 2)
  }

  func testMalformedXMLIsLocated() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("<tmx><body><tu><tuv xml:lang=\"en\"><seg>a</tuv></tu></body></tmx>", to: "broken.tmx")
    let message = errorText { _ = try readAll(TMXReader(path: path)) } ?? ""
    XCTAssertTrue(message.hasPrefix("\(path):1:"), message)
  }
}

final class XCESReaderTests: XCTestCase {
  func makeCorpus(_ dir: TemporaryDirectory) throws -> String {
    try FileManager.default.createDirectory(atPath: dir.file("en"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir.file("fr"), withIntermediateDirectories: true)
    _ = try dir.write(
      """
      <?xml version="1.0"?>
      <document><p>
      <s id="1">One.</s>
      <s id="2">Two</s>
      <s id="3">and three.</s>
      <s id="4"><w id="4.1">Four</w><w id="4.2">words</w><w id="4.3">here</w></s>
      <s id="5">Five.</s>
      </p></document>
      """, to: "en/doc.xml")
    _ = try dir.write(
      """
      <document>
      <s id="1">Un.</s>
      <s id="2">Deux et trois.</s>
      <s id="3">Quatre</s>
      <s id="4">mots.</s>
      <s id="5">Note.</s>
      </document>
      """, to: "fr/doc.xml")
    return try dir.write(
      """
      <?xml version="1.0" encoding="utf-8"?>
      <!DOCTYPE cesAlign PUBLIC "-//CES//DTD XML cesAlign//EN" "">
      <cesAlign version="1.0">
      <linkGrp targType="s" fromDoc="en/doc.xml.gz" toDoc="fr/doc.xml">
      <link xtargets="1;1"/>
      <link xtargets="2 3;2"/>
      <link xtargets="4;3 4"/>
      <link xtargets=";5"/>
      <link xtargets="5;"/>
      </linkGrp>
      </cesAlign>
      """, to: "en-fr.xml")
  }

  func testOneToManyLinksAndEmptySides() throws {
    let dir = try TemporaryDirectory()
    let reader = try XCESAlignmentReader(path: try makeCorpus(dir))
    let segments = try readAll(reader)
    XCTAssertEqual(
      segments.map(\.texts),
      [["One.", "Un."], ["Two and three.", "Deux et trois."], ["Four words here", "Quatre mots."]])
    XCTAssertEqual(segments.map(\.id), ["1;1", "2 3;2", "4;3 4"])
    XCTAssertEqual(reader.languages, ["en", "fr"])
    XCTAssertEqual(reader.skipped.total, 2)
    XCTAssertEqual(reader.linkTypeCounts, ["1-1": 1, "2-1": 1, "1-2": 1, "0-1": 1, "1-0": 1])
  }

  func testLinkTypeFilter() throws {
    let dir = try TemporaryDirectory()
    let reader = try XCESAlignmentReader(path: try makeCorpus(dir), linkTypes: ["1-1"])
    XCTAssertEqual(try readAll(reader).map(\.id), ["1;1"])
    XCTAssertEqual(reader.skipped.count(for: "links of type 2-1 (not asked for)"), 1)
  }

  func testLinkToAMissingSentenceIsLocated() throws {
    let dir = try TemporaryDirectory()
    _ = try makeCorpus(dir)
    let path = try dir.write(
      "<cesAlign>\n<linkGrp fromDoc=\"en/doc.xml\" toDoc=\"fr/doc.xml\">\n<link xtargets=\"9;1\"/>\n</linkGrp></cesAlign>",
      to: "bad.xml")
    let message = errorText { _ = try readAll(XCESAlignmentReader(path: path)) }
    XCTAssertEqual(
      message,
      "\(path):3:1: error: xtargets names sentence \"9\", which \(dir.file("en/doc.xml")) does not have (or has before an earlier link's)")
  }
}

/// Whitespace normalization (used by every writer and filter) against a
/// reference built on Unicode's White_Space property, on random strings
/// that mix ASCII, two- and three-byte letters, every kind of whitespace
/// and lead bytes shared with whitespace (U+0800, U+200B, U+3001).
final class WhitespaceNormalizationTests: XCTestCase {
  func testRandomStringsMatchTheReference() {
    let pieces: [String] = [
      "a", "b", "é", "Д", "中", "\u{0800}", "\u{200B}", "\u{3001}", "\u{1F600}", " ", " ", " ", "  ", "\t", "\n", "\r\n",
      "\u{0085}", "\u{00A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "word", "слово",
    ]
    var random = SeededRandom(seed: 29)
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...30, using: &random)
      let text = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
      let reference = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
        .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
      XCTAssertEqual(
        Array(normalizeWhitespace(text).unicodeScalars), Array(reference.unicodeScalars), text.debugDescription)
    }
  }
}
