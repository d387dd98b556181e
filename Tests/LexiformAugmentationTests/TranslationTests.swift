import LexiformAugmentation
import LexiformCore
import LexiformTokenization
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

/// Inflects Spanish verbs for the past by a rule: the test's stand-in for a model.
final class PastTenseInflector: LemmaInflector {
  var calls: [(String, String)] = []
  func inflect(lemma: String, tags: String) -> String? {
    calls.append((lemma, tags))
    guard tags == "V;PST", lemma.hasSuffix("ar") else { return nil }
    return String(lemma.dropLast(2)) + "ó"
  }
}

final class TranslationTests: XCTestCase {
  func tokenizer() throws -> Tokenizer { try Tokenizer(options: TokenizerOptions(language: "en")) }

  func table(_ names: [String] = ["en-es.tsv"], target: String? = "es") throws -> TranslationTable {
    try TranslationTable.load(
      paths: try names.map { try fixturePath($0) }, targetLanguage: target, tokenizer: try tokenizer()
    ).table
  }

  /// Runs augmenters over `input` and returns the output and the summary.
  func augment(
    _ input: String, format: AugmentationFormat = .text, tables: [TranslationTable]? = nil,
    options: AugmentationOptions = AugmentationOptions(), threads: Int = 1, shard: Shard? = nil,
    morphology: MorphologyTables? = nil, inflector: (any LemmaInflector)? = nil, lenient: Bool = false
  ) throws -> (String, AugmentationSummary) {
    let directory = try TemporaryDirectory()
    let path = try directory.write(input, to: "input")
    let tables = try tables ?? [try table()]
    let first = try tokenizer()
    let augmenters = try (0..<threads).map { thread -> RecordAugmenter in
      let augmenter = RecordAugmenter.make(
        format: format, tables: tables, options: options, tokenizer: thread == 0 ? first : try first.makeCompanion(),
        morphology: morphology, inflector: inflector)
      augmenter.lenient = lenient
      return augmenter
    }
    var output: [UInt8] = []
    let summary = try AugmentationRunner(format: format, threads: threads, shard: shard).run(
      readers: [try LineReader(path: path)], augmenters: augmenters, write: { output += $0 })
    return (String(decoding: output, as: UTF8.self), summary)
  }

  func testTableRanksByScoreAndKnowsMultiwordHeadwords() throws {
    let table = try table()
    let tokenizer = try tokenizer()
    XCTAssertEqual(table.translations(of: "House", tokenizer: tokenizer), ["casa", "hogar"])
    XCTAssertEqual(table.translations(of: "new york city", tokenizer: tokenizer), ["ciudad de Nueva York"])
    XCTAssertEqual(table.translations(of: "york", tokenizer: tokenizer), [])
    XCTAssertEqual(table.phraseCount, 3)
    XCTAssertEqual(table.language, "es")
  }

  func testCaseFoldingIsLocaleAwareAndCasingFollowsTheSource() {
    let turkish = KeyFolder(locale: "tr")
    XCTAssertEqual(turkish.key("İSTANBUL"), "istanbul")
    XCTAssertEqual(turkish.key("ISPARTA"), "ısparta")
    XCTAssertEqual(KeyFolder(locale: "en").key("ISPARTA"), "isparta")
    XCTAssertEqual(turkish.apply(.title, to: "izmir"), "İzmir")
    XCTAssertEqual(turkish.apply(.upper, to: "izmir"), "İZMİR")
    XCTAssertEqual(KeyFolder(locale: "").apply(.title, to: "ǆungla"), "ǅungla")
    XCTAssertEqual(KeyFolder(locale: "de").apply(.upper, to: "straße"), "STRASSE")
    let cases: [(String, WordCasing)] = [
      ("house", .lower), ("House", .title), ("HOUSE", .upper), ("I", .title), ("iPhone", .mixed),
      ("ÉCOLE", .upper), ("École", .title), ("2024", .lower), ("ʻokina", .lower),
    ]
    for (word, expected) in cases {
      var copy = word
      XCTAssertEqual(copy.withUTF8 { WordCasing.of($0) }, expected, word)
    }
  }

  func testTextKeepsSpacingPunctuationNumbersAndCase() throws {
    let input = "The red house is BIG, I like ice cream!\n  I live in new york  2024 times.\nunknown words\n"
    let (kept, summary) = try augment(input)
    XCTAssertEqual(
      kept,
      "El rojo casa is GRANDE, Yo me gusta helado!\n  Yo vivir en Nueva York  2024 times.\nunknown words\n")
    XCTAssertEqual(summary.records, 3)
    XCTAssertEqual(summary.wordTokens, 17)
    XCTAssertEqual(summary.translatedTokens, 13)
    XCTAssertEqual(summary.phraseReplacements, 2)
    XCTAssertEqual(summary.topUntranslated.map(\.word), ["is", "times", "unknown", "words"])
    XCTAssertEqual(summary.types, 16)
    let (dropped, droppedSummary) = try augment(input, options: AugmentationOptions(dropsUnknown: true))
    XCTAssertEqual(dropped, "El rojo casa GRANDE, Yo me gusta helado!\n  Yo vivir en Nueva York  2024.\n\n")
    XCTAssertEqual(droppedSummary.droppedTokens, 4)
  }

  func testSamplingIsSeededPerRecordAndIndependentOfThreads() throws {
    let input = String(repeating: "the house\n", count: 400)
    func run(seed: UInt64, threads: Int) throws -> String {
      try augment(input, options: AugmentationOptions(choice: .sample, seed: seed), threads: threads).0
    }
    let one = try run(seed: 1, threads: 1)
    XCTAssertEqual(one, try run(seed: 1, threads: 2))
    XCTAssertEqual(one, try run(seed: 1, threads: 3))
    XCTAssertNotEqual(one, try run(seed: 2, threads: 1))
    let lines = one.split(separator: "\n")
    let casa = lines.filter { $0 == "el casa" }.count
    let hogar = lines.filter { $0 == "el hogar" }.count
    XCTAssertEqual(casa + hogar, 400)
    // Weighted by score 0.9 : 0.4.
    XCTAssertTrue((230...320).contains(casa), "casa \(casa) of 400")
    // Best is always casa.
    XCTAssertFalse(try augment(input).0.contains("hogar"))
  }

  func testShardsTogetherEqualTheWholeRun() throws {
    let input = (0..<50).map { "the house \($0) cat\n" }.joined()
    let options = AugmentationOptions(mode: .codeswitch(ratio: 0.7, cross: 0.5), seed: 9)
    let tables = [try table(), try table(["en-fr.tei"], target: "fr")]
    let whole = try augment(input, tables: tables, options: options).0.split(separator: "\n")
    var merged = [Substring](repeating: "", count: whole.count)
    for i in 0..<3 {
      let part = try augment(input, tables: tables, options: options, threads: 2, shard: Shard(index: i, count: 3)).0
      for (k, line) in part.split(separator: "\n").enumerated() { merged[k * 3 + i] = line }
    }
    XCTAssertEqual(merged, whole)
    XCTAssertTrue(whole.contains { $0.contains("maison") || $0.contains("chat") }, "French was drawn")
    XCTAssertTrue(whole.contains { $0.contains("casa") || $0.contains("gato") }, "Spanish was drawn")
    XCTAssertTrue(whole.contains { $0 == "the house \(whole.firstIndex(of: $0) ?? 0) cat" }, "some records not picked")
  }

  func testCoNLLSpansGrowAndShrinkAndDroppedLabelsPassOn() throws {
    let input = try String(contentsOfFile: try fixturePath("ner.conll"), encoding: .utf8)
    let (output, summary) = try augment(input, format: .conll, options: AugmentationOptions(dropsUnknown: true))
    XCTAssertEqual(
      output,
      """
      -DOCSTART-\tO\tO

      María\tNNP\tB-PER
      visitó\tVBD\tO
      Ciudad\tNNP\tB-LOC
      de\tNNP\tI-LOC
      Nueva\tNNP\tI-LOC
      York\tNNP\tI-LOC
      .\t.\tO

      Yo\tPRP\tO
      me\tVBP\tO
      gusta\tVBP\tO
      helado\tNN\tB-FOOD

      # a sentence with unknown words
      casa\tNN\tB-ORG
      el\tDT\tO
      grande\tJJ\tB-X


      """)
    XCTAssertEqual(summary.movedLabels, 1)
    XCTAssertEqual(summary.droppedTokens, 3)
    XCTAssertEqual(summary.records, 4)
  }

  func testCoNLLAndMassiveAreTheSameOnAnyNumberOfThreadsAndShards() throws {
    let conll = String(repeating: try String(contentsOfFile: try fixturePath("ner.conll"), encoding: .utf8) + "\n", count: 150)
    let massive = String(repeating: try String(contentsOfFile: try fixturePath("massive.jsonl"), encoding: .utf8), count: 200)
    let tables = [try table(), try table(["en-fr.tei"], target: "fr")]
    for (input, format) in [(conll, AugmentationFormat.conll), (massive, .massive)] {
      let options = AugmentationOptions(mode: .codeswitch(ratio: 0.9, cross: 0.6), choice: .sample, seed: 5)
      let one = try augment(input, format: format, tables: tables, options: options).0
      XCTAssertEqual(one, try augment(input, format: format, tables: tables, options: options, threads: 3).0, "\(format)")
      XCTAssertTrue(one.contains("maison") || one.contains("chat") || one.contains("glace"), "\(format): French drawn")
      let separator = format == .conll ? "\n\n" : "\n"
      let whole = one.components(separatedBy: separator).filter { !$0.isEmpty }
      var merged = [String](repeating: "", count: whole.count)
      for i in 0..<2 {
        let part = try augment(input, format: format, tables: tables, options: options, threads: 2, shard: Shard(index: i, count: 2)).0
        for (k, record) in part.components(separatedBy: separator).filter({ !$0.isEmpty }).enumerated() {
          merged[2 * k + i] = record
        }
      }
      XCTAssertEqual(merged, whole, "\(format)")
    }
  }

  func testCoNLLMatchesNeverCrossEntityBoundaries() throws {
    // "New" ends one entity and "York" starts another: no multiword match.
    let input = "New\tB-LOC\nYork\tB-LOC\n\nnew\tO\nyork\tO\n"
    let (output, _) = try augment(input, format: .conll)
    XCTAssertEqual(output, "New\tB-LOC\nYork\tB-LOC\n\nNueva\tO\nYork\tO\n\n")
  }

  func testCoNLLErrorNamesTheLine() throws {
    XCTAssertThrowsError(try augment("good\tO\nbad-line-without-label\n", format: .conll)) { error in
      let message = "\(error)"
      XCTAssertTrue(message.contains("/input:2:1: error: expected a token and a label"), message)
    }
    let (output, summary) = try augment("x\tO\n\nbad\n\nthe\tO\n", format: .conll, lenient: true)
    XCTAssertEqual(output, "x\tO\n\nel\tO\n\n")
    XCTAssertEqual(summary.skipped.total, 1)
  }

  func testMassiveTranslatesInsideSlotsAndKeepsOtherFields() throws {
    let input = try String(contentsOfFile: try fixturePath("massive.jsonl"), encoding: .utf8)
    let (output, summary) = try augment(input, format: .massive, options: AugmentationOptions(targetLocale: "es-ES"))
    XCTAssertEqual(
      output,
      """
      {"id": "7", "locale": "es-ES", "partition": "train", "scenario": "alarm", "intent": "alarm_set", "utt": "despertar me up a las cinco am", "annot_utt": "despertar me up a las [time : cinco am]", "worker_id": "12", "slot_method": [{"slot": "time", "method": "translation"}], "judgments": [{"worker_id": "3", "intent_score": 1}]}
      {"id": "8", "locale": "es-ES", "partition": "test", "scenario": "general", "intent": "general_quirky", "utt": "Yo me gusta el rojo casa en Nueva York", "annot_utt": "Yo me gusta [item : el rojo casa] en [place_name : Nueva York]"}

      """)
    XCTAssertEqual(summary.records, 2)
    // Dropping every word of a slot keeps the slot's words.
    let (dropped, droppedSummary) = try augment(
      "{\"utt\":\"blorp red\",\"annot_utt\":\"[x : blorp] red\",\"locale\":\"en-US\"}\n", format: .massive,
      options: AugmentationOptions(dropsUnknown: true))
    XCTAssertEqual(dropped, "{\"utt\":\"blorp rojo\",\"annot_utt\":\"[x : blorp] rojo\",\"locale\":\"es\"}\n")
    XCTAssertEqual(droppedSummary.keptSlots, 1)
  }

  func testMassiveErrorsNameTheLineAndColumn() throws {
    let bad = "{\"utt\":\"a\",\"annot_utt\":\"[time : five\"}\n"
    XCTAssertThrowsError(try augment("{\"annot_utt\":\"ok\"}\n" + bad, format: .massive)) { error in
      XCTAssertTrue(
        "\(error)".hasSuffix(
          "/input:2: error: annot_utt: expected ']' closing the slot opened at character 1, found the end of the text"),
        "\(error)")
    }
    XCTAssertThrowsError(try augment("{\"utt\": 1}\n", format: .massive)) { error in
      XCTAssertTrue("\(error)".hasSuffix("/input:1: error: expected a string member \"annot_utt\", found none"), "\(error)")
    }
    XCTAssertThrowsError(try augment("{\"annot_utt\": \"x\"\n", format: .massive)) { error in
      XCTAssertTrue("\(error)".hasSuffix("/input:1:18: error: expected ',' or '}' after an object member, found end of input"), "\(error)")
    }
  }

  func testMorphologyAwareTranslation() throws {
    let morphology = try MorphologyTables(
      source: UniMorphTableReader(paths: [try fixturePath("eng.unimorph")]),
      target: UniMorphTableReader(paths: [try fixturePath("spa.unimorph")]), sourceLocale: "en", targetLocale: "es")
    XCTAssertEqual(morphology.analyses(of: "Walked").map(\.lemma), ["walk"])
    XCTAssertEqual(morphology.targetForm(lemma: "caminar", tags: "PST;V"), "caminó")
    let input = "The cats walked and Maria sang. She saw HOUSES, walks\n"
    let (plain, summary) = try augment(input, morphology: morphology)
    XCTAssertEqual(plain, "El gatos caminó y María cantar. She ver CASAS, camina\n")
    XCTAssertEqual(summary.analysedWords, 6)
    XCTAssertEqual(summary.inflectedFromTable, 4)
    XCTAssertEqual(summary.plainFallbacks, 2)
    let inflector = PastTenseInflector()
    let (modelled, modelSummary) = try augment(input, morphology: morphology, inflector: inflector)
    XCTAssertEqual(modelled, "El gatos caminó y María cantó. She ver CASAS, camina\n")
    XCTAssertEqual(modelSummary.inflectedByModel, 1)
    XCTAssertEqual(modelSummary.plainFallbacks, 1)
    XCTAssertEqual(inflector.calls.map(\.0), ["cantar", "ver"])
  }
}
