import ArgumentParser
import Lexiform

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph stats FILE… [--json]`.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Count lemmas, forms, bundles, parts of speech, paradigm sizes, syncretism and features by dimension.",
      discussion: """
        Several files (or a language's numbered parts: fin → fin.1, fin.2, …) are \
        counted as one table. --json prints one object with at least rows, lemmas, \
        forms and bundles.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand
    @OptionGroup var input: UniMorphInputOptions

    @Flag(help: "Print one JSON object instead of a report.")
    var json = false

    @Argument(help: "The table, or its parts (.gz is read transparently; - is standard input).")
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give a table to count") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let reader = input.reader(files, lenient: options.lenient)
      var stats = UniMorphStatistics()
      while let entry = try reader.next() { stats.add(entry) }
      reportReading(reader, quiet: options.quiet)
      print(json ? Self.json(stats) : Self.report(stats))
    }

    static func json(_ stats: UniMorphStatistics) -> String {
      let size = stats.paradigmSize
      let syncretism = stats.syncretism
      func object(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\($0.value)" }.joined(separator: ",") + "}"
      }
      let dimensions = stats.featuresByDimension.sorted { $0.key < $1.key }
        .map { "\(jsonString($0.key)):\(object($0.value))" }.joined(separator: ",")
      return "{\"rows\":\(stats.rows),\"lemmas\":\(stats.lemmas),\"forms\":\(stats.distinctForms),"
        + "\"bundles\":\(stats.distinctBundles),\"unparsed_bundles\":\(stats.unparsedBundles),"
        + "\"parts_of_speech\":\(object(stats.partsOfSpeech)),"
        + "\"paradigm_size\":{\"min\":\(size.min),\"median\":\(size.median),\"mean\":\(size.mean),\"max\":\(size.max)},"
        + "\"syncretism\":{\"pairs\":\(syncretism.pairs),\"rows\":\(syncretism.rows),\"lemma_form_pairs\":\(syncretism.allPairs)},"
        + "\"features_by_dimension\":{\(dimensions)}}"
    }

    static func report(_ stats: UniMorphStatistics) -> String {
      let size = stats.paradigmSize
      let syncretism = stats.syncretism
      var lines = [
        "rows      \(stats.rows)",
        "lemmas    \(stats.lemmas)",
        "forms     \(stats.distinctForms)",
        "bundles   \(stats.distinctBundles)" + (stats.unparsedBundles > 0 ? " (\(stats.unparsedBundles) rows with unparsable features)" : ""),
        "paradigm size: min \(size.min), median \(size.median), mean \(String(format2(size.mean))), max \(size.max)",
        "syncretism: \(syncretism.pairs) of \(syncretism.allPairs) lemma–form pairs stand for more than one bundle (\(syncretism.rows) rows)",
        "parts of speech: " + stats.partsOfSpeech.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
          .map { "\($0.key) \($0.value)" }.joined(separator: ", "),
        "features by dimension:",
      ]
      let order = Dictionary(uniqueKeysWithValues: UniMorphSchema.standard.dimensions.map { ($0.name, $0.index) })
      for (dimension, counts) in stats.featuresByDimension.sorted(by: { (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key) }) {
        let items = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
          .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("  \(dimension): \(items)")
      }
      return lines.joined(separator: "\n")
    }
  }
}

/// `3.25` for 3.2468.
func format2(_ value: Double) -> String {
  let scaled = (value * 100).rounded() / 100
  return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
}
