import ArgumentParser

extension LexiformCommand {
  struct Normalize: PlannedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Normalize text (NFC, NFD, NFKC, case, apostrophes, whitespace), line by line.")
    @OptionGroup var globals: GlobalOptions
  }
}
