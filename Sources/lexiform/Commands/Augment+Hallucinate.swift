import ArgumentParser
import Lexiform

extension HallucinationOptions.StemRegions: ExpressibleByArgument {}

extension LexiformCommand.Augment {
  /// `lexiform augment hallucinate TRAIN [--n K] [--seed N]`.
  struct Hallucinate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "hallucinate",
      abstract: "Make synthetic inflection triples by replacing shared stems with random letters.",
      discussion: """
        Anastasopoulos & Neubig (2019): lemma and form are aligned by longest common substrings; \
        aligned regions of at least --min-stem grapheme clusters are the stem, and each of their \
        letters is replaced by a letter drawn from the language's alphabet (the letters of TRAIN, \
        or --alphabet), the same in lemma and form. Writes --n synthetic triples per real one in \
        TRAIN's column order (lemma-form-tags or lemma-tags-form, detected or given with \
        --columns); rows without a stem are passed over and counted on stderr. Row i draws from \
        stream i of --seed, so the same seed gives byte-identical output.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: UniMorphInputOptions

    @Option(name: .customLong("n"), help: "Synthetic triples per real triple.")
    var count: Int = 10

    @Option(name: .customLong("min-stem"), help: "The shortest aligned region, in characters, that counts as stem.")
    var minimumStem: Int = 3

    @Option(help: "Which aligned regions are replaced: all of at least --min-stem, or only the longest.")
    var stemRegions: HallucinationOptions.StemRegions = .all

    @Option(help: "The letters to draw from, written together (default: the letters of TRAIN).")
    var alphabet: String?

    @Flag(help: "Write each real triple before its synthetic ones.")
    var keepOriginal = false

    @Option(name: .shortAndLong, help: "Where to write (default: standard output; written to a temporary file, then renamed).")
    var output: String = "-"

    @Argument(help: "The training table (.gz is read transparently; - is standard input).")
    var train: String

    func validate() throws {
      guard count >= 0 else { throw ValidationError("--n must be at least 0, not \(count)") }
      guard minimumStem >= 1 else { throw ValidationError("--min-stem must be at least 1, not \(minimumStem)") }
      if let alphabet, !alphabet.contains(where: { !$0.isWhitespace }) {
        throw ValidationError("--alphabet has no letters")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      // The alphabet needs every row before the first is written: a file is
      // read twice, standard input is kept (training sets are small).
      var kept: [InflectionTriple] = []
      var keptOrder = UniMorphColumnOrder.lemmaFormTags
      var letters: [Character]? = alphabet.map(Array.init)
      if letters == nil || train == "-" {
        let first = input.reader([train], lenient: options.lenient)
        var found = Set<Character>()
        while let entry = try first.next() {
          let triple = InflectionTriple(lemma: entry.lemma, form: entry.form, tags: entry.tags)
          if train == "-" { kept.append(triple) }
          if letters == nil { found.formUnion(Hallucinator.letters(of: CollectionOfOne(triple))) }
        }
        keptOrder = first.columnOrder
        if train == "-" { reportReading(first, quiet: options.quiet) }
        if letters == nil { letters = Array(found) }
      }
      let hallucinator = try Hallucinator(
        alphabet: letters ?? [],
        options: HallucinationOptions(
          count: count, minimumStemLength: minimumStem, stemRegions: stemRegions, seed: options.seed))
      var summary = Hallucinator.Summary()
      let out = try AtomicOutput(path: output)
      let progress = ProgressReporter(label: "hallucinate", unit: .items("rows"), quiet: options.quiet)
      func emit(_ triple: InflectionTriple, _ index: Int, _ order: UniMorphColumnOrder) throws {
        if keepOriginal { try out.write(Self.line(triple, order)) }
        for made in hallucinator.hallucinate(triple, index: index, summary: &summary) {
          try out.write(Self.line(made, order))
        }
        progress.advance()
      }
      if train == "-" {
        for (index, triple) in kept.enumerated() { try emit(triple, index, keptOrder) }
      } else {
        let reader = input.reader([train], lenient: options.lenient)
        var index = 0
        while let entry = try reader.next() {
          try emit(InflectionTriple(lemma: entry.lemma, form: entry.form, tags: entry.tags), index, reader.columnOrder)
          index += 1
        }
        reportReading(reader, quiet: options.quiet)
      }
      try out.commit()
      progress.finish()
      StandardError.writeLine(
        "hallucinate: \(summary.real) real triples, \(summary.synthetic) synthetic, "
          + "\(summary.withoutStem) without a stem of \(minimumStem)+ characters, \(summary.givenUp) given up "
          + "(alphabet of \(hallucinator.alphabet.count) letters)")
    }

    private static func line(_ triple: InflectionTriple, _ order: UniMorphColumnOrder) -> String {
      order == .lemmaFormTags
        ? "\(triple.lemma)\t\(triple.form)\t\(triple.tags)\n" : "\(triple.lemma)\t\(triple.tags)\t\(triple.form)\n"
    }
  }
}
