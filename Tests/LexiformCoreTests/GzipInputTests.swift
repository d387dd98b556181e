import XCTest
import _LexiformTestSupport

@testable import LexiformCore

final class GzipInputTests: XCTestCase {
  func testGzipFileIsDecompressedTransparently() throws {
    let directory = try TemporaryDirectory()
    let long = String(repeating: "ŋ", count: 60_000)  // 120 000 bytes
    let lines = ["\u{FEFF}lemma\tform", long, "", "last"]
    let path = try writeGzip(Array(lines.joined(separator: "\r\n").utf8), to: "data.tsv.gz", in: directory)
    XCTAssertEqual(Array(try readBytes(path).prefix(2)), [0x1F, 0x8B])
    let r = try LineReader(path: path)
    XCTAssertEqual(try allLines(r), ["lemma\tform", long, "", "last"])
  }

  func testGzipIsRecognizedByContentNotName() throws {
    let directory = try TemporaryDirectory()
    let path = try writeGzip(Array("a\nb\n".utf8), to: "no-extension", in: directory)
    XCTAssertEqual(try allLines(LineReader(path: path)), ["a", "b"])
  }

  func testConcatenatedMembersAreReadOneAfterAnother() throws {
    let directory = try TemporaryDirectory()
    let first = try readBytes(try writeGzip(Array("one\ntwo\nthr".utf8), to: "a.gz", in: directory))
    let second = try readBytes(try writeGzip(Array("ee\nfour\n".utf8), to: "b.gz", in: directory))
    let path = try directory.write(bytes: first + second, to: "both.gz")
    XCTAssertEqual(try allLines(LineReader(path: path)), ["one", "two", "three", "four"])
  }

  func testTruncatedGzipIsAnErrorNamingThePath() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for i in 0..<20_000 { text += "line \(i)\n" }
    let full = try readBytes(try writeGzip(Array(text.utf8), to: "full.gz", in: directory))
    let path = try directory.write(bytes: Array(full.prefix(full.count / 2)), to: "cut.tsv.gz")
    // Small chunks, so that the lines before the damage are delivered first.
    let r = try LineReader(path: path, options: LineReaderOptions(chunkSize: 4096))
    assertCoreError(
      .badCompression, prefix: "\(path): error: damaged gzip data at compressed byte ",
      contains: ["the stream ends before the end of its gzip member (truncated file?)"]
    ) { while try r.nextLine() != nil {} }
    XCTAssertGreaterThan(r.lineNumber, 0, "the lines before the damage were read")
  }

  func testTruncatedGzipDeliversEverythingBeforeTheDamage() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for i in 0..<200_000 { text += "line \(i)\n" }
    let full = try readBytes(try writeGzip(Array(text.utf8), to: "full.gz", in: directory))
    let path = try directory.write(bytes: Array(full.prefix(full.count / 2)), to: "cut.tsv.gz")
    // The default chunk (256 KiB) holds many lines: none of those decoded
    // before the damage may be lost with the error.
    let r = try LineReader(path: path)
    var last = ""
    do {
      while let line = try r.nextLine() { last = line }
      XCTFail("expected an error")
    } catch {
      XCTAssertEqual(error.code, .badCompression)
    }
    let count = Int(last.dropFirst(5)) ?? -1
    XCTAssertEqual(count, r.lineNumber - 1, "lines are delivered in order, none skipped")
    XCTAssertGreaterThan(count, 90_000, "lines decoded before the damage were delivered")
  }

  func testCorruptGzipIsAnErrorNamingThePath() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for i in 0..<5_000 { text += "entry \(i)\tvalue \(i * 7)\n" }
    var bytes = try readBytes(try writeGzip(Array(text.utf8), to: "ok.gz", in: directory))
    for i in stride(from: 40, to: bytes.count - 8, by: 97) { bytes[i] ^= 0x5A }
    let path = try directory.write(bytes: bytes, to: "bad.gz")
    // Lenient, so that garbage decoded before zlib notices is not a UTF-8 error.
    let r = try LineReader(path: path, options: LineReaderOptions(lenient: true))
    assertCoreError(.badCompression, prefix: "\(path): error: damaged gzip data at compressed byte ") {
      while try r.nextLine() != nil {}
    }
  }

  func testInvalidUTF8InsideGzipNamesLineAndDecompressedOffset() throws {
    let directory = try TemporaryDirectory()
    let path = try writeGzip(Array("ok\nbad ".utf8) + [0xC3, 0x28] + Array("\n".utf8), to: "x.gz", in: directory)
    let r = try LineReader(path: path)
    XCTAssertEqual(try r.nextLine(), "ok")
    assertCoreError(
      .invalidUTF8, prefix: "\(path):2:5: error: invalid UTF-8 byte 0xC3 at byte offset 7 (line 2, byte 5 of the line)"
    ) { _ = try r.nextLine() }
  }

  func testGzipFromAPipeLikeSource() throws {
    let directory = try TemporaryDirectory()
    let expected = (0..<3_000).map { "ligne \($0) — été" }
    let bytes = try readBytes(try writeGzip(Array(expected.joined(separator: "\n").utf8), to: "p.gz", in: directory))
    let source = try GzipByteSource(PipeLikeByteSource(bytes, piece: 7))
    XCTAssertEqual(try allLines(LineReader(source: source, options: LineReaderOptions(chunkSize: 1000))), expected)
  }
}
