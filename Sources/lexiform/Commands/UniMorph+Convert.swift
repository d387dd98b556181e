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

    /// Writes every row in `order` on bytes: each row's three fields are
    /// copied as byte ranges into one reused buffer, written out every
    /// 128 KiB.
    static func reorder(_ reader: UniMorphTableReader, to order: UniMorphColumnOrder, _ output: AtomicOutput) throws {
      let capacity = 1 << 17
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
      defer { buffer.deallocate() }
      var count = 0
      func flush() throws {
        try output.write(bytes: UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
      }
      func append(_ field: UnsafeBufferPointer<UInt8>, _ terminator: UInt8) {
        if let base = field.baseAddress { (buffer + count).copyMemory(from: base, byteCount: field.count) }
        count += field.count
        buffer.storeBytes(of: terminator, toByteOffset: count, as: UInt8.self)
        count += 1
      }
      while let row = try reader.nextRowBytes() {
        let (second, third) = order == .lemmaFormTags ? (row.form, row.tags) : (row.tags, row.form)
        let needed = row.lemma.count + second.count + third.count + 3
        if count + needed > capacity {
          try flush()
          if needed > capacity {
            // A row longer than the buffer goes out field by field.
            for (field, terminator) in [(row.lemma, UInt8(0x09)), (second, 0x09), (third, 0x0A)] {
              try output.write(bytes: UnsafeRawBufferPointer(field))
              try withUnsafeBytes(of: terminator) { try output.write(bytes: $0) }
            }
            continue
          }
        }
        append(row.lemma, 0x09)
        append(second, 0x09)
        append(third, 0x0A)
      }
      try flush()
    }
  }
}
