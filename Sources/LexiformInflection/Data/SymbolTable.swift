import LexiformUnicode

/// A vocabulary: symbols (grapheme clusters, or feature names) and their
/// indices, the ``SpecialSymbols`` first.
///
/// Indices are assigned in the order symbols are first added, so the same
/// training data always gives the same table.
public struct SymbolTable: Sendable, Hashable {
  /// The symbols, by index; the first ``SpecialSymbols/count`` are the
  /// reserved names.
  public private(set) var symbols: [String]
  private var indices: [String: Int32]

  /// A table with only the reserved symbols.
  public init() {
    symbols = SpecialSymbols.names
    indices = [:]
  }

  /// A table with the reserved symbols followed by `symbols`, in order.
  /// - Parameter symbols: The ordinary symbols (a repeated one keeps its first index).
  public init(symbols: [String]) {
    self.init()
    for s in symbols { add(s) }
  }

  /// The number of symbols, the reserved ones included.
  public var count: Int { symbols.count }

  /// Adds a symbol if it is new.
  /// - Parameter symbol: The symbol.
  /// - Returns: Its index.
  @discardableResult
  public mutating func add(_ symbol: String) -> Int32 {
    if let i = indices[symbol] { return i }
    let i = Int32(symbols.count)
    symbols.append(symbol)
    indices[symbol] = i
    return i
  }

  /// The index of `symbol`, or `nil` if it is not in the table.
  /// - Parameter symbol: The symbol.
  public func index(of symbol: String) -> Int32? { indices[symbol] }

  /// The symbol at `index`, or `nil` for an index outside the table.
  /// - Parameter index: An index.
  public func symbol(at index: Int32) -> String? {
    index >= 0 && Int(index) < symbols.count ? symbols[Int(index)] : nil
  }

  /// The ordinary symbols (without the reserved ones), in index order.
  public var ordinarySymbols: ArraySlice<String> { symbols.dropFirst(SpecialSymbols.count) }
}

extension SymbolTable {
  /// NFC through ICU (`nil` only if ICU lacks its data, when text is used as it is).
  static let nfc: Normalizer? = try? Normalizer(.nfc)

  /// Splits a word into the model's symbols: extended grapheme clusters
  /// (UAX #29, as Swift's `Character`) after NFC (UAX #15), so that a
  /// combining mark or an Indic vowel sign always stays with its base —
  /// but without the Indic conjunct rule of Unicode 15.1 (GB9c): a
  /// consonant with its virama (and a ZWJ after it) is one symbol and the
  /// consonant it joins another, as before 15.1. With GB9c every conjunct
  /// with its vowel sign is a symbol of its own (957 in the Sanskrit 2023
  /// training data), so suffixes such as `-भ्याम्` would be insertions of
  /// rare whole conjuncts instead of a few common symbols.
  /// - Parameter word: The word (a multiword lemma keeps its spaces as symbols).
  /// - Returns: One string per grapheme cluster.
  public static func graphemes(_ word: String) -> [String] {
    let normalized = (try? nfc?.normalize(word)) ?? word
    var out: [String] = []
    out.reserveCapacity(normalized.utf8.count)
    for character in normalized {
      let scalars = character.unicodeScalars
      guard scalars.count > 2 else {
        out.append(String(character))
        continue
      }
      // Split before a letter that follows a virama (or a virama and a ZWJ).
      var piece = String.UnicodeScalarView()
      // Whether the scalars so far end with a virama, or a virama and a ZWJ.
      var afterVirama = false
      for s in scalars {
        if afterVirama && s.properties.generalCategory == .otherLetter && !piece.isEmpty {
          out.append(String(piece))
          piece = String.UnicodeScalarView()
        }
        afterVirama = isVirama(s) || (afterVirama && s == zeroWidthJoiner)
        piece.append(s)
      }
      out.append(String(piece))
    }
    return out
  }

  private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

  private static func isVirama(_ s: Unicode.Scalar) -> Bool {
    s.properties.canonicalCombiningClass == .virama
  }
}
