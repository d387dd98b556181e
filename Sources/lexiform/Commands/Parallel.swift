import ArgumentParser

extension LexiformCommand {
  struct Parallel: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read, align and filter parallel text (Moses, TMX, OPUS, Bibles) and induce lexicons from it.")
    @OptionGroup var globals: GlobalOptions
  }
}
