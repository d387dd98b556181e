import XCTest
import _LexiformICUShims

@testable import LexiformUnicode

final class ICUShimTests: XCTestCase {
  /// Every ICU constant mirrored in Swift has the value the C compiler gives
  /// it from ICU's headers.
  func testMirroredConstantsMatchC() {
    var fromC: [String: Int32] = [:]
    for i in 0..<_lexiform_icu_constant_count() {
      guard let name = _lexiform_icu_constant_name(i) else { continue }
      fromC[String(cString: name)] = _lexiform_icu_constant_value(i)
    }
    XCTAssertGreaterThan(fromC.count, 80)
    for (name, value) in _icuMirroredConstants {
      XCTAssertEqual(value, fromC[name], name)
    }
    // And nothing listed in C is left unmirrored.
    XCTAssertEqual(Set(_icuMirroredConstants.map(\.name)), Set(fromC.keys))
  }

  func testStatusNamesComeFromICU() {
    XCTAssertEqual(ICUStatus.bufferOverflow.description, "U_BUFFER_OVERFLOW_ERROR")
    XCTAssertTrue(ICUStatus.bufferOverflow.isFailure)
    XCTAssertFalse(ICUStatus.usingDefault.isFailure)
  }

  func testVersionIsICUs() {
    XCTAssertTrue(ICU.version.first?.isNumber == true, ICU.version)
  }
}

final class NormalizerTests: XCTestCase {
  func testForms() throws {
    let decomposed = "e\u{0301}"  // e + combining acute
    XCTAssertEqual(Array(try Normalizer(.nfc).normalize(decomposed).unicodeScalars), ["\u{E9}"])
    XCTAssertEqual(Array(try Normalizer(.nfd).normalize("\u{E9}").unicodeScalars), ["e", "\u{0301}"])
    XCTAssertEqual(try Normalizer(.nfkc).normalize("ﬁ①"), "fi1")
    XCTAssertEqual(try Normalizer(.nfkcCasefold).normalize("Straße\u{00AD}"), "strasse")
    // Swift's == ignores normalization; isNormalized compares bytes.
    XCTAssertFalse(try Normalizer(.nfc).isNormalized(decomposed))
    XCTAssertTrue(try Normalizer(.nfc).isNormalized("\u{E9}"))
  }

  func testLongTextNeedsPreflight() throws {
    let long = String(repeating: "a\u{0301}ŝ", count: 5000)
    let nfc = try Normalizer(.nfc).normalize(long)
    XCTAssertEqual(nfc.unicodeScalars.count, 10000)
    XCTAssertEqual(try Normalizer(.nfd).normalize(nfc).unicodeScalars.count, 20000)
  }

  func testNormalizationIsIdempotent() throws {
    let samples = ["chʼichʼ", "ગુજરાતી", "ܫܠܡܐ", "Ǆemal", "한국어", "ﬁne", "", "a\u{200D}b"]
    for form in NormalizationForm.allCases {
      let normalizer = try Normalizer(form)
      for sample in samples {
        let once = try normalizer.normalize(sample)
        XCTAssertTrue(try normalizer.normalize(once).utf8.elementsEqual(once.utf8), "\(form) \(sample)")
      }
    }
  }
}

final class ScriptAndCaseTests: XCTestCase {
  func testScriptsOfCharacters() {
    XCTAssertEqual(ScriptCode.of("Ꮳ"), .cherokee)
    XCTAssertEqual(ScriptCode.of("ܫ"), .syriac)
    XCTAssertEqual(ScriptCode.of("ક"), .gujarati)
    XCTAssertEqual(ScriptCode.of("ʼ"), .common)
    XCTAssertEqual(ScriptCode.of("\u{0301}"), .inherited)
    XCTAssertEqual(ScriptCode.latin.iso15924, "Latn")
    XCTAssertEqual(ScriptCode(iso15924: "cans"), .canadianAboriginal)
    XCTAssertNil(ScriptCode(iso15924: "Xyzw"))
  }

  func testScriptExtensionsOfTheDanda() {
    let scripts = Set(ScriptCode.extensions(of: "\u{0964}"))
    XCTAssertTrue(scripts.isSuperset(of: [.devanagari, .bengali, .gujarati]), "\(scripts)")
    XCTAssertFalse(scripts.contains(.common))
  }

  func testLocaleAwareCase() throws {
    XCTAssertEqual(try CaseMapping.uppercase("istanbul", locale: "tr"), "İSTANBUL")
    XCTAssertEqual(try CaseMapping.uppercase("istanbul", locale: "en"), "ISTANBUL")
    XCTAssertEqual(try CaseMapping.lowercase("DIŞ", locale: "tr"), "dış")
    XCTAssertEqual(try CaseMapping.lowercase("DIŞ", locale: "az"), "dış")
    XCTAssertEqual(try CaseMapping.lowercase("ΟΔΟΣ"), "οδος")
    XCTAssertEqual(try CaseMapping.fold("I", locale: "tr"), "ı")
    XCTAssertEqual(try CaseMapping.fold("I"), "i")
  }

  func testWordBoundariesUseDictionaries() throws {
    let words = try WordBreakIterator()
    XCTAssertEqual(try words.words(of: "ภาษาไทยง่ายนิดเดียว"), ["ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"])
    XCTAssertEqual(try words.words(of: "我们学习中文。"), ["我们", "学习", "中文"])
    XCTAssertEqual(try words.words(of: "Hello, world 42!"), ["Hello", "world", "42"])
    // Segments cover the text exactly.
    let text = "ᏏᏲ, ᏙᎯᏧ? ܫܠܡܐ"
    let segments = try words.segments(of: text)
    XCTAssertEqual(segments.first?.utf16Range.lowerBound, 0)
    XCTAssertEqual(segments.last?.utf16Range.upperBound, text.utf16.count)
    for (a, b) in zip(segments, segments.dropFirst()) {
      XCTAssertEqual(a.utf16Range.upperBound, b.utf16Range.lowerBound)
    }
    XCTAssertEqual(try words.segments(of: ""), [])
  }
}
