/// A printable trace of every node, for comparing the two backends (tests
/// and the `xmldiff` fuzz target). Not API.
extension XMLReader {
  /// Reads to the end and returns one line per node (kind, depth, name with
  /// prefix and namespace, self-closing, attributes, namespace declarations,
  /// text), and the error that ended the document, if any.
  ///
  /// libxml2's push parser hands out CDATA sections with CR LF and CR as in
  /// the file, where XML 1.0 §2.11 (and the native backend) gives LF:
  /// `normalizingCDATALineEnds` makes them LF for the comparison.
  public func _trace(normalizingCDATALineEnds: Bool = false) -> (nodes: [String], error: XMLError?) {
    var nodes: [String] = []
    func show(_ name: XMLName) -> String {
      "\(name.prefix.map { $0 + ":" } ?? "")\(name.localName){\(name.namespaceURI ?? "-")}"
    }
    do {
      while let kind = try read() {
        var line = "\(kind) d=\(depth)"
        switch kind {
        case .startElement, .endElement:
          line += " \(show(name))\(isSelfClosing ? " self-closing" : "")"
          for a in attributes { line += " @\(show(a.name))=\(a.value.debugDescription)\(a.isDefaulted ? "(default)" : "")" }
          for n in namespaceDeclarations { line += " xmlns:\(n.prefix ?? "-")=\(n.uri.debugDescription)" }
        case .processingInstruction:
          line += " \(name.localName) \(text.debugDescription)"
        case .cdata where normalizingCDATALineEnds:
          let normalized = String(
            decoding: withUTF8Text { bytes in
              var out: [UInt8] = []
              var i = 0
              while i < bytes.count {
                if bytes[i] == 0x0D {
                  out.append(0x0A)
                  if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                  out.append(bytes[i])
                }
                i += 1
              }
              return out
            }, as: UTF8.self)
          line += " \(normalized.debugDescription)"
        case .text, .cdata, .comment:
          line += " \(text.debugDescription)"
        }
        nodes.append(line)
      }
      return (nodes, nil)
    } catch {
      return (nodes, error)
    }
  }
}
