import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformXML

/// Reads every event of a document given as a string.
func events(
  _ xml: String, path: String = "test.xml", options: XMLReaderOptions = XMLReaderOptions()
) throws -> [XMLEvent] {
  let reader = XMLReader(bytes: Array(xml.utf8), path: path, options: options)
  var out: [XMLEvent] = []
  while let event = try reader.next() { out.append(event) }
  return out
}

/// The error reading `xml` throws.
func readError(_ xml: some Collection<UInt8>, path: String = "bad.xml", backend: XMLBackend = .automatic) -> XMLError? {
  var options = XMLReaderOptions()
  options.backend = backend
  let reader = XMLReader(bytes: xml, path: path, options: options)
  do {
    while try reader.next() != nil {}
    return nil
  } catch {
    return error
  }
}

extension XMLEvent {
  /// A compact rendering for assertions: `<e r=LR>@3:5`, `"text"@3:9`, `</e>@3:12`.
  var sketch: String {
    let at = "@\(location.line):\(location.column ?? 0)"
    switch kind {
    case .startElement(let e):
      let attributes = e.attributes.map { " \($0.name.qualifiedName)=\($0.value)" }.joined()
      return "<\(e.name.qualifiedName)\(attributes)>\(at)"
    case .endElement(let name): return "</\(name.qualifiedName)>\(at)"
    case .text(let text): return "\"\(text)\"\(at)"
    case .cdata(let text): return "CDATA[\(text)]\(at)"
    case .comment(let text): return "<!--\(text)-->\(at)"
    case .processingInstruction(let target, let data): return "<?\(target) \(data)?>\(at)"
    }
  }
}

final class XMLReaderTests: XCTestCase {
  func testEventsWithLinesAndColumns() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <dictionary>
        <e r="LR"><p><l>ŝat<s n="n"/></l><r>cat</r></p></e>
      </dictionary>
      """
    var options = XMLReaderOptions()
    options.reportsWhitespaceText = false
    let got = try events(xml, options: options).map(\.sketch)
    XCTAssertEqual(
      got,
      [
        "<dictionary>@2:1", "<e r=LR>@3:3", "<p>@3:13", "<l>@3:16", "\"ŝat\"@3:19",
        "<s n=n>@3:22", "</s>@3:22", "</l>@3:32", "<r>@3:36", "\"cat\"@3:39", "</r>@3:42",
        "</p>@3:46", "</e>@3:50", "</dictionary>@4:1",
      ])
  }

  func testDepthAndByteOffsets() throws {
    let xml = "<a>\n  <b>x</b>\n</a>"
    let all = try events(xml)
    XCTAssertEqual(all.map(\.depth), [0, 1, 1, 2, 1, 1, 0])
    let bytes = Array(xml.utf8)
    for event in all {
      guard let offset = event.location.byteOffset else { return XCTFail("no offset for \(event.sketch)") }
      if case .startElement = event.kind { XCTAssertEqual(bytes[offset], UInt8(ascii: "<")) }
      if case .endElement = event.kind { XCTAssertEqual(bytes[offset + 1], UInt8(ascii: "/")) }
    }
  }

  func testWhitespaceTextIsKeptByDefaultAndDroppedOnRequest() throws {
    let xml = "<a>\n  <b> </b>\n</a>"
    XCTAssertEqual(try events(xml).count, 7)
    var options = XMLReaderOptions()
    options.reportsWhitespaceText = false
    XCTAssertEqual(try events(xml, options: options).map(\.sketch), ["<a>@1:1", "<b>@2:3", "</b>@2:7", "</a>@3:1"])
  }

  func testNamespacesAndXMLLang() throws {
    let xml = """
      <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><x:orth xml:lang="sw" x:type="lemma">paka</x:orth></TEI>
      """
    let all = try events(xml)
    guard case .startElement(let tei) = all[0].kind, case .startElement(let orth) = all[1].kind else {
      return XCTFail("expected two start tags")
    }
    XCTAssertEqual(tei.name.namespaceURI, "http://www.tei-c.org/ns/1.0")
    XCTAssertNil(tei.name.prefix)
    XCTAssertEqual(
      tei.namespaceDeclarations,
      [
        XMLNamespaceDeclaration(prefix: nil, uri: "http://www.tei-c.org/ns/1.0"),
        XMLNamespaceDeclaration(prefix: "x", uri: "urn:x"),
      ])
    XCTAssertEqual(orth.name, XMLName("orth", prefix: "x", namespaceURI: "urn:x"))
    XCTAssertEqual(orth.attribute("lang"), "sw")
    XCTAssertEqual(orth.attributes[0].name.namespaceURI, "http://www.w3.org/XML/1998/namespace")
    XCTAssertEqual(orth.attribute("type", namespaceURI: "urn:x"), "lemma")
    XCTAssertNil(orth.attribute("type"))
  }

  func testEntitiesAndReferencesAreReplaced() throws {
    let xml = """
      <!DOCTYPE d [ <!ENTITY sw "Kiswahili"> <!ENTITY both "<i>inner</i>"> ]>
      <d a="&sw; &amp; &#x263A;">&sw; &lt;&#233;&gt; &amp;&both;</d>
      """
    let all = try events(xml)
    guard case .startElement(let d) = all[0].kind else { return XCTFail("no root") }
    XCTAssertEqual(d.attribute("a"), "Kiswahili & ☺")
    let sketches = all.dropFirst().map(\.sketch)
    XCTAssertEqual(sketches.first?.hasPrefix("\"Kiswahili <é> &\""), true, "\(sketches)")
    XCTAssertTrue(sketches.contains { $0.hasPrefix("<i>") }, "\(sketches)")
    XCTAssertTrue(sketches.contains { $0.hasPrefix("\"inner\"") }, "\(sketches)")
  }

  func testCDATACommentsAndProcessingInstructions() throws {
    var options = XMLReaderOptions()
    options.reportsComments = true
    options.reportsProcessingInstructions = true
    let xml = "<a>x<![CDATA[<not a tag> & ]]>y<!-- note --><?pi data?></a>"
    XCTAssertEqual(
      try events(xml, options: options).map(\.sketch),
      [
        "<a>@1:1", "\"x\"@1:4", "CDATA[<not a tag> & ]@1:5", "\"y\"@1:31", "<!-- note -->@1:32",
        "<?pi data?>@1:45", "</a>@1:56",
      ])
    // Off by default.
    XCTAssertEqual(try events(xml).count, 5)
  }

  func testLineEndingsCRLFAndCR() throws {
    let crlf = try events("<a>\r\n<b/>\r\n<c/></a>", options: noWhitespace()).map(\.sketch)
    XCTAssertEqual(crlf, ["<a>@1:1", "<b>@2:1", "</b>@2:1", "<c>@3:1", "</c>@3:1", "</a>@3:5"])
  }

  func testColumnsCountScalarsNotBytes() throws {
    let got = try events("<a>ŝŝŝ<b/>𐐷<c/></a>").map(\.sketch)
    XCTAssertEqual(got, ["<a>@1:1", "\"ŝŝŝ\"@1:4", "<b>@1:7", "</b>@1:7", "\"𐐷\"@1:11", "<c>@1:12", "</c>@1:12", "</a>@1:16"])
  }

  func testLatin1DocumentIsDecoded() throws {
    var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf".utf8)
    bytes.append(0xE9)
    bytes += Array("</a>".utf8)
    let reader = XMLReader(bytes: bytes, path: "latin1.xml")
    var texts: [String] = []
    var lines: [Int] = []
    while let event = try reader.next() {
      if case .text(let t) = event.kind { texts.append(t) }
      lines.append(event.location.line)
    }
    XCTAssertEqual(texts, ["café"])
    XCTAssertEqual(lines, [2, 2, 2])
  }

  func testLargeDocumentAcrossManyChunksKeepsExactPositions() throws {
    var xml = "<root>\n"
    for i in 0..<20_000 {
      xml += "  <e n=\"\(i)\" v='ŝ\(i)'>tëxt \(i) &amp; more</e>\(i % 7 == 0 ? "\n\n" : "\n")"
    }
    xml += "</root>\n"
    var options = XMLReaderOptions()
    options.chunkSize = 4096
    let reader = XMLReader(bytes: Array(xml.utf8), path: "big.xml", options: options)
    try assertLocationsAreExact(reader, bytes: Array(xml.utf8))
  }

  func testGzipFileIsReadTransparently() throws {
    let dir = try TemporaryDirectory()
    let plain = dir.path + "/d.xml"
    try "<a><b>gz</b></a>".write(toFile: plain, atomically: true, encoding: .utf8)
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-k", plain]
    try gzip.run()
    gzip.waitUntilExit()
    let reader = try XMLReader(path: plain + ".gz")
    var texts: [String] = []
    while let event = try reader.next() {
      if case .text(let t) = event.kind { texts.append(t) }
    }
    XCTAssertEqual(texts, ["gz"])
  }

  // MARK: Errors

  func testTruncatedDocumentIsALocatedOneLineError() throws {
    let error = try XCTUnwrap(readError(Array("<a>\n  <b>text".utf8), path: "cut.xml"))
    XCTAssertEqual(error.code, .malformed)
    XCTAssertEqual(
      error.description,
      "cut.xml:2:10: error: the file ends inside <b> (opened at line 2); expected </b>: 2 elements are not closed (truncated file?)"
    )
    // Cut inside a tag, libxml2's own message is kept.
    let inTag = try XCTUnwrap(readError(Array("<a>\n  <b x=\"1".utf8), path: "tag.xml"))
    XCTAssertTrue(inTag.description.hasPrefix("tag.xml:2:"), inTag.description)
    XCTAssertFalse(inTag.description.contains("\n"))
  }

  func testUndefinedEntityNamesTheEntity() throws {
    let error = try XCTUnwrap(readError(Array("<a>\n<b>&nope;</b></a>".utf8), path: "ent.xml", backend: .libxml2))
    XCTAssertEqual(error.description, "ent.xml:2:10: error: Entity 'nope' not defined")
    let native = try XCTUnwrap(readError(Array("<a>\n<b>&nope;</b></a>".utf8), path: "ent.xml"))
    XCTAssertEqual(
      native.description,
      "ent.xml:2:4: error: the entity 'nope' is not defined; expected one of amp, lt, gt, apos, quot or an entity declared in the DOCTYPE")
  }

  func testWrongEncodingIsReportedWithLineAndColumn() throws {
    var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n caf".utf8)
    bytes += [0xE9, 0x20]
    bytes += Array("</a>".utf8)
    for backend in [XMLBackend.libxml2, .automatic] {
      let error = try XCTUnwrap(readError(bytes, path: "enc.xml", backend: backend))
      XCTAssertTrue(error.description.hasPrefix("enc.xml:3:"), error.description)
      XCTAssertTrue(
        error.message.contains(backend == .libxml2 ? "not proper UTF-8" : "not valid UTF-8 (bytes 0xE9 0x20)"), error.message)
      XCTAssertFalse(error.description.contains("\n"))
    }
  }

  func testMismatchedTagsAndEventsBeforeTheErrorAreDelivered() throws {
    let reader = XMLReader(bytes: Array("<a><b>ok</b>\n<c></a>".utf8), path: "m.xml")
    var seen: [String] = []
    do {
      while let event = try reader.next() { seen.append(event.sketch) }
      XCTFail("expected an error")
    } catch {
      XCTAssertEqual(error.location?.line, 2)
      XCTAssertTrue(error.message.contains("does not match the start tag <c> of line 2; expected </c>"), error.message)
    }
    XCTAssertEqual(Array(seen.prefix(4)), ["<a>@1:1", "<b>@1:4", "\"ok\"@1:7", "</b>@1:9"])
  }

  func testEmptyInputAndNoRootAreErrors() {
    XCTAssertNotNil(readError([UInt8](), path: "empty.xml"))
    XCTAssertNotNil(readError(Array("<?xml version=\"1.0\"?>\n".utf8), path: "prolog.xml"))
  }

  func testUndeclaredPrefixIsAnError() throws {
    let error = try XCTUnwrap(readError(Array("<a><p:b/></a>".utf8), path: "ns.xml"))
    XCTAssertEqual(error.code, .invalid)
    XCTAssertTrue(error.description.hasPrefix("ns.xml:1:"), error.description)
  }

  func testExternalEntitiesAreNeverLoaded() throws {
    let xml = """
      <!DOCTYPE a [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
      <a>&secret;</a>
      """
    let reader = XMLReader(bytes: Array(xml.utf8), path: "xxe.xml")
    var text = ""
    do {
      while let event = try reader.next() {
        if case .text(let t) = event.kind { text += t }
      }
      XCTFail("expected the external entity to be refused")
    } catch {
      XCTAssertTrue(error.message.contains("external entity"), error.description)
      XCTAssertEqual(error.location?.path, "xxe.xml")
    }
    XCTAssertEqual(text, "")
  }

  func testExternalDTDIsNotFetched() throws {
    // Without DTD loading the declaration is only noted; the document reads.
    let xml = "<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a>x</a>"
    XCTAssertEqual(try events(xml).count, 3)
  }

  func testBillionLaughsFailsInsteadOfExpanding() throws {
    var dtd = "<!DOCTYPE lol [ <!ENTITY lol0 \"lollollollollollollollollol\">"
    for i in 1...9 {
      dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
    }
    dtd += "]>\n<lol>&lol9;</lol>"
    let error = try XCTUnwrap(readError(Array(dtd.utf8), path: "lol.xml"))
    XCTAssertEqual(error.location?.path, "lol.xml")
    // libxml2's loop detection or Lexiform's own limit, whichever comes first:
    // either way an error, at once (the expansion would be 27 GB).
    XCTAssertTrue(error.message.lowercased().contains("entity"), error.message)
  }

  func testQuadraticBlowupIsBounded() throws {
    // One 64 KB entity referenced 4,000 times: 256 MB of text from a 80 KB file.
    let big = String(repeating: "a", count: 65_536)
    let refs = String(repeating: "&big;", count: 4_000)
    let xml = "<!DOCTYPE q [ <!ENTITY big \"\(big)\"> ]>\n<q>\(refs)</q>"
    var options = XMLReaderOptions()
    options.maxEntityExpansion = 1 << 20
    let reader = XMLReader(bytes: Array(xml.utf8), path: "quad.xml", options: options)
    var text = 0
    do {
      while try reader.read() != nil { text += reader.withUTF8Text { $0.count } }
      XCTFail("expected the expansion to be refused")
    } catch {
      XCTAssertTrue(error.message.contains("billion laughs"), error.description)
      XCTAssertEqual(error.location?.path, "quad.xml")
      XCTAssertEqual(error.location?.line, 2)
    }
    XCTAssertLessThan(text, 4 << 20)
  }

  /// A text node over XMLReaderOptions.maxTextLength is an error, found
  /// while it streams in, not after it is all in memory.
  func testOverlongTextNodeFails() throws {
    var options = XMLReaderOptions()
    options.maxTextLength = 100_000
    options.chunkSize = 4096
    let xml = "<a>\n<b>" + String(repeating: "x", count: 300_000) + "</b></a>"
    let reader = XMLReader(bytes: Array(xml.utf8), path: "long.xml", options: options)
    do {
      while try reader.next() != nil {}
      XCTFail("expected the text node to be refused")
    } catch {
      XCTAssertEqual(error.location?.path, "long.xml")
      XCTAssertEqual(error.location?.line, 2)
      XCTAssertTrue(
        error.message.contains("a text node is longer than 100000 bytes; expected at most XMLReaderOptions.maxTextLength"),
        error.description)
    }
    // At the limit is fine.
    let ok = "<a>" + String(repeating: "x", count: 100_000) + "</a>"
    XCTAssertNoThrow(try { () throws in
      let reader = XMLReader(bytes: Array(ok.utf8), path: "ok.xml", options: options)
      while try reader.next() != nil {}
    }())
  }

  func testExcessiveDepthFails() throws {
    let xml = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
    let error = try XCTUnwrap(readError(Array(xml.utf8), path: "deep.xml"))
    XCTAssertEqual(
      error.description,
      "deep.xml:1:769: error: elements are nested more than 256 deep; expected at most XMLReaderOptions.maxDepth")
    // Up to the limit is fine.
    let ok = String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)
    XCTAssertNil(readError(Array(ok.utf8)))
  }

  func testMissingFileIsUnreadable() {
    XCTAssertThrowsError(try XMLReader(path: "/nonexistent/x.xml")) { error in
      XCTAssertEqual((error as? XMLError)?.code, .unreadable)
      XCTAssertTrue("\(error)".hasPrefix("/nonexistent/x.xml: error: cannot open"), "\(error)")
    }
  }

  // MARK: Mirrored constants

  func testMirroredConstantsMatchC() {
    for (name, swift, c) in _xmlParserOptionConstants + _xmlErrorLevelConstants {
      XCTAssertEqual(swift, c, name)
    }
  }
}

func noWhitespace() -> XMLReaderOptions {
  var options = XMLReaderOptions()
  options.reportsWhitespaceText = false
  return options
}

/// Checks every event's line, column and byte offset against the bytes:
/// a start tag's offset holds `<` and its name, an end tag's holds `</name`
/// (or the start of a self-closed tag), and line and column are what counting
/// line breaks and scalars up to the offset gives.
func assertLocationsAreExact(
  _ reader: XMLReader, bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line
) throws {
  var lineStarts = [0]
  for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
  var checked = 0
  while let event = try reader.next() {
    guard let offset = event.location.byteOffset else {
      return XCTFail("no byte offset at \(event.location)", file: file, line: line)
    }
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let column = 1 + bytes[lineStarts[lo]..<offset].filter { $0 & 0xC0 != 0x80 }.count
    XCTAssertEqual(event.location.line, lo + 1, "line of \(event.sketch)", file: file, line: line)
    XCTAssertEqual(event.location.column, column, "column of \(event.sketch)", file: file, line: line)
    switch event.kind {
    case .startElement(let e):
      let name = Array(("<" + e.name.qualifiedName).utf8)
      XCTAssertEqual(Array(bytes[offset..<min(bytes.count, offset + name.count)]), name, file: file, line: line)
    case .endElement(let n):
      let close = Array(("</" + n.qualifiedName).utf8)
      let open = Array(("<" + n.qualifiedName).utf8)
      let here = Array(bytes[offset..<min(bytes.count, offset + close.count)])
      XCTAssertTrue(here == close || Array(here.prefix(open.count)) == open, "end tag at \(event.location)", file: file, line: line)
    default:
      break
    }
    checked += 1
  }
  XCTAssertGreaterThan(checked, 0, file: file, line: line)
}
