import ArgumentParser

/// Options every command accepts, before or after its name:
/// `lexiform --seed 3 tour` and `lexiform tour --seed 3` are the same.
struct GlobalOptions: ParsableArguments {
  @Flag(help: "Skip bad records instead of stopping; each skip is counted and reported on stderr.")
  var lenient = false

  @Option(
    name: .customLong("seed"),
    help: "Seed for every random choice; the same seed always gives byte-identical output. (default: 0)")
  var seedValue: UInt64?

  @Flag(help: "No progress line on stderr (it is also off when stderr is not a terminal).")
  var quiet = false

  /// The seed to use.
  var seed: UInt64 { seedValue ?? 0 }

  /// These options with those given before the command name filled in.
  /// - Parameter parent: The options parsed by `lexiform` itself.
  /// - Returns: The options in force: a flag is on if given at either place,
  ///   and a seed given after the command name wins.
  func merged(with parent: GlobalOptions) -> GlobalOptions {
    var merged = self
    merged.lenient = lenient || parent.lenient
    merged.quiet = quiet || parent.quiet
    merged.seedValue = seedValue ?? parent.seedValue
    return merged
  }
}
