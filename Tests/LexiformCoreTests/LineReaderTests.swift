import XCTest
import _LexiformTestSupport

@testable import LexiformCore

final class LineReaderTests: XCTestCase {
  private func reader(_ text: String, options: LineReaderOptions = LineReaderOptions()) -> LineReader {
    reader(bytes: Array(text.utf8), options: options)
  }

  private func reader(bytes: [UInt8], piece: Int = 1 << 20, options: LineReaderOptions = LineReaderOptions())
    -> LineReader
  {
    LineReader(source: PipeLikeByteSource(bytes, piece: piece, path: "mem.tsv"), options: options)
  }

  // MARK: Line endings

  func testLFAndCRLFEndingsAreStripped() throws {
    XCTAssertEqual(try allLines(reader("a\nb\r\n\r\nc\r\n")), ["a", "b", "", "c"])
  }

  func testCarriageReturnNotBeforeNewlineIsKept() throws {
    XCTAssertEqual(try allLines(reader("x\ry\n\r\rz\n")), ["x\ry", "\r\rz"])
  }

  func testFinalLineWithoutNewlineIsReturned() throws {
    XCTAssertEqual(try allLines(reader("a\nb")), ["a", "b"])
    XCTAssertEqual(try allLines(reader("only")), ["only"])
    XCTAssertEqual(try allLines(reader("a\n")), ["a"])
  }

  func testEmptyInputHasNoLines() throws {
    let r = reader("")
    XCTAssertNil(try r.nextLine())
    XCTAssertNil(try r.nextLine(), "reading past the end stays at the end")
    XCTAssertEqual(r.lineNumber, 0)
  }

  func testEmptyLinesAreLines() throws {
    XCTAssertEqual(try allLines(reader("\n\n\n")), ["", "", ""])
    XCTAssertEqual(try allLines(reader("\r\n")), [""])
  }

  // MARK: Byte order mark

  func testByteOrderMarkAtStartIsStripped() throws {
    let r = reader("\u{FEFF}first\nsecond\n")
    XCTAssertEqual(try r.nextLine(), "first")
    XCTAssertEqual(r.byteOffset, 3, "line 1 starts after the BOM")
    XCTAssertEqual(try r.nextLine(), "second")
    XCTAssertEqual(r.byteOffset, 9)
  }

  func testByteOrderMarkElsewhereIsKept() throws {
    XCTAssertEqual(try allLines(reader("a\n\u{FEFF}b\n")), ["a", "\u{FEFF}b"])
  }

  func testFileWithOnlyAByteOrderMarkHasNoLines() throws {
    XCTAssertEqual(try allLines(reader("\u{FEFF}")), [])
    XCTAssertEqual(try allLines(reader("\u{FEFF}\n")), [""])
  }

  func testByteOrderMarkSplitAcrossReads() throws {
    let r = reader(bytes: Array("\u{FEFF}héllo\r\nwörld".utf8), piece: 1, options: LineReaderOptions(chunkSize: 2))
    XCTAssertEqual(try allLines(r), ["héllo", "wörld"])
  }

  // MARK: Positions

  func testLineNumbersAndByteOffsets() throws {
    let text = "alpha\r\nβeta\n\ngamma"
    let r = reader(text)
    var seen: [(String, Int, Int)] = []
    while let line = try r.nextLine() { seen.append((line, r.lineNumber, r.byteOffset)) }
    XCTAssertEqual(seen.map(\.0), ["alpha", "βeta", "", "gamma"])
    XCTAssertEqual(seen.map(\.1), [1, 2, 3, 4])
    XCTAssertEqual(seen.map(\.2), [0, 7, 13, 14])
    XCTAssertEqual(r.location, SourceLocation(path: "mem.tsv", line: 4, byteOffset: 14))
  }

  func testWithNextLineGivesBytesAndLineNumber() throws {
    let r = reader("ab\r\ncdé\n")
    var results: [([UInt8], Int)] = []
    while let result = try r.withNextLine({ bytes, number in (Array(bytes), number) }) {
      results.append(result)
    }
    XCTAssertEqual(results.map(\.0), [Array("ab".utf8), Array("cdé".utf8)])
    XCTAssertEqual(results.map(\.1), [1, 2])
  }

  func testWithNextLineRethrowsTheBodysError() {
    struct Stop: Error {}
    let r = reader("a\n")
    XCTAssertThrowsError(try r.withNextLine { _, _ in throw Stop() }) { error in
      XCTAssertTrue(error is Stop)
    }
  }

  // MARK: Long lines and chunk boundaries

  /// Lines longer than a 64 KiB chunk, multi-byte characters and CRLF
  /// across chunk and read boundaries, read through several chunk sizes.
  func testLongLinesAcrossChunkBoundaries() throws {
    var expected: [String] = []
    var seed = SeededRandom(seed: 7)
    let alphabet = Array("abcdé€𐍈\t ")
    for length in [70_000, 1, 0, 200_000, 65_535, 65_536, 65_537, 3, 131_072] {
      var line = ""
      for _ in 0..<length { line.append(alphabet[seed.uniform(below: alphabet.count)]) }
      expected.append(line)
    }
    let text = expected.enumerated().map { $0.offset % 2 == 0 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
    let bytes = Array(text.utf8)
    for (chunk, piece) in [(256 << 10, 1 << 20), (65_536, 65_536), (65_536, 4_099), (1_000, 333)] {
      let r = reader(bytes: bytes, piece: piece, options: LineReaderOptions(chunkSize: chunk))
      var offsets: [Int] = []
      var lines: [String] = []
      while let line = try r.nextLine() {
        lines.append(line)
        offsets.append(r.byteOffset)
      }
      XCTAssertEqual(lines.count, expected.count, "chunk \(chunk), piece \(piece)")
      XCTAssertTrue(lines == expected, "chunk \(chunk), piece \(piece): lines differ")
      var offset = 0
      var expectedOffsets: [Int] = []
      for (i, line) in expected.enumerated() {
        expectedOffsets.append(offset)
        offset += line.utf8.count + (i % 2 == 0 ? 2 : 1)
      }
      XCTAssertEqual(offsets, expectedOffsets, "chunk \(chunk), piece \(piece)")
    }
  }

  func testReadsFromAFileInLargeChunks() throws {
    let directory = try TemporaryDirectory()
    let line = String(repeating: "x", count: 100_000)
    let path = try directory.write("\(line)\n\(line)\r\nend", to: "big.txt")
    let r = try LineReader(path: path)
    XCTAssertEqual(try allLines(r), [line, line, "end"])
    XCTAssertEqual(r.path, path)
  }

  // MARK: Limits

  func testLineOverMaxLengthIsAnErrorAndReadingContinues() throws {
    let r = reader("short\n0123456789\r\n01234567890\nafter\n", options: LineReaderOptions(maxLineLength: 10))
    XCTAssertEqual(try r.nextLine(), "short")
    XCTAssertEqual(try r.nextLine(), "0123456789", "the limit excludes \\r\\n")
    assertCoreError(
      .lineTooLong, prefix: "mem.tsv:3: error: line 3 is too long: ",
      contains: ["expected at most 10 bytes (maxLineLength; the environment variable LEXIFORM_MAX_LINE_LENGTH sets its default), found 11 bytes"]
    ) { _ = try r.nextLine() }
    XCTAssertEqual(try r.nextLine(), "after")
    XCTAssertEqual(r.lineNumber, 4)
  }

  /// A line that is longer than the limit and than the buffer is rejected
  /// before it is read whole, and skipped.
  func testUnterminatedLongLineIsRejectedWithoutBufferingIt() throws {
    let bytes = Array("ok\n".utf8) + [UInt8](repeating: 0x61, count: 1_000_000) + Array("\nnext\n".utf8)
    let source = PipeLikeByteSource(bytes, piece: 4096, path: "huge.txt")
    let r = LineReader(source: source, options: LineReaderOptions(maxLineLength: 100, chunkSize: 64))
    XCTAssertEqual(try r.nextLine(), "ok")
    let error = assertCoreError(
      .lineTooLong, prefix: "huge.txt:2: error: line 2 is too long: ",
      contains: ["expected at most 100 bytes (maxLineLength; the environment variable LEXIFORM_MAX_LINE_LENGTH sets its default), found at least "]
    ) { _ = try r.nextLine() }
    XCTAssertEqual(error?.location?.byteOffset, 3)
    XCTAssertEqual(try r.nextLine(), "next")
    XCTAssertEqual(r.lineNumber, 3)
    XCTAssertNil(try r.nextLine())
  }

  func testLongFinalLineWithoutNewlineIsRejected() {
    let r = reader(String(repeating: "z", count: 50), options: LineReaderOptions(maxLineLength: 20, chunkSize: 8))
    assertCoreError(.lineTooLong, prefix: "mem.tsv:1: error: line 1 is too long") { _ = try r.nextLine() }
  }

  // MARK: UTF-8

  func testInvalidUTF8IsAnErrorNamingLineColumnAndOffset() throws {
    let bytes = Array("ok\nline two\n".utf8) + Array("né caf".utf8) + [0xE9] + Array(" x\nlast\n".utf8)
    let r = reader(bytes: bytes)
    XCTAssertEqual(try r.nextLine(), "ok")
    XCTAssertEqual(try r.nextLine(), "line two")
    // "né caf" is 7 bytes and 6 scalars, so 0xE9 is byte 8, column 7, offset 12 + 7.
    let error = assertCoreError(
      .invalidUTF8, prefix: "mem.tsv:3:7: error: ",
      contains: [
        "invalid UTF-8 byte 0xE9 at byte offset 19 (line 3, byte 8 of the line)",
        "expected 0x80–0xBF as byte 2 of the 3-byte sequence that 0xE9 starts, found 0x20",
      ]
    ) { _ = try r.nextLine() }
    XCTAssertEqual(error?.location, SourceLocation(path: "mem.tsv", line: 3, column: 7, byteOffset: 19))
    XCTAssertEqual(try r.nextLine(), "last", "the bad line is consumed")
  }

  func testInvalidUTF8Explanations() {
    let cases: [([UInt8], String)] = [
      (
        [0x61, 0x80],
        "byte 0x80 at byte offset 1 (line 1, byte 2 of the line): expected the first byte of a character, found continuation byte 0x80"
      ),
      (
        [0xFF],
        "byte 0xFF at byte offset 0 (line 1, byte 1 of the line): expected a byte that can occur in UTF-8, found 0xFF"
      ),
      ([0xC0, 0xAF], "expected a byte that can occur in UTF-8, found 0xC0"),
      (
        [0xE2, 0x82], "expected 0x80–0xBF as byte 3 of the 3-byte sequence that 0xE2 starts, found the end of the line"
      ),
      ([0xE0, 0x80, 0x80], "expected 0xA0–0xBF as byte 2 of the 3-byte sequence that 0xE0 starts, found 0x80"),
      ([0xED, 0xA0, 0x80], "expected 0x80–0x9F as byte 2 of the 3-byte sequence that 0xED starts, found 0xA0"),
      ([0xF4, 0x90, 0x80, 0x80], "expected 0x80–0x8F as byte 2 of the 4-byte sequence that 0xF4 starts, found 0x90"),
    ]
    for (bytes, message) in cases {
      let r = reader(bytes: bytes + [0x0A])
      assertCoreError(.invalidUTF8, prefix: "mem.tsv:1:", contains: [message]) { _ = try r.nextLine() }
    }
  }

  func testInvalidUTF8AfterManyASCIIBytesIsFound() {
    // Exercises the 8-bytes-at-a-time path right up to the bad byte.
    for prefix in 0..<20 {
      let bytes = [UInt8](repeating: 0x41, count: prefix) + [0xC3] + [UInt8](repeating: 0x42, count: 9)
      let r = reader(bytes: bytes)
      assertCoreError(
        .invalidUTF8, prefix: "mem.tsv:1:\(prefix + 1): error: ",
        contains: ["byte 0xC3 at byte offset \(prefix) (line 1, byte \(prefix + 1) of the line)"]
      ) { _ = try r.nextLine() }
    }
  }

  /// Runs of two-byte characters are checked four at a time: a bad byte
  /// anywhere in such a run, at any alignment, is still found.
  func testInvalidBytesInsideRunsOfTwoByteCharacters() throws {
    let cyrillic = Array("абвгдежзийклмнопрстуфхцчшщ".utf8)
    for shift in 0..<3 {
      let base = [UInt8](repeating: 0x20, count: shift) + cyrillic
      for position in base.indices {
        for byte: UInt8 in [0xC0, 0xC1, 0x41, 0xE0, 0x7F, 0xC2, 0xBF, 0xF0, 0xDF, 0x80] {
          var line = base
          line[position] = byte
          let valid = String(validating: line, as: UTF8.self) != nil
          let r = reader(bytes: line + [0x0A])
          if valid {
            XCTAssertEqual(try r.nextLine().map { Array($0.utf8) }, line)
          } else {
            XCTAssertThrowsError(try r.nextLine(), "byte \(byte) at \(position), shift \(shift)")
          }
        }
      }
    }
  }

  func testLenientModeReplacesAndCounts() throws {
    let bytes: [UInt8] =
      [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0x0A]  // a, FF, b, truncated €, c
      + Array("é\n".utf8) + [0x6F, 0x6B, 0xF0, 0x0A]  // ok + lone F0
    let r = reader(bytes: bytes, options: LineReaderOptions(lenient: true))
    XCTAssertEqual(try allLines(r), ["a\u{FFFD}b\u{FFFD}c", "é", "ok\u{FFFD}"])
    XCTAssertEqual(r.replacementCount, 3)
    XCTAssertEqual(r.replacementLineCount, 2)
  }

  func testLenientWithNextLineGivesRepairedBytes() throws {
    let r = reader(bytes: [0x78, 0xC3, 0x0A], options: LineReaderOptions(lenient: true))
    let bytes = try r.withNextLine { bytes, _ in Array(bytes) }
    XCTAssertEqual(bytes, [0x78, 0xEF, 0xBF, 0xBD])
  }

  /// Lenient repair matches `String(decoding:as:)` (maximal subparts) and
  /// strict validation matches `String(validating:as:)` on random bytes.
  func testValidationAgreesWithTheStandardLibrary() throws {
    var random = SeededRandom(seed: 2024)
    let interesting: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
      0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0xBD, 0xBB,
    ]
    for _ in 0..<2_000 {
      let length = random.uniform(below: 24)
      let line = (0..<length).map { _ in interesting[random.uniform(below: interesting.count)] }
      let expected = String(decoding: line, as: UTF8.self)
      let valid = String(validating: line, as: UTF8.self) != nil

      // Line 2, so that a leading EF BB BF is not taken for a byte order mark.
      let lenient = reader(bytes: [0x0A] + line + [0x0A], options: LineReaderOptions(lenient: true))
      XCTAssertEqual(try lenient.nextLine(), "")
      XCTAssertEqual(try lenient.nextLine(), expected, "\(line)")
      var literalReplacements = 0  // EF BF BD in the input is a real U+FFFD
      for i in line.indices.dropLast(2) where line[i] == 0xEF && line[i + 1] == 0xBF && line[i + 2] == 0xBD {
        literalReplacements += 1
      }
      let decodedReplacements = expected.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
      let replacements = decodedReplacements - literalReplacements
      XCTAssertEqual(lenient.replacementCount, replacements, "\(line)")

      let strict = reader(bytes: [0x0A] + line)
      XCTAssertEqual(try strict.nextLine(), "")
      if valid {
        XCTAssertEqual(try strict.nextLine() ?? "", expected, "\(line)")
      } else {
        XCTAssertThrowsError(try strict.nextLine(), "\(line)")
      }
    }
  }

  // MARK: Sources

  func testPipeLikeSourceDeliveringOneByteAtATime() throws {
    let text = "α\r\nβγ\n\n€𐍈\r\nend"
    let r = reader(bytes: Array(text.utf8), piece: 1, options: LineReaderOptions(chunkSize: 3))
    XCTAssertEqual(try allLines(r), ["α", "βγ", "", "€𐍈", "end"])
  }

  func testStandardInputIsReadForDash() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes: Array("one\r\ntwo\n".utf8) + [0xFE] + Array("\n".utf8), to: "stdin.txt")
    let saved = dup(STDIN_FILENO)
    let file = open(path, O_RDONLY)
    XCTAssertGreaterThanOrEqual(saved, 0)
    XCTAssertGreaterThanOrEqual(file, 0)
    dup2(file, STDIN_FILENO)
    close(file)
    defer {
      dup2(saved, STDIN_FILENO)
      close(saved)
    }
    let r = try LineReader(path: "-")
    XCTAssertEqual(r.path, "<stdin>")
    XCTAssertEqual(try r.nextLine(), "one")
    XCTAssertEqual(try r.nextLine(), "two")
    assertCoreError(.invalidUTF8, prefix: "<stdin>:3:1: error: invalid UTF-8 byte 0xFE at byte offset 9") {
      _ = try r.nextLine()
    }
  }

  func testMissingFileIsAnErrorNamingIt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("absent.tsv")
    assertCoreError(.unreadable, prefix: "\(path): error: cannot open: No such file or directory") {
      _ = try LineReader(path: path)
    }
  }

  func testDirectoryIsAnErrorNamingIt() throws {
    let directory = try TemporaryDirectory()
    assertCoreError(.unreadable, prefix: "\(directory.path): error: expected a file, found a directory") {
      _ = try LineReader(path: directory.path)
    }
  }
}
