import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformEvaluation

final class EvaluationTests: XCTestCase {
  private func rows(_ text: String) -> [EvaluationRow] {
    text.split(separator: "\n").enumerated().map { k, line in
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return EvaluationRow(lemma: f[0], tags: f[2], form: f[1], line: k + 1)
    }
  }

  private let gold = """
    walk\twalked\tV;PST
    walk\twalks\tV;PRS;3;SG
    go\twent\tV;PST
    go\tgoes\tV;PRS;3;SG
    walk\twalking\tV;V.PTCP;PRS
    sing\tsinging\tV;V.PTCP;PRS
    go\tgos\tV;PRS;3;SG
    """
  private let predicted = """
    walk\twalked\tV;PST
    walk\twalk\tV;PRS;3;SG
    go\tgoed\tV;PST
    walk\twalking\tV;V.PTCP;PRS
    sing\tsinging\tV;V.PTCP;PRS
    sing\tsang\tV;PST
    """

  /// Worked by hand: six distinct gold pairs (the repeated go/V;PRS;3;SG
  /// keeps its last form, "gos"); correct: walked, walking, singing; edit
  /// distances 0 + 1 (walks/walk) + 4 (went/goed) + 3 (gos/missing) + 0 + 0 = 8.
  func testHandComputedFigures() {
    let report = InflectionEvaluator.evaluate(gold: rows(gold), predicted: rows(predicted))
    XCTAssertEqual(report.overall.count, 6)
    XCTAssertEqual(report.overall.correct, 3)
    XCTAssertEqual(report.overall.totalDistance, 8)
    XCTAssertEqual(report.overall.accuracy, 50.0)
    XCTAssertEqual(report.overall.levenshtein, 1.33)
    XCTAssertEqual(report.missing, 1)
    XCTAssertEqual(report.extra, 1)
    XCTAssertEqual(report.duplicateGoldRows, 1)
    XCTAssertEqual(report.byPartOfSpeech.map(\.name), ["V"])
    XCTAssertEqual(report.byBundle.map(\.name), ["V;PRS;3;SG", "V;PST", "V;V.PTCP;PRS"], "most items first, then by name")
  }

  /// Training: walk/V;PST and talk/V;PRS;3;SG. Partitions worked by hand.
  func testSeenUnseenPartitions() {
    let train = rows("walk\twalked\tV;PST\ntalk\ttalks\tV;PRS;3;SG")
    let report = InflectionEvaluator.evaluate(gold: rows(gold), predicted: rows(predicted), training: train)
    guard let seen = report.seen else { return XCTFail("no partitions") }
    XCTAssertEqual([seen.both.count, seen.lemmaOnly.count, seen.featuresOnly.count, seen.neither.count], [2, 1, 2, 1])
    XCTAssertEqual([seen.both.correct, seen.lemmaOnly.correct, seen.featuresOnly.correct, seen.neither.correct], [1, 1, 0, 1])
    XCTAssertEqual(seen.both.accuracy, 50)
    XCTAssertEqual(seen.featuresSeen.accuracy, 25)
    XCTAssertEqual(seen.featuresUnseen.accuracy, 100)
    XCTAssertEqual(seen.named.map(\.name), ["both", "lemma", "feats", "unseen", "feats-seen", "feats-unseen"])
    let json = JSONWriter.text(of: report.json)
    XCTAssertTrue(json.hasPrefix(#"{"accuracy":50.00,"levenshtein":1.33,"items":6,"#), json)
    XCTAssertTrue(json.contains(#""seen":{"both":{"items":2,"correct":1,"accuracy":50.00,"levenshtein":0.50}"#), json)
  }

  func testPythonRoundingMatchesPython27() {
    // Values printed by Python 2.7.18: '%.2f' % round(x, 2).
    let cases: [(Double, Double)] = [
      (1.235, 1.24), (2.675, 2.67), (0.125, 0.13), (0.375, 0.38), (64.715, 64.72), (1.005, 1.00),
      (33.335, 33.34), (99.995, 100.00), (0, 0), (12.5, 12.5),
    ]
    for (x, expected) in cases { XCTAssertEqual(pythonRound(x, digits: 2), expected, "round(\(x), 2)") }
    XCTAssertEqual(fixed(pythonRound(99.995, digits: 2)), "100.00")
  }

  func testLevenshteinCountsScalarsAsEvalmDoes() {
    XCTAssertEqual(levenshteinDistance("kitten", "sitting"), 3)
    XCTAssertEqual(levenshteinDistance("", "abc"), 3)
    XCTAssertEqual(levenshteinDistance("abc", ""), 3)
    // A combining mark is a code point of its own for evalm.py.
    XCTAssertEqual(levenshteinDistance("e\u{301}", "e"), 1)
    XCTAssertEqual(levenshteinDistance("é", "e\u{301}"), 2)
  }

  func testComparisonIsByCodePointUnlessNFCIsAsked() {
    let g = [EvaluationRow(lemma: "cafe", tags: "N;PL", form: "cafés")]
    let p = [EvaluationRow(lemma: "cafe", tags: "N;PL", form: "cafe\u{301}s")]
    XCTAssertEqual(InflectionEvaluator.evaluate(gold: g, predicted: p).overall.correct, 0)
    XCTAssertEqual(
      InflectionEvaluator.evaluate(gold: g, predicted: p, options: EvaluationOptions(normalizeToNFC: true)).overall.correct, 1)
  }

  func testFilesAreReadAsEvalmReadsThem() throws {
    try withTemporaryDirectory { dir in
      // Surrounding white space is stripped from each line; the 2023 order is detected.
      let path = try dir.write("  walk\tV;PST\twalked \n\nkala\tN;PL;ESS\t\n", to: "g.tsv")
      let (rows, order, _) = try EvaluationFile.read(path)
      XCTAssertEqual(order, .lemmaTagsForm)
      XCTAssertEqual(rows.map(\.lemma), ["walk", "kala"])
      XCTAssertEqual(rows.map(\.form), ["walked", ""])
      let bad = try dir.write("walk\twalked\tV;PST\nwalk\tV;PST\n", to: "bad.tsv")
      XCTAssertThrowsError(try EvaluationFile.read(bad)) { error in
        XCTAssertEqual(
          "\(error)",
          "\(bad):2:1: error: expected 3 tab-separated columns (lemma, form, tags or lemma, tags, form), found 2 (a covered file has no forms to score)"
        )
      }
      XCTAssertEqual(try EvaluationFile.read(bad, lenient: true).skipped.total, 1)
    }
  }

  func testMacroAverageTableJSONAndChart() {
    let a = InflectionEvaluator.evaluate(gold: rows(gold), predicted: rows(predicted), name: "eng")
    let b = InflectionEvaluator.evaluate(gold: rows(gold), predicted: rows(gold), name: "deu")
    let average = MacroAverage(reports: [a, b])
    XCTAssertEqual(average.accuracy, 75)
    XCTAssertEqual(average.pooled.count, 12)
    XCTAssertEqual(
      average.table(),
      "language\titems\taccuracy\tlevenshtein\neng\t6\t50.00\t1.33\ndeu\t6\t100.00\t0.00\nmacro-average\t12\t75.00\t0.67\nmicro-average\t12\t75.00\t0.67\n"
    )
    XCTAssertTrue(JSONWriter.text(of: average.json).hasPrefix(#"{"accuracy":75.00,"levenshtein":0.67,"languages":2,"#))
    let svg = AccuracyChart(average).svg
    XCTAssertTrue(svg.hasPrefix("<?xml"))
    XCTAssertTrue(svg.contains("<title>eng: 50.00%</title>"))
    XCTAssertTrue(svg.contains("macro-average 75.00%"))
    XCTAssertTrue(svg.hasSuffix("</svg>\n"))
  }

  func testLearningCurveChartPlacesEveryEpochAndMarksTheBest() {
    typealias P = LearningCurveChart.Point
    let model = [P(epoch: 1, loss: 4, accuracy: 50), P(epoch: 2, loss: 2, accuracy: 75), P(epoch: 3, loss: 1, accuracy: 70)]
    let svg = LearningCurveChart(series: [("model", model)], title: "tur <medium> & more").svg
    XCTAssertTrue(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    XCTAssertTrue(svg.contains("tur &lt;medium&gt; &amp; more"), svg)
    // Plot 560 × 260 at (52, 48): epochs 1…3 at x 52, 332, 612; accuracy on 0–100; loss on 0–4.
    XCTAssertTrue(svg.contains(#"<polyline points="52,178 332,113 612,126" fill="none" stroke="rgb(78,121,167)""#), svg)
    XCTAssertTrue(svg.contains(#"<polyline points="52,48 332,178 612,243" fill="none" stroke="rgb(242,142,43)""#), svg)
    XCTAssertTrue(svg.contains(#"<circle cx="332" cy="113" r="4""#), svg)
    XCTAssertTrue(svg.contains(">best 75.00% (epoch 2)</text>"), svg)
    // Ties go to the earlier epoch; an ensemble labels its members; no dev set, no accuracy line.
    XCTAssertEqual(LearningCurveChart.best([P(epoch: 1, loss: 1, accuracy: 80), P(epoch: 2, loss: 1, accuracy: 80)])?.epoch, 1)
    let two = LearningCurveChart(series: [("member 1", model), ("member 2", Array(model.prefix(2)))], title: "t").svg
    XCTAssertTrue(two.contains(">member 1: best 75.00% (epoch 2)</text>") && two.contains(">member 2: best 75.00% (epoch 2)</text>"), two)
    let blind = LearningCurveChart(series: [("model", [P(epoch: 1, loss: 3, accuracy: nil)])], title: "t").svg
    XCTAssertFalse(blind.contains("best "), blind)
    XCTAssertEqual(blind.ranges(of: "<polyline").count, 1)
  }

  func testPairListsAndLanguageNames() throws {
    XCTAssertEqual(EvaluationPairList.languageName("data/fin.dev"), "fin")
    XCTAssertEqual(EvaluationPairList.languageName("finnish-dev"), "finnish")
    XCTAssertEqual(EvaluationPairList.languageName("/x/swa.tst.gz"), "swa")
    try withTemporaryDirectory { dir in
      let list = try dir.write("# gold pred train\nfin.dev fin.pred fin.trn\n\nswa.dev\tswa.pred\n", to: "pairs")
      let pairs = try EvaluationPairList.read(list)
      XCTAssertEqual(pairs.count, 2)
      XCTAssertEqual(pairs[0].gold, dir.path + "/fin.dev")
      XCTAssertEqual(pairs[0].train, dir.path + "/fin.trn")
      XCTAssertNil(pairs[1].train)
      let bad = try dir.write("a b c d\n", to: "bad")
      XCTAssertThrowsError(try EvaluationPairList.read(bad)) { error in
        XCTAssertEqual("\(error)", "\(bad):1:1: error: expected GOLD PRED [TRAIN], found 4 fields")
      }
    }
  }
}
