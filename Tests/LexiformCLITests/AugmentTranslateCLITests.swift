import Foundation
import XCTest
import _LexiformTestSupport

/// A fixture of LexiformAugmentationTests, shared with the CLI tests.
func augmentationFixture(_ name: String) throws -> String {
  guard let root = packageRootDirectory() else { throw XCTSkip("package root not found") }
  let path = root + "/Tests/LexiformAugmentationTests/Fixtures/" + name
  XCTAssertTrue(FileManager.default.fileExists(atPath: path), "missing fixture: \(path)")
  return path
}

final class AugmentTranslateCLITests: XCTestCase {
  func testTranslateTextFromStandardInputWithSummary() throws {
    let directory = try TemporaryDirectory()
    let summary = directory.file("summary.json")
    let result = try lexiform(
      ["augment", "translate", "--lexicon", try augmentationFixture("en-es.tsv"), "--summary", summary],
      stdin: "The red HOUSE, 2 cats.\nblorp\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "El rojo CASA, 2 cats.\nblorp\n")
    let json = try String(contentsOfFile: summary, encoding: .utf8)
    XCTAssertTrue(json.hasPrefix("{\"command\":\"translate\",\"format\":\"text\",\"lexicons\":\""), json)
    XCTAssertTrue(json.contains("\"records\":2,\"tokens\":8,\"word_tokens\":5,\"translated_tokens\":3,"), json)
    XCTAssertTrue(json.contains("\"top_untranslated\":[[\"blorp\",1],[\"cats\",1]]"), json)
    XCTAssertTrue(result.stderr.contains("translate: coverage: 60.0% of word tokens (3/5)"), result.stderr)
  }

  func testTranslateCoNLLAndMassiveFiles() throws {
    let lexicon = try augmentationFixture("en-es.tsv")
    let conll = try lexiform(
      ["augment", "translate", "--lexicon", lexicon, "--format", "conll", try augmentationFixture("ner.conll"), "--quiet"])
    XCTAssertEqual(conll.status, 0, conll.stderr)
    XCTAssertTrue(conll.stdout.contains("Ciudad\tNNP\tB-LOC\nde\tNNP\tI-LOC\nNueva\tNNP\tI-LOC\nYork\tNNP\tI-LOC\n"), conll.stdout)
    let massive = try lexiform(
      ["augment", "translate", "--lexicon", lexicon, "--format", "massive", "--tgt-lang", "es-ES",
       try augmentationFixture("massive.jsonl"), "--quiet"])
    XCTAssertEqual(massive.status, 0, massive.stderr)
    XCTAssertTrue(
      massive.stdout.contains(
        "\"locale\": \"es-ES\", \"partition\": \"test\", \"scenario\": \"general\", \"intent\": \"general_quirky\", \"utt\": \"Yo me gusta el rojo casa en Nueva York\""),
      massive.stdout)
  }

  func testMorphologyFlags() throws {
    let result = try lexiform(
      ["augment", "translate", "--lexicon", try augmentationFixture("en-es.tsv"),
       "--src-unimorph", try augmentationFixture("eng.unimorph"), "--tgt-unimorph", try augmentationFixture("spa.unimorph"),
       "--quiet"],
      stdin: "The cats walked\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "El gatos caminó\n")
    XCTAssertTrue(result.stderr.contains("morphology: 2 words analysed; 2 inflected from the target table"), result.stderr)
    let lonely = try lexiform(
      ["augment", "translate", "--lexicon", try augmentationFixture("en-es.tsv"),
       "--tgt-unimorph", try augmentationFixture("spa.unimorph")])
    XCTAssertEqual(lonely.status, 2)
    XCTAssertTrue(lonely.stderr.contains("--tgt-unimorph and --inflection-model go with --src-unimorph"), lonely.stderr)
  }

  func testInflectionModelInflectsWhatTheTargetTableLacks() throws {
    let directory = try TemporaryDirectory()
    let train = try directory.write(
      "hablar\thabló\tV;PST\ncomer\tcomió\tV;PST\nmirar\tmiró\tV;PST\nbailar\tbailó\tV;PST\nhablar\thabla\tV;PRS;3;SG\n",
      to: "spa.trn")
    let model = directory.file("spa.model")
    let trained = try lexiform(["inflect", "train", train, "-o", model, "--quiet"])
    XCTAssertEqual(trained.status, 0, trained.stderr)
    let result = try lexiform(
      ["augment", "translate", "--lexicon", try augmentationFixture("en-es.tsv"),
       "--src-unimorph", try augmentationFixture("eng.unimorph"), "--tgt-unimorph", try augmentationFixture("spa.unimorph"),
       "--inflection-model", model, "--quiet"],
      stdin: "Maria walked and sang\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "María caminó y cantó\n")
    XCTAssertTrue(
      result.stderr.contains("2 words analysed; 1 inflected from the target table, 1 by the model, 0 plain translations"),
      result.stderr)
  }

  func testSameSeedSameBytesAcrossThreadsAndShardsCoverTheInput() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write((0..<300).map { "the house and the red cat \($0)\n" }.joined(), to: "in.txt")
    let lexicons = ["--lexicon", try augmentationFixture("en-es.tsv"), "--lexicon", try augmentationFixture("en-fr.tei")]
    func run(_ extra: [String]) throws -> String {
      let result = try lexiform(
        ["augment", "codeswitch"] + lexicons + ["--ratio", "0.8", "--cross", "0.5", "--seed", "11", "--quiet", input] + extra)
      XCTAssertEqual(result.status, 0, result.stderr)
      return result.stdout
    }
    let one = try run(["--threads", "1"])
    XCTAssertEqual(one, try run(["--threads", "2"]))
    XCTAssertNotEqual(one, try run(["--threads", "1", "--seed", "12"]))
    XCTAssertTrue(one.contains("maison") && one.contains("casa"), one)
    let lines = one.split(separator: "\n", omittingEmptySubsequences: false)
    var merged = [Substring](repeating: "", count: 300)
    for shard in 0..<2 {
      for (k, line) in try run(["--shard", "\(shard)/2"]).split(separator: "\n").enumerated() {
        merged[2 * k + shard] = line
      }
    }
    XCTAssertEqual(merged, Array(lines.prefix(300)))
  }

  func testCodeswitchRecordsSwitches() throws {
    let directory = try TemporaryDirectory()
    let switches = directory.file("switches.jsonl")
    let result = try lexiform(
      ["augment", "codeswitch", "--lexicon", try augmentationFixture("en-fr.tei"), "--ratio", "1", "--cross", "1",
       "--switches", switches, "--quiet"],
      stdin: "The cat\nno match\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "Le chat\nno match\n")
    XCTAssertEqual(
      try String(contentsOfFile: switches, encoding: .utf8),
      """
      {"record":0,"switches":[{"token":0,"source":"The","target":"Le","lexicon":"fr"},{"token":1,"source":"cat","target":"chat","lexicon":"fr"}]}
      {"record":1,"switches":[]}

      """)
  }

  func testTourShowsAugmentation() throws {
    let result = try lexiform(["tour", "--seed", "3"])
    XCTAssertEqual(result.status, 0, result.stderr)
    for expected in [
      "Augmentation: lexicon-based translation", "The mwalimu alienda kwa the soko na the watoto leo.",
      "kituo/B-LOC cha/I-LOC basi/I-LOC", "[place_name : kituo cha basi] [date : kesho]\", locale sw-KE",
      "lexiform augment hallucinate fin.inflect.trn --n 2: 180 synthetic rows from 90",
    ] {
      XCTAssertTrue(result.stdout.contains(expected), "missing \(expected) in\n\(result.stdout)")
    }
  }

  func testBadInputAndUsage() throws {
    let directory = try TemporaryDirectory()
    let bad = try directory.write("ok\tO\n\nnolabel\n", to: "bad.conll")
    let lexicon = try augmentationFixture("en-es.tsv")
    let error = try lexiform(["augment", "translate", "--lexicon", lexicon, "--format", "conll", bad, "--quiet"])
    XCTAssertEqual(error.status, 1)
    XCTAssertEqual(error.stdout, "ok\tO\n\n")
    XCTAssertTrue(
      error.stderr.contains("\(bad):3:1: error: expected a token and a label separated by tabs"), error.stderr)
    let lenient = try lexiform(["augment", "translate", "--lexicon", lexicon, "--format", "conll", bad, "--lenient", "--quiet"])
    XCTAssertEqual(lenient.status, 0, lenient.stderr)
    XCTAssertTrue(lenient.stderr.contains("malformed-record"), lenient.stderr)
    for (arguments, message) in [
      (["augment", "translate"], "give at least one --lexicon"),
      (["augment", "translate", "--lexicon", lexicon, "--shard", "3/3"], "--shard takes I/N"),
      (["augment", "codeswitch", "--lexicon", lexicon, "--ratio", "1.5", "--cross", "0.1"], "--ratio must be between 0 and 1"),
    ] {
      let usage = try lexiform(arguments)
      XCTAssertEqual(usage.status, 2, arguments.joined(separator: " "))
      XCTAssertTrue(usage.stderr.contains(message), usage.stderr)
    }
    let missing = try lexiform(["augment", "translate", "--lexicon", directory.file("nope.tsv")], stdin: "x\n")
    XCTAssertEqual(missing.status, 1)
    XCTAssertTrue(missing.stderr.contains("nope.tsv"), missing.stderr)
  }
}
