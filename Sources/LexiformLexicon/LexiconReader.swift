public import LexiformCore

/// A streaming reader of lexicon entries from one file.
///
/// Readers return one entry at a time in file order and keep memory
/// independent of the file's size. In lenient mode a reader skips an entry it
/// cannot read, records why in ``skipped`` and goes on; otherwise it throws.
public protocol LexiconReader: AnyObject {
  /// The file's path as given.
  var path: String { get }
  /// The format being read.
  var format: LexiconFormat { get }
  /// What the file says about itself. Formats with a header in front
  /// (TEI, LIFT, Apertium) have it filled before the first entry is returned.
  var header: LexiconHeader { get }
  /// Entries skipped in lenient mode, by reason.
  var skipped: SkipCounter { get }
  /// Returns the next entry, or `nil` at the end.
  /// - Throws: ``LexiconError`` naming the file, line (and column for XML)
  ///   and what was expected.
  func next() throws(LexiconError) -> LexiconEntry?
}

/// Options every reader takes.
public struct LexiconReaderOptions: Sendable {
  /// Skip entries that cannot be read (counted in the reader's `skipped`)
  /// instead of stopping. Default `false`.
  public var lenient = false
  /// The headword language when the file does not say (e.g. for TSV).
  public var sourceLanguage: LanguageTag?
  /// The translation language when the file does not say.
  public var targetLanguage: LanguageTag?

  /// Creates options with the documented defaults.
  public init(lenient: Bool = false, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) {
    self.lenient = lenient
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }
}
