public import LexiformUnicode

/// What a language's orthography says about words, beyond UAX #29: which
/// apostrophe-like and tone characters are letters, whether hyphenated words
/// stay whole, which clitics are split off, and the normalization form.
///
/// Profiles are data, kept in `resources/profiles/*.profile` and baked into
/// this module by `tools/generate-tokenization-data.py`. ``default`` applies
/// to every language without a profile of its own; ``none`` gives plain UAX
/// #29 words, exactly as ICU's word break iterator finds them, on the text as
/// given (no normalization).
public struct OrthographyProfile: Hashable, Sendable {
  /// The profile's name, as `--profile` takes it ("default", "mayan").
  public var name: String
  /// The ISO 639 codes (639-3 and 639-1) that use this profile.
  public var languages: [String]
  /// One line saying what the profile does.
  public var summary: String
  /// The normalization applied before tokenizing; `nil` for none.
  public var normalization: NormalizationForm?
  /// The code point of the orthography's apostrophe letter, if it has one.
  public var apostrophe: UInt32?
  /// Characters writers type in place of ``apostrophe``.
  public var apostropheLookalikes: [UInt32]
  /// Code points that are letters anywhere in a word, also at its start and end.
  public var letters: [ClosedRange<UInt32>]
  /// Whether a hyphen between two letters or digits stays inside the word
  /// (`well-known`, `COVID-19`); UAX #29 splits there.
  public var joinsHyphenatedWords: Bool
  /// Clitics split off the start of a word (`l'`), lowercase, with `'`
  /// standing for any apostrophe (U+0027, U+2019, U+02BC).
  public var prefixClitics: [String]
  /// Clitics split off the end of a word (`n't`, `'s`).
  public var suffixClitics: [String]
  /// Whether this is ``none``: plain UAX #29, no other rule.
  public var isPlainUAX29: Bool

  /// Creates a profile.
  /// - Parameters:
  ///   - name: The profile's name.
  ///   - languages: ISO 639 codes that use it.
  ///   - summary: One line saying what it does.
  ///   - normalization: The normalization form, or `nil` for none.
  ///   - apostrophe: The apostrophe letter, if any.
  ///   - apostropheLookalikes: Characters typed in its place.
  ///   - letters: Code points that are letters anywhere in a word.
  ///   - joinsHyphenatedWords: Whether hyphenated words stay whole.
  ///   - prefixClitics: Clitics split off the start of words.
  ///   - suffixClitics: Clitics split off the end of words.
  public init(
    name: String, languages: [String] = [], summary: String = "", normalization: NormalizationForm? = .nfc,
    apostrophe: UInt32? = nil, apostropheLookalikes: [UInt32] = [], letters: [ClosedRange<UInt32>] = [],
    joinsHyphenatedWords: Bool = true, prefixClitics: [String] = [], suffixClitics: [String] = []
  ) {
    self.name = name
    self.languages = languages
    self.summary = summary
    self.normalization = normalization
    self.apostrophe = apostrophe
    self.apostropheLookalikes = apostropheLookalikes
    self.letters = letters
    self.joinsHyphenatedWords = joinsHyphenatedWords
    self.prefixClitics = prefixClitics
    self.suffixClitics = suffixClitics
    self.isPlainUAX29 = false
  }

  /// Plain UAX #29 words as ICU's word break iterator finds them, on the text
  /// as given: no normalization and no profile rule.
  public static let none: OrthographyProfile = {
    var profile = OrthographyProfile(
      name: "none", summary: "plain UAX #29 words, identical to ICU's word break iterator; no normalization",
      normalization: nil, joinsHyphenatedWords: false)
    profile.isPlainUAX29 = true
    return profile
  }()

  /// The profile for languages without one of their own.
  public static var `default`: OrthographyProfile {
    _generated.first { $0.name == "default" } ?? OrthographyProfile(name: "default")
  }

  /// Every profile: ``none`` and those in `resources/profiles`.
  public static var all: [OrthographyProfile] { [.none] + _generated }

  /// The profile with a name.
  /// - Parameter name: A profile name, e.g. "mayan" or "none" (case-insensitive).
  /// - Returns: The profile.
  /// - Throws: ``TokenizationError`` (`unknownProfile`) listing the valid names.
  public static func named(_ name: String) throws(TokenizationError) -> OrthographyProfile {
    let wanted = name.lowercased()
    if let found = all.first(where: { $0.name == wanted }) { return found }
    throw TokenizationError(
      .unknownProfile,
      "unknown profile '\(name)': expected one of \(all.map(\.name).joined(separator: ", "))")
  }

  /// The profile a language uses.
  /// - Parameter language: An ISO 639-3 or 639-1 code, optionally with a
  ///   region or script ("quc", "fr-CA"); case-insensitive.
  /// - Returns: The language's profile, or `nil` when it has none (callers
  ///   then use ``default``).
  public static func forLanguage(_ language: String) -> OrthographyProfile? {
    let base = LanguageScripts.baseLanguage(language)
    return _generated.first { $0.languages.contains(base) }
  }

  /// Whether `scalar` is one of this profile's extra letters.
  /// - Parameter scalar: A code point.
  /// - Returns: `true` if ``letters`` contains it.
  public func isLetter(_ scalar: UInt32) -> Bool {
    letters.contains { $0.contains(scalar) }
  }
}
