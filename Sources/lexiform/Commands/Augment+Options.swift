import ArgumentParser
import Lexiform

extension AugmentationFormat: ExpressibleByArgument {}
extension AugmentationOptions.Choice: ExpressibleByArgument {}

/// Options `augment translate` and `augment codeswitch` share.
struct AugmentCommonOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "A bilingual lexicon in any format Lexiform reads (TEI, LIFT, Apertium .dix, dictd, TSV/MUSE, JSON lines, Kaikki); repeat for more.",
      valueName: "file"))
  var lexicons: [String] = []

  @Option(help: "The lexicons' format (default: detected per file).")
  var lexiconFormat: LexiconFormat?

  @Flag(help: "Use the lexicons backwards: translations are the source, headwords the target.")
  var reverse = false

  @Flag(help: "Do not take short definitions of senses without translations (FreeDict <def> glosses) as translations.")
  var noDefinitions = false

  @Option(help: "The record format, read and written.")
  var format: AugmentationFormat = .text

  @Option(name: .customLong("src-lang"), help: "The source language (ISO 639): tokenization profile and case rules.")
  var sourceLanguage: String?

  @Option(
    name: .customLong("tgt-lang"),
    help: "The target language: only translations into it are used, it sets the case rules and MASSIVE's locale.")
  var targetLanguage: String?

  @Option(help: "Which translation to use when a word has several: best (highest score, then most frequent) or sample (seeded).")
  var choose: AugmentationOptions.Choice = .best

  @Option(
    help: ArgumentHelp(
      "Only records whose number (from 0) modulo N is I; the numbers seed the records, so the shards of a run together equal the whole run.",
      valueName: "I/N"))
  var shard: String?

  @Flag(
    help: "Input lines are NUMBER<TAB>record (text, massive); the number seeds the record and is written back in front of its output (for Spark's RDD.pipe after zipWithIndex).")
  var numbered = false

  @Option(help: ArgumentHelp("Also write the summary as JSON to this file.", valueName: "file"))
  var summary: String?

  @Option(help: "How many of the most frequent untranslated words the summary lists.")
  var top: Int = 20

  @Option(help: "Threads rewriting records (default: the number of processors); the output does not depend on it.")
  var threads: Int?

  @Argument(help: "Input files (default: standard input; - is standard input; .gz read transparently).")
  var files: [String] = []

  func validate() throws {
    guard !lexicons.isEmpty else { throw ValidationError("give at least one --lexicon") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
    if let shard, Shard(parsing: shard) == nil {
      throw ValidationError("--shard takes I/N with 0 <= I < N, such as 0/4, not '\(shard)'")
    }
    guard top >= 0 else { throw ValidationError("--top must be at least 0, not \(top)") }
    if numbered && format == .conll { throw ValidationError("--numbered reads one record per line: text or massive, not conll") }
  }

  /// A tokenizer for the source language.
  func makeTokenizer(quiet: Bool) throws -> Tokenizer {
    var profile = OrthographyProfile.default
    if let language = sourceLanguage, let found = OrthographyProfile.forLanguage(language) { profile = found }
    return try Tokenizer(options: TokenizerOptions(profile: profile, language: sourceLanguage))
  }

  /// Reads lexicons into one table, reporting each on stderr.
  func loadTable(_ paths: [String], tokenizer: Tokenizer, lenient: Bool, quiet: Bool, name: String? = nil) throws
    -> TranslationTable
  {
    let (table, reports) = try TranslationTable.load(
      paths: paths, format: lexiconFormat,
      readerOptions: LexiconReaderOptions(
        lenient: lenient, sourceLanguage: sourceLanguage.map { LanguageTag($0) },
        targetLanguage: targetLanguage.map { LanguageTag($0) }),
      direction: reverse ? .reverse : .forward, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
      tokenizer: tokenizer, name: name, usesDefinitions: !noDefinitions)
    for (path, report) in zip(paths, reports) where !quiet {
      var line = "\(path): \(report.entries) entries, \(report.pairs) pairs"
      if report.fromDefinitions > 0 { line += " (\(report.fromDefinitions) from short definitions)" }
      if report.otherLanguage > 0 { line += ", \(report.otherLanguage) translations in other languages passed over" }
      if report.otherDirection > 0 { line += ", \(report.otherDirection) one-way translations passed over" }
      StandardError.writeLine(line)
    }
    if table.pairCount == 0 {
      StandardError.writeLine(
        "warning: no usable translation in \(paths.joined(separator: ", "))"
          + (targetLanguage.map { " into '\($0)'" } ?? "") + (reverse ? " (read backwards)" : ""))
    }
    return table
  }

  /// One augmenter per thread, each with its own tokenizer (companions of `tokenizer`).
  func makeAugmenters(
    tables: [TranslationTable], options: AugmentationOptions, tokenizer: Tokenizer,
    morphology: MorphologyTables? = nil, inflector: () -> (any LemmaInflector)? = { nil },
    recordsSwitches: Bool = false
  ) throws -> [RecordAugmenter] {
    try (0..<(threads ?? activeProcessorCount())).map { thread in
      RecordAugmenter.make(
        format: format, tables: tables, options: options,
        tokenizer: thread == 0 ? tokenizer : try tokenizer.makeCompanion(), morphology: morphology,
        inflector: inflector(), recordsSwitches: recordsSwitches)
    }
  }

  /// Runs the augmenters over the input and reports the summary.
  func run(
    command: String, augmenters: [RecordAugmenter], switchesPath: String?, globals: GlobalOptions,
    extra: [(String, String)] = []
  ) throws {
    let inputs = files.isEmpty ? ["-"] : files
    let readers = try inputs.map { try LineReader(path: $0, options: LineReaderOptions(lenient: globals.lenient)) }
    for augmenter in augmenters {
      augmenter.lenient = globals.lenient
      augmenter.numbered = numbered
    }
    let output = try AtomicOutput(path: "-")
    let switches = try switchesPath.map { try AtomicOutput(path: $0) }
    let progress = ProgressReporter(label: "\(command): written", unit: .bytes, quiet: globals.quiet)
    let runner = AugmentationRunner(
      format: format, threads: threads ?? activeProcessorCount(), shard: shard.flatMap(Shard.init(parsing:)))
    let result: AugmentationSummary
    do {
      result = try runner.run(
        readers: readers, augmenters: augmenters,
        write: { bytes in
          try output.write(bytes: bytes)
          progress.advance(by: bytes.count)
        },
        writeSwitches: switches.map { out in { try out.write(bytes: $0) } }, top: top)
    } catch {
      try? output.commit()  // the records before the error are output
      throw error
    }
    try output.commit()
    try switches?.commit()
    progress.finish()
    reportReplacements(readers, lenient: globals.lenient)
    if !globals.quiet || summary == nil {
      for line in result.lines { StandardError.writeLine("\(command): \(line)") }
    }
    for line in result.skipped.report() { StandardError.writeLine(line) }
    if let summary {
      var members: [(String, String)] = [("command", command), ("format", format.rawValue)]
      members += extra
      members.append(("seed", String(globals.seed)))
      if let shard { members.append(("shard", shard)) }
      try AtomicOutput.write(to: summary) { try $0.write(result.json(extra: members) + "\n") }
    }
  }
}
