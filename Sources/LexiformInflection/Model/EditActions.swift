import LexiformUnicode

/// The actions of the hard monotonic transducer (Aharoni & Goldberg 2017,
/// ACL; Makarov & Clematide 2018, EMNLP): a pointer walks over the lemma's
/// symbols and at each step the model either copies the symbol under the
/// pointer to the output and moves on, deletes it (moves on without
/// output), inserts a symbol (output without moving), or ends — only once
/// every lemma symbol has been consumed.
///
/// Symbols are grapheme clusters, so a vowel sign that changes under an
/// unchanged consonant (Hebrew niqqud, Arabic harakat), a tone or an umlaut
/// added to a vowel (Navajo `a` → `á`, German `a` → `ä`) would otherwise be a
/// deletion of the cluster and an insertion of another, one per consonant
/// and vowel pair, learnt separately. With ``SymbolMarks`` the transducer
/// also has a *re-marking copy* per mark sequence ("tail") seen in
/// training: it copies the base of the cluster under the pointer (the first
/// code point of its NFD) with the given tail and moves on, so the change is
/// one action shared by every base — while a combining mark is still never
/// a symbol of its own.
///
/// Action ids share the symbol table's numbering: inserting symbol `s` is
/// action `s`, ``end`` is `</s>`, and ``copy``, ``delete`` and the
/// re-marking copies come after the last symbol. A copied symbol is the
/// lemma's own, so characters the model never saw in training are copied
/// through unchanged.
struct EditActions: Sendable {
  /// The symbol table's size (special symbols included).
  let symbolCount: Int
  /// The bases and tails of the symbols, when the transducer re-marks.
  let marks: SymbolMarks?

  /// Actions over `symbolCount` symbols, with re-marking copies when `marks` is given.
  init(symbolCount: Int, marks: SymbolMarks? = nil) {
    self.symbolCount = symbolCount
    self.marks = marks
  }

  /// Copy the symbol under the pointer and move on.
  var copy: Int32 { Int32(symbolCount) }
  /// Move on without output.
  var delete: Int32 { Int32(symbolCount + 1) }
  /// Stop (only with the pointer past the last lemma symbol).
  static let end = SpecialSymbols.end
  /// The number of actions.
  var count: Int { symbolCount + 2 + (marks?.tails.count ?? 0) }

  /// The re-marking copy with tail `tail` (an index into ``SymbolMarks/tails``).
  func remark(_ tail: Int32) -> Int32 { Int32(symbolCount + 2) + tail }

  /// The tail index of a re-marking copy, or `nil` for any other action.
  func remarkTail(_ action: Int32) -> Int32? {
    action >= Int32(symbolCount + 2) && action < Int32(count) ? action - Int32(symbolCount + 2) : nil
  }

  /// Whether `action` inserts a symbol.
  func isInsertion(_ action: Int32) -> Bool {
    action >= Int32(SpecialSymbols.count) && action < Int32(symbolCount)
  }

  /// The gold action sequence that turns `lemma` into `form` with the
  /// fewest insertions, deletions and re-marking copies (copies are free; a
  /// re-marking copy counts one, where the two clusters share their base;
  /// any other substitution is a deletion then an insertion), copying as
  /// early as possible where several are equally short, then re-marking,
  /// then deleting, and the pointer position before each
  /// action (the lemma's symbol `k` is at position `k + 1`, after `<s>`; the
  /// position after the last symbol is `lemma.count + 1`, the `</s>`).
  /// - Parameters:
  ///   - lemma: The lemma's symbols, without `<s>` and `</s>`.
  ///   - form: The form's symbols, without `</s>`.
  /// - Returns: The actions, ending with ``end``, and one pointer per action.
  /// - Complexity: O(lemma.count × form.count).
  func oracle(lemma: [Int32], form: [Int32]) -> (actions: [Int32], pointers: [Int]) {
    let (n, m) = (lemma.count, form.count)
    let width = m + 1
    // cost[i][j]: fewest insertions and deletions turning lemma[i...] into form[j...].
    var cost = [Int32](repeating: 0, count: (n + 1) * width)
    // remarked(i, j): the re-marking copy that turns lemma[i] into form[j], if any.
    func remarked(_ i: Int, _ j: Int) -> Int32? {
      guard let marks, lemma[i] != form[j], let t = marks.remark(lemma[i], into: form[j]) else { return nil }
      return remark(t)
    }
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: m, through: 0, by: -1) {
        if i == n {
          cost[i * width + j] = Int32(m - j)
        } else if j == m {
          cost[i * width + j] = Int32(n - i)
        } else {
          var best = 1 + min(cost[(i + 1) * width + j], cost[i * width + j + 1])
          if lemma[i] == form[j] {
            best = min(best, cost[(i + 1) * width + j + 1])
          } else if remarked(i, j) != nil {
            best = min(best, 1 + cost[(i + 1) * width + j + 1])
          }
          cost[i * width + j] = best
        }
      }
    }
    var actions: [Int32] = []
    var pointers: [Int] = []
    actions.reserveCapacity(n + m + 1)
    pointers.reserveCapacity(n + m + 1)
    var (i, j) = (0, 0)
    while i < n || j < m {
      pointers.append(i + 1)
      let here = cost[i * width + j]
      if i < n, j < m, lemma[i] == form[j], here == cost[(i + 1) * width + j + 1] {
        actions.append(copy)
        i += 1
        j += 1
      } else if i < n, j < m, here == 1 + cost[(i + 1) * width + j + 1], let r = remarked(i, j) {
        actions.append(r)
        i += 1
        j += 1
      } else if i < n, here == 1 + cost[(i + 1) * width + j] {
        actions.append(delete)
        i += 1
      } else {
        actions.append(form[j])
        j += 1
      }
    }
    actions.append(Self.end)
    pointers.append(n + 1)
    return (actions, pointers)
  }
}

/// Each symbol's base and tail, for the transducer's re-marking copies
/// (see ``EditActions``): the base is the first code point of the symbol's
/// canonical decomposition (NFD), the tail the rest (empty for a bare
/// letter). `ä` is `a` with tail U+0308; Hebrew `שָׁ` is `ש` with tail
/// U+05B8 U+05C1.
struct SymbolMarks: Sendable, Hashable {
  /// The tails that re-marking copies can write: the empty tail first, then
  /// every ordinary symbol's tail in the symbol table's order.
  let tails: [String]
  /// Per symbol index: its base's number (symbols with equal bases have
  /// equal numbers), or -1 for the special symbols.
  let bases: [Int32]
  /// Per symbol index: its tail's index in ``tails``, or -1 for the special symbols.
  let tailIndices: [Int32]

  /// The marks of every symbol in `symbols`.
  init(symbols: SymbolTable) {
    var tails: [String] = [""]
    var tailIndex: [String: Int32] = ["": 0]
    var baseIndex: [String: Int32] = [:]
    var bases = [Int32](repeating: -1, count: symbols.count)
    var tailIndices = [Int32](repeating: -1, count: symbols.count)
    for (k, symbol) in symbols.symbols.enumerated() where k >= SpecialSymbols.count {
      let (base, tail) = Self.split(symbol)
      bases[k] = baseIndex[base] ?? {
        let b = Int32(baseIndex.count)
        baseIndex[base] = b
        return b
      }()
      tailIndices[k] = tailIndex[tail] ?? {
        let t = Int32(tails.count)
        tails.append(tail)
        tailIndex[tail] = t
        return t
      }()
    }
    self.tails = tails
    self.bases = bases
    self.tailIndices = tailIndices
  }

  /// The tail index of the re-marking copy that turns symbol `from` into
  /// symbol `to`, or `nil` when their bases differ.
  func remark(_ from: Int32, into to: Int32) -> Int32? {
    guard from >= 0, to >= 0, Int(from) < bases.count, Int(to) < bases.count else { return nil }
    let b = bases[Int(from)]
    return b >= 0 && b == bases[Int(to)] ? tailIndices[Int(to)] : nil
  }

  static let nfd: Normalizer? = try? Normalizer(.nfd)

  /// A cluster's base (the first code point of its NFD) and tail (the rest).
  static func split(_ cluster: String) -> (base: String, tail: String) {
    let decomposed = (try? nfd?.normalize(cluster)) ?? cluster
    guard let first = decomposed.unicodeScalars.first else { return ("", "") }
    var tail = String.UnicodeScalarView()
    tail.append(contentsOf: decomposed.unicodeScalars.dropFirst())
    return (String(first), String(tail))
  }

  /// `cluster` with its base kept and its tail replaced by `tails[tail]`, in NFC.
  func spell(_ cluster: String, tail: Int32) -> String {
    let base = Self.split(cluster).base + tails[Int(tail)]
    return (try? SymbolTable.nfc?.normalize(base)) ?? base
  }
}
