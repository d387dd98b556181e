import LexiformCore
import LexiformUnicode

/// Makes synthetic inflection triples by replacing the stem that a lemma and
/// its form share with random characters of the language [Anastasopoulos &
/// Neubig 2019].
///
/// For `walk → walked (V;PST)` the shared stem is `walk`; replacing it gives
/// `qorv → qorved (V;PST)`, which teaches a model that the past tense adds
/// `-ed` whatever the stem. Lemma and form are taken as grapheme clusters
/// after NFC normalization, so a base letter and its combining marks are
/// replaced or kept together.
///
/// The stem is found by aligning lemma and form with longest common
/// substrings, the approach of the paper: the longest common substring is
/// the first stem region, and (with ``HallucinationOptions/StemRegions/all``)
/// the parts left of it and right of it are searched again, recursively, so
/// that a discontinuous stem such as Arabic `k-t-b` or German `ge-mach-t`
/// yields one region per piece. Regions shorter than
/// ``HallucinationOptions/minimumStemLength`` are not stem; a triple with no
/// region is passed over. Within a region, each letter (whitespace and
/// punctuation are kept) becomes a character drawn uniformly from
/// ``alphabet``, the same one in the lemma and in the form.
///
/// Randomness: triple number *i* draws from stream *i* of the seed
/// (``SeededRandom/init(seed:stream:)``), so its synthetic triples are the
/// same whatever else is in the file and however the work is split.
///
/// ```swift
/// let hallucinator = try Hallucinator(learningFrom: train, options: HallucinationOptions(count: 5, seed: 1))
/// let synthetic = hallucinator.hallucinate(train).triples
/// ```
///
/// [Anastasopoulos & Neubig 2019]: https://aclanthology.org/D19-1091
///   (A. Anastasopoulos, G. Neubig, "Pushing the Limits of Low-Resource
///   Morphological Inflection", EMNLP-IJCNLP 2019, section 3.2)
public struct Hallucinator: Sendable {
  /// How triples are made.
  public let options: HallucinationOptions
  /// The characters replacements are drawn from, sorted by code points.
  public let alphabet: [Character]
  private let normalizer: Normalizer

  /// A stem region: the same grapheme clusters at these positions of the
  /// lemma and of the form.
  public struct StemRegion: Hashable, Sendable {
    /// The positions in the lemma (grapheme cluster offsets).
    public var lemma: Range<Int>
    /// The positions in the form (grapheme cluster offsets).
    public var form: Range<Int>
    /// How many grapheme clusters the region has.
    public var count: Int { lemma.count }

    /// Creates a region.
    /// - Parameters:
    ///   - lemma: The positions in the lemma.
    ///   - form: The positions in the form; as many as in the lemma.
    public init(lemma: Range<Int>, form: Range<Int>) {
      self.lemma = lemma
      self.form = form
    }
  }

  /// What a run over a training set did.
  public struct Summary: Hashable, Sendable {
    /// Real triples read.
    public var real = 0
    /// Synthetic triples made.
    public var synthetic = 0
    /// Real triples passed over because lemma and form share no stem region
    /// of the minimum length.
    public var withoutStem = 0
    /// Synthetic triples given up because every attempt repeated the real
    /// triple or an earlier synthetic one (a short stem over a small alphabet).
    public var givenUp = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds another summary's counts to this one.
    /// - Parameter other: The counts to add.
    public mutating func merge(_ other: Summary) {
      real += other.real
      synthetic += other.synthetic
      withoutStem += other.withoutStem
      givenUp += other.givenUp
    }
  }

  /// Creates a hallucinator that draws from a given alphabet, or from the
  /// one in `options` when `alphabet` is `nil`.
  /// - Parameters:
  ///   - alphabet: The characters to draw from; NFC-normalized, duplicates
  ///     and whitespace dropped.
  ///   - options: How to make triples.
  /// - Throws: ``AugmentationError`` `badOption` when the alphabet is empty;
  ///   `unreadable` when ICU's NFC data is missing.
  public init(alphabet: [Character], options: HallucinationOptions = HallucinationOptions()) throws(AugmentationError) {
    let normalizer: Normalizer
    do {
      normalizer = try Normalizer(.nfc)
    } catch {
      throw AugmentationError(.unreadable, at: nil, "cannot normalize to NFC: \(error.message)", underlyingError: error)
    }
    var seen = Set<Character>()
    var letters: [Character] = []
    for character in alphabet where !character.isWhitespace {
      let normalized = Self.nfc(String(character), normalizer)
      guard normalized.count == 1, let single = normalized.first, seen.insert(single).inserted else { continue }
      letters.append(single)
    }
    guard !letters.isEmpty else {
      throw AugmentationError(.badOption, at: nil, "the alphabet to draw stems from is empty")
    }
    self.alphabet = letters.sorted(by: Self.codePointOrder)
    self.normalizer = normalizer
    self.options = options
  }

  /// Creates a hallucinator whose alphabet is `options.alphabet`, or else the
  /// letters of the lemmas and forms of `triples`.
  /// - Parameters:
  ///   - triples: The training data.
  ///   - options: How to make triples.
  /// - Throws: ``AugmentationError`` `badOption` when no letter is found.
  public init(learningFrom triples: some Sequence<InflectionTriple>, options: HallucinationOptions = HallucinationOptions())
    throws(AugmentationError)
  {
    try self.init(alphabet: options.alphabet ?? Self.letters(of: triples), options: options)
  }

  /// The letters (grapheme clusters that start with a letter, including
  /// modifier letters such as U+02BC, or a mark) of the lemmas and forms.
  /// - Parameter triples: The training data.
  /// - Returns: The letters, NFC, each once, in code-point order.
  /// - Complexity: O(total length).
  public static func letters(of triples: some Sequence<InflectionTriple>) -> [Character] {
    let normalizer = try? Normalizer(.nfc)
    var seen = Set<Character>()
    for triple in triples {
      for text in [triple.lemma, triple.form] {
        let normalized = normalizer.flatMap { try? $0.normalize(text) } ?? text
        for character in normalized where isLetter(character) { seen.insert(character) }
      }
    }
    return seen.sorted(by: codePointOrder)
  }

  /// Whether a grapheme cluster is a letter: its first scalar is a letter
  /// (L*) or a mark (M*, a cluster that has no base).
  static func isLetter(_ character: Character) -> Bool {
    guard let first = character.unicodeScalars.first else { return false }
    switch first.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default:
      return false
    }
  }

  static func codePointOrder(_ a: Character, _ b: Character) -> Bool {
    a.unicodeScalars.lazy.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.lazy.map(\.value))
  }

  static func nfc(_ text: String, _ normalizer: Normalizer) -> String {
    (try? normalizer.normalize(text)) ?? text
  }

  /// The stem regions of a lemma and a form.
  /// - Parameters:
  ///   - lemma: The lemma's grapheme clusters.
  ///   - form: The form's grapheme clusters.
  ///   - minimumLength: The shortest region that counts.
  ///   - regions: All regions, or only the longest.
  /// - Returns: The regions, in order, not overlapping, each of at least
  ///   `minimumLength` clusters. Ties go to the leftmost in the lemma, then in the form.
  /// - Complexity: O(*n* × *m*) per region found.
  public static func stemRegions(
    lemma: [Character], form: [Character], minimumLength: Int, regions: HallucinationOptions.StemRegions = .all
  ) -> [StemRegion] {
    var found: [StemRegion] = []
    var pending: [(Range<Int>, Range<Int>)] = [(0..<lemma.count, 0..<form.count)]
    while let (a, b) = pending.popLast() {
      guard let region = longestCommonSubstring(lemma, a, form, b), region.count >= max(1, minimumLength) else {
        continue
      }
      found.append(region)
      if regions == .longest { break }
      pending.append((region.lemma.upperBound..<a.upperBound, region.form.upperBound..<b.upperBound))
      pending.append((a.lowerBound..<region.lemma.lowerBound, b.lowerBound..<region.form.lowerBound))
    }
    return found.sorted { $0.lemma.lowerBound < $1.lemma.lowerBound }
  }

  /// The longest common substring of `a[ra]` and `b[rb]` by dynamic
  /// programming over one row (Gusfield 1997, §7.4 gives the suffix-tree
  /// method; words are short, so O(*n* × *m*) is faster here).
  private static func longestCommonSubstring(
    _ a: [Character], _ ra: Range<Int>, _ b: [Character], _ rb: Range<Int>
  ) -> StemRegion? {
    guard !ra.isEmpty, !rb.isEmpty else { return nil }
    var previous = [Int](repeating: 0, count: rb.count + 1)
    var current = previous
    var best = 0
    var bestEnd = (0, 0)
    for i in ra {
      for j in rb {
        let column = j - rb.lowerBound + 1
        if a[i] == b[j] {
          current[column] = previous[column - 1] + 1
          if current[column] > best {
            best = current[column]
            bestEnd = (i + 1, j + 1)
          }
        } else {
          current[column] = 0
        }
      }
      swap(&previous, &current)
    }
    guard best > 0 else { return nil }
    return StemRegion(lemma: (bestEnd.0 - best)..<bestEnd.0, form: (bestEnd.1 - best)..<bestEnd.1)
  }

  /// The synthetic triples for one real triple.
  /// - Parameters:
  ///   - triple: The real triple.
  ///   - index: Its position in the training data: the random stream it draws from.
  ///   - summary: Counts this triple's outcome.
  /// - Returns: Up to ``HallucinationOptions/count`` synthetic triples with
  ///   the same features; none when lemma and form share no stem.
  /// - Complexity: O(*n* × *m* + count × (*n* + *m*)) for a lemma of *n* and
  ///   a form of *m* clusters.
  public func hallucinate(_ triple: InflectionTriple, index: Int, summary: inout Summary) -> [InflectionTriple] {
    summary.real += 1
    let lemma = Array(Self.nfc(triple.lemma, normalizer))
    let form = Array(Self.nfc(triple.form, normalizer))
    let regions = Self.stemRegions(
      lemma: lemma, form: form, minimumLength: options.minimumStemLength, regions: options.stemRegions)
    guard !regions.isEmpty, options.count > 0 else {
      if regions.isEmpty { summary.withoutStem += 1 }
      return []
    }
    var random = SeededRandom(seed: options.seed, stream: UInt64(truncatingIfNeeded: index))
    var made: [InflectionTriple] = []
    var seen: Set<[Character]> = [lemma]
    for _ in 0..<options.count {
      var attempt = 0
      while true {
        var newLemma = lemma
        var newForm = form
        for region in regions {
          for offset in 0..<region.count where Self.isLetter(lemma[region.lemma.lowerBound + offset]) {
            let replacement = alphabet[random.uniform(below: alphabet.count)]
            newLemma[region.lemma.lowerBound + offset] = replacement
            newForm[region.form.lowerBound + offset] = replacement
          }
        }
        if seen.insert(newLemma).inserted {
          made.append(
            InflectionTriple(
              lemma: Self.nfc(String(newLemma), normalizer), form: Self.nfc(String(newForm), normalizer),
              tags: triple.tags))
          summary.synthetic += 1
          break
        }
        attempt += 1
        if attempt >= options.maximumAttempts {
          summary.givenUp += 1
          break
        }
      }
    }
    return made
  }

  /// The synthetic triples for a training set, triple *i* drawing from stream *i*.
  /// - Parameter triples: The real triples.
  /// - Returns: The synthetic triples, grouped by real triple in input order,
  ///   and what was done.
  public func hallucinate(_ triples: some Sequence<InflectionTriple>) -> (triples: [InflectionTriple], summary: Summary) {
    var summary = Summary()
    var made: [InflectionTriple] = []
    for (index, triple) in triples.enumerated() {
      made += hallucinate(triple, index: index, summary: &summary)
    }
    return (made, summary)
  }
}
