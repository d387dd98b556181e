import Foundation
import LexiformXML
import XCTest
import _LexiformTestSupport

/// The native backend against libxml2: the same nodes on every shared XML
/// file and on fixtures for each construct; errors where libxml2 has errors,
/// with a line and column; libxml2 for what the native parser leaves to it.
final class NativeXMLParserTests: XCTestCase {
  private func options(_ backend: XMLBackend, chunk: Int? = nil, comments: Bool = true) -> XMLReaderOptions {
    var options = XMLReaderOptions()
    options.backend = backend
    options.reportsComments = comments
    options.reportsProcessingInstructions = comments
    if let chunk { options.chunkSize = chunk }
    return options
  }

  /// Asserts that both backends give the same trace (the native one also
  /// with one byte at a time), and that the automatic choice is `expected`.
  private func assertSame(
    _ xml: String, backend expected: XMLBackend = .native, comments: Bool = true, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    assertSame(Array(xml.utf8), backend: expected, comments: comments, file: file, line: line)
  }

  private func assertSame(
    _ bytes: [UInt8], backend expected: XMLBackend = .native, comments: Bool = true, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let reference = XMLReader(bytes: bytes, path: "in.xml", options: options(.libxml2, comments: comments))._trace(normalizingCDATALineEnds: true)
    let automatic = XMLReader(bytes: bytes, path: "in.xml", options: options(.automatic, comments: comments))
    let native = automatic._trace()
    XCTAssertEqual(automatic.backendInUse, expected, "backend", file: file, line: line)
    XCTAssertEqual(native.nodes, reference.nodes, file: file, line: line)
    XCTAssertEqual(native.error == nil, reference.error == nil, "\(native.error.map { "\($0)" } ?? "no error") vs \(reference.error.map { "\($0)" } ?? "no error")", file: file, line: line)
    let bytewise = XMLReader(bytes: bytes, path: "in.xml", options: options(.automatic, chunk: 1, comments: comments))._trace()
    XCTAssertEqual(bytewise.nodes, native.nodes, "one byte at a time", file: file, line: line)
    XCTAssertEqual(bytewise.error?.message, native.error?.message, file: file, line: line)
  }

  /// Asserts that both backends fail, the native one (chosen automatically)
  /// with a located error whose message contains `expected`.
  private func assertBothFail(
    _ xml: String, _ expected: String, line errorLine: Int? = nil, file: StaticString = #filePath, line: UInt = #line
  ) {
    let bytes = Array(xml.utf8)
    let reference = XMLReader(bytes: bytes, path: "in.xml", options: options(.libxml2))._trace(normalizingCDATALineEnds: true)
    let reader = XMLReader(bytes: bytes, path: "in.xml", options: options(.automatic))
    let native = reader._trace()
    XCTAssertNotNil(reference.error, "libxml2 accepts \(xml.debugDescription)", file: file, line: line)
    guard let error = native.error else { return XCTFail("native accepts \(xml.debugDescription)", file: file, line: line) }
    XCTAssertEqual(reader.backendInUse, .native, file: file, line: line)
    XCTAssertTrue(error.message.contains(expected), error.message, file: file, line: line)
    XCTAssertNotNil(error.location?.column, file: file, line: line)
    XCTAssertEqual(error.location?.line, errorLine ?? reference.error?.location?.line, "\(error) vs \(reference.error.map { "\($0)" } ?? "")", file: file, line: line)
    XCTAssertEqual(Array(native.nodes.prefix(reference.nodes.count)), Array(reference.nodes.prefix(native.nodes.count)), file: file, line: line)
  }

  func testSharedDataFilesGiveTheSameNodes() throws {
    var files: [String] = []
    for directory in ["bible", "lexicons"] {
      let root = try sharedDataURL(directory)
      files += try FileManager.default.subpathsOfDirectory(atPath: root)
        .filter { [".xml", ".dix", ".tei", ".lift"].contains(where: $0.hasSuffix) }
        .map { root + "/" + $0 }
    }
    XCTAssertGreaterThan(files.count, 20)
    for path in files.sorted() {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      for comments in [true, false] {
        var libxml2 = options(.libxml2, comments: comments)
        var automatic = options(.automatic, comments: comments)
        libxml2.reportsWhitespaceText = comments
        automatic.reportsWhitespaceText = comments
        let reference = XMLReader(bytes: bytes, path: path, options: libxml2)._trace(normalizingCDATALineEnds: true)
        let reader = XMLReader(bytes: bytes, path: path, options: automatic)
        let native = reader._trace()
        // InvalidXml.lift's root start tag is malformed: libxml2 reports it.
        let invalid = path.hasSuffix("InvalidXml.lift")
        XCTAssertEqual(reader.backendInUse, invalid ? .libxml2 : .native, path)
        XCTAssertGreaterThan(native.nodes.count, invalid ? -1 : 10, path)
        XCTAssertTrue(native.nodes == reference.nodes, path)
        if native.nodes != reference.nodes, let i = zip(native.nodes, reference.nodes).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? Optional(min(native.nodes.count, reference.nodes.count) - 1) {
          XCTFail("\(path) node \(i): \(native.nodes[i]) vs \(reference.nodes[i])")
        }
        XCTAssertEqual(native.error == nil, reference.error == nil, "\(path): \(String(describing: native.error))")
        if path.hasSuffix("InvalidXml.lift") { XCTAssertNotNil(native.error) } else { XCTAssertNil(native.error, path) }
      }
    }
  }

  func testConstructs() {
    assertSame("<a/>")
    assertSame("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='yes'?>\n<a>x</a>\n")
    assertSame("\u{FEFF}<a>bom</a>")
    assertSame("<a x='1' y=\"2\">text <b>bold</b> tail</a>")
    assertSame("<a>\n  <b/>\n  <c></c>\n</a>")
    assertSame("<a x=' a\tb\nc\r\nd\re  '>1\r\n2\r3</a>")
    assertSame("<a x='&lt;&amp;&gt;&apos;&quot;&#9;&#x41;&#20013;&#x1F600;'>&lt;&amp;&gt;&apos;&quot;&#10;&#x41;&#x1F600;</a>")
    assertSame("<a>x<![CDATA[<b>&amp;]]]]>y<![CDATA[]]>z<![CDATA[a\r\nb]]><![CDATA[c]]></a>")
    assertSame("<a>x<!-- c -->y<?pi data ?>z<?empty?></a>")
    assertSame("<a><!-- 1\r\n2\r3 --><?pi 1\r\n2\r3?><b/></a>")
    assertSame("<!-- before --><?pi x?><a/><!-- after --><?pi y?>\n")
    assertSame("<a>x<!-- c -->y</a>", comments: false)
    assertSame("<a xmlns='urn:d' xmlns:p='urn:p'><p:b p:x='1' x='2' xml:lang='en'><c xmlns=''/></p:b></a>")
    assertSame("<p:a xmlns:p='urn:1'><p:b xmlns:p='urn:2'/><p:c/></p:a>")
    assertSame("<a xmlns:xml='http://www.w3.org/XML/1998/namespace' xml:space='preserve'/>")
    assertSame("<é ñ='ü'>日本語 <ü:x xmlns:ü='urn:u'/></é>")
    assertSame("<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>x</a>")
    assertSame("<!DOCTYPE a PUBLIC '-//X//EN' 'a.dtd'><a/>")
    assertSame("<!DOCTYPE a [\n<!ELEMENT a (#PCDATA)>\n<!ENTITY e \"entity\ttext\">\n<!ENTITY f 'ü'>\n]>\n<a x='&e;&f;'>1&e;2&f;</a>")
    assertSame("<a>  </a>")
    assertSame("<a>]x]]y] </a>")
    assertSame("<a\n  x = \"1\"\n  y='2' ></a >")
  }

  func testWhitespaceTextIsDroppedAlikeOnRequest() {
    for xml in ["<a>\n <b> </b>&#32;<c>\t</c> x </a>", "<a> <![CDATA[ ]]> </a>"] {
      var libxml2 = options(.libxml2)
      libxml2.reportsWhitespaceText = false
      var native = options(.native)
      native.reportsWhitespaceText = false
      let bytes = Array(xml.utf8)
      XCTAssertEqual(
        XMLReader(bytes: bytes, path: "in.xml", options: native)._trace().nodes,
        XMLReader(bytes: bytes, path: "in.xml", options: libxml2)._trace(normalizingCDATALineEnds: true).nodes)
    }
  }

  func testLargeDocumentAcrossChunks() {
    var xml = "<?xml version='1.0'?>\n<root xmlns:t='urn:t'>\n"
    for i in 0..<3000 {
      xml += "  <t:e n='\(i)' v='a&amp;b\u{00E9}'>text \(i) \u{4E2D}\u{1F600}&lt;<![CDATA[c\(i)]]><!--k--></t:e>\r\n"
    }
    xml += "</root>\n"
    let bytes = Array(xml.utf8)
    let reference = XMLReader(bytes: bytes, path: "in.xml", options: options(.libxml2))._trace(normalizingCDATALineEnds: true)
    for chunk in [4096, 4097, 65536, 1 << 18] {
      let native = XMLReader(bytes: bytes, path: "in.xml", options: options(.native, chunk: chunk))._trace()
      XCTAssertNil(native.error)
      XCTAssertEqual(native.nodes, reference.nodes, "chunk \(chunk)")
    }
  }

  /// Parsing ahead on a second thread (the default with two processors)
  /// gives the nodes, positions and errors of parsing on the caller's
  /// thread: text and tags cut by chunk boundaries, names first seen in
  /// later chunks, an error after many chunks, and a reader dropped while
  /// its thread is still parsing.
  func testReadingAheadGivesTheSameNodesAndErrors() throws {
    var xml = "<?xml version='1.0'?>\n<root xmlns:t='urn:t'>\n"
    for i in 0..<3000 {
      xml += "  <t:e\(i % 97) n='\(i)'>text \(i) \u{4E2D}&lt;<![CDATA[c\(i)]]></t:e\(i % 97)>\r\n"
    }
    let good = Array((xml + "</root>\n").utf8)
    let bad = Array((xml + "<unclosed></root>\n").utf8)
    for (bytes, failing) in [(good, false), (bad, true)] {
      for chunk in [4096, 4097, 65536] {
        var ahead = options(.native, chunk: chunk)
        ahead.readsAhead = true
        var here = ahead
        here.readsAhead = false
        let a = XMLReader(bytes: bytes, path: "in.xml", options: ahead)._trace()
        let b = XMLReader(bytes: bytes, path: "in.xml", options: here)._trace()
        XCTAssertEqual(a.nodes, b.nodes, "chunk \(chunk)")
        XCTAssertGreaterThan(a.nodes.count, 9000)
        XCTAssertEqual(a.error?.description, b.error?.description, "chunk \(chunk)")
        XCTAssertEqual(a.error != nil, failing)
        if failing { XCTAssertTrue(a.error?.description.contains("<unclosed>") == true, "\(a.error.map { "\($0)" } ?? "")") }
        // Every node's line and byte offset, read through the properties.
        let reader = XMLReader(bytes: bytes, path: "in.xml", options: ahead)
        var positions: [String] = []
        while let kind = try? reader.read() { positions.append("\(kind) \(reader.line) \(reader.byteOffset ?? -1) \(reader.name.localName)") }
        let reference = XMLReader(bytes: bytes, path: "in.xml", options: here)
        var expected: [String] = []
        while let kind = try? reference.read() { expected.append("\(kind) \(reference.line) \(reference.byteOffset ?? -1) \(reference.name.localName)") }
        XCTAssertEqual(positions, expected, "chunk \(chunk)")
      }
    }
    // Dropped after a few nodes, with chunks still being parsed ahead.
    for _ in 0..<20 {
      var ahead = options(.native, chunk: 4096)
      ahead.readsAhead = true
      let reader = XMLReader(bytes: good, path: "in.xml", options: ahead)
      for _ in 0..<50 { _ = try reader.read() }
      XCTAssertEqual(reader.kind != nil, true)
    }
  }

  func testPositionsAreExact() throws {
    let xml = "<?xml version='1.0'?>\r\n<a>\r\n <b x='1'>t\u{E9}xt</b><c/>\r\n<!--c--><![CDATA[d]]>&amp;<?p q?>\n</a>"
    var options = options(.native)
    options.chunkSize = 1
    try assertLocationsAreExact(XMLReader(bytes: Array(xml.utf8), path: "in.xml", options: options), bytes: Array(xml.utf8))
    let reader = XMLReader(bytes: Array(xml.utf8), path: "in.xml", options: self.options(.native))
    var lines: [Int] = []
    while try reader.read() != nil { lines.append(reader.line) }
    XCTAssertEqual(lines, [2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5])
  }

  func testWellFormednessErrors() {
    assertBothFail("<a><b></a>", "does not match the start tag <b>")
    // The wrong end tag is the last thing in the file, shorter than the name
    // it should close: still a mismatch at its line, not a truncated file.
    assertBothFail("<root>\n<unclosed></root>\n", "the end tag </root> does not match the start tag <unclosed>", line: 2)
    assertBothFail("<root>\n<unclosed></root>", "the end tag </root> does not match the start tag <unclosed>", line: 2)
    // A truncated end tag is still the end of the file.
    assertBothFail("<root>\n<unclosed></uncl", "ends inside <unclosed>")
    assertBothFail("<a>\n<b>\n</c></a>", "expected </b>", line: 3)
    assertBothFail("<a>x < y</a>", "expected an element name")
    assertBothFail("<a>x & y</a>", "expected an entity name")
    assertBothFail("<a>&undefined;</a>", "'undefined' is not defined")
    assertBothFail("<!DOCTYPE a SYSTEM 'a.dtd'>\n<a>&foo;</a>", "'foo' is not defined")
    assertBothFail("<a>&#0;</a>", "is not an XML character")
    assertBothFail("<a>&#xD800;</a>", "is not an XML character")
    assertBothFail("<a>&#12a;</a>", "expected ';'")
    assertBothFail("<a>&lt</a>", "expected ';'")
    assertBothFail("<a>x]]>y</a>", "']]>' in text")
    assertBothFail("<a>\u{1}</a>", "U+0001")
    assertBothFail("<a><b x='1' x='2'/></a>", "given twice")
    assertBothFail("<a><b x='<'/></a>", "'<' in an attribute value")
    assertBothFail("<a><b x=1/></a>", "expected a quoted value")
    assertBothFail("<a><b x/></a>", "expected '='")
    assertBothFail("<a><b x='1'y='2'/></a>", "expected whitespace")
    assertBothFail("<a><1b/></a>", "expected an element name")
    assertBothFail("<a><p:b/></a>", "prefix p of <p:b> is not declared")
    assertBothFail("<a><b p:x='1'/></a>", "is not declared")
    assertBothFail("<a xmlns:p='u' xmlns:q='u'><b p:x='1' q:x='2'/></a>", "given twice")
    assertBothFail("<a><b xmlns:p=''/></a>", "not allowed")
    assertBothFail("<a><b:c:d xmlns:b='u'/></a>", "not a valid qualified name")
    assertBothFail("<a><!-- x -- y --></a>", "'--' inside a comment")
    assertBothFail("<a><?xml version='1.0'?></a>", "named 'xml'")
    assertBothFail("<a></a>text", "text after the end of the root element")
    assertBothFail("<a></a><b/>", "second root element")
    assertBothFail("<a><b></b>", "the file ends inside <a>")
    assertBothFail("<a><b>text", "the file ends inside <b>")
    assertBothFail("<a><!-- open", "the file ends inside <a>")
    assertBothFail("<a></b>", "does not match")
    assertBothFail("<a><![CDATA[x]]></a></a>", "end tag outside the root element")
    assertBothFail("<a>\u{FFFE}</a>", "U+FFFE")
  }

  func testInvalidUTF8IsALocatedError() {
    for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80]] {
      let bytes = Array("<a>\nok ".utf8) + bad + Array(" </a>".utf8)
      let reader = XMLReader(bytes: bytes, path: "in.xml", options: options(.automatic))
      let native = reader._trace()
      XCTAssertEqual(reader.backendInUse, .native)
      XCTAssertNotNil(XMLReader(bytes: bytes, path: "in.xml", options: options(.libxml2))._trace(normalizingCDATALineEnds: true).error)
      XCTAssertEqual(native.error?.location?.line, 2, "\(bad)")
      XCTAssertEqual(native.error?.location?.column, 4, "\(bad)")
      XCTAssertTrue(native.error?.message.contains("not valid UTF-8") ?? false, "\(String(describing: native.error))")
    }
  }

  func testLimitsApplyToTheNativeBackend() {
    var options = options(.native)
    options.maxDepth = 3
    let deep = XMLReader(bytes: Array("<a><b><c><d/></c></b></a>".utf8), path: "in.xml", options: options)._trace()
    XCTAssertEqual(deep.error?.code, .unexpected)
    XCTAssertTrue(deep.error?.message.contains("maxDepth") ?? false)
    options.maxTextLength = 10
    let long = XMLReader(bytes: Array("<a>12345&amp;67890</a>".utf8), path: "in.xml", options: options)._trace()
    XCTAssertEqual(long.error?.code, .unexpected)
    XCTAssertTrue(long.error?.message.contains("maxTextLength") ?? false)
    options.maxTextLength = 11
    XCTAssertNil(XMLReader(bytes: Array("<a>12345&amp;67890</a>".utf8), path: "in.xml", options: options)._trace().error)
  }

  func testOtherDocumentsFallBackToLibxml2() {
    assertSame("<?xml version='1.0' encoding='ISO-8859-1'?><a>x</a>", backend: .libxml2)
    assertSame([0xFF, 0xFE] + Array("<a>x</a>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, backend: .libxml2)
    assertSame("<?xml version='1.1'?><a/>", backend: .libxml2)
    assertSame("<!DOCTYPE a [<!ATTLIST a x CDATA 'default'>]><a/>", backend: .libxml2)
    assertSame("<!DOCTYPE a [<!ENTITY e '<b>markup</b>'>]><a>&e;</a>", backend: .libxml2)
    assertSame("<!DOCTYPE a [<!ENTITY % p 'x'>]><a/>", backend: .libxml2)
    assertSame("<!DOCTYPE a [<!-- c -->]><a/>", backend: .libxml2)
    // Errors in the prolog and the root's start tag are libxml2's to report.
    assertSame("<?xml version='1.0' encoding='UTF-8'><a/>", backend: .libxml2)
    assertSame("<a x='1' x='2'/>", backend: .libxml2)
    assertSame("", backend: .libxml2)
    assertSame("text", backend: .libxml2)
    let forced = XMLReader(bytes: Array("<?xml version='1.1'?><a/>".utf8), path: "in.xml", options: options(.native))
    XCTAssertEqual(forced._trace().error?.code, .unexpected)
    XCTAssertEqual(forced.backendInUse, .native)
  }
}
