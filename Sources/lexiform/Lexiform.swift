import ArgumentParser
import Lexiform

#if canImport(Glibc)
  import Glibc
#endif

/// The `lexiform` command: turns lexicons, morphology tables and parallel
/// text into training data.
///
/// Exit status: 0 on success, 1 when the input has an error (printed as
/// `path:line:column: error: message`), 2 on a usage error.
@main
struct LexiformCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexiform",
    abstract: "Turn lexicons, morphology tables and parallel text into data that models can learn from.",
    discussion: """
      Data goes to standard output; progress and diagnostics go to standard error.
      Exit status: 0 on success, 1 on an error in the input, 2 on a usage error.
      Shared options (--lenient, --seed, --quiet) are accepted by every command.
      """,
    version: LexiformVersion.string,
    subcommands: [
      Lexicon.self, UniMorph.self, Parallel.self, Tokenize.self, Normalize.self, Scripts.self,
      Augment.self, Inflect.self, Tour.self,
    ]
  )

  @OptionGroup(title: "Shared options")
  var globals: GlobalOptions

  /// Runs the command line and maps failures to Lexiform's exit statuses.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      // Help, version, or a usage error: ArgumentParser prints it with the
      // right command's usage; usage errors exit with 2, not 64.
      let code = exitCode(for: error)
      guard code != .success else { exit(withError: error) }
      StandardError.writeLine(fullMessage(for: error))
      Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
    }
    do {
      try command.run()
    } catch let error as any LocatedError {
      StandardError.writeLine(error.description)
      Glibc.exit(1)
    } catch let error as ValidationError {
      StandardError.writeLine("error: \(error.message)")
      Glibc.exit(2)
    } catch {
      exit(withError: error)
    }
  }
}
