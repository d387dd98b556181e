import ArgumentParser
import Lexiform

#if canImport(Glibc)
  import Glibc
#endif

extension ParallelOutputFormat: ExpressibleByArgument {}
extension ParallelFilterOptions.LengthUnit: ExpressibleByArgument {}
extension ParallelFilterOptions.Deduplication: ExpressibleByArgument {}

extension LexiformCommand {
  /// `lexiform parallel …`: parallel corpora read, aligned, filtered and
  /// mined for lexicons.
  struct Parallel: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "parallel",
      abstract: "Read, align and filter parallel text (Moses, TMX, OPUS, Bibles) and induce lexicons from it.",
      subcommands: [Align.self, Convert.self, Filter.self, Stats.self, Induce.self]
    )
  }
}

/// The parallel input formats `convert` and `stats` read.
enum ParallelInputFormat: String, CaseIterable, ExpressibleByArgument {
  case tmx, xces, moses, tsv

  /// Decides the format of `path` from its first bytes (gzip is looked
  /// through), or Moses when `path` is a prefix of `path.SRC` and `path.TGT`.
  static func detect(_ path: String, languages: [String]) throws -> ParallelInputFormat {
    if access(path, R_OK) != 0 {
      if languages.count >= 2, languages.allSatisfy({ access("\(path).\($0)", R_OK) == 0 }) { return .moses }
      if languages.count >= 2, languages.allSatisfy({ access("\(path).\($0).gz", R_OK) == 0 }) { return .moses }
      throw ValidationError("cannot read '\(path)' (for Moses files give the prefix and --langs SRC,TGT)")
    }
    let head = try peek(path)
    if head.contains("<tmx") { return .tmx }
    if head.contains("<cesAlign") || head.contains("<linkGrp") { return .xces }
    if head.contains("<cesDoc") {
      throw ValidationError("'\(path)' is a single Bible; align Bibles with 'lexiform parallel align'")
    }
    return .tsv
  }

  /// The first 4 KiB of a file as text.
  static func peek(_ path: String) throws -> String {
    let source = try Input.open(path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
    defer { buffer.deallocate() }
    var filled = 0
    while filled < buffer.count {
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      if n == 0 { break }
      filled += n
    }
    return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<filled]), as: UTF8.self)
  }
}

/// Opens a parallel reader for `convert`, `stats`, `filter` and `induce`.
func openParallel(
  _ path: String, format: ParallelInputFormat?, languages: [String], lenient: Bool, linkTypes: Set<String> = [],
  documentRoot: String? = nil
) throws -> any ParallelReader {
  let options = ParallelReaderOptions(lenient: lenient, languages: languages)
  switch try format ?? ParallelInputFormat.detect(path, languages: languages) {
  case .tmx:
    return try TMXReader(path: path, options: options)
  case .xces:
    return try XCESAlignmentReader(path: path, documentRoot: documentRoot, linkTypes: linkTypes, options: options)
  case .moses:
    guard languages.count >= 2 else { throw ValidationError("Moses input needs --langs SRC,TGT") }
    let paths = languages.map { language in
      access("\(path).\(language)", R_OK) == 0 ? "\(path).\(language)" : "\(path).\(language).gz"
    }
    return try MosesReader(paths: paths, languages: languages, options: options)
  case .tsv:
    return try ParallelTSVReader(path: path, languages: languages, options: options)
  }
}

/// Splits `--langs SRC,TGT` (spaces around codes are ignored).
func parseLanguages(_ list: String?) -> [String] {
  guard let list else { return [] }
  return list.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
}

/// Prints a counter's report lines on stderr.
func reportCounts(_ counter: SkipCounter, _ verb: String, noun: String) {
  for line in counter.report(verb, noun: noun) { StandardError.writeLine(line) }
}
