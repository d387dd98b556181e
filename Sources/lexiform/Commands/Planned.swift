import ArgumentParser

/// Command groups whose verbs arrive in later versions. Each prints its
/// purpose in `--help`; running it says it is not available yet and exits 2.
protocol PlannedCommand: ParsableCommand {}

extension PlannedCommand {
  mutating func run() throws {
    throw ValidationError(
      "'lexiform \(Self._commandName)' is not available in this version of Lexiform yet.")
  }
}

extension LexiformCommand {
  struct Lexicon: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import, convert, inspect, merge and pivot bilingual lexicons (LIFT, Apertium .dix, TEI, dictd, Kaikki, TSV).")
    @OptionGroup var globals: GlobalOptions
  }

  struct UniMorph: PlannedCommand {
    static let configuration = CommandConfiguration(
      commandName: "unimorph",
      abstract: "Validate, query, convert and split UniMorph tables.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Parallel: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read, align and filter parallel text (Moses, TMX, OPUS, Bibles) and induce lexicons from it.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Tokenize: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Split text into words in any script, with orthography profiles per language.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Normalize: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Normalize text (NFC, NFD, NFKC, case, apostrophes, whitespace), line by line.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Scripts: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Identify the scripts of text, per line, against the scripts a language uses.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Augment: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make training data with lexicons: word-by-word translation, code-switching, hallucination.")
    @OptionGroup var globals: GlobalOptions
  }

  struct Inflect: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train, run and score SIGMORPHON-style morphological inflection models.")
    @OptionGroup var globals: GlobalOptions
  }
}
