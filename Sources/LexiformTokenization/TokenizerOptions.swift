/// How a ``Tokenizer`` splits text.
public struct TokenizerOptions: Hashable, Sendable {
  /// Which tokens to produce.
  public enum Style: String, Hashable, Sendable, CaseIterable {
    /// UAX #29 words with the profile's rules.
    case standard
    /// Compatible with the Moses tokenizer (sacremoses `MosesTokenizer`):
    /// English contractions split before the apostrophe (`don 't`), Romance
    /// elision after it (`l' homme`), optional `@-@` hyphen splitting and
    /// XML escaping.
    case moses
  }

  /// The orthography profile. Default: ``OrthographyProfile/default``.
  public var profile: OrthographyProfile
  /// The language, an ISO 639 code or BCP 47 tag, used for Moses clitic rules.
  /// Default: `nil` (none).
  public var language: String?
  /// Whether a token is split where its script changes (`COVID-19ના` →
  /// `COVID-19`, `ના`); characters of the Common and Inherited scripts
  /// (digits, hyphens, marks) stay with what precedes them, and Han,
  /// Hiragana and Katakana count as one. Default `false`.
  public var splitsAtScriptChanges: Bool
  /// The token style. Default ``Style/standard``.
  public var style: Style
  /// Moses style only: split every hyphen between word characters into an
  /// `@-@` token (sacremoses `aggressive_dash_splits`). Default `false`.
  public var mosesAggressiveHyphens: Bool
  /// Moses style only: escape `& | < > ' " [ ]` as Moses does (sacremoses
  /// `escape`). Default `true`.
  public var mosesEscapes: Bool

  /// Creates options.
  /// - Parameters:
  ///   - profile: The orthography profile.
  ///   - language: The language, for Moses clitic rules.
  ///   - splitsAtScriptChanges: Whether tokens split where the script changes.
  ///   - style: The token style.
  ///   - mosesAggressiveHyphens: Moses `@-@` hyphen splitting.
  ///   - mosesEscapes: Moses XML escaping.
  public init(
    profile: OrthographyProfile = .default, language: String? = nil, splitsAtScriptChanges: Bool = false,
    style: Style = .standard, mosesAggressiveHyphens: Bool = false, mosesEscapes: Bool = true
  ) {
    self.profile = profile
    self.language = language
    self.splitsAtScriptChanges = splitsAtScriptChanges
    self.style = style
    self.mosesAggressiveHyphens = mosesAggressiveHyphens
    self.mosesEscapes = mosesEscapes
  }
}
