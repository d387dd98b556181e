/// A Bible verse reference: book, chapter and verse.
///
/// Written `b.MAT.1.1` in CES Bibles and `MAT 1:1` in `vref.txt`. Book codes
/// are compared through ``canonicalBook``, which maps the older three-letter
/// codes of the CES Bible corpus (`MAR`, `JOH`, `PHI`, `JAM`, `1JO`, `SON`,
/// `EZE`, …) to the USFM/Paratext codes that eBible's `vref.txt` uses (`MRK`,
/// `JHN`, `PHP`, `JAS`, `1JN`, `SNG`, `EZK`, …), so that the two kinds of
/// files align with each other.
public struct VerseID: Hashable, Sendable, CustomStringConvertible {
  /// The book code as written.
  public var book: String
  /// The chapter number.
  public var chapter: Int
  /// The verse number.
  public var verse: Int

  /// Creates a reference.
  /// - Parameters:
  ///   - book: The book code.
  ///   - chapter: The chapter number.
  ///   - verse: The verse number.
  public init(book: String, chapter: Int, verse: Int) {
    self.book = book
    self.chapter = chapter
    self.verse = verse
  }

  /// Parses a CES verse id, `b.BOOK.CHAPTER.VERSE` (the book letters and
  /// digits, chapter and verse positive numbers).
  /// - Parameter cesID: The `id` attribute of a `<seg>`.
  /// - Returns: The reference, or `nil` when the id has another shape.
  public init?(cesID: String) {
    let parts = cesID.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "b" else { return nil }
    self.init(bookPart: parts[1], chapterPart: parts[2], versePart: parts[3])
  }

  /// Parses a `vref.txt` line, `BOOK CHAPTER:VERSE` (`GEN 1:1`).
  /// - Parameter vref: The line.
  /// - Returns: The reference, or `nil` when the line has another shape.
  public init?(vref: String) {
    let halves = vref.split(separator: " ", omittingEmptySubsequences: true)
    guard halves.count == 2 else { return nil }
    let numbers = halves[1].split(separator: ":", omittingEmptySubsequences: false)
    guard numbers.count == 2 else { return nil }
    self.init(bookPart: halves[0], chapterPart: numbers[0], versePart: numbers[1])
  }

  private init?(bookPart: Substring, chapterPart: Substring, versePart: Substring) {
    guard !bookPart.isEmpty, bookPart.count <= 8,
      bookPart.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
      let chapter = VerseID.number(chapterPart), let verse = VerseID.number(versePart)
    else { return nil }
    self.init(book: String(bookPart), chapter: chapter, verse: verse)
  }

  private static func number(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
      value > 0
    else { return nil }
    return value
  }

  /// The CES form, `b.MAT.1.1`.
  public var description: String { "b.\(book).\(chapter).\(verse)" }

  /// The key under which verses of different files align: the canonical
  /// book, chapter and verse.
  public var key: VerseID { VerseID(book: VerseID.canonicalBook(book), chapter: chapter, verse: verse) }

  /// The USFM code for a book code: the CES corpus's older codes are mapped,
  /// others are uppercased as they are.
  /// - Parameter code: A book code.
  /// - Returns: The USFM code.
  public static func canonicalBook(_ code: String) -> String {
    let upper = code.uppercased()
    return olderCodes[upper] ?? upper
  }

  /// Older book codes (as in the CES Bible corpus) and their USFM codes.
  static let olderCodes: [String: String] = [
    "SON": "SNG", "EZE": "EZK", "JOE": "JOL", "NAH": "NAM", "MAR": "MRK", "JOH": "JHN", "PHI": "PHP",
    "JAM": "JAS", "1JO": "1JN", "2JO": "2JN", "3JO": "3JN",
  ]
}
