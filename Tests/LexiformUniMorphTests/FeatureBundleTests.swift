import LexiformCore
import LexiformUniMorph
import XCTest

final class FeatureBundleTests: XCTestCase {
  /// One fixture per construct of the bundle syntax; each must print back as written.
  static let constructs: [(text: String, elements: Int, labels: [String])] = [
    ("V;IND;PST;3;SG", 5, ["V", "IND", "PST", "3", "SG"]),
    ("N;IN+ESS;PL", 3, ["N", "IN", "ESS", "PL"]),
    ("N;NOM/ACC;SG", 3, ["N", "NOM", "ACC", "SG"]),
    ("N;AT+ESS/AT+ALL", 2, ["N", "AT", "ESS", "AT", "ALL"]),
    ("V;IMP;ACC(2,SG);NOM(INFM,2,SG)", 4, ["V", "IMP", "ACC", "2", "SG", "NOM", "INFM", "2", "SG"]),
    ("N;ABL(PL;PSS(2,PL))", 2, ["N", "ABL", "PL", "PSS", "2", "PL"]),
    ("V;PRS;NOM(FEM;2,SG)", 3, ["V", "PRS", "NOM", "FEM", "2", "SG"]),
    ("N;GEN+SG(PL)", 2, ["N", "GEN", "SG", "PL"]),
    ("V;ARGAC3S;LGSPEC2", 3, ["V", "ARGAC3S", "LGSPEC2"]),
    ("N; PL", 2, ["N", " PL"]),
    ("V", 1, ["V"]),
  ]

  func testEveryConstructRoundTrips() throws {
    for construct in Self.constructs {
      let bundle = try FeatureBundle(parsing: construct.text)
      XCTAssertEqual(bundle.description, construct.text)
      XCTAssertEqual(bundle.elements.count, construct.elements, construct.text)
      XCTAssertEqual(bundle.allLabels, construct.labels, construct.text)
    }
  }

  func testStructure() throws {
    let bundle = try FeatureBundle(parsing: "V;NOM/ACC;IN+ESS;ACC(2,SG)")
    XCTAssertEqual(bundle.elements[0].label, "V")
    XCTAssertEqual(bundle.elements[1].alternatives, [["NOM"], ["ACC"]])
    XCTAssertEqual(bundle.elements[2].alternatives, [["IN", "ESS"]])
    XCTAssertNil(bundle.elements[3].label)
    XCTAssertEqual(bundle.elements[3].head, "ACC")
    XCTAssertEqual(bundle.elements[3].layer?.description, "2,SG")
    XCTAssertEqual(bundle.elements[3].layer?.separators, [.comma])
  }

  func testEqualityIsSetEquality() throws {
    func bundle(_ text: String) throws -> FeatureBundle { try FeatureBundle(parsing: text) }
    XCTAssertEqual(try bundle("V;PST;3;SG"), try bundle("SG;3;V;PST"))
    XCTAssertEqual(try bundle("V;PST;PST"), try bundle("V;PST"))
    XCTAssertEqual(try bundle("N;ESS+IN"), try bundle("N;IN+ESS"))
    XCTAssertEqual(try bundle("N;ACC/NOM"), try bundle("N;NOM/ACC"))
    XCTAssertEqual(try bundle("N;ABL(PL;PSS(2,PL))"), try bundle("ABL(PSS(PL;2),PL);N"))
    XCTAssertNotEqual(try bundle("V;PST"), try bundle("V;PRS"))
    XCTAssertNotEqual(try bundle("N;IN+ESS"), try bundle("N;IN;ESS"))
    XCTAssertNotEqual(try bundle("N;NOM/ACC"), try bundle("N;NOM+ACC"))
    XCTAssertNotEqual(try bundle("V;NOM(1,SG)"), try bundle("V;NOM;1;SG"))
    XCTAssertEqual(Set([try bundle("V;PST"), try bundle("PST;V")]).count, 1)
  }

  func testCanonicalOrderIsByDimension() throws {
    let bundle = try FeatureBundle(parsing: "SG;3;PST;IND;V")
    XCTAssertEqual(bundle.canonicalized().description, "V;IND;SG;3;PST")
    XCTAssertEqual(bundle.canonicalized(), bundle)
    let layered = try FeatureBundle(parsing: "NOM(SG,1);PRS;V;XYZ;ABC")
    XCTAssertEqual(layered.canonicalized().description, "V;NOM(SG,1);PRS;XYZ;ABC")
  }

  func testMalformedBundlesAreLocated() {
    let cases: [(String, UniMorphError.Code, Int)] = [
      ("V;;PST", .emptyFeature, 3),
      ("V;PST;", .emptyFeature, 7),
      ("", .emptyFeature, 1),
      ("N;IN+", .emptyFeature, 6),
      ("V;NOM(1,SG", .unbalancedParentheses, 6),
      ("V;NOM1,SG)", .malformedBundle, 7),
      ("V;NOM(1,SG))", .unbalancedParentheses, 12),
      ("V;NOM()", .emptyFeature, 7),
      ("V;NOM(1)X", .malformedBundle, 9),
      ("V,PST", .malformedBundle, 2),
    ]
    for (text, code, column) in cases {
      let location = SourceLocation(path: "t.tsv", line: 4, column: 1)
      XCTAssertThrowsError(try FeatureBundle(parsing: text, at: location), text) { error in
        guard let error = error as? UniMorphError else { return XCTFail("\(error)") }
        XCTAssertEqual(error.code, code, text)
        XCTAssertEqual(error.location?.column, column, text)
        XCTAssertTrue(error.description.hasPrefix("t.tsv:4:\(column): error: "), error.description)
      }
    }
  }

  func testPatterns() throws {
    let past = try FeatureBundle(parsing: "V;PST;3;SG")
    XCTAssertTrue(try FeaturePattern("V;PST;*").matches(past))
    XCTAssertTrue(try FeaturePattern("SG;3;PST;V").matches(past))
    XCTAssertFalse(try FeaturePattern("V;PST").matches(past))
    XCTAssertFalse(try FeaturePattern("V;PRS;*").matches(past))
    let layered = try FeatureBundle(parsing: "V;IND;NOM(1,SG);LGSPEC3")
    XCTAssertTrue(try FeaturePattern("V;NOM(*);*").matches(layered))
    XCTAssertTrue(try FeaturePattern("LGSPEC*;*").matches(layered))
    XCTAssertFalse(try FeaturePattern("V;NOM(2,*);*").matches(layered))
    XCTAssertThrowsError(try FeaturePattern("V;;*"))
    XCTAssertThrowsError(try FeaturePattern("V;NOM(1"))
  }
}
