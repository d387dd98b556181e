import ArgumentParser
import Lexiform

extension LexiformCommand.Augment {
  /// `lexiform augment translate --lexicon FILE… [--format text|conll|massive] [FILE]`.
  struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "translate",
      abstract: "Translate text word by word with bilingual lexicons, keeping labels.",
      discussion: """
        Wang, Ruder & Neubig (2022): each word, or the longest multiword headword starting at it, is \
        replaced by a translation; lookup ignores case (by the source language's rules) and the \
        translation is cased like the source (lower, Title, UPPER). Punctuation and numbers are kept; \
        words without a translation are kept, or dropped with --drop-unknown. With several lexicons, \
        their pairs are pooled. Writes one record per input record, in order, in the input's format; \
        CoNLL and MASSIVE labels are carried through (see 'lexiform augment --help').
        With --src-unimorph, a word found in that table is analysed into lemma and features, the \
        lemma is translated and inflected for the same features from --tgt-unimorph, else by \
        --inflection-model (a model trained with 'lexiform inflect train' on the target language); \
        words neither can inflect are translated plainly, counted in the summary.
        A summary (records, tokens, replacements, coverage by token and type, most frequent \
        untranslated words) goes to stderr, and as JSON to --summary FILE.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var common: AugmentCommonOptions

    @Flag(help: "Drop words that have no translation instead of keeping them.")
    var dropUnknown = false

    @Option(help: ArgumentHelp("The source language's UniMorph table, to analyse words into lemma + features.", valueName: "table"))
    var srcUnimorph: String?

    @Option(help: ArgumentHelp("The target language's UniMorph table, to inflect translated lemmas.", valueName: "table"))
    var tgtUnimorph: String?

    @Option(
      help: ArgumentHelp(
        "A model from 'lexiform inflect train', to inflect translated lemmas the target table lacks.",
        valueName: "model"))
    var inflectionModel: String?

    @OptionGroup var tables: UniMorphInputOptions

    func validate() throws {
      if (tgtUnimorph != nil || inflectionModel != nil) && srcUnimorph == nil {
        throw ValidationError(
          "--tgt-unimorph and --inflection-model go with --src-unimorph (words are analysed with the source table)")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let tokenizer = try common.makeTokenizer(quiet: options.quiet)
      let table = try common.loadTable(common.lexicons, tokenizer: tokenizer, lenient: options.lenient, quiet: options.quiet)
      var morphology: MorphologyTables?
      if let srcUnimorph {
        let source = tables.reader([srcUnimorph], lenient: options.lenient)
        let target = tgtUnimorph.map { tables.reader([$0], lenient: options.lenient) }
        morphology = try MorphologyTables(
          source: source, target: target, sourceLocale: common.sourceLanguage ?? "",
          targetLocale: common.targetLanguage ?? "")
        reportReading(source, quiet: options.quiet)
        if let target { reportReading(target, quiet: options.quiet) }
      }
      let model = try inflectionModel.map { try ModelFile.load($0).model }
      let augmentOptions = AugmentationOptions(
        mode: .translate, choice: common.choose, dropsUnknown: dropUnknown, seed: options.seed,
        targetLocale: common.targetLanguage, reportedUntranslated: common.top)
      let augmenters = try common.makeAugmenters(
        tables: [table], options: augmentOptions, tokenizer: tokenizer, morphology: morphology,
        inflector: { model.map(ModelInflector.init) })
      try common.run(
        command: "translate", augmenters: augmenters, switchesPath: nil, globals: options,
        extra: [("lexicons", common.lexicons.joined(separator: ","))])
    }
  }
}

/// An inflection model from LexiformInflection as morphology-aware
/// translation's ``LemmaInflector``: its best prediction.
final class ModelInflector: LemmaInflector {
  let model: any InflectionModel

  init(_ model: any InflectionModel) { self.model = model }

  func inflect(lemma: String, tags: String) -> String? {
    model.predict(lemma: lemma, tags: tags, nBest: 1).first?.form
  }
}
