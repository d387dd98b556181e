/// How `translate` and `codeswitch` rewrite records.
public struct AugmentationOptions: Sendable, Hashable {
  /// What is done to the words of a record.
  public enum Mode: Sendable, Hashable {
    /// Every word with a translation is translated (Wang, Ruder & Neubig 2022).
    case translate
    /// CoSDA-ML (Qin et al. 2020): a record is picked with probability
    /// `ratio`, and each word of a picked record with probability `cross`; a
    /// picked word is replaced by its translation into a language drawn
    /// uniformly from the lexicons (kept when that lexicon lacks it).
    case codeswitch(ratio: Double, cross: Double)
  }

  /// Which translation is used when a word has several.
  public enum Choice: String, Sendable, Hashable, CaseIterable {
    /// The highest-scored, then the most frequent, then the first in the lexicon.
    case best
    /// One drawn at random, weighted by score (when every candidate has a
    /// positive score) or else by frequency.
    case sample
  }

  /// What is done to words. Default ``Mode/translate``.
  public var mode: Mode
  /// Which translation is used. Default ``Choice/best``.
  public var choice: Choice
  /// Whether words without a translation are dropped (`translate` only).
  /// Default `false`: they are kept as they are.
  public var dropsUnknown: Bool
  /// The seed; record *i* draws from stream *i* of it. Default 0.
  public var seed: UInt64
  /// The target language written into MASSIVE's `locale`, or `nil` to take
  /// the lexicon's (or keep the record's when neither says).
  public var targetLocale: String?
  /// How many untranslated words the summary lists. Default 20.
  public var reportedUntranslated: Int

  /// Creates options.
  /// - Parameters:
  ///   - mode: What is done to words.
  ///   - choice: Which translation is used.
  ///   - dropsUnknown: Whether untranslated words are dropped.
  ///   - seed: The seed.
  ///   - targetLocale: MASSIVE's new `locale`.
  ///   - reportedUntranslated: How many untranslated words the summary lists.
  public init(
    mode: Mode = .translate, choice: Choice = .best, dropsUnknown: Bool = false, seed: UInt64 = 0,
    targetLocale: String? = nil, reportedUntranslated: Int = 20
  ) {
    self.mode = mode
    self.choice = choice
    self.dropsUnknown = dropsUnknown
    self.seed = seed
    self.targetLocale = targetLocale
    self.reportedUntranslated = max(0, reportedUntranslated)
  }
}
