import ArgumentParser

extension LexiformCommand {
  struct UniMorph: PlannedCommand {
    static let configuration = CommandConfiguration(
      commandName: "unimorph",
      abstract: "Validate, query, convert and split UniMorph tables.")
    @OptionGroup var globals: GlobalOptions
  }
}
