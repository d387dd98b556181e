import LexiformUnicode

/// Joins space-separated tokens back into text: no space before closing
/// punctuation and after opening punctuation, none between characters of
/// scripts written without spaces (Thai, Lao, Khmer, Myanmar, Han, Kana),
/// straight quotes paired, Moses `@-@` rejoined and Moses escapes undone.
///
/// Tokenizing and detokenizing does not restore every text exactly: the
/// tokens do not record the spaces they had. For exact text, use the JSON
/// form's offsets into the original line.
public struct Detokenizer: Sendable {
  /// Creates a detokenizer.
  public init() {}

  static let unspaced: Set<ScriptCode> = Set(
    ["Thai", "Laoo", "Khmr", "Mymr", "Hani", "Hira", "Kana", "Tibt"].compactMap { ScriptCode(iso15924: $0) })

  /// Joins the tokens of one line.
  /// - Parameter line: Tokens separated by spaces, as `lexiform tokenize` writes them.
  /// - Returns: The text.
  /// - Complexity: O(*n*).
  public func detokenize(_ line: String) -> String {
    let escapes = [
      ("&#124;", "|"), ("&lt;", "<"), ("&gt;", ">"), ("&apos;", "'"), ("&quot;", "\""), ("&#91;", "["),
      ("&#93;", "]"), ("&amp;", "&"),
    ]
    let tokens = line.split(separator: " ", omittingEmptySubsequences: true).map { token -> String in
      var token = String(token)
      if token.contains("&") { for (from, to) in escapes { token = token.replacingAll(from, with: to) } }
      return token
    }
    var out = ""
    var openQuotes: [Character: Bool] = [:]
    var glueNext = true
    for token in tokens {
      if token == "@-@" {
        out += "-"
        glueNext = true
        continue
      }
      guard let first = token.unicodeScalars.first, let last = token.unicodeScalars.last else { continue }
      var space = !glueNext
      let firstCategory = GeneralCategory.of(first)
      if token.count == 1, let quote = token.first, quote == "\"" || quote == "'" {
        let open = !(openQuotes[quote] ?? false)
        openQuotes[quote] = open
        if !open { space = false }
        out += (space ? " " : "") + token
        glueNext = open
        continue
      }
      if [.closePunctuation, .finalPunctuation].contains(firstCategory)
        || (firstCategory == .otherPunctuation && token.allSatisfy { ".,;:!?%)…।॥،؛؟።。、，！？：；）」』".contains($0) })
      {
        space = false
      }
      if let previous = out.unicodeScalars.last, Self.unspaced.contains(ScriptCode.of(previous)),
        Self.unspaced.contains(ScriptCode.of(first))
      {
        space = false
      }
      out += (space ? " " : "") + token
      let lastCategory = GeneralCategory.of(last)
      glueNext = token.count == 1 && [.openPunctuation, .initialPunctuation].contains(lastCategory)
        || token == "¿" || token == "¡"
    }
    return out
  }
}

extension String {
  /// Replaces every occurrence of `target`, which starts with `&` and ends with `;`.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      let tail = rest[amp...]
      if tail.hasPrefix(target) {
        result += replacement
        rest = tail.dropFirst(target.count)
      } else {
        result += "&"
        rest = tail.dropFirst()
      }
    }
    return result + rest
  }
}
