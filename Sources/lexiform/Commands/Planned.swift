import ArgumentParser

/// Command groups whose verbs arrive in later versions. Each prints its
/// purpose in `--help`; running it says it is not available yet and exits 2.
protocol PlannedCommand: ParsableCommand {}

extension PlannedCommand {
  mutating func run() throws {
    throw ValidationError(
      "'lexiform \(Self._commandName)' is not available in this version of Lexiform yet.")
  }
}
