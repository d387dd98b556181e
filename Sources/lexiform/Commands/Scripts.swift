import ArgumentParser

extension LexiformCommand {
  struct Scripts: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Identify the scripts of text, per line, against the scripts a language uses.")
    @OptionGroup var globals: GlobalOptions
  }
}
