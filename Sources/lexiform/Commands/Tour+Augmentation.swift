import FoundationEssentials
import Lexiform

extension TourReport {
  /// The augmentation step: English samples translated word by word into
  /// Swahili (text with morphology, CoNLL labels, MASSIVE slots),
  /// code-switched into Swahili and French, and inflection data hallucinated
  /// from the Finnish training sample.
  mutating func augmentationStep(_ samples: String) throws {
    section("Augmentation: lexicon-based translation with labels and morphology, code-switching, hallucination")
    let tokenizer = try Tokenizer(options: TokenizerOptions(language: "en"))
    let (swahili, _) = try TranslationTable.load(
      paths: [samples + "/eng-swh.augment.tsv"], sourceLanguage: "en", targetLanguage: "sw", tokenizer: tokenizer)
    let (french, _) = try TranslationTable.load(
      paths: [samples + "/eng-fra.augment.tei"], sourceLanguage: "en", targetLanguage: "fr", tokenizer: tokenizer)
    lines.append(
      "  eng-swh.augment.tsv: \(swahili.sourceCount) sources (\(swahili.phraseCount) multiword), \(swahili.pairCount) pairs; "
        + "eng-fra.augment.tei: \(french.pairCount) pairs")
    let morphology = try MorphologyTables(
      source: UniMorphTableReader(paths: [samples + "/eng.augment.unimorph.tsv"]),
      target: UniMorphTableReader(paths: [samples + "/swh.augment.unimorph.tsv"]), sourceLocale: "en",
      targetLocale: "sw")
    func augment(
      _ file: String, _ format: AugmentationFormat, _ tables: [TranslationTable], _ options: AugmentationOptions,
      morphology: MorphologyTables? = nil
    ) throws -> (String, AugmentationSummary) {
      let augmenter = RecordAugmenter.make(
        format: format, tables: tables, options: options, tokenizer: tokenizer, morphology: morphology)
      var output: [UInt8] = []
      let summary = try AugmentationRunner(format: format, threads: 1).run(
        readers: [try LineReader(path: samples + "/" + file)], augmenters: [augmenter], write: { output += $0 })
      return (String(decoding: output, as: UTF8.self), summary)
    }
    let (text, summary) = try augment(
      "augment.eng.txt", .text, [swahili], AugmentationOptions(seed: seed), morphology: morphology)
    lines.append(
      "  lexiform augment translate augment.eng.txt (with eng/swh UniMorph tables): coverage "
        + "\(percent(summary.tokenCoverage)) of words, \(summary.phraseReplacements) multiword matches, "
        + "\(summary.inflectedFromTable) inflected from the Swahili table, \(summary.plainFallbacks) plain")
    for line in text.split(separator: "\n").prefix(3) + text.split(separator: "\n").suffix(1) {
      lines.append("    \(line)")
    }
    let (conll, conllSummary) = try augment(
      "augment.eng.conll", .conll, [swahili], AugmentationOptions(dropsUnknown: true, seed: seed))
    let labelled = conll.split(separator: "\n\n", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
    lines.append(
      "  --format conll --drop-unknown: a 2-word LOC span becomes 3 words, B-/I- kept "
        + "(\(conllSummary.droppedTokens) words dropped):")
    lines.append("    " + labelled.split(separator: "\n").map { $0.replacing("\t", with: "/") }.joined(separator: " "))
    let (massive, _) = try augment(
      "augment.eng.jsonl", .massive, [swahili], AugmentationOptions(seed: seed, targetLocale: "sw-KE"))
    if let first = massive.split(separator: "\n").first,
      let record = try? JSONParser.parse(String(first)), let annotation = record["annot_utt"]?.stringValue
    {
      lines.append("  --format massive: annot_utt \"\(annotation)\", locale \(record["locale"]?.stringValue ?? "?")")
    }
    let (switched, switchSummary) = try augment(
      "augment.eng.txt", .text, [swahili, french],
      AugmentationOptions(mode: .codeswitch(ratio: 1, cross: 0.5), seed: seed))
    let byLexicon = switchSummary.switchesByLexicon.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
    lines.append("  lexiform augment codeswitch --ratio 1 --cross 0.5: \(byLexicon.joined(separator: ", ")) switches")
    for line in switched.split(separator: "\n").prefix(2) { lines.append("    \(line)") }
    let train = try SIGMORPHONReader.read(samples + "/fin.inflect.trn")
    let triples = train.examples.map { InflectionTriple(lemma: $0.lemma, form: $0.form ?? "", tags: $0.tags) }
    let hallucinator = try Hallucinator(learningFrom: triples, options: HallucinationOptions(count: 2, seed: seed))
    let (made, madeSummary) = hallucinator.hallucinate(triples)
    lines.append(
      "  lexiform augment hallucinate fin.inflect.trn --n 2: \(madeSummary.synthetic) synthetic rows from "
        + "\(madeSummary.real) (alphabet of \(hallucinator.alphabet.count) letters), e.g.")
    for (real, fake) in zip(triples.prefix(2), made.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)) {
      lines.append("    \(real.lemma) → \(real.form) \(real.tags)   ⇒   \(fake.lemma) → \(fake.form)")
    }
  }

  private func percent(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
