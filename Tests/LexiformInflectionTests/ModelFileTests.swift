import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformInflection

/// A model that appends a fixed suffix: enough to exercise the container.
private struct SuffixModel: InflectionModel {
  static let kind = "test-suffix"
  var suffix: String
  var modelDescription: ModelDescription {
    var hyper = JSONObject()
    hyper.append("suffix", .string(suffix))
    return ModelDescription(alphabet: ["a", "b"], features: ["V", "PST"], hyperparameters: hyper)
  }
  func predict(lemma: String, tags: String, nBest: Int) -> [InflectionPrediction] {
    [InflectionPrediction(form: lemma + suffix, score: 0)]
  }
  func payload() throws -> [UInt8] { Array(suffix.utf8) }
  static func load(payload: [UInt8], header: ModelHeader) throws -> SuffixModel {
    SuffixModel(suffix: String(decoding: payload, as: UTF8.self))
  }
}

final class ModelFileTests: XCTestCase {
  private func header() -> ModelHeader {
    ModelHeader(
      kind: "", description: ModelDescription(alphabet: [], features: []), trainingDataHash: "00",
      trainingExamples: 3, trainingLayout: "2022", trainingSource: "toy.trn", lexiformVersion: "0.1.0",
      created: "2026-01-01T00:00:00Z", command: "lexiform inflect train toy.trn")
  }

  func testRoundTripKeepsHeaderAndPayload() throws {
    let bytes = try ModelFile.encode(SuffixModel(suffix: "ed"), header: header())
    XCTAssertEqual(Array(bytes.prefix(8)), ModelFile.magic)
    let (decoded, payload) = try ModelFile.decode(bytes, path: "m.lxm")
    XCTAssertEqual(decoded.kind, "test-suffix")
    XCTAssertEqual(decoded.alphabet, ["a", "b"])
    XCTAssertEqual(decoded.features, ["V", "PST"])
    XCTAssertEqual(decoded.hyperparameters["suffix"]?.stringValue, "ed")
    XCTAssertEqual(decoded.trainingExamples, 3)
    XCTAssertEqual(decoded.trainingLayout, "2022")
    XCTAssertEqual(decoded.command, "lexiform inflect train toy.trn")
    let model = try SuffixModel.load(payload: payload, header: decoded)
    XCTAssertEqual(model.predict(lemma: "walk", tags: "V;PST"), "walked")
  }

  func testNonModelFileIsNamed() throws {
    let text = Array("walk\twalked\tV;PST\n".utf8)
    XCTAssertThrowsError(try ModelFile.decode(text, path: "deu.trn")) { error in
      let e = error as? InflectionError
      XCTAssertEqual(e?.code, .notAModel)
      XCTAssertTrue("\(error)".hasPrefix("deu.trn: error: not a Lexiform model file"), "\(error)")
    }
    XCTAssertThrowsError(try ModelFile.decode([], path: "empty")) { error in
      XCTAssertTrue("\(error)".contains("found an empty file"), "\(error)")
    }
  }

  func testOtherFormatVersionIsRefusedClearly() throws {
    var bytes = try ModelFile.encode(SuffixModel(suffix: "ed"), header: header())
    bytes[8] = 7
    XCTAssertThrowsError(try ModelFile.decode(bytes, path: "old.lxm")) { error in
      XCTAssertEqual((error as? InflectionError)?.code, .modelVersion)
      XCTAssertEqual(
        "\(error)",
        "old.lxm: error: model file format version 7, written by Lexiform 0.1.0; this Lexiform reads version 1: retrain the model with this version"
      )
    }
  }

  func testTruncatedAndDamagedPayloadsAreCaught() throws {
    let bytes = try ModelFile.encode(SuffixModel(suffix: "ed"), header: header())
    XCTAssertThrowsError(try ModelFile.decode(Array(bytes.dropLast()), path: "m.lxm")) { error in
      XCTAssertEqual((error as? InflectionError)?.code, .corruptModel)
    }
    var damaged = bytes
    damaged[damaged.count - 1] ^= 1
    XCTAssertThrowsError(try ModelFile.decode(damaged, path: "m.lxm")) { error in
      XCTAssertTrue("\(error)".contains("checksum"), "\(error)")
    }
  }

  func testUnknownKindIsNamedOnLoad() throws {
    try withTemporaryDirectory { dir in
      let path = dir.file("m.lxm")
      try ModelFile.save(SuffixModel(suffix: "ed"), header: header(), to: path)
      XCTAssertThrowsError(try ModelFile.load(path)) { error in
        XCTAssertEqual((error as? InflectionError)?.code, .unknownModelKind)
        XCTAssertTrue("\(error)".contains("\"test-suffix\""), "\(error)")
      }
      let model = try ModelFile.load(SuffixModel.self, from: path)
      XCTAssertEqual(model.suffix, "ed")
    }
  }

  func testTrainingDataHashIsSHA256() {
    var hash = TrainingDataHash()
    hash.add(bytes: Array("abc".utf8))
    XCTAssertEqual(hash.hexDigest, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    var long = TrainingDataHash()
    long.add(bytes: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
    XCTAssertEqual(long.hexDigest, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(
      TrainingDataHash.of([InflectionExample(lemma: "a", tags: "V", form: "b")]),
      {
        var h = TrainingDataHash()
        h.add(bytes: Array("a\tV\tb\n".utf8))
        return h.hexDigest
      }())
  }
}
