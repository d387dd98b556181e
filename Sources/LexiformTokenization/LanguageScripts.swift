public import LexiformUnicode

/// The scripts each language is expected to be written in, from
/// `resources/scripts/languages.tsv`, with CLDR's likely script (as ICU ships
/// it) for languages the table does not list.
public enum LanguageScripts {
  /// Where an answer came from.
  public enum Source: String, Sendable {
    /// Lexiform's table, `resources/scripts/languages.tsv`.
    case table
    /// CLDR likely subtags, through ICU: one script only.
    case likelySubtags = "likely-subtags"
  }

  /// The language part of a tag, lowercase: "fr-CA" → "fr", "sr_Latn" → "sr".
  /// - Parameter tag: A BCP 47 tag or ISO 639 code.
  /// - Returns: Its first subtag, lowercased.
  public static func baseLanguage(_ tag: String) -> String {
    String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
  }

  /// The scripts a language is written in, most common first.
  /// - Parameter language: An ISO 639-3 or 639-1 code, optionally with
  ///   subtags ("srp", "sr", "oj", "sr-Latn"). A script subtag narrows the
  ///   answer to that script.
  /// - Returns: The scripts and where they came from, or `nil` when neither
  ///   the table nor ICU knows the language.
  public static func scripts(for language: String) -> (scripts: [ScriptCode], source: Source)? {
    let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    if let subtag = parts.dropFirst().first(where: { $0.count == 4 }), let script = ScriptCode(iso15924: subtag) {
      return ([script], .table)
    }
    let base = baseLanguage(language)
    if let row = _generated.first(where: { $0.0 == base || $0.1 == base }) {
      return (row.2.compactMap { ScriptCode(iso15924: $0) }, .table)
    }
    guard !base.isEmpty, let likely = ScriptCode.likely(forLanguage: base) else { return nil }
    switch likely.iso15924 {
    case "Jpan": return ([.han, .hiragana, .katakana], .likelySubtags)
    case "Kore": return ([.hangul, .han], .likelySubtags)
    default: return ([likely], .likelySubtags)
    }
  }

  /// Every language in the table: ISO 639-3 code, ISO 639-1 code, scripts, name.
  public static var table: [(code: String, alpha2: String?, scripts: [String], name: String)] {
    _generated.map { ($0.0, $0.1, $0.2, $0.3) }
  }
}

