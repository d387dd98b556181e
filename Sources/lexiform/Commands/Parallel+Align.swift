import ArgumentParser
import Lexiform

extension LexiformCommand.Parallel {
  /// `lexiform parallel align FILE1 FILE2 [FILE…] --to tsv|jsonl|moses [-o PREFIX]`.
  struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "align",
      abstract: "Align two or more Bibles by verse id (CES XML, or verse-per-line text with --vref), or plain texts by line.",
      discussion: """
        tsv prints ID<TAB>TEXT1<TAB>TEXT2…, each text whitespace-normalized. Verses that some
        file lacks or has empty are left out and counted on stderr, as are empty verses and
        verse numbers left out (merged into a neighbour).
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "The files to align: CES XML Bibles, eBible verse-per-line texts (with --vref), or line-aligned texts.")
    var files: [String]

    @Option(help: "The output format.")
    var to: ParallelOutputFormat = .tsv

    @Option(name: .shortAndLong, help: "The output file (tsv, jsonl, tmx; default standard output) or, for moses, the files' prefix.")
    var output: String?

    @Option(help: "The files' languages, comma-separated (default: from the files).")
    var langs: String?

    @Option(help: "The vref.txt verse list that verse-per-line texts follow (eBible corpus).")
    var vref: String?

    func validate() throws {
      guard files.count >= 2 else { throw ValidationError("align needs at least two files, found \(files.count)") }
      if to == .moses && output == nil { throw ValidationError("--to moses needs -o PREFIX") }
      let languages = parseLanguages(langs)
      if !languages.isEmpty && languages.count != files.count {
        throw ValidationError("--langs names \(languages.count) languages for \(files.count) files")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let languages = parseLanguages(langs)
      let writer = ParallelWriter(format: to, path: output ?? "-", languages: languages, writesIDs: true)
      let isBible = try vref != nil || ParallelInputFormat.peek(files[0]).contains("<cesDoc") || files[0].hasSuffix(".xml")
      do {
        if isBible {
          var readers: [any BibleVerseReader] = []
          for (index, file) in files.enumerated() {
            let language = index < languages.count ? languages[index] : nil
            if let vref, !(try ParallelInputFormat.peek(file).contains("<cesDoc")) {
              readers.append(try VrefReader(path: file, vrefPath: vref, language: language, lenient: options.lenient))
            } else {
              readers.append(try BibleCESReader(path: file, language: language, lenient: options.lenient))
            }
          }
          let aligner = BibleAligner(readers: readers)
          while var segment = try aligner.next() {
            if !languages.isEmpty { segment.languages = languages }
            try writer.write(segment)
          }
          try writer.finish()
          for reader in readers { reportSkipped(reader.skipped) }
          reportCounts(aligner.notices, "noticed", noun: "verse")
          reportCounts(aligner.leftOut, "left out", noun: "verse")
        } else {
          let reader = try MosesReader(
            paths: files, languages: languages.isEmpty ? nil : languages,
            options: ParallelReaderOptions(lenient: options.lenient))
          var leftOut = SkipCounter()
          while var segment = try reader.next() {
            if segment.texts.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
              leftOut.record(reason: "an empty side", at: segment.location ?? SourceLocation(path: files[0]))
              continue
            }
            segment.id = segment.location.map { String($0.line) }
            try writer.write(segment)
          }
          try writer.finish()
          reportSkipped(reader.skipped)
          reportCounts(leftOut, "left out", noun: "line")
        }
      } catch {
        writer.abort()
        throw error
      }
      if !options.quiet {
        StandardError.writeLine("aligned \(writer.count) segments of \(files.count) files → \(writer.paths.joined(separator: ", ")) (\(to.rawValue))")
      }
    }
  }
}
