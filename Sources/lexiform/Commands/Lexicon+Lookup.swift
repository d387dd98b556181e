import ArgumentParser
import Lexiform

extension LexiformCommand.Lexicon {
  /// `lexiform lexicon lookup FILE WORD [--json]`.
  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lookup",
      abstract: "Look a word up: dictd by random access (one chunk decompressed), other formats through an index.",
      discussion: """
        Matching ignores case and compatibility differences (NFKC case folding) and \
        also finds variants and inflected forms. Prints nothing, and says so on \
        stderr, when the word is not there.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: LexiconInputOptions

    @Argument(help: "The lexicon (for dictd, its .index or its .dict/.dict.dz).")
    var file: String

    @Argument(help: "The word to look up.")
    var word: String

    @Flag(help: "Print each entry found as a line of Lexiform's JSON lines.")
    var json = false

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let readerOptions = input.readerOptions(lenient: options.lenient)
      let format = try LexiconFormat.detect(path: file, explicit: input.from)
      let found: [LexiconEntry]
      if format == .dictd {
        found = try DictdDictionary(path: file, options: readerOptions).lookup(word)
      } else {
        let index = try LexiconIndex(reader: try Lexicon.open(file, format: format, options: readerOptions))
        reportSkipped(index.skipped)
        found = index.lookup(word)
      }
      if found.isEmpty {
        StandardError.writeLine("\(file): no entry for \"\(word)\"")
        return
      }
      var out = ""
      for entry in found {
        if json {
          var writer = JSONWriter()
          writer.lexiconEntry(entry)
          out += writer.text + "\n"
        } else {
          out += Self.describe(entry)
        }
      }
      print(out, terminator: "")
    }

    /// `paka (n) → cat; 2. kitten, puss` and definitions, one entry a block.
    static func describe(_ entry: LexiconEntry) -> String {
      var head = entry.headword.text
      if let pos = entry.partOfSpeech { head += " (\(pos))" }
      if !entry.pronunciations.isEmpty { head += " /\(entry.pronunciations.map(\.text).joined(separator: ", "))/" }
      var lines = [head]
      func add(_ sense: Sense, _ label: String) {
        let translations = sense.translations.map { t -> String in
          var s = t.form.text
          if let lang = t.form.language { s += " [\(lang)]" }
          if t.direction != .both { s += " (\(t.direction.rawValue) only)" }
          return s
        }
        if !translations.isEmpty { lines.append("  \(label)→ \(translations.joined(separator: ", "))") }
        for d in sense.definitions { lines.append("  \(label)\(d.text)") }
        for (i, sub) in sense.subsenses.enumerated() { add(sub, "\(label)\(i + 1). ") }
      }
      for (i, sense) in entry.senses.enumerated() {
        add(sense, entry.senses.count > 1 ? "\(i + 1). " : "")
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}
