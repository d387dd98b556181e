public import LexiformCore
internal import LexiformXML

/// Reads a Bible translation in CES XML, as in the multilingual Bible corpus
/// (Christodoulopoulos & Steedman 2015, https://doi.org/10.1007/s10579-014-9287-y):
/// verses are `<seg id="b.BOOK.CHAPTER.VERSE" type="verse">text</seg>` inside
/// book and chapter `<div>`s.
///
/// - The language is the header's `<language iso639="…">`, else the
///   `<body lang="…">`.
/// - Every `<seg>` whose `type` is `verse` (or absent) is a verse. An id that
///   is not `b.BOOK.C.V`, or that repeats an earlier one, is an error naming
///   the `<seg>`'s line and column (lenient mode: skipped and counted).
/// - Empty verses and verse numbers left out within a chapter (the verse
///   merged into the one before it, or missing) are read without failing and
///   counted in ``notices``.
///
/// - Complexity: O(*n*) in the file; memory O(one verse + the set of ids
///   seen, to find duplicates).
public final class BibleCESReader: BibleVerseReader {
  public let path: String
  public private(set) var language: String?
  public private(set) var skipped = SkipCounter()
  public private(set) var notices = SkipCounter()
  private let reader: XMLReader
  private let lenient: Bool
  private var seen: [String: Int] = [:]
  private var previous: VerseID?

  /// Opens a CES Bible (gzip or `-` for standard input).
  /// - Parameters:
  ///   - path: The file.
  ///   - language: The language, overriding what the file says.
  ///   - lenient: Whether bad verses are skipped and counted.
  /// - Throws: ``ParallelTextError`` (`io`) when the file cannot be opened.
  public init(path: String, language: String? = nil, lenient: Bool = false) throws(ParallelTextError) {
    self.path = path
    self.language = language
    self.lenient = lenient
    reader = try XMLInput.open(path)
  }

  public func next() throws(ParallelTextError) -> BibleVerse? {
    try XMLInput.reading(reader) { try readVerse() }
  }

  private func readVerse() throws -> BibleVerse? {
    while let kind = try reader.read() {
      guard kind == .startElement else { continue }
      switch reader.localName {
      case "language" where language == nil:
        language = reader.attribute("iso639") ?? reader.attribute("id")
      case "body" where language == nil:
        language = reader.attribute("lang")
      case "seg":
        let type = reader.attribute("type")
        guard type == nil || type == "verse" else { continue }
        let location = reader.location
        let id = reader.attribute("id") ?? ""
        let text = try readText()
        guard let reference = VerseID(cesID: id) else {
          try fail(
            location, reason: "malformed verse ids",
            expectedFound("a verse id b.BOOK.CHAPTER.VERSE", id.isEmpty ? "no id" : "\"\(id)\""))
          continue
        }
        if let line = seen[id] {
          try fail(location, reason: "duplicate verse ids", "verse id \(id) repeats the one on line \(line)")
          continue
        }
        seen[id] = location.line
        BibleNotice.checkGap(previous: previous, current: reference, at: location, into: &notices)
        previous = reference
        if text.allSatisfy(\.isWhitespace) { notices.record(reason: BibleNotice.empty, at: location) }
        return BibleVerse(id: id, reference: reference, text: text, location: location)
      default:
        continue
      }
    }
    return nil
  }

  /// The text up to the `<seg>`'s end tag (markup inside is dropped, its text kept).
  private func readText() throws -> String {
    if reader.isSelfClosing {
      _ = try reader.read()
      return ""
    }
    let depth = reader.depth
    var text = ""
    while let kind = try reader.read() {
      switch kind {
      case .text, .cdata: text.append(reader.text)
      case .endElement where reader.depth == depth: return text
      default: continue
      }
    }
    return text
  }

  private func fail(_ location: SourceLocation, reason: String, _ message: String) throws(ParallelTextError) {
    guard lenient else { throw ParallelTextError(.malformed, at: location, message) }
    skipped.record(reason: reason, at: location)
  }
}
