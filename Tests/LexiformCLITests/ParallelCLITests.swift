import Foundation
import XCTest
import _LexiformTestSupport

final class ParallelCLITests: XCTestCase {
  func cesBible(_ language: String, _ verses: [(String, String)]) -> String {
    var text = "<?xml version=\"1.0\"?>\n<cesDoc><cesHeader><language iso639=\"\(language)\">x</language></cesHeader>\n"
    text += "<text><body>\n"
    for (id, content) in verses { text += "<seg id=\"\(id)\" type=\"verse\">\(content)</seg>\n" }
    return text + "</body></text></cesDoc>\n"
  }

  func testHelpListsTheVerbs() throws {
    let result = try lexiform(["parallel", "--help"])
    XCTAssertEqual(result.status, 0)
    for verb in ["align", "convert", "filter", "stats", "induce"] {
      XCTAssertTrue(result.stdout.contains("\n  \(verb) "), "missing \(verb) in\n\(result.stdout)")
    }
  }

  func testAlignBiblesToTSVNormalizesAndCountsWhatIsLeftOut() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.write(cesBible("swh", [("b.MAT.1.1", "\n   Yesu\tKristo  "), ("b.MAT.1.2", "Abrahamu"), ("b.MAT.1.3", "Yuda")]), to: "a.xml")
    let b = try dir.write(cesBible("quc", [("b.MAT.1.1", "Jesus Kristo"), ("b.MAT.1.2", ""), ("b.MAT.1.3", "Juda")]), to: "b.xml")
    let result = try lexiform(["parallel", "align", a, b, "--to", "tsv", "--quiet"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "b.MAT.1.1\tYesu Kristo\tJesus Kristo\nb.MAT.1.3\tYuda\tJuda\n")
    XCTAssertTrue(result.stderr.contains("left out 1 verse: 1 × empty in \(b) (first at \(b):5:1)"), result.stderr)
  }

  func testAlignToMosesWritesOneFilePerLanguage() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.write(cesBible("swh", [("b.MAT.1.1", "Yesu")]), to: "a.xml")
    let b = try dir.write(cesBible("quc", [("b.MAT.1.1", "Jesus")]), to: "b.xml")
    let result = try lexiform(["parallel", "align", a, b, "--to", "moses", "-o", dir.file("nt"), "--quiet"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(try String(contentsOfFile: dir.file("nt.swh"), encoding: .utf8), "Yesu\n")
    XCTAssertEqual(try String(contentsOfFile: dir.file("nt.quc"), encoding: .utf8), "Jesus\n")
    let usage = try lexiform(["parallel", "align", a, b, "--to", "moses"])
    XCTAssertEqual(usage.status, 2)
    XCTAssertTrue(usage.stderr.hasPrefix("Error: --to moses needs -o PREFIX\n"), usage.stderr)
  }

  func testMalformedVerseIDExitsWithOneAndLenientSkips() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.write(cesBible("swh", [("b.MAT.1.1", "Yesu"), ("MAT-1-2", "x")]), to: "a.xml")
    let b = try dir.write(cesBible("quc", [("b.MAT.1.1", "Jesus")]), to: "b.xml")
    let strict = try lexiform(["parallel", "align", a, b])
    XCTAssertEqual(strict.status, 1)
    XCTAssertEqual(strict.stdout, "")
    XCTAssertEqual(strict.stderr, "\(a):5:1: error: expected a verse id b.BOOK.CHAPTER.VERSE, found \"MAT-1-2\"\n")
    let lenient = try lexiform(["parallel", "align", a, b, "--lenient", "--quiet"])
    XCTAssertEqual(lenient.status, 0)
    XCTAssertEqual(lenient.stdout, "b.MAT.1.1\tYesu\tJesus\n")
    XCTAssertTrue(lenient.stderr.contains("skipped 1 record: 1 × malformed verse ids (first at \(a):5:1)"), lenient.stderr)
  }

  func testConvertTMXToTSVAndMoses() throws {
    let dir = try TemporaryDirectory()
    let tmx = try dir.write(
      """
      <?xml version="1.0"?>
      <tmx version="1.4"><header srclang="en"/><body>
      <tu><tuv xml:lang="en"><seg>Hello <ph>&lt;br/&gt;</ph>world</seg></tuv><tuv xml:lang="de"><seg>Hallo Welt</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Bye</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
      </body></tmx>
      """, to: "m.tmx")
    let tsv = try lexiform(["parallel", "convert", tmx, "--langs", "en,fr", "--to", "tsv", "--quiet"])
    XCTAssertEqual(tsv.status, 0, tsv.stderr)
    XCTAssertEqual(tsv.stdout, "Hello world\tBonjour\nBye\tSalut\n")
    let german = try lexiform(["parallel", "convert", tmx, "--langs", "en,de", "--quiet"])
    XCTAssertEqual(german.stdout, "Hello world\tHallo Welt\n")
    XCTAssertTrue(german.stderr.contains("1 × units without a <tuv> in de (first at \(tmx):4:1)"), german.stderr)
    let moses = try lexiform(["parallel", "convert", tmx, "--langs", "en,fr", "--to", "moses", "-o", dir.file("c"), "--quiet"])
    XCTAssertEqual(moses.status, 0, moses.stderr)
    XCTAssertEqual(try String(contentsOfFile: dir.file("c.fr"), encoding: .utf8), "Bonjour\nSalut\n")
    // And back: Moses by prefix to TMX, then TMX to JSON lines.
    let back = try lexiform(["parallel", "convert", dir.file("c"), "--langs", "en,fr", "--to", "tmx", "-o", dir.file("c.tmx"), "--quiet"])
    XCTAssertEqual(back.status, 0, back.stderr)
    let json = try lexiform(["parallel", "convert", dir.file("c.tmx"), "--to", "jsonl"])
    XCTAssertEqual(
      json.stdout,
      "{\"langs\":[\"en\",\"fr\"],\"texts\":[\"Hello world\",\"Bonjour\"]}\n{\"langs\":[\"en\",\"fr\"],\"texts\":[\"Bye\",\"Salut\"]}\n")
  }

  func testConvertMosesLineMismatchNamesBothFiles() throws {
    let dir = try TemporaryDirectory()
    _ = try dir.write("a\nb\n", to: "c.en")
    _ = try dir.write("x\n", to: "c.fr")
    let result = try lexiform(["parallel", "convert", dir.file("c"), "--langs", "en,fr", "-o", dir.file("out.tsv")])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      "\(dir.file("c.en")):2: error: expected as many lines as \(dir.file("c.fr")) (1), found more: \(dir.file("c.fr")) ends after line 1\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.file("out.tsv")))
  }

  func testFilterCountsEachFilterAndSplits() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write(
      "Good morning\tGuten Morgen\n\tLeer\nGood morning\tGuten Morgen\nSame\tSame\n12 34 56\t12 34 56 x\nA fine day\tEin schöner Tag\n",
      to: "in.tsv")
    let report = dir.file("report.json")
    let result = try lexiform(["parallel", "filter", input, "--dedup", "exact", "--identical", "--max-digits", "0.5", "--report", report, "--quiet"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "Good morning\tGuten Morgen\nA fine day\tEin schöner Tag\n")
    let json = try String(contentsOfFile: report, encoding: .utf8)
    XCTAssertTrue(json.contains("\"pairs\":6"), json)
    XCTAssertTrue(json.contains("\"kept\":2"), json)
    XCTAssertTrue(json.contains("\"empty\":1,\"length\":0,\"ratio\":0,\"identical\":1,\"duplicate\":1"), json)
    XCTAssertTrue(json.contains("\"digits\":1"), json)
    let split = try lexiform(["parallel", "filter", input, "--split", "train=0.5,test=0.5", "-o", dir.file("part"), "--seed", "3", "--quiet"])
    XCTAssertEqual(split.status, 0, split.stderr)
    let train = try String(contentsOfFile: dir.file("part.train.tsv"), encoding: .utf8)
    let test = try String(contentsOfFile: dir.file("part.test.tsv"), encoding: .utf8)
    XCTAssertEqual(train.split(separator: "\n").count + test.split(separator: "\n").count, 5)
    let again = try lexiform(["parallel", "filter", input, "--split", "train=0.5,test=0.5", "-o", dir.file("again"), "--seed", "3", "--quiet"])
    XCTAssertEqual(again.status, 0)
    XCTAssertEqual(try String(contentsOfFile: dir.file("again.train.tsv"), encoding: .utf8), train)
  }

  func testFilterWrongColumnCountIsLocated() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write("a\tb\nc\td\te\n", to: "in.tsv")
    let result = try lexiform(["parallel", "filter", input])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "\(input):2:4: error: expected 2 columns, found 3\n")
  }

  func testInduceWritesScoredPairsBestFirst() throws {
    let dir = try TemporaryDirectory()
    var lines = ""
    for _ in 0..<3 {
      lines += "the house\tdas Haus\nthe book\tdas Buch\na book\tein Buch\na house\tein Haus\nsmall house\tkleines Haus\n"
    }
    let input = try dir.write(lines, to: "in.tsv")
    let result = try lexiform(["parallel", "induce", input, "--top", "1", "-o", dir.file("lex.tsv"), "--quiet"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lexicon = try String(contentsOfFile: dir.file("lex.tsv"), encoding: .utf8)
    let best = Dictionary(
      lexicon.split(separator: "\n").map { line -> (String, String) in
        let columns = line.split(separator: "\t")
        XCTAssertEqual(columns.count, 3)
        XCTAssertNotNil(Double(columns[2]))
        return (String(columns[0]), String(columns[1]))
      }, uniquingKeysWith: { a, _ in a })
    XCTAssertEqual(best["house"], "haus")
    XCTAssertEqual(best["book"], "buch")
    let json = try lexiform(["parallel", "induce", input, "-o", dir.file("lex.jsonl"), "--langs", "en,de", "--quiet"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let text = try String(contentsOfFile: dir.file("lex.jsonl"), encoding: .utf8)
    XCTAssertTrue(text.contains("induced from \(input)"), text)
  }

  func testStats() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write("one two\tодин два\nthree\tтри\n", to: "in.tsv")
    let result = try lexiform(["parallel", "stats", input, "--langs", "en,uk"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("segments\t2\nen\ttokens 3\t"), result.stdout)
    XCTAssertTrue(result.stdout.contains("uk\tscripts: Cyrl 100.0%"), result.stdout)
  }
}
