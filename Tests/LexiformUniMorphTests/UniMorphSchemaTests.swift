import Foundation
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

final class UniMorphSchemaTests: XCTestCase {
  /// The baked table must be exactly resources/unimorph/schema.tsv (STYLE §1).
  func testGeneratedSchemaMatchesTheResource() throws {
    let root = try XCTUnwrap(packageRootDirectory())
    let text = try String(contentsOfFile: root + "/resources/unimorph/schema.tsv", encoding: .utf8)
    var rows: [[String]] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
    }
    XCTAssertEqual(rows.first, ["dimension", "label", "source", "meaning", "group"])
    let data = rows.dropFirst()
    let schema = UniMorphSchema.standard
    XCTAssertEqual(schema.features.count, data.count, "run tools/generate-unimorph-schema.py")
    for (feature, row) in zip(schema.features, data) {
      XCTAssertEqual(
        [feature.dimension.name, feature.label, feature.source, feature.meaning, feature.exclusionGroup ?? "-"], row,
        "run tools/generate-unimorph-schema.py")
    }
    var dimensions: [String] = []
    for row in data where dimensions.last != row[0] { dimensions.append(row[0]) }
    XCTAssertEqual(schema.dimensions.map(\.name), dimensions)
  }

  func testListedFeaturesAndTheirDimensions() throws {
    let schema = UniMorphSchema.standard
    XCTAssertEqual(schema.feature("PST")?.dimension.name, "Tense")
    XCTAssertEqual(schema.feature("V.PTCP")?.dimension.name, "Part of Speech")
    XCTAssertEqual(schema.feature("BANTU23")?.dimension.name, "Gender and Noun Class")
    XCTAssertEqual(schema.feature("1DAY")?.dimension.name, "Tense")
    XCTAssertEqual(schema.feature("PSS")?.source, "4.0")
    XCTAssertNil(schema.feature("BANTU24"))
    XCTAssertNil(schema.feature("pst"))
    XCTAssertEqual(schema.dimensions.first?.name, "Part of Speech")
    XCTAssertEqual(Set(schema.dimensions.map(\.name)).count, schema.dimensions.count)
  }

  func testTemplates() {
    let schema = UniMorphSchema.standard
    for label in ["LGSPEC1", "LGSPEC12", "LGSPEC01", "ARGNO1S", "ARGAC3S", "ARGABS3", "ARGERGMASC", "ARGIOPL", "ARG1", "ARGINCL",
      "PSS1S", "PSS1PE", "PSS2SINFM", "PSS3", "PSS0"]
    {
      XCTAssertNotNil(schema.feature(label), label)
    }
    XCTAssertEqual(schema.feature("ARGAC3S")?.dimension.name, "Argument Marking")
    XCTAssertEqual(schema.feature("LGSPEC7")?.dimension.name, "Language-Specific")
    XCTAssertEqual(schema.feature("PSS2P")?.dimension.name, "Possession")
    for label in ["LGSPEC", "LGSPEC0", "LgSPEC8", "ARG", "ARGAC", "ARGXX1", "PSS", "PSS5", "PSS1X", "PSS1SQ", "ARG…"] where label != "PSS" {
      XCTAssertNil(schema.feature(label), label)
    }
  }

  func testSuggestions() {
    let schema = UniMorphSchema.standard
    XCTAssertEqual(schema.suggestion(for: "V.PCTP"), "V.PTCP")
    XCTAssertEqual(schema.suggestion(for: "LgSPEC8"), "LGSPEC8")
    XCTAssertEqual(schema.suggestion(for: "PRES"), "PRS")
    XCTAssertNil(schema.suggestion(for: "INST"), "INS and INT are both one edit away: no single guess")
    XCTAssertNil(schema.suggestion(for: "PLDEF"))
  }
}
