/// A language code: a BCP 47 tag (`sw`, `en-GB`, `sr-Latn`) or an ISO 639-3
/// code (`swh`, `quc`), as lexicon files write them.
///
/// The tag is kept as written apart from case, which BCP 47 says carries no
/// meaning: the language subtag is lowercased, a four-letter script subtag is
/// titlecased (`Latn`), a two-letter region is uppercased (`GB`), and `_`
/// (as in `en_GB`) becomes `-`. ISO 639-1 and 639-3 codes are not mapped onto
/// each other: `sw` and `swh` stay distinct, since files use both.
public struct LanguageTag: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The normalized tag.
  public let rawValue: String

  /// Normalizes a tag as written in a file.
  /// - Parameter rawValue: A tag such as `en_gb`, `SW`, `sr-latn`.
  public init(rawValue: String) {
    let parts = rawValue.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "_" })
    var out: [String] = []
    for (i, part) in parts.enumerated() {
      let s = String(part)
      if i == 0 {
        out.append(s.lowercased())
      } else if s.count == 4, s.allSatisfy(\.isLetter) {
        out.append(s.prefix(1).uppercased() + s.dropFirst().lowercased())
      } else if s.count == 2, s.allSatisfy(\.isLetter) {
        out.append(s.uppercased())
      } else {
        out.append(s.lowercased())
      }
    }
    self.rawValue = out.joined(separator: "-")
  }

  /// Normalizes a tag as written in a file.
  /// - Parameter string: A tag such as `en_gb`.
  public init(_ string: String) { self.init(rawValue: string) }

  /// The language subtag (`sr` for `sr-Latn`).
  public var language: String {
    String(rawValue.split(separator: "-", maxSplits: 1).first ?? "")
  }

  /// The script subtag, if the tag has one (`Latn` for `sr-Latn`).
  public var script: String? {
    rawValue.split(separator: "-").dropFirst().first { $0.count == 4 }.map(String.init)
  }

  /// Whether the tag is empty or not a plausible language code.
  public var isEmpty: Bool { rawValue.isEmpty }

  public var description: String { rawValue }

  public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.rawValue < b.rawValue }

  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension StringProtocol {
  /// The string without leading and trailing whitespace (Unicode White_Space).
  func trimmingWhitespace() -> String {
    // Nothing to trim when both ends are printable ASCII (no Character
    // that ends or starts with such a byte is whitespace).
    let utf8 = self.utf8
    if let first = utf8.first, (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(utf8[utf8.index(utf8.startIndex, offsetBy: utf8.count - 1)])
    {
      return String(self)
    }
    var s = Substring(self)
    while let first = s.first, first.isWhitespace { s.removeFirst() }
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}
