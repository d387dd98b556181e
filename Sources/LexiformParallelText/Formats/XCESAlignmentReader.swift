public import LexiformCore
internal import LexiformXML

#if canImport(Glibc)
  import Glibc
#endif

/// Reads an OPUS sentence alignment in XCES (`<cesAlign>`) together with
/// the documents it aligns, as OPUS distributes them
/// (Tiedemann 2012, "Parallel Data, Tools and Interfaces in OPUS", LREC;
/// https://opus.nlpl.eu).
///
/// - Each `<linkGrp fromDoc="en/a.xml.gz" toDoc="fr/a.xml.gz">` names two
///   documents, found relative to ``documentRoot`` (by default the alignment
///   file's folder), with or without `.gz`.
/// - Each `<link xtargets="s1 s2;s3">` is one segment: the sentences before
///   `;` (source) and after it (target), each side's sentences joined with a
///   space. Its id is the `xtargets` value.
/// - A document's sentences are `<s id="…">`; their text is the text inside,
///   with a space between `<w>` tokens.
/// - Link types are `N-M` (sentence counts: `1-1`, `1-2`, `2-2`, `0-1`).
///   ``linkTypes`` keeps only some; links with an empty side are never
///   returned. Both are counted in ``skipped``.
/// - A link naming a sentence its document does not have, or a malformed
///   `xtargets`, is an error naming the link's line (lenient: skipped and
///   counted).
///
/// - Complexity: O(*n*) in the files. Documents are read forward once;
///   sentences passed over before a link asks for them are kept until it
///   does, so memory stays small when links follow document order (as OPUS
///   alignments do).
public final class XCESAlignmentReader: ParallelReader {
  /// The alignment file.
  public let path: String
  /// Where `fromDoc` and `toDoc` are looked up.
  public let documentRoot: String
  /// The link types (`1-1`, `2-1`, …) to keep; empty keeps all.
  public let linkTypes: Set<String>
  public private(set) var languages: [String]
  public private(set) var skipped = SkipCounter()
  /// The number of links read in each type, kept or not.
  public private(set) var linkTypeCounts: [String: Int] = [:]
  private let options: ParallelReaderOptions
  private let reader: XMLReader
  private var source: SentenceCursor?
  private var target: SentenceCursor?

  /// Opens an alignment file.
  /// - Parameters:
  ///   - path: The `<cesAlign>` file (gzip or not).
  ///   - documentRoot: The folder the documents' paths are relative to
  ///     (default: the alignment file's folder).
  ///   - linkTypes: The link types to keep (`["1-1"]`); empty keeps all.
  ///   - options: Lenient mode and the two languages (else taken from the
  ///     documents' first folder, as in OPUS: `en/…`).
  /// - Throws: ``ParallelTextError`` (`io`) when the file cannot be opened.
  public init(
    path: String, documentRoot: String? = nil, linkTypes: Set<String> = [],
    options: ParallelReaderOptions = ParallelReaderOptions()
  ) throws(ParallelTextError) {
    self.path = path
    self.documentRoot = documentRoot ?? XCESAlignmentReader.directory(of: path)
    self.linkTypes = linkTypes
    self.options = options
    self.languages = options.languages.count == 2 ? options.languages : ["", ""]
    reader = try XMLInput.open(path)
  }

  public func next() throws(ParallelTextError) -> ParallelSegment? {
    try XMLInput.reading(reader) { try readLink() }
  }

  private func readLink() throws -> ParallelSegment? {
    while let kind = try reader.read() {
      guard kind == .startElement else { continue }
      switch reader.localName {
      case "linkGrp":
        let location = reader.location
        guard let from = reader.attribute("fromDoc"), let to = reader.attribute("toDoc") else {
          throw ParallelTextError(
            .malformed, at: location, expectedFound("fromDoc and toDoc attributes on <linkGrp>", "none"))
        }
        source = try SentenceCursor(path: resolve(from, at: location))
        target = try SentenceCursor(path: resolve(to, at: location))
        if options.languages.count != 2 {
          languages = [Self.language(ofDocument: from), Self.language(ofDocument: to)]
        }
      case "link":
        if let segment = try readOneLink() { return segment }
      default:
        continue
      }
    }
    return nil
  }

  private func readOneLink() throws -> ParallelSegment? {
    let location = reader.location
    let xtargets = reader.attribute("xtargets") ?? ""
    let halves = xtargets.split(separator: ";", omittingEmptySubsequences: false)
    guard halves.count == 2 else {
      try fail(location, "malformed xtargets", expectedFound("xtargets=\"SOURCE IDS;TARGET IDS\"", "\"\(xtargets)\""))
      return nil
    }
    let sourceIDs = halves[0].split(separator: " ").map(String.init)
    let targetIDs = halves[1].split(separator: " ").map(String.init)
    let type = "\(sourceIDs.count)-\(targetIDs.count)"
    linkTypeCounts[type, default: 0] += 1
    guard let source, let target else {
      throw ParallelTextError(.malformed, at: location, expectedFound("<link> inside a <linkGrp>", "<link> outside"))
    }
    // Read the sentences even for links that are left out, so that the
    // documents' cursors stay in step.
    var texts: [String] = []
    for (cursor, ids) in [(source, sourceIDs), (target, targetIDs)] {
      var parts: [String] = []
      for id in ids {
        guard let text = try cursor.sentence(id) else {
          try fail(location, "links to sentences that are not in the document",
            "xtargets names sentence \"\(id)\", which \(cursor.path) does not have (or has before an earlier link's)")
          return nil
        }
        parts.append(text)
      }
      texts.append(parts.joined(separator: " "))
    }
    if sourceIDs.isEmpty || targetIDs.isEmpty {
      skipped.record(reason: "links with an empty side (\(type))", at: location)
      return nil
    }
    if !linkTypes.isEmpty && !linkTypes.contains(type) {
      skipped.record(reason: "links of type \(type) (not asked for)", at: location)
      return nil
    }
    return ParallelSegment(id: xtargets, texts: texts, languages: languages, location: location)
  }

  private func fail(_ location: SourceLocation, _ reason: String, _ message: String) throws(ParallelTextError) {
    guard options.lenient else { throw ParallelTextError(.malformed, at: location, message) }
    skipped.record(reason: reason, at: location)
  }

  /// The document's path: relative to the root, with or without `.gz`.
  private func resolve(_ document: String, at location: SourceLocation) throws(ParallelTextError) -> String {
    let base = document.hasPrefix("/") ? document : (documentRoot.isEmpty ? document : documentRoot + "/" + document)
    var candidates = [base]
    if base.hasSuffix(".gz") { candidates.append(String(base.dropLast(3))) } else { candidates.append(base + ".gz") }
    if let found = candidates.first(where: { access($0, R_OK) == 0 }) { return found }
    throw ParallelTextError(
      .io, at: location, expectedFound("a readable document \(base) (or without/with .gz)", "none"))
  }

  /// The folder part of a path (empty for none).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// The language OPUS puts first in a document's path (`en/1999/x.xml.gz` → `en`).
  static func language(ofDocument document: String) -> String {
    let parts = document.split(separator: "/")
    guard parts.count > 1, let first = parts.first, (2...8).contains(first.count) else { return "" }
    return String(first)
  }
}

/// Reads an OPUS XML document forward, handing out sentences by id.
final class SentenceCursor {
  let path: String
  private let reader: XMLReader
  private var pending: [String: String] = [:]
  private var atEnd = false

  init(path: String) throws(ParallelTextError) {
    self.path = path
    reader = try XMLInput.open(path)
  }

  /// The text of sentence `id`, reading forward as far as needed.
  func sentence(_ id: String) throws -> String? {
    if let text = pending.removeValue(forKey: id) { return text }
    while !atEnd {
      guard let (found, text) = try nextSentence() else {
        atEnd = true
        break
      }
      if found == id { return text }
      pending[found] = text
    }
    return nil
  }

  private func nextSentence() throws -> (String, String)? {
    while let kind = try reader.read() {
      guard kind == .startElement, reader.localName == "s" else { continue }
      let id = reader.attribute("id") ?? ""
      if reader.isSelfClosing {
        _ = try reader.read()
        return (id, "")
      }
      let depth = reader.depth
      var text = ""
      while let kind = try reader.read() {
        switch kind {
        case .text, .cdata:
          text.append(reader.text)
        case .startElement where reader.localName == "w":
          text.append(" ")
        case .endElement where reader.depth == depth:
          return (id, normalizeWhitespace(text))
        default:
          continue
        }
      }
      return (id, normalizeWhitespace(text))
    }
    return nil
  }
}
