import ArgumentParser
import Lexiform

/// `--to lemma-form-tags|lemma-tags-form|jsonl`.
enum UniMorphOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case lemmaFormTags = "lemma-form-tags"
  case lemmaTagsForm = "lemma-tags-form"
  case jsonl
}

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph convert IN… --to lemma-form-tags|lemma-tags-form|jsonl`.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert a table between the two column orders, or to JSON lines, on stdout.",
      discussion: """
        JSON lines: {"lemma": …, "form": …, "tags": "V;PST", "features": ["V", "PST"]}, \
        features being the bundle's top-level elements as written (layers included: \
        "NOM(1,SG)"). Features are kept exactly as written; --canonical orders them \
        by dimension.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: UniMorphInputOptions

    @Option(help: "The output format.")
    var to: UniMorphOutputFormat

    @Flag(help: "Write features in canonical order (part of speech first, then by dimension).")
    var canonical = false

    @Argument(help: "The table, or its parts (.gz is read transparently; - is standard input).")
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give a table to convert") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let reader = input.reader(files, lenient: options.lenient)
      let output = try AtomicOutput(path: "-")
      if !canonical, to != .jsonl {
        try Self.reorder(reader, to: to == .lemmaFormTags ? .lemmaFormTags : .lemmaTagsForm, output)
        try output.commit()
        reportReading(reader, quiet: options.quiet)
        return
      }
      var parsed: [String: FeatureBundle] = [:]
      while var entry = try reader.next() {
        var bundle: FeatureBundle?
        if canonical || to == .jsonl {
          if let known = parsed[entry.tags] {
            bundle = known
          } else {
            let fresh = try FeatureBundle(parsing: entry.tags, at: entry.location)
            parsed[entry.tags] = fresh
            bundle = fresh
          }
        }
        if canonical, let ordered = bundle?.canonicalized() {
          bundle = ordered
          entry.tags = ordered.description
        }
        switch to {
        case .lemmaFormTags: try output.write(entry.line(.lemmaFormTags) + "\n")
        case .lemmaTagsForm: try output.write(entry.line(.lemmaTagsForm) + "\n")
        case .jsonl:
          let features = (bundle?.elements ?? []).map { jsonString($0.description) }.joined(separator: ",")
          try output.write(
            "{\"lemma\":\(jsonString(entry.lemma)),\"form\":\(jsonString(entry.form)),"
              + "\"tags\":\(jsonString(entry.tags)),\"features\":[\(features)]}\n")
        }
      }
      try output.commit()
      reportReading(reader, quiet: options.quiet)
    }

    /// Writes every row in `order` on bytes, through one reused buffer.
    static func reorder(_ reader: UniMorphTableReader, to order: UniMorphColumnOrder, _ output: AtomicOutput) throws {
      var buffer: [UInt8] = []
      buffer.reserveCapacity(1 << 17)
      while try reader.withNextRow({ lemma, form, tags -> Void in
        buffer.append(contentsOf: lemma)
        buffer.append(0x09)
        buffer.append(contentsOf: order == .lemmaFormTags ? form : tags)
        buffer.append(0x09)
        buffer.append(contentsOf: order == .lemmaFormTags ? tags : form)
        buffer.append(0x0A)
      }) != nil {
        if buffer.count >= 1 << 16 {
          try buffer.withUnsafeBytes { try output.write(bytes: $0) }
          buffer.removeAll(keepingCapacity: true)
        }
      }
      try buffer.withUnsafeBytes { try output.write(bytes: $0) }
    }
  }
}
