import LexiformAugmentation
import Foundation
import LexiformCore
import LexiformTokenization
import LexiformUnicode
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

/// Augmentation on the shared real data (skipped when it is absent).
final class RealDataTests: XCTestCase {
  func testHallucinationOnSharedTaskTrainingSets() throws {
    for language in ["amh", "heb", "eng"] {
      let reader = UniMorphTableReader(paths: [try sharedDataURL("sigmorphon2023/\(language).trn")])
      var triples: [InflectionTriple] = []
      while let entry = try reader.next() {
        triples.append(InflectionTriple(lemma: entry.lemma, form: entry.form, tags: entry.tags))
      }
      let hallucinator = try Hallucinator(learningFrom: triples, options: HallucinationOptions(count: 2, seed: 1))
      let (made, summary) = hallucinator.hallucinate(triples)
      XCTAssertEqual(summary.real, triples.count, language)
      XCTAssertEqual(summary.synthetic, made.count, language)
      // Ethiopic syllables and Hebrew root-and-pattern forms share fewer
      // runs of 3 characters with their lemma than English does.
      let share = Double(summary.real - summary.withoutStem) / Double(summary.real)
      XCTAssertGreaterThan(share, language == "eng" ? 0.9 : 0.25, "\(language): rows with a stem")
      XCTAssertEqual(summary.synthetic + summary.givenUp, 2 * (summary.real - summary.withoutStem), language)
      let normalizer = try Normalizer(.nfc)
      let tags = Set(triples.map(\.tags))
      for triple in made.prefix(2000) {
        XCTAssertTrue(try normalizer.isNormalized(triple.lemma) && normalizer.isNormalized(triple.form), "\(triple)")
        XCTAssertTrue(tags.contains(triple.tags), "\(triple)")
      }
    }
  }

  func testSwahiliVersesWithFreeDict() throws {
    let bible = try String(contentsOfFile: try sharedDataURL("bible/Swahili-NT.xml"), encoding: .utf8)
    var verses: [String] = []
    // CES: <seg id="b.MAT.1.1" type="verse">, the verse on the next line, </seg>.
    let lines = bible.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, line) in lines.enumerated() where line.contains("<seg ") && i + 1 < lines.count {
      let verse = lines[i + 1].trimmingCharacters(in: .whitespaces)
      if !verse.isEmpty, !verse.hasPrefix("<") { verses.append(verse) }
      if verses.count == 300 { break }
    }
    XCTAssertEqual(verses.count, 300)
    let tokenizer = try Tokenizer(options: TokenizerOptions(language: "sw"))
    let (table, reports) = try TranslationTable.load(
      paths: [try sharedDataURL("lexicons/freedict/swh-eng.tei")], sourceLanguage: "sw", targetLanguage: "en",
      tokenizer: tokenizer)
    XCTAssertGreaterThan(reports[0].pairs, 1000)
    let directory = try TemporaryDirectory()
    let path = try directory.write(verses.joined(separator: "\n") + "\n", to: "swh.txt")
    let augmenter = RecordAugmenter.make(format: .text, tables: [table], options: AugmentationOptions(), tokenizer: tokenizer)
    var output: [UInt8] = []
    let summary = try AugmentationRunner(format: .text, threads: 1).run(
      readers: [try LineReader(path: path)], augmenters: [augmenter], write: { output += $0 })
    let written = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(written.count, 301)
    XCTAssertEqual(summary.records, 300)
    XCTAssertGreaterThan(summary.tokenCoverage, 0.2, summary.lines.joined(separator: "\n"))
    XCTAssertLessThan(summary.tokenCoverage, 1)
    XCTAssertFalse(summary.topUntranslated.isEmpty)
  }
}
