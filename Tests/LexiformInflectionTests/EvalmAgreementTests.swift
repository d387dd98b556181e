import Foundation
import LexiformCore
import LexiformEvaluation
import XCTest
import _LexiformTestSupport

@testable import LexiformInflection

/// Our scores against CoNLL–SIGMORPHON 2017 `evalm.py` on real prediction
/// files: the baseline trained on `LANG-train-low`, run on `LANG-dev`, and
/// written in the 2017 layout with every 10th row left out (missing
/// predictions), every 13th written twice (a wrong guess, then the model's:
/// the later one counts) and one row for a pair the gold file lacks.
///
/// The expected figures are what `evalm.py --task 1` printed for these files
/// (Python 2.7.18, numpy 1.16.6). When `tools/fetch-sigmorphon-scripts.sh`
/// has put the script and a Python 2 in `tools/.cache/sigmorphon/`, it is
/// also run and must agree.
final class EvalmAgreementTests: XCTestCase {
  static let expected: [(language: String, accuracy: Double, levenshtein: Double)] = [
    ("english", 68.6, 1.28), ("finnish", 14.7, 5.20), ("arabic", 18.8, 3.81), ("navajo", 16.3, 4.00),
    ("hindi", 27.7, 4.49), ("georgian", 64.0, 1.44),
  ]

  private func predictionFile(_ language: String, in dir: TemporaryDirectory) throws -> (gold: String, pred: String) {
    let train = try SIGMORPHONReader.read(try sharedDataURL("sigmorphon2017/task1/\(language)-train-low")).examples
    let gold = try sharedDataURL("sigmorphon2017/task1/\(language)-dev")
    let dev = try SIGMORPHONReader.read(gold).examples
    let model = try BaselineModel.train(train)
    var text = ""
    for (k, example) in dev.enumerated() {
      if k % 10 == 9 { continue }
      let guess = model.predict(lemma: example.lemma, tags: example.tags)
      if k % 13 == 0 { text += example.line(.lemmaFormTags, form: guess + "x") + "\n" }
      text += example.line(.lemmaFormTags, form: guess) + "\n"
    }
    text += "zzz\tzzz\tV;PST\n"
    return (gold, try dir.write(text, to: "\(language)-pred"))
  }

  /// Runs evalm.py if it is there: (accuracy, levenshtein), or nil.
  private func evalm(gold: String, pred: String) throws -> (Double, Double)? {
    guard let root = packageRootDirectory() else { return nil }
    let python = root + "/tools/.cache/sigmorphon/python2"
    let script = root + "/tools/.cache/sigmorphon/evalm.py"
    guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) else {
      return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, "--gold", gold, "--guess", pred, "--task", "1"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let numbers = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
      line.split(separator: "\t").last.flatMap { Double($0) }
    }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
  }

  func testOurFiguresAreEvalmsOnRealPredictionFiles() throws {
    try withTemporaryDirectory { dir in
      for (language, accuracy, levenshtein) in Self.expected {
        let (gold, pred) = try predictionFile(language, in: dir)
        let g = try EvaluationFile.read(gold)
        let p = try EvaluationFile.read(pred)
        let report = InflectionEvaluator.evaluate(gold: g.rows, predicted: p.rows)
        print("\(language): ours \(report.overall.accuracy) \(report.overall.levenshtein)")
        XCTAssertEqual(report.overall.accuracy, accuracy, "\(language) accuracy")
        XCTAssertEqual(report.overall.levenshtein, levenshtein, "\(language) levenshtein")
        XCTAssertGreaterThan(report.missing, 0)
        XCTAssertEqual(report.extra, 1)
        if let (a, l) = try evalm(gold: gold, pred: pred) {
          print("\(language): evalm.py \(a) \(l)")
          XCTAssertEqual(report.overall.accuracy, a, "\(language): evalm.py accuracy")
          XCTAssertEqual(report.overall.levenshtein, l, "\(language): evalm.py levenshtein")
        }
      }
    }
  }
}
