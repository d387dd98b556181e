import ArgumentParser

extension LexiformCommand {
  struct Tokenize: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Split text into words in any script, with orthography profiles per language.")
    @OptionGroup var globals: GlobalOptions
  }
}
