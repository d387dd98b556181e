public import LexiformCore
internal import LexiformXML

/// One element of a small in-memory tree: the subtree of a single lexicon
/// entry, read from an ``XMLReader`` so that the format readers can look
/// around inside an entry while memory stays bounded by the entry's size.
struct XMLNode {
  /// The element's local name (`orth`), or "" for a text node.
  var name: String
  /// The element's attributes by qualified name (`xml:lang`, `type`).
  var attributes: [(name: String, value: String)]
  /// Child elements and text, in document order.
  var children: [XMLNode]
  /// A text node's text ("" for elements).
  var text: String
  /// Where the element or text starts (the path is the reader's).
  var line: Int
  var column: Int?

  /// The node's location in `path`.
  func location(in path: String) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column)
  }

  var isText: Bool { name.isEmpty }

  /// The value of an attribute, by qualified name.
  func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// Child elements with this local name (a lazy view: no array is made).
  func elements(_ name: String) -> LazyFilterSequence<[XMLNode]> {
    children.lazy.filter { $0.name == name }
  }

  /// The first child element with this local name.
  func element(_ name: String) -> XMLNode? {
    children.first { $0.name == name }
  }

  /// Child elements, without text (a lazy view: no array is made).
  var elementChildren: LazyFilterSequence<[XMLNode]> { children.lazy.filter { !$0.isText } }

  /// All text inside, concatenated, with runs of XML whitespace (space, tab,
  /// CR, LF: XML 1.0 §2.3 `S`) collapsed to one space and trimmed, since XML
  /// formats indent their content freely. Other spaces (U+00A0) are kept.
  var normalizedText: String {
    if children.count == 1, children[0].isText { return collapsingXMLWhitespace(children[0].text) }
    if isText { return collapsingXMLWhitespace(text) }
    var out = ""
    appendText(to: &out)
    return collapsingXMLWhitespace(out)
  }

  private func appendText(to out: inout String) {
    if isText {
      out += text
      return
    }
    for child in children { child.appendText(to: &out) }
  }

  /// A short rendering for messages: `<sense n="1">`.
  var tagDescription: String {
    if isText { return "text \"\(text.prefix(20))\"" }
    let attributes = self.attributes.prefix(2).map { " \($0.name)=\"\($0.value)\"" }.joined()
    return "<\(name)\(attributes)>"
  }
}

extension XMLReader {
  /// Reads the subtree of the start tag the reader is on, up to and including
  /// its end tag. Whitespace-only text is dropped; comments are not reported.
  /// - Returns: The element with its descendants.
  /// - Throws: ``XMLError`` when the document is malformed.
  func readSubtree() throws(XMLError) -> XMLNode {
    var stack: [XMLNode] = [currentNode()]
    if isSelfClosing {
      // `<e/>`: consume its end tag.
      _ = try read()
      return stack[0]
    }
    while let kind = try read() {
      switch kind {
      case .startElement:
        stack.append(currentNode())
      case .endElement:
        guard let done = stack.popLast() else { break }
        if stack.isEmpty { return done }
        stack[stack.count - 1].children.append(done)
      case .text, .cdata:
        let text = self.text
        if !isXMLWhitespace(text) || !(stack.last?.children.isEmpty ?? true) {
          stack[stack.count - 1].children.append(
            XMLNode(name: "", attributes: [], children: [], text: text, line: line, column: column))
        }
      case .comment, .processingInstruction:
        break
      }
    }
    // The reader ended inside the subtree: it throws before this in practice.
    return stack[0]
  }

  private func currentNode() -> XMLNode {
    var named: [(name: String, value: String)] = []
    if attributeCount > 0 {
      named.reserveCapacity(attributeCount)
      for a in attributes {
        // Most attributes have no prefix: no need to build `prefix:local`.
        named.append((a.name.prefix == nil ? a.name.localName : a.name.qualifiedName, a.value))
      }
    }
    return XMLNode(name: localName, attributes: named, children: [], text: "", line: line, column: column)
  }
}

/// Whether `text` is only XML whitespace (space, tab, CR, LF).
func isXMLWhitespace(_ text: String) -> Bool {
  text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
}

/// `text` with runs of XML whitespace made one space, and trimmed.
func collapsingXMLWhitespace(_ text: String) -> String {
  var bytes: [UInt8] = []
  bytes.reserveCapacity(text.utf8.count)
  var pendingSpace = false
  for b in text.utf8 {
    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
      pendingSpace = !bytes.isEmpty
    } else {
      if pendingSpace { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(b)
    }
  }
  if bytes.count == text.utf8.count { return text }
  return String(decoding: bytes, as: UTF8.self)
}
