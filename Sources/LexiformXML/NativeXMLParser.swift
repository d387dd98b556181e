internal import LexiformCore

/// XML 1.0 (Fifth Edition) with Namespaces in XML 1.0, parsed in Swift from
/// UTF-8 bytes into the same records as libxml2's callbacks
/// (``_XMLParserState``), so that ``XMLReader``'s cursor API reads either.
///
/// It takes the input a chunk at a time (``space(minimum:)``,
/// ``didRead(_:)``, ``parse()``), keeps only the construct being parsed, and
/// stops at the end of the buffer to go on when more bytes come.
///
/// What it does not handle it reports as ``Stop/unsupported`` while still in
/// the prolog, where no node has been handed out and all bytes so far are
/// kept (``keptBytes``), so that the reader can start again with libxml2:
/// encodings other than UTF-8, XML versions other than 1.0, a DOCTYPE whose
/// internal subset has more than `<!ELEMENT>` and plain-text internal
/// `<!ENTITY>` declarations, and every error in the prolog and the root's
/// start tag (libxml2 then reports it in its own words). Not API.
final class _NativeXMLParser {
  enum Stop: Error {
    /// The document is not well-formed (or exceeds a limit).
    case failed(XMLError)
    /// Something this parser leaves to libxml2, found in the prolog.
    case unsupported(XMLError)
    /// The buffer ends inside a construct; more input is needed.
    case incomplete
  }

  let state: _XMLParserState
  let path: String
  let options: XMLReaderOptions

  // MARK: Input

  // Unchecked (here and below): a parser is used from one thread, and the
  // dynamic exclusivity checks cost about a sixth of a lexicon conversion.
  @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// Valid bytes in `buffer`.
  @exclusivity(unchecked) var count = 0
  /// Where parsing goes on, in `buffer`.
  @exclusivity(unchecked) var position = 0
  /// The absolute offset of `buffer[0]`.
  @exclusivity(unchecked) private var base = 0
  /// Whether the input has ended.
  private(set) var atEnd = false
  @exclusivity(unchecked) private var counter = LineCounter()

  enum Phase { case start, prolog, content, epilog, done }
  @exclusivity(unchecked) var phase = Phase.start
  /// Whether nothing past the root's start tag has been parsed: errors are
  /// then left to libxml2, and every byte is kept for it.
  var isInProlog: Bool { phase == .start || phase == .prolog }
  var isDone: Bool { phase == .done }
  /// What is being parsed, for "the file ends inside …".
  @exclusivity(unchecked) var construct = "the prolog"

  // MARK: Names and namespaces

  @exclusivity(unchecked) var names = _XMLNameTable()
  @exclusivity(unchecked) private var uris: [String] = [xmlNamespaceURI]
  @exclusivity(unchecked) private var uriIndex: [String: Int32] = [xmlNamespaceURI: 0]
  /// Prefix entry (-1 for the default namespace) and URI index (-1 for none).
  @exclusivity(unchecked) private var bindings: [(prefix: Int32, uri: Int32)] = []
  @exclusivity(unchecked) private var nameIndex: [UInt64: Int32] = [:]
  private static let cacheBits = 10
  @exclusivity(unchecked) private var cacheKeys = [UInt64](repeating: .max, count: 1 << cacheBits)
  @exclusivity(unchecked) private var cacheValues = [Int32](repeating: -1, count: 1 << cacheBits)
  let xmlnsName: Int32
  let xmlName: Int32

  private struct OpenElement {
    var qname: Int32
    var name: Int32
    var bindings: Int
    var line: Int
  }
  @exclusivity(unchecked) private var open: [OpenElement] = []

  private struct RawAttribute {
    var qname: Int32
    var valueStart: Int
    var valueCount: Int
    var at: Int
    var uri: Int32 = -1
    var isDeclaration = false
  }
  @exclusivity(unchecked) private var raw: [RawAttribute] = []

  /// Internal general entities declared in the DOCTYPE (plain text only).
  @exclusivity(unchecked) var entities: [Int32: [UInt8]] = [:]
  @exclusivity(unchecked) var sawDoctype = false

  static let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"
  static let xmlnsNamespaceURI = "http://www.w3.org/2000/xmlns/"
  private var xmlNamespaceURI: String { Self.xmlNamespaceURI }

  init(state: _XMLParserState, path: String, options: XMLReaderOptions) {
    self.state = state
    self.path = path
    self.options = options
    capacity = max(options.chunkSize, 4096) * 2
    buffer = .allocate(capacity: capacity)
    xmlnsName = names.intern("xmlns")
    xmlName = names.intern("xml")
    bindings.append((xmlName, 0))
  }

  deinit { buffer.deallocate() }

  // MARK: Feeding

  /// Room for at least `minimum` more bytes after those kept.
  func space(minimum: Int) -> UnsafeMutableRawBufferPointer {
    if !isInProlog, position > 0 {
      _ = lineColumn(at: position)
      (buffer + 0).update(from: buffer + position, count: count - position)
      base += position
      count -= position
      position = 0
    }
    if capacity - count < minimum {
      let grown = max(capacity * 2, count + minimum)
      let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      new.update(from: buffer, count: count)
      buffer.deallocate()
      buffer = new
      capacity = grown
    }
    return UnsafeMutableRawBufferPointer(start: buffer + count, count: capacity - count)
  }

  /// Records that `n` bytes were written into ``space(minimum:)``; 0 is the end.
  func didRead(_ n: Int) {
    if n == 0 { atEnd = true } else { count += n }
  }

  /// Every byte read so far, while ``isInProlog``.
  var keptBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

  // MARK: Positions and errors

  @inline(__always)
  func lineColumn(at p: Int) -> (line: Int, column: Int) {
    let target = base + p
    if target > counter.offset {
      counter.advance(to: target, in: UnsafeBufferPointer(start: buffer, count: count), base: base)
    }
    return (counter.line, counter.column)
  }

  func location(at p: Int) -> SourceLocation {
    let (line, column) = lineColumn(at: p)
    return SourceLocation(path: path, line: line, column: column, byteOffset: base + p)
  }

  /// The error for a problem at `p`: left to libxml2 in the prolog.
  func failure(_ message: String, at p: Int, _ code: XMLError.Code = .malformed) -> Stop {
    let error = XMLError(code, at: location(at: p), message)
    return isInProlog ? .unsupported(error) : .failed(error)
  }

  @inline(__always)
  func need(_ end: Int) throws(Stop) {
    if end > count { throw .incomplete }
  }

  @inline(__always)
  func isSpace(_ b: UInt8) -> Bool { _XMLByteClass.table[Int(b)] & _XMLByteClass.space != 0 }

  /// Moves `p` past whitespace (to the end of the buffer at most).
  @inline(__always)
  func skipSpace(_ p: inout Int) -> Bool {
    let start = p
    while p < count, isSpace(buffer[p]) { p += 1 }
    return p > start
  }

  /// The scalar at `p` (which is not ASCII) and its length, or `nil` when
  /// the buffer ends inside it and more input may come.
  @inline(__always)
  func decode(at p: Int) throws(Stop) -> (value: UInt32, length: Int)? {
    let b0 = buffer[p]
    var n = 0
    var v: UInt32 = 0
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: n = 2; v = UInt32(b0 & 0x1F)
    case 0xE0: n = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: n = 3; v = UInt32(b0 & 0x0F)
    case 0xED: n = 3; high = 0x9F; v = 0xD
    case 0xF0: n = 4; low = 0x90
    case 0xF1...0xF3: n = 4; v = UInt32(b0 & 0x07)
    case 0xF4: n = 4; high = 0x8F; v = 4
    default: throw badUTF8(at: p, length: 1)
    }
    if p + n > count {
      if !atEnd { return nil }
      throw badUTF8(at: p, length: count - p)
    }
    let b1 = buffer[p + 1]
    guard b1 >= low, b1 <= high else { throw badUTF8(at: p, length: 2) }
    v = v << 6 | UInt32(b1 & 0x3F)
    for i in 2..<n {
      let b = buffer[p + i]
      guard b & 0xC0 == 0x80 else { throw badUTF8(at: p, length: i + 1) }
      v = v << 6 | UInt32(b & 0x3F)
    }
    if v == 0xFFFE || v == 0xFFFF { throw badCharacter(v, at: p) }
    return (v, n)
  }

  private func badUTF8(at p: Int, length: Int) -> Stop {
    let shown = (p..<min(count, p + max(1, length))).map { "0x" + String(buffer[$0], radix: 16, uppercase: true) }
    return failure(
      "the input is not valid UTF-8 (bytes \(shown.joined(separator: " "))); expected UTF-8 as the document declares (or another encoding named in the XML declaration)",
      at: p)
  }

  func badCharacter(_ c: UInt32, at p: Int) -> Stop {
    let hex = String(c, radix: 16, uppercase: true)
    return failure(
      "character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in XML; expected a Char (XML 1.0 §2.2)",
      at: p)
  }

  /// Checks that `from..<to` holds only XML characters.
  func validateCharacters(_ from: Int, _ to: Int) throws(Stop) {
    var p = from
    while p < to {
      let b = buffer[p]
      if b < 0x80 {
        if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { throw badCharacter(UInt32(b), at: p) }
        p += 1
      } else {
        guard let (_, n) = try decode(at: p) else { throw .incomplete }
        p += n
      }
    }
  }

  // MARK: Names

  /// Scans a name at `p`; returns its end and the offset of its colon in it
  /// (-1 when none). With `qualified`, a name with more than one colon, or
  /// one at either end, is refused (Namespaces in XML, production 7).
  func scanName(_ p: Int, qualified: Bool, what: @autoclosure () -> String) throws(Stop) -> (end: Int, colon: Int) {
    var q = p
    var colon = -1
    var colons = 0
    while true {
      try need(q + 1)
      let b = buffer[q]
      let bits = _XMLByteClass.table[Int(b)]
      if bits & _XMLByteClass.nonASCII != 0 {
        guard let (c, n) = try decode(at: q) else { throw .incomplete }
        guard q == p ? _XMLByteClass.isNameStart(c) : _XMLByteClass.isNameChar(c) else { break }
        q += n
        continue
      }
      guard bits & (q == p ? _XMLByteClass.nameStart : _XMLByteClass.name) != 0 else { break }
      if b == UInt8(ascii: ":") {
        if colon < 0 { colon = q - p }
        colons += 1
      }
      q += 1
    }
    if q == p {
      throw failure("expected \(what()), found \(describe(at: p))", at: p)
    }
    if qualified, colons > 0, colons > 1 || colon == 0 || buffer[q - 1] == UInt8(ascii: ":") {
      let name = String(decoding: UnsafeBufferPointer(start: buffer + p, count: q - p), as: UTF8.self)
      throw failure(
        "'\(name)' is not a valid qualified name; expected at most one ':' between a prefix and a local name",
        at: p, .invalid)
    }
    return (q, colons > 0 ? colon : -1)
  }

  /// Whether the name at `p` goes on past `p` (a name character follows).
  func nameContinues(at p: Int) throws(Stop) -> Bool {
    try need(p + 1)
    let bits = _XMLByteClass.table[Int(buffer[p])]
    if bits & _XMLByteClass.nonASCII == 0 { return bits & _XMLByteClass.name != 0 }
    guard let (c, _) = try decode(at: p) else { throw .incomplete }
    return _XMLByteClass.isNameChar(c)
  }

  func describe(at p: Int) -> String {
    guard p < count else { return "the end of the file" }
    let b = buffer[p]
    if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    if b == 0x20 { return "a space" }
    if b == 0x0A || b == 0x0D { return "a line break" }
    return "byte 0x\(String(b, radix: 16, uppercase: true))"
  }

  func qualifiedName(_ entry: Int32) -> String { names.strings[Int(entry)] }

  /// The index in the state's name table of `qname` in namespace `uri`.
  @inline(__always)
  func nameRecord(_ qname: Int32, _ uri: Int32) -> Int32 {
    let key = UInt64(UInt32(bitPattern: qname)) << 32 | UInt64(UInt32(bitPattern: uri))
    let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.cacheBits))
    if cacheKeys[slot] == key { return cacheValues[slot] }
    let index: Int32
    if let known = nameIndex[key] {
      index = known
    } else {
      let e = names.entries[Int(qname)]
      index = Int32(state.names.count)
      state.names.append(
        XMLName(
          names.strings[Int(e.local)], prefix: e.prefix >= 0 ? names.strings[Int(e.prefix)] : nil,
          namespaceURI: uri >= 0 ? uris[Int(uri)] : nil))
      nameIndex[key] = index
    }
    cacheKeys[slot] = key
    cacheValues[slot] = index
    return index
  }

  private func uri(_ text: String) -> Int32 {
    if let known = uriIndex[text] { return known }
    let index = Int32(uris.count)
    uris.append(text)
    uriIndex[text] = index
    return index
  }

  /// The namespace bound to `prefix` (-1 for the default), or `nil` when the
  /// prefix is not declared.
  private func resolve(_ prefix: Int32) -> Int32? {
    var i = bindings.count - 1
    while i >= 0 {
      if bindings[i].prefix == prefix { return bindings[i].uri }
      i -= 1
    }
    return prefix < 0 ? -1 : nil
  }

  // MARK: Parsing

  /// Parses what the buffer holds, stopping at its end (or at the end of the
  /// document once the input has ended).
  func parse() throws(Stop) {
    while true {
      do throws(Stop) {
        guard try step() else { return }
      } catch let stop {
        guard case .incomplete = stop else { throw stop }
        if atEnd { throw endOfInput() }
        return
      }
    }
  }

  private func step() throws(Stop) -> Bool {
    if position >= count {
      if atEnd, phase != .done { try finish() }
      return false
    }
    switch phase {
    case .content:
      let b = buffer[position]
      if b == UInt8(ascii: "<") {
        try markup()
        return true
      }
      if b == UInt8(ascii: "&") {
        try contentReference()
        return true
      }
      return try text()
    case .start:
      try documentStart()
      return true
    case .prolog, .epilog:
      var p = position
      _ = skipSpace(&p)
      position = p
      guard p < count else { return true }
      guard buffer[p] == UInt8(ascii: "<") else {
        throw failure(
          phase == .prolog
            ? "expected '<' to begin the root element, found \(describe(at: p))"
            : "text after the end of the root element; expected only comments, processing instructions and whitespace",
          at: p)
      }
      try markup()
      return true
    case .done:
      return false
    }
  }

  private func finish() throws(Stop) {
    switch phase {
    case .content: throw endOfInput()
    case .start, .prolog:
      throw failure("expected an XML document, found no root element", at: count)
    case .epilog, .done:
      phase = .done
    }
  }

  private func endOfInput() -> Stop {
    if let innermost = open.last {
      let name = qualifiedName(innermost.qname)
      return .failed(
        XMLError(
          .malformed, at: location(at: count),
          _XMLParserState.unclosedMessage(name: name, line: innermost.line, count: open.count)))
    }
    return failure("the file ends inside \(construct)", at: count)
  }

  private func markup() throws(Stop) {
    let p = position
    try need(p + 2)
    switch buffer[p + 1] {
    case UInt8(ascii: "/"):
      try endTag()
    case UInt8(ascii: "?"):
      try processingInstruction()
    case UInt8(ascii: "!"):
      try need(p + 4)
      if buffer[p + 2] == UInt8(ascii: "-"), buffer[p + 3] == UInt8(ascii: "-") {
        try comment()
      } else if buffer[p + 2] == UInt8(ascii: "[") {
        try need(p + 9)
        guard phase == .content, memoryEqual(buffer + p, Self.cdataOpen.utf8Start, 9) else {
          throw failure("expected a comment or, inside an element, a CDATA section after '<!'", at: p)
        }
        try cdata()
      } else if buffer[p + 2] == UInt8(ascii: "D") {
        try need(p + 9)
        guard phase == .prolog, !sawDoctype, memoryEqual(buffer + p, Self.doctypeOpen.utf8Start, 9) else {
          throw failure("expected a comment after '<!' (a DOCTYPE only once, before the root element)", at: p)
        }
        try doctype()
      } else {
        throw failure("expected '--' (a comment) or '[CDATA[' after '<!', found \(describe(at: p + 2))", at: p)
      }
    default:
      guard phase != .epilog else {
        throw failure(
          "a second root element; expected only comments, processing instructions and whitespace after the root element",
          at: p)
      }
      try startTag()
    }
  }

  static let cdataOpen: StaticString = "<![CDATA["
  static let doctypeOpen: StaticString = "<!DOCTYPE"

  // MARK: Text

  @inline(__always)
  private func appendText(_ from: Int, _ to: Int, textAt start: Int) throws(Stop) {
    guard to > from else { return }
    beginText(at: start, cdata: false)
    state.arena.append(contentsOf: UnsafeBufferPointer(start: buffer + from, count: to - from))
    try checkTextLength(at: start)
  }

  @inline(__always)
  private func appendTextByte(_ byte: UInt8, textAt start: Int) throws(Stop) {
    beginText(at: start, cdata: false)
    state.arena.append(byte)
    try checkTextLength(at: start)
  }

  @inline(__always)
  private func checkTextLength(at p: Int) throws(Stop) {
    if state.arena.count - state.textStart > options.maxTextLength {
      throw failure(
        "a text node is longer than \(options.maxTextLength) bytes; expected at most XMLReaderOptions.maxTextLength",
        at: p, .unexpected)
    }
  }

  @inline(__always)
  private func beginText(at p: Int, cdata: Bool) {
    if state.textStart >= 0 {
      if state.textIsCDATA == cdata { return }
      state.flushText()
    }
    state.textStart = state.arena.count
    state.textIsCDATA = cdata
    let (line, column) = lineColumn(at: p)
    state.textLine = line
    state.textColumn = column
    state.textOffset = base + p
  }

  /// Character data up to the next `<` or `&` (or the end of the buffer).
  /// Returns whether it got anywhere.
  private func text() throws(Stop) -> Bool {
    let start = position
    var p = start
    var segment = start
    let table = _XMLByteClass.table
    scan: while true {
      while p < count, table[Int(buffer[p])] & _XMLByteClass.text == 0 { p += 1 }
      guard p < count else { break }
      let b = buffer[p]
      switch b {
      case UInt8(ascii: "<"), UInt8(ascii: "&"):
        break scan
      case 0x0D:
        guard p + 1 < count || atEnd else { break scan }
        try appendText(segment, p, textAt: start)
        if p + 1 < count, buffer[p + 1] == 0x0A {
          segment = p + 1
        } else {
          try appendTextByte(0x0A, textAt: start)
          segment = p + 1
        }
        p += 1
      case UInt8(ascii: "]"):
        guard p + 2 < count || atEnd else { break scan }
        if p + 2 < count, buffer[p + 1] == UInt8(ascii: "]"), buffer[p + 2] == UInt8(ascii: ">") {
          throw failure("']]>' in text; expected it only at the end of a CDATA section (write ']]&gt;')", at: p)
        }
        p += 1
      default:
        if b < 0x80 { throw badCharacter(UInt32(b), at: p) }
        // Two-byte sequences (Latin, Greek, Cyrillic, Hebrew, Arabic …) inline.
        if b >= 0xC2, b <= 0xDF, p + 1 < count, buffer[p + 1] & 0xC0 == 0x80 {
          p += 2
          continue
        }
        guard let (_, n) = try decode(at: p) else { break scan }
        p += n
      }
    }
    try appendText(segment, p, textAt: start)
    position = p
    return p > start
  }

  /// A character or entity reference in content, added to the text.
  private func contentReference() throws(Stop) {
    let start = position
    construct = "a reference"
    let (end, value) = try reference(at: start)
    switch value {
    case .byte(let b):
      try appendTextByte(b, textAt: start)
    case .scalar(let c):
      beginText(at: start, cdata: false)
      appendScalar(c)
      try checkTextLength(at: start)
    case .entity(let id):
      let text = entities[id] ?? []
      try countExpansion(text.count, at: start)
      beginText(at: start, cdata: false)
      state.arena.append(contentsOf: text)
      try checkTextLength(at: start)
    }
    position = end
  }

  private func countExpansion(_ n: Int, at p: Int) throws(Stop) {
    state.expandedBytes += n
    let limit = max(options.maxEntityExpansion, 10 * (base + count))
    if state.expandedBytes > limit {
      throw failure(
        "entity references expand to more than \(limit) bytes (a \"billion laughs\" document?); expected at most XMLReaderOptions.maxEntityExpansion",
        at: p, .unexpected)
    }
  }

  @inline(__always)
  private func appendScalar(_ c: UInt32) {
    if c < 0x80 {
      state.arena.append(UInt8(c))
    } else if c < 0x800 {
      state.arena.append(UInt8(0xC0 | c >> 6))
      state.arena.append(UInt8(0x80 | c & 0x3F))
    } else if c < 0x10000 {
      state.arena.append(UInt8(0xE0 | c >> 12))
      state.arena.append(UInt8(0x80 | c >> 6 & 0x3F))
      state.arena.append(UInt8(0x80 | c & 0x3F))
    } else {
      state.arena.append(UInt8(0xF0 | c >> 18))
      state.arena.append(UInt8(0x80 | c >> 12 & 0x3F))
      state.arena.append(UInt8(0x80 | c >> 6 & 0x3F))
      state.arena.append(UInt8(0x80 | c & 0x3F))
    }
  }

  enum Reference {
    case byte(UInt8)
    case scalar(UInt32)
    case entity(Int32)
  }

  /// Parses `&…;` at `p`.
  private func reference(at p: Int) throws(Stop) -> (end: Int, value: Reference) {
    try need(p + 2)
    if buffer[p + 1] == UInt8(ascii: "#") {
      var q = p + 2
      try need(q + 1)
      let hex = buffer[q] == UInt8(ascii: "x")
      if hex { q += 1 }
      let digitsStart = q
      var value: UInt32 = 0
      while true {
        try need(q + 1)
        let b = buffer[q]
        let digit: UInt32
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(b - UInt8(ascii: "A") + 10)
        case UInt8(ascii: ";") where q > digitsStart:
          guard _XMLByteClass.isChar(value) else {
            throw failure(
              "the character reference \(String(decoding: UnsafeBufferPointer(start: buffer + p, count: q + 1 - p), as: UTF8.self)) is not an XML character; expected a Char (XML 1.0 §2.2)",
              at: p)
          }
          return (q + 1, value < 0x80 ? .byte(UInt8(value)) : .scalar(value))
        default:
          throw failure(
            q == digitsStart
              ? "expected \(hex ? "hexadecimal " : "")digits after '&#\(hex ? "x" : "")', found \(describe(at: q))"
              : "expected ';' to end the character reference, found \(describe(at: q))",
            at: p)
        }
        value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
        q += 1
      }
    }
    let (end, _) = try scanName(p + 1, qualified: false, what: "an entity name or '#' after '&' (write '&amp;' for '&')")
    try need(end + 1)
    guard buffer[end] == UInt8(ascii: ";") else {
      throw failure("expected ';' after the entity name in a reference, found \(describe(at: end))", at: p)
    }
    let n = end - p - 1
    let name = buffer + p + 1
    if n == 2, name[1] == UInt8(ascii: "t") {
      if name[0] == UInt8(ascii: "l") { return (end + 1, .byte(UInt8(ascii: "<"))) }
      if name[0] == UInt8(ascii: "g") { return (end + 1, .byte(UInt8(ascii: ">"))) }
    }
    if n == 3, memoryEqual(name, Self.amp.utf8Start, 3) { return (end + 1, .byte(UInt8(ascii: "&"))) }
    if n == 4, memoryEqual(name, Self.apos.utf8Start, 4) { return (end + 1, .byte(UInt8(ascii: "'"))) }
    if n == 4, memoryEqual(name, Self.quot.utf8Start, 4) { return (end + 1, .byte(UInt8(ascii: "\""))) }
    let id = names.intern(name, n, colon: -1)
    guard entities[id] != nil else {
      throw failure(
        "the entity '\(qualifiedName(id))' is not defined; expected one of amp, lt, gt, apos, quot or an entity declared in the DOCTYPE",
        at: p)
    }
    return (end + 1, .entity(id))
  }

  static let amp: StaticString = "amp"
  static let apos: StaticString = "apos"
  static let quot: StaticString = "quot"

  // MARK: Tags

  private func startTag() throws(Stop) {
    state.flushText()
    construct = "a start tag"
    let tag = position
    let arenaMark = state.arena.count
    raw.removeAll(keepingCapacity: true)
    do throws(Stop) {
      var p = tag + 1
      let (nameEnd, colon) = try scanName(p, qualified: true, what: "an element name after '<' (write '&lt;' for '<')")
      let qname = names.intern(buffer + p, nameEnd - p, colon: colon)
      p = nameEnd
      var selfClosing = false
      while true {
        let spaced = skipSpace(&p)
        try need(p + 1)
        let b = buffer[p]
        if b == UInt8(ascii: ">") {
          p += 1
          break
        }
        if b == UInt8(ascii: "/") {
          try need(p + 2)
          guard buffer[p + 1] == UInt8(ascii: ">") else {
            throw failure("expected '>' after '/' in the tag <\(qualifiedName(qname))>", at: p + 1)
          }
          p += 2
          selfClosing = true
          break
        }
        guard spaced else {
          throw failure(
            "expected whitespace, '>' or '/>' in the tag <\(qualifiedName(qname))>, found \(describe(at: p))", at: p)
        }
        let at = p
        let (attributeEnd, attributeColon) = try scanName(
          p, qualified: true, what: "an attribute name, '>' or '/>' in the tag <\(qualifiedName(qname))>")
        let attribute = names.intern(buffer + p, attributeEnd - p, colon: attributeColon)
        p = attributeEnd
        _ = skipSpace(&p)
        try need(p + 1)
        guard buffer[p] == UInt8(ascii: "=") else {
          throw failure(
            "expected '=' after the attribute name \(qualifiedName(attribute)), found \(describe(at: p))", at: p)
        }
        p += 1
        _ = skipSpace(&p)
        try need(p + 1)
        let quote = buffer[p]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
          throw failure(
            "expected a quoted value for the attribute \(qualifiedName(attribute)), found \(describe(at: p))", at: p)
        }
        let valueStart = state.arena.count
        p = try attributeValue(from: p + 1, quote: quote)
        if raw.contains(where: { $0.qname == attribute }) {
          throw failure(
            "the attribute \(qualifiedName(attribute)) is given twice in <\(qualifiedName(qname))>; expected each attribute once",
            at: at)
        }
        raw.append(
          RawAttribute(qname: attribute, valueStart: valueStart, valueCount: state.arena.count - valueStart, at: at))
      }
      position = p
      try finishStartTag(qname, at: tag, selfClosing: selfClosing)
    } catch let stop {
      if case .incomplete = stop { state.arena.removeSubrange(arenaMark...) }
      throw stop
    }
  }

  private func arenaString(_ start: Int, _ count: Int) -> String {
    state.arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
  }

  private func finishStartTag(_ qname: Int32, at tag: Int, selfClosing: Bool) throws(Stop) {
    let bindingMark = bindings.count
    let namespaceStart = state.namespaces.count
    let attributeStart = state.attributes.count
    // Namespace declarations first: they apply to the tag they are on.
    for i in raw.indices {
      let e = names.entries[Int(raw[i].qname)]
      let isDefault = raw[i].qname == xmlnsName
      guard isDefault || e.prefix == xmlnsName else { continue }
      raw[i].isDeclaration = true
      let value = arenaString(raw[i].valueStart, raw[i].valueCount)
      let prefix: Int32 = isDefault ? -1 : e.local
      if value == Self.xmlnsNamespaceURI || (value == xmlNamespaceURI) != (prefix == xmlName) || prefix == xmlnsName
        || (!isDefault && value.isEmpty)
      {
        throw failure(
          "the namespace declaration \(qualifiedName(raw[i].qname))=\"\(value)\" is not allowed; expected the xml prefix only for \(xmlNamespaceURI), never the xmlns prefix or namespace, and a non-empty URI for a prefix",
          at: raw[i].at, .invalid)
      }
      if prefix == xmlName { continue }  // libxml2 neither binds nor reports it
      bindings.append((prefix, value.isEmpty ? -1 : uri(value)))
      state.namespaces.append(XMLNamespaceDeclaration(prefix: isDefault ? nil : qualifiedName(prefix), uri: value))
    }
    let element = names.entries[Int(qname)]
    guard let elementURI = resolve(element.prefix) else {
      throw failure(
        "the namespace prefix \(qualifiedName(element.prefix)) of <\(qualifiedName(qname))> is not declared; expected an xmlns:\(qualifiedName(element.prefix)) declaration",
        at: tag, .invalid)
    }
    for i in raw.indices where !raw[i].isDeclaration {
      let e = names.entries[Int(raw[i].qname)]
      var uri: Int32 = -1
      if e.prefix >= 0 {
        guard let resolved = resolve(e.prefix) else {
          throw failure(
            "the namespace prefix \(qualifiedName(e.prefix)) of the attribute \(qualifiedName(raw[i].qname)) is not declared; expected an xmlns:\(qualifiedName(e.prefix)) declaration",
            at: raw[i].at, .invalid)
        }
        uri = resolved
        for j in raw.indices[..<i] where !raw[j].isDeclaration && raw[j].uri == uri
          && names.entries[Int(raw[j].qname)].local == e.local
        {
          throw failure(
            "the attribute \(qualifiedName(e.local)) in namespace \(uris[Int(uri)]) is given twice; expected each attribute once",
            at: raw[i].at, .invalid)
        }
      }
      raw[i].uri = uri
      state.attributes.append(
        _XMLAttributeRecord(
          name: nameRecord(raw[i].qname, uri), valueStart: raw[i].valueStart, valueCount: raw[i].valueCount,
          isDefaulted: false))
    }
    let depth = open.count
    let (line, column) = lineColumn(at: tag)
    if depth >= options.maxDepth {
      throw failure(
        "elements are nested more than \(options.maxDepth) deep; expected at most XMLReaderOptions.maxDepth", at: tag,
        .unexpected)
    }
    let name = nameRecord(qname, elementURI)
    var record = _XMLRecord(
      kind: .startElement, depth: Int32(depth), name: name, line: line, column: column, offset: base + tag)
    record.attributeStart = Int32(attributeStart)
    record.attributeCount = Int32(state.attributes.count - attributeStart)
    record.namespaceStart = Int32(namespaceStart)
    record.namespaceCount = Int32(state.namespaces.count - namespaceStart)
    record.isSelfClosing = selfClosing
    state.records.append(record)
    state.sawRoot = true
    if selfClosing {
      bindings.removeSubrange(bindingMark...)
      var end = _XMLRecord(kind: .endElement, depth: Int32(depth), name: name, line: line, column: column, offset: base + tag)
      end.isSelfClosing = true
      state.records.append(end)
      phase = depth == 0 ? .epilog : .content
    } else {
      open.append(OpenElement(qname: qname, name: name, bindings: bindingMark, line: line))
      state.depth = Int32(open.count)
      phase = .content
    }
  }

  /// An attribute value from `start` (after the quote) to the closing quote,
  /// normalized (XML 1.0 §3.3.3) into the arena; returns the offset after the quote.
  private func attributeValue(from start: Int, quote: UInt8) throws(Stop) -> Int {
    var p = start
    var segment = start
    let table = _XMLByteClass.table
    @inline(__always) func flush(_ to: Int) {
      if to > segment { state.arena.append(contentsOf: UnsafeBufferPointer(start: buffer + segment, count: to - segment)) }
    }
    while true {
      while p < count, table[Int(buffer[p])] & _XMLByteClass.attribute == 0 { p += 1 }
      try need(p + 1)
      let b = buffer[p]
      switch b {
      case quote:
        flush(p)
        return p + 1
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        p += 1
      case UInt8(ascii: "<"):
        throw failure("'<' in an attribute value; expected '&lt;'", at: p)
      case UInt8(ascii: "&"):
        flush(p)
        let (end, value) = try reference(at: p)
        switch value {
        case .byte(let b): state.arena.append(b)
        case .scalar(let c): appendScalar(c)
        case .entity(let id):
          let text = entities[id] ?? []
          try countExpansion(text.count, at: p)
          for b in text { state.arena.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b) }
        }
        p = end
        segment = p
      case 0x09, 0x0A:
        flush(p)
        state.arena.append(0x20)
        p += 1
        segment = p
      case 0x0D:
        try need(p + 2)
        flush(p)
        state.arena.append(0x20)
        p += buffer[p + 1] == 0x0A ? 2 : 1
        segment = p
      default:
        if b < 0x80 { throw badCharacter(UInt32(b), at: p) }
        guard let (_, n) = try decode(at: p) else { throw .incomplete }
        p += n
      }
    }
  }

  private func endTag() throws(Stop) {
    state.flushText()
    construct = "an end tag"
    let tag = position
    guard let top = open.last else {
      throw failure("an end tag outside the root element; expected a start tag", at: tag)
    }
    var p = tag + 2
    let e = names.entries[Int(top.qname)]
    let n = Int(e.count)
    // At the end of the input, fewer bytes than `</name>` needs are a
    // truncated end tag only when they begin it; otherwise it is another
    // name (`</root>` closing `<unclosed>` at the very end of the file).
    let otherName = atEnd && p + n + 1 > count && !names.entryBegins(top.qname, buffer + p, count - p)
    if !otherName { try need(p + n + 1) }
    if !otherName, names.matches(top.qname, buffer + p, n), try !nameContinues(at: p + n) {
      p += n
    } else {
      let (end, _) = try scanName(p, qualified: false, what: "the element name after '</'")
      let found = String(decoding: UnsafeBufferPointer(start: buffer + p, count: end - p), as: UTF8.self)
      let name = qualifiedName(top.qname)
      throw failure(
        "the end tag </\(found)> does not match the start tag <\(name)> of line \(top.line); expected </\(name)>", at: tag)
    }
    _ = skipSpace(&p)
    try need(p + 1)
    guard buffer[p] == UInt8(ascii: ">") else {
      throw failure("expected '>' to end the end tag </\(qualifiedName(top.qname))>, found \(describe(at: p))", at: p)
    }
    position = p + 1
    open.removeLast()
    bindings.removeSubrange(top.bindings...)
    state.depth = Int32(open.count)
    let (line, column) = lineColumn(at: tag)
    state.records.append(
      _XMLRecord(kind: .endElement, depth: Int32(open.count), name: top.name, line: line, column: column, offset: base + tag))
    if open.isEmpty { phase = .epilog }
  }

  // MARK: Comments, PIs, CDATA

  /// The offset of the first `terminator` (two or three ASCII bytes) at or
  /// after `from`; throws `incomplete` when the buffer holds none yet.
  func find(_ terminator: StaticString, from: Int, what: String) throws(Stop) -> Int {
    let t = terminator.utf8Start
    let n = terminator.utf8CodeUnitCount
    var p = from
    while p + n <= count {
      if buffer[p] == t[0], memoryEqual(buffer + p, t, n) { return p }
      p += 1
    }
    if count - from > options.maxTextLength {
      throw failure(
        "\(what) is longer than \(options.maxTextLength) bytes; expected at most XMLReaderOptions.maxTextLength",
        at: from, .unexpected)
    }
    throw .incomplete
  }

  /// Adds `from..<to` to the arena with line ends normalized to LF.
  private func appendNormalized(_ from: Int, _ to: Int) {
    var segment = from
    var p = from
    while p < to {
      if buffer[p] == 0x0D {
        state.arena.append(contentsOf: UnsafeBufferPointer(start: buffer + segment, count: p - segment))
        state.arena.append(0x0A)
        p += p + 1 < to && buffer[p + 1] == 0x0A ? 2 : 1
        segment = p
      } else {
        p += 1
      }
    }
    state.arena.append(contentsOf: UnsafeBufferPointer(start: buffer + segment, count: to - segment))
  }

  private func markupRecord(_ kind: XMLNodeKind, at start: Int, name: Int32, text from: Int, _ to: Int) {
    let textStart = state.arena.count
    appendNormalized(from, to)
    let (line, column) = lineColumn(at: start)
    state.records.append(
      _XMLRecord(
        kind: kind, depth: Int32(open.count), name: name, textStart: textStart, textCount: state.arena.count - textStart,
        line: line, column: column, offset: base + start))
  }

  func comment() throws(Stop) {
    state.flushText()
    construct = "a comment"
    let start = position
    let body = start + 4
    var p = body
    var end: Int
    while true {
      end = try find("--", from: p, what: "a comment")
      try need(end + 3)
      if buffer[end + 2] == UInt8(ascii: ">") { break }
      throw failure("'--' inside a comment; expected '-->' to end it", at: end)
    }
    p = end
    try validateCharacters(body, end)
    if options.reportsComments {
      markupRecord(.comment, at: start, name: -1, text: body, end)
    }
    position = p + 3
  }

  func processingInstruction() throws(Stop) {
    state.flushText()
    construct = "a processing instruction"
    let start = position
    var p = start + 2
    let (nameEnd, colon) = try scanName(p, qualified: false, what: "a target name after '<?'")
    let target = names.intern(buffer + p, nameEnd - p, colon: -1)
    if nameEnd - p == 3, (buffer[p] | 0x20, buffer[p + 1] | 0x20, buffer[p + 2] | 0x20) == (0x78, 0x6D, 0x6C) {
      throw failure(
        "a processing instruction named '\(qualifiedName(target))'; expected the XML declaration only at the very start of the file",
        at: start)
    }
    if colon >= 0 {
      throw failure(
        "the processing instruction target '\(qualifiedName(target))' has a colon; expected a name without ':'", at: p,
        .invalid)
    }
    p = nameEnd
    try need(p + 2)
    var dataStart = p
    if !(buffer[p] == UInt8(ascii: "?") && buffer[p + 1] == UInt8(ascii: ">")) {
      guard skipSpace(&p) else {
        throw failure(
          "expected whitespace or '?>' after the processing instruction target, found \(describe(at: p))", at: p)
      }
      dataStart = p
    }
    let end = try find("?>", from: dataStart, what: "a processing instruction")
    try validateCharacters(dataStart, end)
    if options.reportsProcessingInstructions {
      markupRecord(.processingInstruction, at: start, name: nameRecord(target, -1), text: dataStart, end)
    }
    position = end + 2
  }

  private func cdata() throws(Stop) {
    construct = "a CDATA section"
    let start = position
    let body = start + 9
    let end = try find("]]>", from: body, what: "a CDATA section")
    try validateCharacters(body, end)
    if end > body {
      beginText(at: start, cdata: true)
      appendNormalized(body, end)
      try checkTextLength(at: start)
    }
    position = end + 3
  }
}
