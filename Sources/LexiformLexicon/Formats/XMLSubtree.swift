public import LexiformCore
internal import LexiformXML

/// The nodes of one lexicon entry's subtree, stored flat: one record per
/// element or text node in document order, linked to its first child and
/// next sibling, with all text in one byte arena. Strings are made only when
/// a reader asks for a node's text, so reading an entry costs a few array
/// appends instead of an allocation per node.
///
/// A reader keeps one tree and refills it for every entry, unless a node
/// of the previous entry is still held somewhere, in which case it starts a
/// new one: a node stays valid as long as it is held.
final class XMLTree {
  struct Record {
    /// The element's local name, or "" for a text node.
    var name: String
    var attributeStart: Int32 = 0
    var attributeCount: Int32 = 0
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    /// A text node's bytes in `text`.
    var textStart = 0
    var textCount = 0
    var line: Int
    /// 0 when unknown.
    var column: Int
  }

  // Unchecked: a tree is used from one thread, by one reader.
  @exclusivity(unchecked) var records: [Record] = []
  @exclusivity(unchecked) var attributes: [(name: String, value: String)] = []
  @exclusivity(unchecked) var text: [UInt8] = []

  func removeAll() {
    records.removeAll(keepingCapacity: true)
    attributes.removeAll(keepingCapacity: true)
    text.removeAll(keepingCapacity: true)
  }

  /// Appends a record as the last child of `parent` (-1 for the root).
  func append(_ record: Record, parent: Int) -> Int {
    let index = records.count
    records.append(record)
    if parent >= 0 {
      let last = Int(records[parent].lastChild)
      if last >= 0 {
        records[last].nextSibling = Int32(index)
      } else {
        records[parent].firstChild = Int32(index)
      }
      records[parent].lastChild = Int32(index)
    }
    return index
  }

  /// All text under `index` (or its own), concatenated in document order,
  /// with runs of XML whitespace made one space, and trimmed.
  func collapsingWhitespace(under index: Int) -> String {
    var bytes: [UInt8] = []
    appendText(under: index, to: &bytes)
    return bytes.withUnsafeBufferPointer { collapsingXMLWhitespace($0) }
  }

  private func appendText(under index: Int, to bytes: inout [UInt8]) {
    let record = records[index]
    if record.name.isEmpty {
      bytes += text[record.textStart..<record.textStart + record.textCount]
      return
    }
    var child = Int(record.firstChild)
    while child >= 0 {
      appendText(under: child, to: &bytes)
      child = Int(records[child].nextSibling)
    }
  }
}

/// `utf8` as a string with runs of XML whitespace (space, tab, CR, LF) made
/// one space, and trimmed; copied as it is when there is nothing to change.
func collapsingXMLWhitespace(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
  @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
  var clean = true
  var previousSpace = true  // a leading space needs trimming
  for b in utf8 {
    if isSpace(b) {
      if previousSpace || b != 0x20 {
        clean = false
        break
      }
      previousSpace = true
    } else {
      previousSpace = false
    }
  }
  if clean, !previousSpace || utf8.isEmpty { return String(decoding: utf8, as: UTF8.self) }
  var out: [UInt8] = []
  out.reserveCapacity(utf8.count)
  var pendingSpace = false
  for b in utf8 {
    if isSpace(b) {
      pendingSpace = !out.isEmpty
    } else {
      if pendingSpace { out.append(0x20) }
      pendingSpace = false
      out.append(b)
    }
  }
  return String(decoding: out, as: UTF8.self)
}

/// One element or text node of an entry's subtree (see ``XMLTree``), read
/// from an ``XMLReader`` so that the format readers can look around inside
/// an entry while memory stays bounded by the entry's size.
struct XMLNode {
  let tree: XMLTree
  let index: Int

  /// The element's local name (`orth`), or "" for a text node.
  var name: String { tree.records[index].name }

  /// The element's attributes by qualified name (`xml:lang`, `type`), in
  /// document order.
  var attributes: ArraySlice<(name: String, value: String)> {
    let start = Int(tree.records[index].attributeStart)
    return tree.attributes[start..<start + Int(tree.records[index].attributeCount)]
  }

  /// Child elements and text, in document order.
  var children: XMLChildren { XMLChildren(tree: tree, first: Int(tree.records[index].firstChild)) }

  /// A text node's text ("" for elements).
  var text: String {
    let record = tree.records[index]
    guard record.name.isEmpty else { return "" }
    return tree.text.withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[record.textStart..<record.textStart + record.textCount]), as: UTF8.self)
    }
  }

  /// Where the element or text starts (the path is the reader's).
  var line: Int { tree.records[index].line }
  var column: Int? {
    let column = tree.records[index].column
    return column > 0 ? column : nil
  }

  /// The node's location in `path`.
  func location(in path: String) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column)
  }

  var isText: Bool { tree.records[index].name.isEmpty }

  /// The value of an attribute, by qualified name.
  func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// Child elements with this local name (a lazy view: no array is made).
  func elements(_ name: String) -> LazyFilterCollection<XMLChildren> {
    children.lazy.filter { $0.name == name }
  }

  /// The first child element with this local name.
  func element(_ name: String) -> XMLNode? {
    children.first { $0.name == name }
  }

  /// Child elements, without text (a lazy view: no array is made).
  var elementChildren: LazyFilterCollection<XMLChildren> { children.lazy.filter { !$0.isText } }

  /// All text inside, concatenated, with runs of XML whitespace (space, tab,
  /// CR, LF: XML 1.0 §2.3 `S`) collapsed to one space and trimmed, since XML
  /// formats indent their content freely. Other spaces (U+00A0) are kept.
  var normalizedText: String {
    // The common case, one run of text: collapse it straight from the arena.
    let record = tree.records[index]
    var only = index
    if !record.name.isEmpty {
      let first = Int(record.firstChild)
      guard first >= 0, tree.records[first].nextSibling < 0, tree.records[first].name.isEmpty else {
        return tree.collapsingWhitespace(under: index)
      }
      only = first
    }
    let text = tree.records[only]
    return tree.text.withUnsafeBufferPointer { bytes in
      collapsingXMLWhitespace(UnsafeBufferPointer(rebasing: bytes[text.textStart..<text.textStart + text.textCount]))
    }
  }

  /// A short rendering for messages: `<sense n="1">`.
  var tagDescription: String {
    if isText { return "text \"\(text.prefix(20))\"" }
    let attributes = self.attributes.prefix(2).map { " \($0.name)=\"\($0.value)\"" }.joined()
    return "<\(name)\(attributes)>"
  }
}

/// The children of an ``XMLNode``, in document order.
struct XMLChildren: Collection {
  let tree: XMLTree
  let first: Int

  /// A child's record index; `Int.max` past the last child.
  struct Index: Comparable {
    var record: Int
    static func < (a: Index, b: Index) -> Bool { a.record < b.record }
  }

  var startIndex: Index { Index(record: first >= 0 ? first : Int.max) }
  var endIndex: Index { Index(record: Int.max) }

  func index(after i: Index) -> Index {
    let next = Int(tree.records[i.record].nextSibling)
    return Index(record: next >= 0 ? next : Int.max)
  }

  subscript(position: Index) -> XMLNode { XMLNode(tree: tree, index: position.record) }

  var count: Int {
    var n = 0
    var i = first
    while i >= 0 {
      n += 1
      i = Int(tree.records[i].nextSibling)
    }
    return n
  }
}

extension XMLReader {
  /// Reads the subtree of the start tag the reader is on, up to and including
  /// its end tag, into `tree` (emptied first, or replaced by a new tree when
  /// a node of its previous contents is still held). Whitespace-only text is
  /// dropped where it comes first in its element; comments are not reported.
  /// - Returns: The element with its descendants.
  /// - Throws: ``XMLError`` when the document is malformed.
  func readSubtree(into tree: inout XMLTree) throws(XMLError) -> XMLNode {
    if isKnownUniquelyReferenced(&tree) {
      tree.removeAll()
    } else {
      tree = XMLTree()
    }
    let root = appendCurrentElement(to: tree, parent: -1)
    if isSelfClosing {
      // `<e/>`: consume its end tag.
      _ = try read()
      return XMLNode(tree: tree, index: root)
    }
    var stack: [Int] = [root]
    while let kind = try read() {
      switch kind {
      case .startElement:
        stack.append(appendCurrentElement(to: tree, parent: stack[stack.count - 1]))
      case .endElement:
        guard let done = stack.popLast() else { break }
        if stack.isEmpty { return XMLNode(tree: tree, index: done) }
      case .text, .cdata:
        let parent = stack[stack.count - 1]
        let start = tree.text.count
        let blank = withUTF8Text { bytes in
          tree.text.append(contentsOf: bytes)
          return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        if blank, tree.records[parent].firstChild < 0 {
          tree.text.removeSubrange(start...)
        } else {
          _ = tree.append(
            XMLTree.Record(
              name: "", textStart: start, textCount: tree.text.count - start, line: line, column: column ?? 0),
            parent: parent)
        }
      case .comment, .processingInstruction:
        break
      }
    }
    // The reader ended inside the subtree: it throws before this in practice.
    return XMLNode(tree: tree, index: root)
  }

  private func appendCurrentElement(to tree: XMLTree, parent: Int) -> Int {
    var record = XMLTree.Record(name: localName, line: line, column: column ?? 0)
    if attributeCount > 0 {
      record.attributeStart = Int32(tree.attributes.count)
      for a in attributes {
        // Most attributes have no prefix: no need to build `prefix:local`.
        tree.attributes.append((a.name.prefix == nil ? a.name.localName : a.name.qualifiedName, a.value))
      }
      record.attributeCount = Int32(tree.attributes.count) - record.attributeStart
    }
    return tree.append(record, parent: parent)
  }
}

/// Whether `text` is only XML whitespace (space, tab, CR, LF).
func isXMLWhitespace(_ text: String) -> Bool {
  text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
}
