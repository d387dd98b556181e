import ArgumentParser
import Lexiform

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph lookup FILE --lemma L | --form F | --features P`.
  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lookup",
      abstract: "Print a lemma's paradigm, a form's analyses, or the rows whose features match a pattern.",
      discussion: """
        Conditions combine (--lemma go --features 'V;PST;*'). Feature patterns: \
        elements separated by ';'; a '*' element allows other features, otherwise \
        the bundle must have exactly these (in any order); '*' inside an element \
        matches anything ('NOM(*)', 'LGSPEC*'). Matching rows go to stdout in the \
        input's column order.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: UniMorphInputOptions

    @Option(help: "Rows of this lemma (its paradigm).")
    var lemma: String?

    @Option(help: "Rows with this form (its analyses).")
    var form: String?

    @Option(help: "Rows whose features match this pattern, e.g. 'V;PST;*'.")
    var features: String?

    @Argument(help: "The table, or its parts (.gz is read transparently; - is standard input).")
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give a table to look in") }
      guard lemma != nil || form != nil || features != nil else {
        throw ValidationError("give --lemma, --form or --features")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let pattern = try features.map { try FeaturePattern($0) }
      let reader = input.reader(files, lenient: options.lenient)
      var parsed = FeatureBundleCache()
      let output = try AtomicOutput(path: "-")
      var found = 0
      while let entry = try reader.next() {
        if let lemma, entry.lemma != lemma { continue }
        if let form, entry.form != form { continue }
        if let pattern {
          guard let bundle = parsed.bundle(for: entry.tags), pattern.matches(bundle) else { continue }
        }
        try output.write(entry.line(reader.columnOrder) + "\n")
        found += 1
      }
      try output.commit()
      reportReading(reader, quiet: options.quiet)
      if !options.quiet { StandardError.writeLine("\(found) matching rows") }
    }
  }
}
