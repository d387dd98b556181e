/// How a ``Hallucinator`` makes synthetic inflection triples.
///
/// The defaults follow Anastasopoulos & Neubig (2019): stems are aligned
/// regions of at least 3 characters, every such region is replaced, and the
/// replacement characters are drawn uniformly from the alphabet.
public struct HallucinationOptions: Hashable, Sendable {
  /// Which aligned regions count as the stem.
  public enum StemRegions: String, Hashable, Sendable, CaseIterable {
    /// Every region of at least ``HallucinationOptions/minimumStemLength``
    /// aligned characters (the paper's "possibly discontinuous" stem, e.g. the
    /// two parts of an Arabic root pattern or a German `ge-…-t` participle).
    case all
    /// Only the longest common substring of lemma and form.
    case longest
  }

  /// How many synthetic triples to make per real one. Default 10.
  public var count: Int
  /// The shortest aligned region, in grapheme clusters, that counts as stem.
  /// Triples without one are passed over (counted). Default 3.
  public var minimumStemLength: Int
  /// Which aligned regions are replaced. Default ``StemRegions/all``.
  public var stemRegions: StemRegions
  /// The characters (grapheme clusters, NFC) to draw from, or `nil` (the
  /// default) for the letters of the training data's lemmas and forms.
  public var alphabet: [Character]?
  /// The seed: triple *i* draws from stream *i* of it, so the output for a
  /// triple does not depend on the others or on threads. Default 0.
  public var seed: UInt64
  /// How many draws a synthetic triple may take to differ from its real
  /// triple and from the earlier synthetic ones of the same triple before it
  /// is given up (counted). Default 10.
  public var maximumAttempts: Int

  /// Creates options.
  /// - Parameters:
  ///   - count: Synthetic triples per real one (at least 0).
  ///   - minimumStemLength: The shortest stem region (at least 1).
  ///   - stemRegions: Which regions are replaced.
  ///   - alphabet: The characters to draw from, or `nil` to learn them.
  ///   - seed: The seed.
  ///   - maximumAttempts: Draws per synthetic triple before giving up (at least 1).
  public init(
    count: Int = 10, minimumStemLength: Int = 3, stemRegions: StemRegions = .all, alphabet: [Character]? = nil,
    seed: UInt64 = 0, maximumAttempts: Int = 10
  ) {
    self.count = max(0, count)
    self.minimumStemLength = max(1, minimumStemLength)
    self.stemRegions = stemRegions
    self.alphabet = alphabet
    self.seed = seed
    self.maximumAttempts = max(1, maximumAttempts)
  }
}
