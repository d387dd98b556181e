/// The actions of the hard monotonic transducer (Aharoni & Goldberg 2017,
/// ACL; Makarov & Clematide 2018, EMNLP): a pointer walks over the lemma's
/// symbols and at each step the model either copies the symbol under the
/// pointer to the output and moves on, deletes it (moves on without
/// output), inserts a symbol (output without moving), or ends — only once
/// every lemma symbol has been consumed.
///
/// Action ids share the symbol table's numbering: inserting symbol `s` is
/// action `s`, ``end`` is `</s>`, and ``copy`` and ``delete`` come after the
/// last symbol. A copied symbol is the lemma's own, so characters the model
/// never saw in training are copied through unchanged.
struct EditActions: Sendable {
  /// The symbol table's size (special symbols included).
  let symbolCount: Int

  /// Copy the symbol under the pointer and move on.
  var copy: Int32 { Int32(symbolCount) }
  /// Move on without output.
  var delete: Int32 { Int32(symbolCount + 1) }
  /// Stop (only with the pointer past the last lemma symbol).
  static let end = SpecialSymbols.end
  /// The number of actions.
  var count: Int { symbolCount + 2 }

  /// Whether `action` inserts a symbol.
  func isInsertion(_ action: Int32) -> Bool {
    action >= Int32(SpecialSymbols.count) && action < Int32(symbolCount)
  }

  /// The gold action sequence that turns `lemma` into `form` with the
  /// fewest insertions and deletions (copies are free; a substitution is a
  /// deletion then an insertion), copying as early as possible where
  /// several are equally short, and the pointer position before each
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
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: m, through: 0, by: -1) {
        if i == n {
          cost[i * width + j] = Int32(m - j)
        } else if j == m {
          cost[i * width + j] = Int32(n - i)
        } else {
          var best = 1 + min(cost[(i + 1) * width + j], cost[i * width + j + 1])
          if lemma[i] == form[j] { best = min(best, cost[(i + 1) * width + j + 1]) }
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
