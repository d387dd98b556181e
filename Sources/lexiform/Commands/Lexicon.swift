import ArgumentParser
import Lexiform

extension LexiconFormat: ExpressibleByArgument {}

extension LexiformCommand {
  /// `lexiform lexicon …`: bilingual lexicons in every format linguists have.
  struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lexicon",
      abstract: "Import, convert, inspect, merge and pivot bilingual lexicons (LIFT, Apertium .dix, TEI, dictd, Kaikki, TSV).",
      subcommands: [Stats.self, Convert.self, Lookup.self, Invert.self, Merge.self, Pivot.self]
    )
  }
}

/// Options every `lexicon` verb that reads a lexicon takes.
struct LexiconInputOptions: ParsableArguments {
  @Option(help: "The input format (default: detected from the content, then the extension).")
  var from: LexiconFormat?

  @Option(name: .customLong("source-lang"), help: "The headword language, when the file does not say (BCP 47 or ISO 639-3).")
  var sourceLanguage: String?

  @Option(name: .customLong("target-lang"), help: "The translation language, when the file does not say.")
  var targetLanguage: String?

  func readerOptions(lenient: Bool) -> LexiconReaderOptions {
    LexiconReaderOptions(
      lenient: lenient, sourceLanguage: sourceLanguage.map { LanguageTag($0) },
      targetLanguage: targetLanguage.map { LanguageTag($0) })
  }
}

/// Reports what a lenient reader skipped, on stderr.
func reportSkipped(_ skipped: SkipCounter) {
  for line in skipped.report() { StandardError.writeLine(line) }
}
