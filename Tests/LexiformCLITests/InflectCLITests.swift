import Foundation
import XCTest
import _LexiformTestSupport

/// The `lexiform inflect` contract: train, predict, eval.
final class InflectCLITests: XCTestCase {
  /// A small suffixing training set in the 2022/2023 layout.
  private let train = """
    walk\tV;PST\twalked
    jump\tV;PST\tjumped
    play\tV;PST\tplayed
    walk\tV;PRS;3;SG\twalks
    jump\tV;PRS;3;SG\tjumps
    play\tV;PRS;3;SG\tplays
    give up\tV;PST\tgave up

    """

  private func trained(_ dir: TemporaryDirectory) throws -> String {
    let trn = try dir.write(train, to: "toy.trn")
    let model = dir.file("toy.lxm")
    let result = try lexiform(["inflect", "train", trn, "-o", model])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("toy.trn: 7 rows, columns lemma-tags-form (detected)"), result.stderr)
    return model
  }

  func testTrainPredictEvalRoundTrip() throws {
    let dir = try TemporaryDirectory()
    let model = try trained(dir)
    let dev = try dir.write("talk\tV;PST\ttalked\ntalk\tV;PRS;3;SG\ttalks\n", to: "toy.dev")
    let predicted = try lexiform(["inflect", "predict", model, dev, "-o", dir.file("toy.pred")])
    XCTAssertEqual(predicted.status, 0, predicted.stderr)
    XCTAssertEqual(try String(contentsOfFile: dir.file("toy.pred"), encoding: .utf8), "talk\tV;PST\ttalked\ntalk\tV;PRS;3;SG\ttalks\n")
    let scored = try lexiform(["inflect", "eval", dev, dir.file("toy.pred"), "--train", dir.file("toy.trn"), "--json"])
    XCTAssertEqual(scored.status, 0, scored.stderr)
    XCTAssertTrue(scored.stdout.hasPrefix(#"{"name":"toy","accuracy":100.00,"levenshtein":0.00,"items":2,"#), scored.stdout)
    XCTAssertTrue(scored.stdout.contains(#""seen":{"both":{"items":0"#), scored.stdout)
    XCTAssertTrue(scored.stdout.contains(#""feats":{"items":2,"correct":2,"accuracy":100.00"#), scored.stdout)
    // Gold and predictions may come in different layouts: each is detected.
    let other = try dir.write("talk\ttalked\tV;PST\ntalk\ttalk\tV;PRS;3;SG\n", to: "toy-2017.pred")
    let mixed = try lexiform(["inflect", "eval", dev, other, "--json"])
    XCTAssertTrue(mixed.stdout.contains(#""accuracy":50.00,"levenshtein":0.50,"#), mixed.stdout)
    let table = try lexiform(["inflect", "eval", dev, dir.file("toy.pred")])
    XCTAssertTrue(table.stdout.hasPrefix("toy\naccuracy:\t100.00\nlevenshtein:\t0.00\n"), table.stdout)
  }

  func testCoveredInputsKeepTheirYearsLayoutAndLineCount() throws {
    let dir = try TemporaryDirectory()
    let model = try trained(dir)
    // 2017 covered-test: the form column is there but empty.
    let covered2017 = try dir.write("talk\t\tV;PST\n\ntalk\t\tV;PRS;3;SG\n", to: "covered-test")
    let a = try lexiform(["inflect", "predict", model, covered2017])
    XCTAssertEqual(a.status, 0, a.stderr)
    XCTAssertEqual(a.stdout, "talk\ttalked\tV;PST\n\ntalk\ttalks\tV;PRS;3;SG\n")
    // 2023 .covered.tst: no form column; the training data's layout is used.
    // ("live up" takes the longest matching rule, learnt from "give up" → "gave up".)
    let covered2023 = try dir.write("talk\tV;PST\nlive up\tV;PST\n", to: "toy.covered.tst")
    let b = try lexiform(["inflect", "predict", model, covered2023])
    XCTAssertEqual(b.status, 0, b.stderr)
    XCTAssertEqual(b.stdout, "talk\tV;PST\ttalked\nlive up\tV;PST\tlave up\n")
    XCTAssertTrue(b.stderr.contains("writing lemma-tags-form as the training data"), b.stderr)
    // Standard input works too.
    let c = try lexiform(["inflect", "predict", model, "-"], stdin: "talk\tV;PST\n")
    XCTAssertEqual(c.stdout, "talk\tV;PST\ttalked\n")
  }

  func testRowsAreWrittenBackAsTheyWereWhileTheModelSeesNFC() throws {
    let dir = try TemporaryDirectory()
    let trn = try dir.write("kylä\tN;IN+ESS;SG\tkylässä\nmetsä\tN;IN+ESS;SG\tmetsässä\n", to: "fin.trn")
    let model = dir.file("fin.lxm")
    XCTAssertEqual(try lexiform(["inflect", "train", trn, "-o", model]).status, 0)
    // "päivä" with decomposed ä (a + U+0308): keyed as written, inflected as NFC.
    let decomposed = "pa\u{308}iva\u{308}"
    let input = try dir.write("\(decomposed)\tN;IN+ESS;SG\n", to: "in")
    let result = try lexiform(["inflect", "predict", model, input])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(Array(result.stdout.unicodeScalars), Array("\(decomposed)\tN;IN+ESS;SG\tpäivässä\n".unicodeScalars))
    // p, i and v are new to the model; the combining diaeresis is not (it was composed).
    XCTAssertTrue(result.stderr.contains("has not seen, copied through (p i v)"), result.stderr)
  }

  func testNBestWritesScores() throws {
    let dir = try TemporaryDirectory()
    let model = try trained(dir)
    let input = try dir.write("talk\tV;PST\n", to: "in")
    let result = try lexiform(["inflect", "predict", model, input, "--n-best", "3"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 1)
    XCTAssertEqual(lines.first, "talk\tV;PST\ttalked\t-0.0")
    XCTAssertTrue(lines.allSatisfy { $0.split(separator: "\t").count == 4 })
  }

  func testManyRowsArePredictedInOrderAndBadBeamWidthsRefused() throws {
    let dir = try TemporaryDirectory()
    let model = try trained(dir)
    // More rows than one prediction chunk, with blank lines between some.
    var rows = ""
    var expected = ""
    for k in 0..<2_500 {
      let lemma = k % 2 == 0 ? "talk" : "walk"
      rows += "\(lemma)\tV;PST\n" + (k % 700 == 0 ? "\n" : "")
      expected += "\(lemma)\tV;PST\t\(lemma)ed\n" + (k % 700 == 0 ? "\n" : "")
    }
    let input = try dir.write(rows, to: "many.covered.tst")
    let result = try lexiform(["inflect", "predict", model, input, "--beam-width", "1"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, expected)
    let bad = try lexiform(["inflect", "predict", model, input, "--beam-width", "0"])
    XCTAssertNotEqual(bad.status, 0)
    XCTAssertTrue(bad.stderr.contains("--beam-width must be at least 1, not 0"), bad.stderr)
    let arch = try lexiform(["inflect", "train", dir.file("toy.trn"), "--model", "neural", "--architecture", "tree", "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(arch.status, 0)
    XCTAssertTrue(arch.stderr.contains("transducer") && arch.stderr.contains("attention"), arch.stderr)
    let share = try lexiform(["inflect", "train", dir.file("toy.trn"), "--model", "neural", "--real-share", "1", "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(share.status, 0)
    XCTAssertTrue(share.stderr.contains("--real-share must be between 0 and 0.95, not 1.0"), share.stderr)
    let dropout = try lexiform(["inflect", "train", dir.file("toy.trn"), "--model", "neural", "--dropout", "1", "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(dropout.status, 0)
    XCTAssertTrue(dropout.stderr.contains("--dropout must be at least 0 and below 1, not 1.0"), dropout.stderr)
    let target = try lexiform(["inflect", "train", dir.file("toy.trn"), "--model", "neural", "--hallucination-target=-5", "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(target.status, 0)
    XCTAssertTrue(target.stderr.contains("--hallucination-target must not be negative, not -5"), target.stderr)
    let curve = try lexiform(["inflect", "train", dir.file("toy.trn"), "--learning-curve", dir.file("c.svg"), "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(curve.status, 0)
    XCTAssertTrue(curve.stderr.contains("--learning-curve needs --model neural (the baseline has no epochs)"), curve.stderr)
    let mode = try lexiform(["inflect", "train", dir.file("toy.trn"), "--model", "neural", "--hallucination", "always", "-o", dir.file("x.lxm")])
    XCTAssertNotEqual(mode.status, 0)
    XCTAssertTrue(mode.stderr.contains("automatic") && mode.stderr.contains("off"), mode.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.file("x.lxm")))
  }

  func testNeuralTrainingWritesItsLearningCurve() throws {
    let dir = try TemporaryDirectory()
    let trn = try dir.write(train, to: "toy.trn")
    let curve = dir.file("curve.tsv")
    let result = try lexiform([
      "inflect", "train", trn, "--dev", trn, "--model", "neural", "--max-epochs", "1", "--hallucination", "off",
      "--learning-curve", curve, "-o", dir.file("toy.lxm"),
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = try String(contentsOfFile: curve, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.first, "member\tepoch\tloss\tdev_accuracy\tbest_accuracy\tlearning_rate\tseconds")
    XCTAssertEqual(lines.count, 2)
    let fields = lines.last?.split(separator: "\t").map(String.init) ?? []
    XCTAssertEqual(Array(fields.prefix(2)), ["1", "1"])
    XCTAssertEqual(fields.count, 7)
    // The figures the progress line printed.
    XCTAssertTrue(result.stderr.contains("epoch 1  loss \(fields[2])  dev \(fields[3])%  best \(fields[4])%"), result.stderr)
  }

  func testUnknownCharactersAndFeaturesAreCountedNotFatal() throws {
    let dir = try TemporaryDirectory()
    let model = try trained(dir)
    let input = try dir.write("ŋalk\tV;PST\nwalk\tV;FUT\n", to: "in")
    let result = try lexiform(["inflect", "predict", model, input])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "ŋalk\tV;PST\tŋalked\nwalk\tV;FUT\twalk\n")
    XCTAssertTrue(result.stderr.contains("1 of 2 inputs have characters the model has not seen, copied through (ŋ)"), result.stderr)
    XCTAssertTrue(result.stderr.contains("1 of 2 inputs have features the model has not seen (V;FUT)"), result.stderr)
  }

  func testBadModelFilesAndBadRowsAreNamed() throws {
    let dir = try TemporaryDirectory()
    let trn = try dir.write(train, to: "toy.trn")
    let notAModel = try lexiform(["inflect", "predict", trn, trn])
    XCTAssertEqual(notAModel.status, 1)
    XCTAssertTrue(notAModel.stderr.hasPrefix("\(trn): error: not a Lexiform model file: expected the magic bytes"), notAModel.stderr)
    let badRow = try dir.write("walk\tV;PST\twalked\nwalk\n", to: "bad.trn")
    let bad = try lexiform(["inflect", "train", badRow, "-o", dir.file("bad.lxm")])
    XCTAssertEqual(bad.status, 1)
    XCTAssertTrue(bad.stderr.hasPrefix("\(badRow):2:1: error: expected 3 tab-separated columns"), bad.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.file("bad.lxm")))
    let lenient = try lexiform(["inflect", "train", badRow, "--lenient", "-o", dir.file("bad.lxm")])
    XCTAssertEqual(lenient.status, 0, lenient.stderr)
  }

  func testMacroAverageOverPairsWithPlot() throws {
    let dir = try TemporaryDirectory()
    let gold = try dir.write("walk\twalked\tV;PST\njump\tjumped\tV;PST\n", to: "eng-dev")
    let half = try dir.write("walk\twalked\tV;PST\njump\tjump\tV;PST\n", to: "eng-pred")
    let gold2 = try dir.write("gehen\tgegangen\tV;V.PTCP;PST\n", to: "deu-dev")
    let pred2 = try dir.write("gehen\tgegangen\tV;V.PTCP;PST\n", to: "deu-pred")
    let svg = dir.file("acc.svg")
    let result = try lexiform(["inflect", "eval", gold, half, gold2, pred2, "--plot", svg])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout,
      "language\titems\taccuracy\tlevenshtein\neng\t2\t50.00\t1.00\ndeu\t1\t100.00\t0.00\nmacro-average\t3\t75.00\t0.50\nmicro-average\t3\t66.67\t0.67\n"
    )
    XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).contains("macro-average 75.00%"))
    let list = try dir.write("eng-dev eng-pred\ndeu-dev deu-pred\n", to: "pairs")
    let json = try lexiform(["inflect", "eval", "--pairs", list, "--json"])
    XCTAssertTrue(json.stdout.hasPrefix(#"{"accuracy":75.00,"levenshtein":0.50,"languages":2,"#), json.stdout)
    let odd = try lexiform(["inflect", "eval", gold])
    XCTAssertEqual(odd.status, 2)
    XCTAssertTrue(odd.stderr.contains("give GOLD PRED"), odd.stderr)
  }

  func testHelpListsTheVerbs() throws {
    let result = try lexiform(["inflect", "--help"])
    XCTAssertEqual(result.status, 0)
    for verb in ["train", "predict", "eval"] {
      XCTAssertTrue(result.stdout.contains("\n  \(verb) "), "missing \(verb) in\n\(result.stdout)")
    }
    let train = try lexiform(["inflect", "train", "--help"])
    XCTAssertTrue(train.stdout.contains("--model <model>"), train.stdout)
    XCTAssertTrue(train.stdout.contains("(values: baseline, neural;\n                          default: baseline)"), train.stdout)
  }
}
