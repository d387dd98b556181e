public import LexiformCore
internal import LexiformUnicode

/// What `lexiform lexicon stats` reports about a lexicon, gathered entry by
/// entry.
///
/// Memory grows with the number of distinct headwords (kept to find
/// duplicates), not with the size of the file.
public struct LexiconStatistics: Sendable {
  /// Entries, as the format defines them (deleted ones included).
  public private(set) var entries = 0
  /// Entries marked deleted (LIFT `dateDeleted`).
  public private(set) var deleted = 0
  /// Senses, subsenses included.
  public private(set) var senses = 0
  /// Translations, over all senses.
  public private(set) var translations = 0
  /// Entries by part of speech ("" for none).
  public private(set) var partsOfSpeech: [String: Int] = [:]
  /// Headwords by language ("" for unknown).
  public private(set) var headwordLanguages: [String: Int] = [:]
  /// Translations by language pair, `src→tgt`.
  public private(set) var languagePairs: [String: Int] = [:]
  /// Entries whose headword and part of speech repeat an earlier entry's.
  public private(set) var duplicates = 0
  /// Headwords, translations or definitions not in NFC.
  public private(set) var notNFC = 0
  /// Entries whose headword mixes scripts (ignoring Common and Inherited).
  public private(set) var mixedScript = 0
  /// Apostrophe-like characters in headwords and translations, by code point
  /// (`U+02BC`): a lexicon that mixes them needs normalizing.
  public private(set) var apostrophes: [String: Int] = [:]
  /// Headwords by language and script, to find those in an unexpected one.
  private var scriptsByLanguage: [String: [String: Int]] = [:]
  private var seen: Set<String> = []
  private let normalizer: Normalizer?

  /// The apostrophe look-alikes counted: ' ’ ʼ ʻ ꞌ ` ´ ′.
  static let apostropheLikes: Set<Unicode.Scalar> = [
    "\u{0027}", "\u{2019}", "\u{02BC}", "\u{02BB}", "\u{A78C}", "\u{0060}", "\u{00B4}", "\u{2032}",
  ]

  /// Creates empty statistics.
  public init() {
    normalizer = try? Normalizer(.nfc)
  }

  /// Adds one entry.
  /// - Parameter entry: An entry as a reader returned it.
  public mutating func add(_ entry: LexiconEntry) {
    entries += 1
    if entry.isDeleted {
      deleted += 1
      return
    }
    senses += entry.senseCount
    let all = entry.allTranslations
    translations += all.count
    partsOfSpeech[entry.partOfSpeech ?? "", default: 0] += 1
    let source = entry.headword.language?.rawValue ?? ""
    headwordLanguages[source, default: 0] += 1
    for t in all {
      languagePairs["\(source)→\(t.form.language?.rawValue ?? "")", default: 0] += 1
      check(t.form.text)
    }
    check(entry.headword.text)
    let key = "\(entry.headword.text)\u{1F}\(entry.partOfSpeech ?? "")"
    if !seen.insert(key).inserted { duplicates += 1 }
    var scripts: Set<String> = []
    for scalar in entry.headword.text.unicodeScalars {
      let script = ScriptCode.of(scalar)
      if script != .common, script != .inherited, script != .unknown { scripts.insert(script.iso15924) }
    }
    if scripts.count > 1 { mixedScript += 1 }
    if let main = scripts.sorted().first, scripts.count == 1 {
      scriptsByLanguage[source, default: [:]][main, default: 0] += 1
    }
  }

  private mutating func check(_ text: String) {
    if let normalizer, (try? normalizer.isNormalized(text)) == false { notNFC += 1 }
    for scalar in text.unicodeScalars where Self.apostropheLikes.contains(scalar) {
      apostrophes[codePointName(scalar), default: 0] += 1
    }
  }

  /// Headwords written in a script other than the one most headwords of
  /// their language use.
  public var unexpectedScript: Int {
    scriptsByLanguage.values.reduce(0) { total, counts in
      total + counts.values.reduce(0, +) - (counts.values.max() ?? 0)
    }
  }

  /// The languages seen, headwords' and translations', sorted.
  public var languages: [String] {
    var all = Set(headwordLanguages.keys)
    for pair in languagePairs.keys {
      if let target = pair.split(separator: "→", omittingEmptySubsequences: false).last { all.insert(String(target)) }
    }
    all.remove("")
    return all.sorted()
  }
}

/// `U+02BC` for ʼ.
func codePointName(_ scalar: Unicode.Scalar) -> String {
  let hex = String(scalar.value, radix: 16, uppercase: true)
  return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
