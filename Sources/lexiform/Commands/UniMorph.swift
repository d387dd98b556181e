import ArgumentParser
import Lexiform

extension LexiformCommand {
  /// `lexiform unimorph …`: UniMorph and SIGMORPHON inflection tables.
  struct UniMorph: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "unimorph",
      abstract: "Validate, query, convert and split UniMorph tables.",
      discussion: """
        Tables are lemma<TAB>form<TAB>tags (UniMorph, SIGMORPHON 2016–2021) or \
        lemma<TAB>tags<TAB>form (SIGMORPHON 2022–2023); the order is detected per \
        file and reported, or given with --columns. Tags follow the UniMorph schema \
        (Sylak-Glassman 2016, UniMorph 4.0 layered features such as NOM(1,SG)).
        """,
      subcommands: [Validate.self, Stats.self, Lookup.self, Convert.self, Split.self]
    )
  }
}

/// `--columns auto|lemma-form-tags|lemma-tags-form`.
enum UniMorphColumnsArgument: String, ExpressibleByArgument, CaseIterable {
  case auto
  case lemmaFormTags = "lemma-form-tags"
  case lemmaTagsForm = "lemma-tags-form"

  var choice: UniMorphColumnChoice {
    switch self {
    case .auto: .auto
    case .lemmaFormTags: .fixed(.lemmaFormTags)
    case .lemmaTagsForm: .fixed(.lemmaTagsForm)
    }
  }
}

/// Options every `unimorph` verb that reads a table takes.
struct UniMorphInputOptions: ParsableArguments {
  @Option(help: "The column order; auto detects it per file and reports it on stderr.")
  var columns: UniMorphColumnsArgument = .auto

  /// Opens the table: the files given, each expanded to its numbered parts
  /// (`fin` → `fin.1`, `fin.2`, …) when it does not exist itself.
  func reader(_ files: [String], lenient: Bool) -> UniMorphTableReader {
    UniMorphTableReader(
      paths: files.flatMap(UniMorphTableReader.parts(of:)),
      options: UniMorphReaderOptions(columns: columns.choice, lenient: lenient))
  }
}

/// Says on stderr which column order each file was read with, and what a
/// lenient reader skipped.
func reportReading(_ reader: UniMorphTableReader, quiet: Bool) {
  if !quiet {
    for (path, order, detected) in reader.detections {
      StandardError.writeLine("\(path): columns \(order) (\(detected ? "detected" : "given"))")
    }
  }
  for line in reader.skipped.report() { StandardError.writeLine(line) }
}

/// JSON text for a string (RFC 8259): quotes, backslash and control characters escaped.
func jsonString(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}
