import ArgumentParser
import Lexiform

extension LexiformCommand.Inflect {
  /// `lexiform inflect eval GOLD PRED [--train TRAIN] [--json]`, and macro
  /// averages over many pairs.
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "eval",
      abstract: "Score predictions against gold forms as the shared tasks' official scripts do.",
      discussion: """
        Accuracy and mean Levenshtein distance are computed as CoNLL–SIGMORPHON 2017 \
        evalm.py does: one item per distinct lemma and bundle of GOLD (a later row \
        replaces an earlier one), a missing prediction scored as the empty string, \
        lines stripped of surrounding white space, figures rounded to 2 decimals. With \
        --train, items are split as the 2022/2023 evaluation does: lemma and bundle both \
        seen in training, lemma only, bundle only, neither. Scores are also given per \
        part of speech and per bundle.

        Several pairs (GOLD PRED GOLD PRED …, or --pairs FILE with lines \
        "GOLD PRED [TRAIN]") give one row per language and the macro-average (the mean \
        of the languages' accuracies), as the shared tasks report; --plot draws the \
        per-language accuracies as an SVG bar chart.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Argument(help: "GOLD PRED, or several GOLD PRED pairs for a macro-average.")
    var files: [String] = []

    @Option(help: "The training file, for the seen/unseen breakdown (one pair only; use --pairs for many).")
    var train: String?

    @Option(help: "A file listing pairs, one per line: GOLD PRED [TRAIN] (tab- or space-separated; # starts a comment).")
    var pairs: String?

    @Flag(help: "Print JSON: accuracy (percent), levenshtein, items, and with --train the partitions.")
    var json = false

    @Option(help: "Write an SVG bar chart of per-language accuracy to this file.")
    var plot: String?

    @Flag(help: "Compare forms in Unicode NFC, as the 2022/2023 evaluate.py does (default: code points, as evalm.py).")
    var nfc = false

    @Option(help: "The column layout of every file (default: detected per file).")
    var columns: SIGMORPHONColumns?

    @Option(help: "How many bundles the table lists (most items first; --json lists all).")
    var bundles: Int = 20

    func validate() throws {
      if pairs == nil {
        guard files.count >= 2, files.count % 2 == 0 else {
          throw ValidationError("give GOLD PRED (or several GOLD PRED pairs, or --pairs FILE); got \(files.count) files")
        }
      } else if !files.isEmpty {
        throw ValidationError("give either --pairs FILE or GOLD PRED files, not both")
      }
      if train != nil && (pairs != nil || files.count != 2) {
        throw ValidationError("--train goes with a single GOLD PRED pair; give TRAIN as the third column of --pairs")
      }
    }

    /// Reads a prediction file in its own column order; one too odd to tell
    /// (say, every form empty) is read in the gold file's.
    static func readPredictions(
      _ path: String, columns: UniMorphColumnOrder?, fallback: UniMorphColumnOrder, lenient: Bool
    ) throws -> (rows: [EvaluationRow], order: UniMorphColumnOrder, skipped: SkipCounter) {
      do {
        return try EvaluationFile.read(path, columns: columns, lenient: lenient)
      } catch where error.code == .layout {
        return try EvaluationFile.read(path, columns: fallback, lenient: lenient)
      }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      var list: [(gold: String, pred: String, train: String?)] = []
      if let pairs {
        list = try EvaluationPairList.read(pairs)
      } else {
        for k in stride(from: 0, to: files.count, by: 2) {
          list.append((files[k], files[k + 1], files.count == 2 ? train : nil))
        }
      }
      let order = columns?.order
      var reports: [EvaluationReport] = []
      for pair in list {
        let gold = try EvaluationFile.read(pair.gold, columns: order, lenient: options.lenient)
        let pred = try Self.readPredictions(pair.pred, columns: order, fallback: gold.order, lenient: options.lenient)
        let training = try pair.train.map { try EvaluationFile.read($0, columns: order, lenient: options.lenient) }
        for skipped in [gold.skipped, pred.skipped, training?.skipped ?? SkipCounter()] {
          for line in skipped.report() { StandardError.writeLine(line) }
        }
        guard !gold.rows.isEmpty else {
          throw EvaluationError(.empty, at: SourceLocation(path: pair.gold), "no rows to score in the gold file")
        }
        reports.append(
          InflectionEvaluator.evaluate(
            gold: gold.rows, predicted: pred.rows, training: training?.rows,
            name: EvaluationPairList.languageName(pair.gold),
            options: EvaluationOptions(normalizeToNFC: nfc)))
        if !options.quiet && reports[reports.count - 1].missing > 0 {
          StandardError.writeLine(
            "\(pair.pred): no prediction for \(reports[reports.count - 1].missing) gold items (scored as empty strings)")
        }
      }
      let average = MacroAverage(reports: reports)
      if list.count == 1, let report = reports.first {
        print(json ? JSONWriter.text(of: report.json) + "\n" : report.table(bundles: bundles), terminator: "")
      } else {
        print(json ? JSONWriter.text(of: average.json) + "\n" : average.table(), terminator: "")
      }
      if let plot {
        let svg = AccuracyChart(average).svg
        try AtomicOutput.write(to: plot) { try $0.write(svg) }
      }
    }
  }
}
