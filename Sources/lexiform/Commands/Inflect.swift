import ArgumentParser
import Lexiform

#if canImport(Glibc)
  import Glibc
#endif

extension LexiformCommand {
  /// `lexiform inflect train|predict|eval`: SIGMORPHON-style inflection.
  struct Inflect: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "inflect",
      abstract: "Train, run and score SIGMORPHON-style morphological inflection models.",
      discussion: """
        Files are SIGMORPHON tables in any layout since 2017: lemma<TAB>form<TAB>tags \
        (2017–2021) or lemma<TAB>tags<TAB>form (2022–2023), detected per file where the \
        rows decide it and reported on stderr, or given with --columns. Covered files \
        leave the form column empty (2017 covered-test) or out (2023 .covered.tst).
        """,
      subcommands: [Train.self, Predict.self, Eval.self]
    )
  }
}

/// `--model baseline|neural`.
enum InflectionModelKind: String, ExpressibleByArgument, CaseIterable {
  case baseline
  case neural
}

extension SIGMORPHONColumns: ExpressibleByArgument {}
extension BaselineSegmentation: ExpressibleByArgument {}
extension NeuralArchitecture: ExpressibleByArgument {}
extension HallucinationMode: ExpressibleByArgument {}

/// The creation time for model headers: `SOURCE_DATE_EPOCH` if set (for
/// reproducible files), else now, as ISO 8601 UTC.
func modelCreationTime() -> String {
  var seconds = time(nil)
  if let text = getenv("SOURCE_DATE_EPOCH"), let value = Int(String(cString: text)) { seconds = time_t(value) }
  var parts = tm()
  gmtime_r(&seconds, &parts)
  func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
  return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
    + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
}

/// Says on stderr how a SIGMORPHON file was read.
func reportReading(_ path: String, _ layout: SIGMORPHONLayout, examples: Int, covered: Int, skipped: SkipCounter, quiet: Bool) {
  if !quiet {
    var line = "\(path): \(examples) rows, columns \(layout)"
    if covered > 0 { line += ", \(covered) without a form" }
    StandardError.writeLine(line)
  }
  for line in skipped.report() { StandardError.writeLine(line) }
}
