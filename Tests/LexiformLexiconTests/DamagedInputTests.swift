import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

/// Damaged files give entries or a ``LexiconError`` naming the file, never a
/// crash, in strict and lenient mode.
final class DamagedInputTests: XCTestCase {
  /// `sample` with a few random bytes replaced, seeded.
  private func damaged(_ sample: [UInt8], _ random: inout SeededRandom, region: Int? = nil) -> [UInt8] {
    var bytes = sample
    let span = min(region ?? bytes.count, bytes.count)
    for _ in 0..<(1 + Int(random.next() % 4)) {
      bytes[Int(random.next() % UInt64(span))] = UInt8(truncatingIfNeeded: random.next())
    }
    return bytes
  }

  private func drain(_ open: () throws -> any LexiconReader) {
    do {
      let reader = try open()
      while try reader.next() != nil {}
    } catch let error as LexiconError {
      XCTAssertNotNil(error.location?.path, "\(error)")
    } catch {
      XCTFail("expected a LexiconError, found \(error)")
    }
  }

  func testLineFormats() throws {
    let directory = try TemporaryDirectory()
    var random = SeededRandom(seed: 4)
    let samples: [(String, [UInt8])] = [
      ("jsonl", try fixtureBytes("jsonl/valid.jsonl")),
      ("kaikki", try fixtureBytes("kaikki/sample.jsonl")),
      ("tsv", try fixtureBytes("tsv/named-columns.tsv")),
      ("txt", try fixtureBytes("tsv/muse-space.txt")),
    ]
    for round in 0..<80 {
      for (kind, sample) in samples {
        let path = try directory.write(bytes: damaged(sample, &random), to: "\(round).\(kind)")
        for lenient in [false, true] {
          let options = LexiconReaderOptions(lenient: lenient)
          switch kind {
          case "jsonl": drain({ try JSONLinesReader(path: path, options: options) })
          case "kaikki": drain({ try KaikkiReader(path: path, options: options) })
          default: drain({ try TSVReader(path: path, options: options) })
          }
        }
      }
    }
  }

  func testDictzip() throws {
    let directory = try TemporaryDirectory()
    var random = SeededRandom(seed: 5)
    let dz = try fixtureBytes("dictd/swa-eng-dz.dict.dz")
    let index = try fixtureBytes("dictd/swa-eng-dz.index")
    for round in 0..<150 {
      // Mostly the header and chunk table; sometimes anywhere.
      let bytes = damaged(dz, &random, region: round % 3 == 0 ? nil : 48)
      try directory.write(bytes: bytes, to: "d\(round).dict.dz")
      let indexPath = try directory.write(bytes: round % 5 == 0 ? damaged(index, &random) : index, to: "d\(round).index")
      for lenient in [false, true] {
        drain({ try DictdReader(path: indexPath, options: LexiconReaderOptions(lenient: lenient)) })
      }
      if let dictionary = try? DictdDictionary(path: indexPath) {
        for word in ["kitabu", "kula", "ziwa"] {
          do {
            _ = try dictionary.lookup(word)
          } catch {
            XCTAssertNotNil(error.location?.path)
          }
        }
      }
    }
  }

  func testUncompressedSizeMustMatchTheChunkTable() throws {
    let directory = try TemporaryDirectory()
    var bytes = try fixtureBytes("dictd/swa-eng-dz.dict.dz")
    bytes.replaceSubrange((bytes.count - 4)..<bytes.count, with: [0xFF, 0xFF, 0xFF, 0x0F])
    let path = try directory.write(bytes: bytes, to: "big.dict.dz")
    try directory.write(bytes: try fixtureBytes("dictd/swa-eng-dz.index"), to: "big.index")
    let error = expectLexiconError { _ = try DictdText(path: path) }
    XCTAssertEqual(
      error?.description,
      "\(path): error: broken dictzip chunk table at byte \(bytes.count - 4): expected an uncompressed size (gzip ISIZE) of 513–576 bytes for 9 chunks of 64, found 268435455")
  }
}
