public import LexiformCore

/// The current node, after ``XMLReader/read()``. Reading a property before
/// the first `read()` or after the end gives empty values.
extension XMLReader {
  private var record: _XMLRecord? {
    current >= 0 && current < view.records.count ? view.records[current] : nil
  }

  /// The kind of the current node.
  public var kind: XMLNodeKind? { record?.kind }

  /// The element name of a start or end tag, or the target of a processing
  /// instruction; an empty name otherwise.
  public var name: XMLName {
    guard let index = record?.name, index >= 0, Int(index) < names.count else { return XMLName("") }
    return names[Int(index)]
  }

  /// The local name of a start or end tag (`orth` for `<tei:orth>`).
  public var localName: String {
    // The one field, without copying the whole name.
    guard let index = record?.name, index >= 0, Int(index) < names.count else { return "" }
    return names[Int(index)].localName
  }

  /// The text of a text, CDATA or comment node, or a processing
  /// instruction's data; empty for tags.
  public var text: String {
    guard let record, record.kind != .startElement, record.kind != .endElement else { return "" }
    return arenaString(record.textStart, record.textCount)
  }

  /// Calls `body` with the UTF-8 bytes of ``text`` without making a string.
  /// - Parameter body: Receives the bytes, valid only during the call.
  /// - Returns: What `body` returns.
  public func withUTF8Text<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    guard let record, record.kind != .startElement, record.kind != .endElement else {
      return try body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return try view.arena.withUnsafeBufferPointer { bytes in
      try body(UnsafeBufferPointer(rebasing: bytes[record.textStart..<record.textStart + record.textCount]))
    }
  }

  /// The number of attributes of a start tag (0 for other nodes).
  public var attributeCount: Int { Int(record?.attributeCount ?? 0) }

  /// The attributes of a start tag, in document order, defaulted ones last.
  public var attributes: [XMLAttribute] {
    guard let record, record.attributeCount > 0 else { return [] }
    let range = Int(record.attributeStart)..<Int(record.attributeStart + record.attributeCount)
    return view.attributes[range].map { a in
      XMLAttribute(
        name: names[Int(a.name)], value: arenaString(a.valueStart, a.valueCount), isDefaulted: a.isDefaulted)
    }
  }

  /// The value of the current start tag's attribute with this local name, in
  /// no namespace or in the XML namespace (`xml:lang`), or `nil`.
  /// - Parameter localName: The attribute's local name.
  /// - Returns: Its value, if present.
  /// - Complexity: O(*n*) in the number of attributes.
  public func attribute(_ localName: String) -> String? {
    guard let record, record.attributeCount > 0 else { return nil }
    for i in Int(record.attributeStart)..<Int(record.attributeStart + record.attributeCount) {
      let a = view.attributes[i]
      let n = Int(a.name)
      if names[n].localName == localName, names[n].namespaceURI == nil || names[n].prefix == "xml" {
        return arenaString(a.valueStart, a.valueCount)
      }
    }
    return nil
  }

  /// The namespace declarations written on the current start tag.
  public var namespaceDeclarations: [XMLNamespaceDeclaration] {
    guard let record, record.namespaceCount > 0 else { return [] }
    return Array(view.namespaces[Int(record.namespaceStart)..<Int(record.namespaceStart + record.namespaceCount)])
  }

  /// Whether the current start or end tag is a self-closing `<b/>`.
  public var isSelfClosing: Bool { record?.isSelfClosing ?? false }

  /// The element depth of the current node: 0 for the root's tags.
  public var depth: Int { Int(record?.depth ?? 0) }

  /// The 1-based line where the current node starts.
  public var line: Int { record?.line ?? 0 }

  /// The 1-based column (in Unicode scalars) where the current node starts.
  public var column: Int? { record.flatMap { $0.column > 0 ? $0.column : nil } }

  /// The 0-based byte offset where the current node starts, when the input
  /// is UTF-8 (for other encodings libxml2 converts, and offsets are unknown).
  public var byteOffset: Int? { record.flatMap { $0.offset >= 0 ? $0.offset : nil } }

  /// Where the current node starts.
  public var location: SourceLocation {
    SourceLocation(path: path, line: line, column: column, byteOffset: byteOffset)
  }

  private func arenaString(_ start: Int, _ count: Int) -> String {
    view.arena.withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + count]), as: UTF8.self)
    }
  }
}
