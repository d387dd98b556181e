import ArgumentParser
import Lexiform

/// Where a `lexicon` verb writes entries: a file whose extension names the
/// format, or standard output as JSON lines.
struct LexiconOutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The file to write (default: - for standard output).")
  var output: String = "-"

  @Option(help: "The output format (default: from the output file's extension; JSON lines on standard output).")
  var to: LexiconFormat?

  var format: LexiconFormat { to ?? LexiconFormat.fromExtension(output) ?? .jsonl }

  func validate() throws {
    guard LexiconWriters.writable.contains(format) else {
      throw ValidationError(
        "cannot write \(format.rawValue); writable formats: \(LexiconWriters.writable.map(\.rawValue).joined(separator: ", "))")
    }
  }

  /// Writes `entries` atomically, reporting what the format cannot hold.
  func write(_ entries: [LexiconEntry], header: LexiconHeader) throws {
    let out = try AtomicOutput(path: output)
    do {
      let dropped = try LexiconWriters.write(entries, header: header, as: format, to: out)
      try out.commit()
      for line in dropped.report("\(format.rawValue) cannot hold", noun: "item") {
        StandardError.writeLine(line)
      }
    } catch {
      out.abort()
      throw error
    }
  }
}

extension LexiformCommand.Lexicon {
  /// `lexiform lexicon invert IN [-o OUT]`.
  struct Invert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "invert",
      abstract: "Swap headwords and translations (a B–A lexicon from an A–B one).")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: LexiconInputOptions
    @OptionGroup var out: LexiconOutputOptions

    @Argument(help: "The lexicon to invert.")
    var file: String

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let reader = try Lexicon.open(file, format: input.from, options: input.readerOptions(lenient: options.lenient))
      let entries = try LexiconOperations.invert(reader)
      reportSkipped(reader.skipped)
      var header = reader.header
      header.sourceLanguage = reader.header.targetLanguages.first
      header.targetLanguages = reader.header.sourceLanguage.map { [$0] } ?? []
      try out.write(entries, header: header)
    }
  }

  /// `lexiform lexicon merge A B … [-o OUT]`.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge lexicons into one, removing repeated translations and keeping where each came from.")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: LexiconInputOptions
    @OptionGroup var out: LexiconOutputOptions

    @Argument(help: "The lexicons to merge, in order of precedence.")
    var files: [String]

    func validate() throws {
      guard files.count >= 2 else { throw ValidationError("merge needs at least two lexicons") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      var readers: [any LexiconReader] = []
      for file in files {
        readers.append(try Lexicon.open(file, format: input.from, options: input.readerOptions(lenient: options.lenient)))
      }
      let entries = try LexiconOperations.merge(readers)
      readers.forEach { reportSkipped($0.skipped) }
      try out.write(entries, header: readers.first?.header ?? LexiconHeader())
    }
  }

  /// `lexiform lexicon pivot A-B B-C [-o OUT]`.
  struct Pivot: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pivot",
      abstract: "Build an A–C lexicon from A–B and B–C through their shared language B (marked as derived).")

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var out: LexiconOutputOptions

    @Argument(help: "The A–B lexicon.")
    var first: String

    @Argument(help: "The B–C lexicon.")
    var second: String

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let a = try Lexicon.open(first, options: LexiconReaderOptions(lenient: options.lenient))
      let b = try Lexicon.open(second, options: LexiconReaderOptions(lenient: options.lenient))
      let entries = try LexiconOperations.pivot(a, through: b)
      reportSkipped(a.skipped)
      reportSkipped(b.skipped)
      var header = a.header
      header.targetLanguages = b.header.targetLanguages
      header.title = "Pivot of \(first) and \(second)"
      try out.write(entries, header: header)
      if !options.quiet { StandardError.writeLine("pivot: \(entries.count) entries with a translation through the shared language") }
    }
  }
}
