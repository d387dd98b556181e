/// The byte-order mark, the XML declaration and the DOCTYPE. Anything here
/// that is not plainly supported is `unsupported`: the reader then starts
/// again with libxml2, which also reports the errors of the prolog.
extension _NativeXMLParser {
  func documentStart() throws(Stop) {
    construct = "the XML declaration"
    if count < 64, !atEnd { throw .incomplete }
    var p = position
    if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { p = 3 }
    guard p < count, buffer[p] == UInt8(ascii: "<") || isSpace(buffer[p]) else {
      throw failure("the document does not start with '<' in UTF-8 (another encoding?)", at: p)
    }
    if count - p >= 6, memoryEqual(buffer + p, Self.declarationOpen.utf8Start, 5), isSpace(buffer[p + 5]) {
      let end = try find("?>", from: p + 5, what: "the XML declaration")
      try declaration(p + 5, end)
      p = end + 2
    }
    position = p
    phase = .prolog
  }

  static let declarationOpen: StaticString = "<?xml"

  /// Reads `version`, `encoding` and `standalone` from `from..<to`: only
  /// version 1.0 in UTF-8 (or without an encoding) is parsed here.
  private func declaration(_ from: Int, _ to: Int) throws(Stop) {
    var p = from
    var seen: [String] = []
    while true {
      let spaced = skipSpace(&p)
      if p >= to { break }
      guard spaced else { throw failure("expected whitespace between the XML declaration's attributes", at: p) }
      var q = p
      while q < to, buffer[q] >= UInt8(ascii: "a"), buffer[q] <= UInt8(ascii: "z") { q += 1 }
      let name = String(decoding: UnsafeBufferPointer(start: buffer + p, count: q - p), as: UTF8.self)
      _ = skipSpace(&q)
      guard q < to, buffer[q] == UInt8(ascii: "=") else { throw failure("expected '=' in the XML declaration", at: q) }
      q += 1
      _ = skipSpace(&q)
      guard q < to, buffer[q] == UInt8(ascii: "\"") || buffer[q] == UInt8(ascii: "'") else {
        throw failure("expected a quoted value in the XML declaration", at: q)
      }
      let quote = buffer[q]
      var r = q + 1
      while r < to, buffer[r] != quote { r += 1 }
      guard r < to else { throw failure("expected a closing quote in the XML declaration", at: q) }
      let value = String(decoding: UnsafeBufferPointer(start: buffer + q + 1, count: r - q - 1), as: UTF8.self)
      let order = ["version", "encoding", "standalone"]
      guard let rank = order.firstIndex(of: name), seen.allSatisfy({ order.firstIndex(of: $0)! < rank }),
        !(rank > 0 && seen.isEmpty)
      else { throw failure("unexpected \(name) in the XML declaration", at: p) }
      switch name {
      case "version":
        guard value == "1.0" else { throw failure("XML version \(value) is left to libxml2", at: q) }
      case "encoding":
        guard value.lowercased() == "utf-8" else { throw failure("encoding \(value) is left to libxml2", at: q) }
      default:
        guard value == "yes" || value == "no" else { throw failure("standalone must be yes or no", at: q) }
      }
      seen.append(name)
      p = r + 1
    }
    guard seen.first == "version" else { throw failure("the XML declaration has no version", at: from) }
  }

  /// `<!DOCTYPE name (SYSTEM … | PUBLIC … …)? [internal subset]? >`.
  func doctype() throws(Stop) {
    construct = "the DOCTYPE"
    let start = position
    var p = start + 9
    guard skipSpace(&p) else { try need(p + 1); throw failure("expected whitespace after <!DOCTYPE", at: p) }
    p = try scanName(p, qualified: false, what: "the root element's name after <!DOCTYPE").end
    var spaced = skipSpace(&p)
    try need(p + 6)
    for keyword in [Self.system, Self.public] where memoryEqual(buffer + p, keyword.utf8Start, 6) {
      guard spaced else { throw failure("expected whitespace before \(keyword)", at: p) }
      p += 6
      for _ in 0..<(keyword.utf8Start == Self.public.utf8Start ? 2 : 1) {
        guard skipSpace(&p) else { try need(p + 1); throw failure("expected whitespace and a quoted literal", at: p) }
        p = try literal(p).end
      }
      spaced = skipSpace(&p)
    }
    try need(p + 1)
    if buffer[p] == UInt8(ascii: "[") {
      p += 1
      try internalSubset(&p)
      _ = skipSpace(&p)
      try need(p + 1)
    }
    guard buffer[p] == UInt8(ascii: ">") else { throw failure("expected '>' to end the DOCTYPE", at: p) }
    _ = spaced
    sawDoctype = true
    position = p + 1
  }

  static let system: StaticString = "SYSTEM"
  static let `public`: StaticString = "PUBLIC"

  /// A quoted literal at `p`: its content's range and the offset after it.
  private func literal(_ p: Int) throws(Stop) -> (from: Int, to: Int, end: Int) {
    try need(p + 1)
    let quote = buffer[p]
    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
      throw failure("expected a quoted literal, found \(describe(at: p))", at: p)
    }
    var q = p + 1
    while true {
      try need(q + 1)
      if buffer[q] == quote { return (p + 1, q, q + 1) }
      q += 1
    }
  }

  /// Declarations up to `]`: `<!ELEMENT>` is skipped, plain-text internal
  /// `<!ENTITY>`s are kept; anything else is left to libxml2.
  private func internalSubset(_ p: inout Int) throws(Stop) {
    while true {
      _ = skipSpace(&p)
      try need(p + 1)
      if buffer[p] == UInt8(ascii: "]") {
        p += 1
        return
      }
      try need(p + 9)
      if memoryEqual(buffer + p, Self.elementOpen.utf8Start, 9) {
        while true {
          try need(p + 1)
          if buffer[p] == UInt8(ascii: ">") { break }
          if buffer[p] == UInt8(ascii: "%") { throw failure("parameter entities are left to libxml2", at: p) }
          p += 1
        }
        p += 1
      } else if memoryEqual(buffer + p, Self.entityOpen.utf8Start, 8), isSpace(buffer[p + 8]) {
        try entityDeclaration(&p)
      } else {
        throw failure("this declaration in the DOCTYPE is left to libxml2", at: p)
      }
    }
  }

  static let elementOpen: StaticString = "<!ELEMENT"
  static let entityOpen: StaticString = "<!ENTITY"

  private func entityDeclaration(_ p: inout Int) throws(Stop) {
    let at = p
    p += 8
    _ = skipSpace(&p)
    let (nameEnd, _) = try scanName(p, qualified: false, what: "an entity name")
    let id = names.intern(buffer + p, nameEnd - p, colon: -1)
    p = nameEnd
    guard skipSpace(&p) else { try need(p + 1); throw failure("expected whitespace after the entity name", at: p) }
    let (from, to, end) = try literal(p)
    for q in from..<to where buffer[q] == UInt8(ascii: "%") || buffer[q] == UInt8(ascii: "&") || buffer[q] == UInt8(ascii: "<") {
      throw failure("an entity with references or markup is left to libxml2", at: q)
    }
    try validateCharacters(from, to)
    p = end
    _ = skipSpace(&p)
    try need(p + 1)
    guard buffer[p] == UInt8(ascii: ">") else { throw failure("an external or unparsed entity is left to libxml2", at: p) }
    p += 1
    let name = qualifiedName(id)
    if ["lt", "gt", "amp", "apos", "quot"].contains(name) {
      throw failure("a declaration of a predefined entity is left to libxml2", at: at)
    }
    guard entities[id] == nil else { return }
    var value: [UInt8] = []
    var q = from
    while q < to {
      if buffer[q] == 0x0D {
        value.append(0x0A)
        q += q + 1 < to && buffer[q + 1] == 0x0A ? 2 : 1
      } else {
        value.append(buffer[q])
        q += 1
      }
    }
    entities[id] = value
  }
}
