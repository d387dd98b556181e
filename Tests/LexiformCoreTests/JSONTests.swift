import Foundation
import XCTest
import _LexiformTestSupport

@testable import LexiformCore

final class JSONTests: XCTestCase {
  private func parseError(_ text: String, path: String = "t.json", line: Int = 1, maxDepth: Int = 512) -> CoreError? {
    do {
      _ = try JSONParser.parse(text, path: path, line: line, options: JSONParserOptions(maxDepth: maxDepth))
      return nil
    } catch {
      return error
    }
  }

  func testScalars() throws {
    XCTAssertEqual(try JSONParser.parse("null"), .null)
    XCTAssertEqual(try JSONParser.parse(" true "), .bool(true))
    XCTAssertEqual(try JSONParser.parse("\tfalse\r\n"), .bool(false))
    XCTAssertEqual(try JSONParser.parse("\"\""), .string(""))
    XCTAssertEqual(try JSONParser.parse("-0"), .number(JSONNumber(text: "-0") ?? 0))
    XCTAssertEqual(try JSONParser.parse("12.5e-3").doubleValue, 0.0125)
    XCTAssertEqual(try JSONParser.parse("1E+2").intValue, 100)
    XCTAssertEqual(try JSONParser.parse("2.0").intValue, 2)
    XCTAssertNil(try JSONParser.parse("2.5").intValue)
    XCTAssertEqual(try JSONParser.parse("123456789012").intValue, 123_456_789_012)
  }

  func testNumberGrammar() {
    for valid in ["0", "-0", "1", "-1", "10", "0.5", "1e5", "1E-5", "1.25e+10", "-0.0e0"] {
      XCTAssertNotNil(JSONNumber(text: valid), valid)
      XCTAssertNil(parseError(valid), valid)
    }
    for invalid in ["01", "+1", ".5", "1.", "1e", "1e+", "-", "NaN", "Infinity", "0x10", "1.e3", "--1"] {
      XCTAssertNil(JSONNumber(text: invalid), invalid)
      XCTAssertNotNil(parseError(invalid), invalid)
    }
  }

  func testObjectsKeepOrderAndDuplicates() throws {
    let value = try JSONParser.parse(#"{"z": 1, "a": [true, null, {}], "z": "last"}"#)
    let object = try XCTUnwrap(value.objectValue)
    XCTAssertEqual(object.map(\.key), ["z", "a", "z"])
    XCTAssertEqual(value["z"], .string("last"))
    XCTAssertEqual(value["a"], .array([.bool(true), .null, .object(JSONObject())]))
    XCTAssertNil(value["missing"])
    XCTAssertEqual(JSONWriter.text(of: value), #"{"z":1,"a":[true,null,{}],"z":"last"}"#)
  }

  func testEscapes() throws {
    let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\u4E2D\uD83D\uDE00""#)
    XCTAssertEqual(value, .string("a\"b\\c/d\u{8}\u{C}\n\r\té中😀"))
    XCTAssertEqual(try JSONParser.parse(#""\u0000""#), .string("\u{0}"))
    XCTAssertEqual(try JSONParser.parse("\"ʻokina ܫܠܡܐ\""), .string("ʻokina ܫܠܡܐ"))
  }

  func testSurrogateErrors() throws {
    let lone = try XCTUnwrap(parseError(#""x\uD83D""#))
    XCTAssertEqual(lone.location?.column, 9)
    XCTAssertTrue(lone.message.contains("expected a low surrogate"), lone.message)
    let wrongLow = try XCTUnwrap(parseError(#""\uD83D\u0041""#))
    XCTAssertEqual(wrongLow.message, #"expected a low surrogate \uDC00–\uDFFF after \uD83D, found \u0041"#)
    let loneLow = try XCTUnwrap(parseError(#""\uDE00""#))
    XCTAssertEqual(loneLow.location?.column, 2)
    XCTAssertTrue(loneLow.message.contains("high surrogate"), loneLow.message)
  }

  func testErrorLocationsAndMessages() throws {
    let cases: [(String, Int, Int, String)] = [
      ("{\"a\" 1}", 1, 6, "expected ':' after the member name, found '1'"),
      ("[1, 2", 1, 6, "expected ',' or ']' after an array element, found end of input"),
      ("[1,]", 1, 4, "expected a JSON value, found ']'"),
      ("{\n  \"a\": 1,\n  \"b\" 2}", 3, 7, "expected ':' after the member name, found '2'"),
      ("{'a': 1}", 1, 2, "expected a member name in double quotes, found '''"),
      ("tru", 1, 4, "expected 'true', found end of input"),
      ("\"é\u{1}\"", 1, 3, "expected '\"' or a character other than a control character (escape it), found control character U+0001"),
      ("\"abc", 1, 5, "expected '\"' closing the string, found end of input"),
      ("1 2", 1, 3, "expected end of input after the JSON value, found '2'"),
      ("\"\\x\"", 1, 3, #"expected one of \" \\ \/ \b \f \n \r \t \u after '\', found 'x'"#),
      ("\"\\u12G4\"", 1, 6, "expected four hex digits after \\u, found 'G'"),
      ("", 1, 1, "expected a JSON value, found end of input"),
      ("«", 1, 1, "expected a JSON value, found '«'"),
    ]
    for (text, line, column, message) in cases {
      let error = try XCTUnwrap(parseError(text, path: "words.jsonl", line: 1), text)
      XCTAssertEqual(error.code, .malformed)
      XCTAssertEqual(error.location?.path, "words.jsonl")
      XCTAssertEqual(error.location?.line, line, text)
      XCTAssertEqual(error.location?.column, column, text)
      XCTAssertEqual(error.message, message, text)
    }
    let later = try XCTUnwrap(parseError("[nul]", path: "a.jsonl", line: 42))
    XCTAssertEqual(later.description, "a.jsonl:42:5: error: expected 'null', found ']'")
  }

  func testInvalidUTF8() throws {
    for bytes: [UInt8] in [[0x22, 0xC3, 0x22], [0x22, 0x5C, 0x6E, 0xFF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
      let error = bytes.withUnsafeBufferPointer { buffer -> CoreError? in
        do {
          _ = try JSONParser.parse(buffer, path: "b.json")
          return nil
        } catch let error as CoreError {
          return error
        } catch {
          return nil
        }
      }
      let found = try XCTUnwrap(error, "\(bytes)")
      XCTAssertTrue(found.message.hasPrefix("expected UTF-8 text"), found.message)
    }
  }

  func testDepthLimit() throws {
    let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
    XCTAssertNil(parseError(deep, maxDepth: 20))
    let error = try XCTUnwrap(parseError(deep, maxDepth: 19))
    XCTAssertEqual(error.message, "expected at most 19 nested arrays and objects, found more")
    XCTAssertEqual(error.location?.column, 20)
    // The default limit stops a hostile input without exhausting the stack.
    XCTAssertNotNil(parseError(String(repeating: "[", count: 100_000)))
  }

  func testWriterEscaping() {
    var json = JSONWriter()
    json.string("q\"b\\s/\u{0}\u{1F}\u{7F}\n\té😀\u{2028}")
    XCTAssertEqual(json.text, #""q\"b\\s/\u0000\u001f"# + "\u{7F}" + #"\n\t"# + "é😀\u{2028}\"")
  }

  func testWriterStructureAndNumbers() {
    var json = JSONWriter()
    json.beginObject()
    json.key("a")
    json.beginArray()
    json.int(-3)
    json.double(0.1)
    json.double(1e-7)
    json.double(.nan)
    json.double(.infinity)
    json.bool(false)
    json.null()
    json.beginObject()
    json.endObject()
    json.endArray()
    json.key("b")
    json.string("x")
    json.endObject()
    XCTAssertEqual(json.text, #"{"a":[-3,0.1,1e-07,null,null,false,null,{}],"b":"x"}"#)
    json.reset()
    json.int(1)
    XCTAssertEqual(json.text, "1")
  }

  func testDoublesRoundTrip() throws {
    var random = SeededRandom(seed: 8259)
    for _ in 0..<2000 {
      let bits = random.next()
      let value = Double(bitPattern: bits)
      guard value.isFinite else { continue }
      var json = JSONWriter()
      json.double(value)
      let back = try JSONParser.parse(json.text)
      XCTAssertEqual(back.doubleValue?.bitPattern, value.bitPattern, json.text)
    }
  }

  /// Random values written and parsed back are equal; Foundation agrees on
  /// what the text means.
  func testRandomValuesRoundTrip() throws {
    var random = SeededRandom(seed: 42)
    let alphabet: [Character] = ["a", "\"", "\\", "\n", "\u{0}", "é", "中", "😀", "\u{1F}", " ", "/"]
    func makeString() -> String {
      String((0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
    func make(_ depth: Int) -> JSONValue {
      switch random.next() % (depth > 3 ? 4 : 6) {
      case 0: return .null
      case 1: return .bool(random.next() % 2 == 0)
      case 2: return .number(JSONNumber(Int(truncatingIfNeeded: random.next()) >> 20))
      case 3: return .string(makeString())
      case 4: return .array((0..<Int(random.next() % 4)).map { _ in make(depth + 1) })
      default:
        return .object(JSONObject((0..<Int(random.next() % 4)).map { _ in .init(makeString(), make(depth + 1)) }))
      }
    }
    for _ in 0..<500 {
      let value = make(0)
      let text = JSONWriter.text(of: value)
      XCTAssertEqual(try JSONParser.parse(text), value, text)
      XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]), text)
    }
  }

  /// Truncated and corrupted documents give a value or a located error,
  /// never a crash.
  func testDamagedInputNeverTraps() throws {
    let sample = Array(
      #"{"a": [1, -2.5e3, true, false, null, "x\u00e9\uD83D\uDE00\n"], "b": {"c": "ܫܠܡܐ"}, "d": []}"#.utf8)
    var random = SeededRandom(seed: 7)
    var variants: [[UInt8]] = (0...sample.count).map { Array(sample.prefix($0)) }
    for _ in 0..<3000 {
      var bytes = sample
      for _ in 0..<(1 + Int(random.next() % 3)) {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
      variants.append(bytes)
    }
    var errors = 0
    for bytes in variants {
      bytes.withUnsafeBufferPointer { buffer in
        do throws(CoreError) {
          _ = try JSONParser.parse(buffer, path: "f.json")
        } catch {
          errors += 1
          XCTAssertEqual(error.location?.path, "f.json")
          XCTAssertGreaterThanOrEqual(error.location?.line ?? 0, 1)  // a corrupted byte may be a newline
          XCTAssertNotNil(error.location?.column)
        }
      }
    }
    XCTAssertGreaterThan(errors, variants.count / 2)
  }
}
