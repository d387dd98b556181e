import ArgumentParser

extension LexiformCommand {
  struct Inflect: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train, run and score SIGMORPHON-style morphological inflection models.")
    @OptionGroup var globals: GlobalOptions
  }
}
