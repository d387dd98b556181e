import Foundation
import LexiformTokenization
import LexiformUnicode
import XCTest
import _LexiformTestSupport

@testable import LexiformTokenization

/// The baked profiles and language table match resources/, and lookups work.
final class ProfileDataTests: XCTestCase {
  /// FNV-1a 64 over each file's name, NUL, bytes, NUL (as the generator computes it).
  private func digest(_ paths: [String]) throws -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for path in paths {
      let name = Array(URL(fileURLWithPath: path).lastPathComponent.utf8)
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      for byte in name + [0] + bytes + [0] {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01B3
      }
    }
    return hash
  }

  func testGeneratedFilesMatchResources() throws {
    guard let root = packageRootDirectory() else { throw XCTSkip("package root not found") }
    let profiles = try FileManager.default.contentsOfDirectory(atPath: root + "/resources/profiles")
      .filter { $0.hasSuffix(".profile") }.sorted().map { root + "/resources/profiles/" + $0 }
    XCTAssertEqual(
      try digest(profiles), OrthographyProfile._sourceDigest,
      "resources/profiles changed: run tools/generate-tokenization-data.py")
    XCTAssertEqual(
      try digest([root + "/resources/scripts/languages.tsv"]), LanguageScripts._sourceDigest,
      "resources/scripts/languages.tsv changed: run tools/generate-tokenization-data.py")
  }

  func testProfilesByNameAndLanguage() throws {
    XCTAssertEqual(try OrthographyProfile.named("MAYAN").name, "mayan")
    XCTAssertTrue(try OrthographyProfile.named("none").isPlainUAX29)
    XCTAssertEqual(OrthographyProfile.forLanguage("quc")?.name, "mayan")
    XCTAssertEqual(OrthographyProfile.forLanguage("fr-CA")?.name, "elision")
    XCTAssertEqual(OrthographyProfile.forLanguage("haw")?.apostrophe, 0x02BB)
    XCTAssertNil(OrthographyProfile.forLanguage("swh"))
    XCTAssertThrowsError(try OrthographyProfile.named("klingon")) { error in
      let message = (error as? TokenizationError)?.message ?? ""
      XCTAssertTrue(message.contains("unknown profile 'klingon'"), message)
      XCTAssertTrue(message.contains("none, default"), message)
    }
  }

  func testExpectedScriptsOfLanguages() throws {
    func codes(_ language: String) -> [String]? { LanguageScripts.scripts(for: language)?.scripts.map(\.iso15924) }
    XCTAssertEqual(codes("srp"), ["Cyrl", "Latn"])
    XCTAssertEqual(codes("sr"), ["Cyrl", "Latn"])
    XCTAssertEqual(codes("chr"), ["Cher"])
    XCTAssertEqual(codes("oj"), ["Cans", "Latn"])
    XCTAssertEqual(codes("sr-Latn"), ["Latn"])
    XCTAssertEqual(codes("ja"), ["Hani", "Hira", "Kana"])
    // Not in the table: CLDR's likely script, through ICU.
    XCTAssertEqual(LanguageScripts.scripts(for: "bn")?.scripts.map(\.iso15924), ["Beng"])
    XCTAssertEqual(LanguageScripts.scripts(for: "ug")?.source, .table)
    XCTAssertEqual(LanguageScripts.scripts(for: "dv")?.scripts.map(\.iso15924), ["Thaa"])
  }
}
