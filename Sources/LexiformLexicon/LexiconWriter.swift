public import LexiformCore

/// A streaming writer of lexicon entries in one format.
///
/// A writer writes to an ``AtomicOutput``; the caller commits it after
/// ``finish()``, so a failed conversion never replaces a good file. Lossy
/// formats say what they drop in ``dropped``, by reason, so that `convert`
/// can report it: nothing is lost silently.
public protocol LexiconWriter: AnyObject {
  /// The format written.
  var format: LexiconFormat { get }
  /// What could not be carried over, by reason (e.g. "definitions (TSV has no
  /// column for them)"), with the location of the first entries concerned.
  var dropped: SkipCounter { get }
  /// Writes whatever comes before the entries (an XML prolog and header).
  /// - Parameter header: What the source file said about itself.
  /// - Throws: ``LexiconError`` (`io`) when the output cannot be written.
  func begin(_ header: LexiconHeader) throws(LexiconError)
  /// Writes one entry.
  /// - Throws: ``LexiconError`` when the output cannot be written.
  func write(_ entry: LexiconEntry) throws(LexiconError)
  /// Writes whatever comes after the entries (closing tags) and flushes.
  /// - Throws: ``LexiconError`` when the output cannot be written.
  func finish() throws(LexiconError)
}
