import ArgumentParser
import Lexiform

extension LexiformCommand.Augment {
  /// `lexiform augment codeswitch --lexicon FILE… --ratio α --cross β [FILE]`.
  struct Codeswitch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "codeswitch",
      abstract: "Code-switch words into other languages, CoSDA-ML style, keeping labels.",
      discussion: """
        Qin et al. (2020): each record is picked with probability --ratio, and each word of a picked \
        record with probability --cross; a picked word is replaced by its translation into a language \
        drawn uniformly from the lexicons (one lexicon per language; kept when that lexicon lacks it). \
        Record i draws from stream i of --seed. --switches FILE writes, per output record, a JSON line \
        {"record":i,"switches":[{"token":k,"source":…,"target":…,"lexicon":…}]} naming each switched \
        token (k counts the record's tokens from 0).
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var common: AugmentCommonOptions

    @Option(help: ArgumentHelp("The probability that a record is code-switched (α).", valueName: "α"))
    var ratio: Double

    @Option(help: ArgumentHelp("The probability that a word of a picked record is switched (β).", valueName: "β"))
    var cross: Double

    @Option(help: ArgumentHelp("Write which tokens were switched, one JSON line per record, to this file.", valueName: "file"))
    var switches: String?

    func validate() throws {
      for (name, value) in [("--ratio", ratio), ("--cross", cross)] where !(value >= 0 && value <= 1) {
        throw ValidationError("\(name) must be between 0 and 1, not \(value)")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let tokenizer = try common.makeTokenizer(quiet: options.quiet)
      var tables: [TranslationTable] = []
      for path in common.lexicons {
        tables.append(try common.loadTable([path], tokenizer: tokenizer, lenient: options.lenient, quiet: options.quiet))
      }
      let augmentOptions = AugmentationOptions(
        mode: .codeswitch(ratio: ratio, cross: cross), choice: common.choose, seed: options.seed,
        targetLocale: common.targetLanguage, reportedUntranslated: common.top)
      let augmenters = try common.makeAugmenters(
        tables: tables, options: augmentOptions, tokenizer: tokenizer, recordsSwitches: switches != nil)
      try common.run(
        command: "codeswitch", augmenters: augmenters, switchesPath: switches, globals: options,
        extra: [("lexicons", common.lexicons.joined(separator: ",")), ("ratio", "\(ratio)"), ("cross", "\(cross)")])
    }
  }
}
