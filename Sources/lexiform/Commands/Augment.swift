import ArgumentParser

extension LexiformCommand {
  struct Augment: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make training data with lexicons: word-by-word translation, code-switching, hallucination.")
    @OptionGroup var globals: GlobalOptions
  }
}
