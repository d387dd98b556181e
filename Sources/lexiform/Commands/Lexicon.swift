import ArgumentParser

extension LexiformCommand {
  struct Lexicon: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import, convert, inspect, merge and pivot bilingual lexicons (LIFT, Apertium .dix, TEI, dictd, Kaikki, TSV).")
    @OptionGroup var globals: GlobalOptions
  }
}
