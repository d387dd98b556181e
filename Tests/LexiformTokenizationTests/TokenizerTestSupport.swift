import LexiformTokenization
import LexiformUnicode
import XCTest

/// Tokenizes `text` and checks the tokens' texts; on failure prints a table
/// of the tokens with their offsets and the code points of each.
func assertTokens(
  _ text: String, _ expected: [String], profile: OrthographyProfile = .default,
  options: TokenizerOptions? = nil, file: StaticString = #filePath, line: UInt = #line
) throws {
  let tokenizer = try Tokenizer(options: options ?? TokenizerOptions(profile: profile))
  let tokens = try tokenizer.tokens(in: text)
  let found = tokens.map(\.text)
  guard found != expected else { return }
  var report = ["tokens of \"\(text)\" differ:", "  expected: \(expected)", "  found:    \(found)"]
  for token in tokens {
    let points = token.text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    report.append("  \(token.utf8Range) \(token.script) \(token.text)  [\(points.joined(separator: " "))]")
  }
  XCTFail(report.joined(separator: "\n"), file: file, line: line)
}

/// The bytes of `text` in `range`, as a string.
func substring(_ text: String, _ range: Range<Int>) -> String {
  String(decoding: Array(text.utf8)[range], as: UTF8.self)
}
