public import LexiformCore
internal import LexiformUnicode

/// An in-memory lookup table over a lexicon in any format, built by reading
/// it once: normalized headword (and variant and inflected form) → entries.
///
/// Keys are compared as Unicode's caseless matching for identifiers
/// suggests (Unicode 15.0 §3.13, `NFKC_Casefold`), with whitespace runs as
/// one space and the ends trimmed, so `Kitabu`, `kitabu` and `ｋｉｔａｂｕ`
/// find the same entry, while letters such as `ʼ` (U+02BC) stay distinct.
///
/// For dictd databases ``DictdDictionary`` looks words up without reading
/// the whole file; this index is for the other formats, whose files have no
/// index of their own.
///
/// ```swift
/// let index = try LexiconIndex(reader: try Lexicon.open("sw-en.tei"))
/// let entries = index.lookup("Kitabu")
/// ```
///
/// - Complexity: Building is O(*n*) in the entries; a lookup is O(1)
///   expected plus the size of the result. Memory holds every entry.
public final class LexiconIndex {
  /// Every entry read, in file order.
  public let entries: [LexiconEntry]
  /// What the file says about itself.
  public let header: LexiconHeader
  /// Entries the reader skipped (lenient mode), by reason.
  public let skipped: SkipCounter
  private let byHeadword: [String: [Int]]
  private let byOtherForm: [String: [Int]]
  private let normalizer: Normalizer

  /// Reads every entry of `reader` and indexes it.
  /// - Parameters:
  ///   - reader: A reader at its start.
  ///   - includesOtherForms: Whether variants and inflected forms also find
  ///     their entry (after the entries whose headword matches). Default `true`.
  /// - Throws: What the reader throws; ``LexiconError`` (`io`) if ICU's
  ///   normalization data is missing.
  public init(reader: any LexiconReader, includesOtherForms: Bool = true) throws(LexiconError) {
    do {
      normalizer = try Normalizer(.nfkcCasefold)
    } catch {
      throw LexiconError(.io, at: nil, "cannot load Unicode normalization data: \(error)", underlyingError: error)
    }
    let normalizer = self.normalizer
    func key(_ word: String) -> String { Self.key(word, normalizer) }
    var entries: [LexiconEntry] = []
    var byHeadword: [String: [Int]] = [:]
    var byOtherForm: [String: [Int]] = [:]
    while let entry = try reader.next() {
      let position = entries.count
      entries.append(entry)
      byHeadword[key(entry.headword.text), default: []].append(position)
      guard includesOtherForms else { continue }
      var others = Set(entry.variants.map { key($0.text) })
      others.formUnion(entry.inflectedForms.map { key($0.text) })
      others.remove(key(entry.headword.text))
      for other in others { byOtherForm[other, default: []].append(position) }
    }
    self.entries = entries
    self.byHeadword = byHeadword
    self.byOtherForm = byOtherForm
    header = reader.header
    skipped = reader.skipped
  }

  /// The comparison form of a word.
  /// - Parameter word: A headword or query.
  /// - Returns: `NFKC_Casefold` of it, whitespace runs as one space, trimmed.
  public func key(_ word: String) -> String { Self.key(word, normalizer) }

  private static func key(_ word: String, _ normalizer: Normalizer) -> String {
    let folded = (try? normalizer.normalize(word)) ?? word.lowercased()
    return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The entries for a word: those whose headword matches, then those with
  /// a matching variant or inflected form, each in file order.
  /// - Parameter word: The word looked up.
  /// - Returns: The entries; empty when none match.
  /// - Complexity: O(1) expected, plus the size of the result.
  public func lookup(_ word: String) -> [LexiconEntry] {
    let k = key(word)
    let positions = (byHeadword[k] ?? []) + (byOtherForm[k] ?? [])
    return positions.map { entries[$0] }
  }

  /// The number of distinct headword keys.
  public var headwordCount: Int { byHeadword.count }
}
