import ArgumentParser
import Lexiform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension UniMorphSplitKey: ExpressibleByArgument {}

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph split FILE --train 0.8 --dev 0.1 --test 0.1 --by lemma --seed N --output PREFIX`.
  struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "split",
      abstract: "Split a table into train, dev and test parts, lemma-disjoint by default.",
      discussion: """
        Rows are grouped by --by (lemma: no lemma in two parts, as Goldman et al. 2022 \
        recommend; form; bundle) and whole groups are dealt to the parts after a \
        shuffle seeded by --seed, so the same seed gives byte-identical parts. Writes \
        PREFIX.train, PREFIX.dev, PREFIX.test in the input's column order (each \
        written to a temporary file, then renamed), and reports on stderr the rows, \
        lemmas and bundles of each part and how many of them also occur in train.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: UniMorphInputOptions

    @Option(help: "Share of the rows for training.")
    var train: Double = 0.8

    @Option(help: "Share of the rows for development.")
    var dev: Double = 0.1

    @Option(help: "Share of the rows for testing.")
    var test: Double = 0.1

    @Option(help: "What no two parts share: lemma, form or bundle.")
    var by: UniMorphSplitKey = .lemma

    @Option(help: "Where to write: PREFIX.train, PREFIX.dev, PREFIX.test.")
    var output: String

    @Argument(help: "The table, or its parts (.gz is read transparently; not standard input: it is read twice).")
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give a table to split") }
      guard !files.contains("-") else { throw ValidationError("split reads its input twice: give a file, not -") }
      for (name, value) in [("--train", train), ("--dev", dev), ("--test", test)] where !(value >= 0 && value <= 1) {
        throw ValidationError("\(name) must be between 0 and 1, not \(value)")
      }
      guard abs(train + dev + test - 1) < 1e-6 else {
        throw ValidationError("--train, --dev and --test must add up to 1, not \(train + dev + test)")
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      // Both passes read the files: a named pipe would be read once, then waited on.
      for path in files.flatMap(UniMorphTableReader.parts(of:)) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG else { continue }
        let kind = info.st_mode & S_IFMT
        let found = kind == S_IFDIR ? "a directory" : kind == S_IFIFO ? "a named pipe" : "a special file"
        throw UniMorphError(
          .unreadable, at: SourceLocation(path: path), "split reads its input twice: expected a regular file, found \(found)")
      }
      let splitter = UniMorphSplitter(fractions: (train, dev, test), key: by, seed: options.seed)
      // Pass 1: group sizes, in order of first appearance.
      var parsed = FeatureBundleCache()
      func bundle(_ tags: String) -> FeatureBundle? { parsed.bundle(for: tags) }
      var index: [String: Int] = [:]
      var sizes: [(key: String, rows: Int)] = []
      let first = input.reader(files, lenient: options.lenient)
      while let entry = try first.next() {
        let key = splitter.groupKey(entry, bundle: bundle(entry.tags))
        if let at = index[key] {
          sizes[at].rows += 1
        } else {
          index[key] = sizes.count
          sizes.append((key, 1))
        }
      }
      reportReading(first, quiet: options.quiet)
      let assignment = splitter.assign(sizes)
      // Pass 2: write.
      let names = ["train", "dev", "test"]
      let outputs = try names.map { try AtomicOutput(path: "\(output).\($0)") }
      var rows = [0, 0, 0]
      var lemmas: [Set<String>] = [[], [], []]
      var bundles: [Set<FeatureBundle>] = [[], [], []]
      let second = input.reader(files, lenient: options.lenient)
      while let entry = try second.next() {
        let key = splitter.groupKey(entry, bundle: bundle(entry.tags))
        let part = assignment[key] ?? 0
        try outputs[part].write(entry.line(second.columnOrder) + "\n")
        rows[part] += 1
        lemmas[part].insert(entry.lemma)
        if let parsedBundle = bundle(entry.tags) { bundles[part].insert(parsedBundle) }
      }
      for out in outputs { try out.commit() }
      StandardError.writeLine("part   rows  lemmas  bundles  lemmas also in train  bundles also in train")
      for part in 0..<3 {
        let sharedLemmas = part == 0 ? "-" : String(lemmas[part].intersection(lemmas[0]).count)
        let sharedBundles = part == 0 ? "-" : String(bundles[part].intersection(bundles[0]).count)
        StandardError.writeLine(
          [names[part], String(rows[part]), String(lemmas[part].count), String(bundles[part].count), sharedLemmas, sharedBundles]
            .joined(separator: "\t"))
      }
    }
  }
}
