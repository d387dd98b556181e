internal import CLibXML2
public import LexiformCore

/// What kind of node an ``XMLReader`` is on.
public enum XMLNodeKind: UInt8, Sendable {
  /// A start tag (`<e r="LR">`, or the start of `<b/>`).
  case startElement
  /// An end tag (`</e>`, or the end of `<b/>`).
  case endElement
  /// Character data, with references replaced.
  case text
  /// The content of a CDATA section.
  case cdata
  /// A comment (only when ``XMLReaderOptions/reportsComments`` is on).
  case comment
  /// A processing instruction (only when
  /// ``XMLReaderOptions/reportsProcessingInstructions`` is on).
  case processingInstruction
}

/// One parsed node, stored without references so that buffering costs no
/// reference counting. Not API.
struct _XMLRecord {
  var kind: XMLNodeKind
  var isSelfClosing = false
  var depth: Int32
  /// Index into the name table (element name, PI target), or -1.
  var name: Int32 = -1
  var attributeStart: Int32 = 0
  var attributeCount: Int32 = 0
  var namespaceStart: Int32 = 0
  var namespaceCount: Int32 = 0
  /// Text, attribute values and PI data live in the byte arena.
  var textStart = 0
  var textCount = 0
  var line: Int
  /// 0 when unknown.
  var column: Int
  /// -1 when unknown.
  var offset: Int
}

struct _XMLAttributeRecord {
  var name: Int32
  var valueStart: Int
  var valueCount: Int
  var isDefaulted: Bool
}

/// What libxml2's SAX callbacks write into: records of the nodes parsed from
/// the current chunk, the pending text, positions and the first error.
/// Not API.
final class _XMLParserState {
  let path: String
  let options: XMLReaderOptions
  @exclusivity(unchecked) var records: [_XMLRecord] = []
  @exclusivity(unchecked) var attributes: [_XMLAttributeRecord] = []
  @exclusivity(unchecked) var namespaces: [XMLNamespaceDeclaration] = []
  @exclusivity(unchecked) var arena: [UInt8] = []
  @exclusivity(unchecked) var names: [XMLName] = []
  @exclusivity(unchecked) var error: XMLError?
  @exclusivity(unchecked) var warnings: [XMLError] = []
  @exclusivity(unchecked) var tracker = PositionTracker()
  @exclusivity(unchecked) var mainContext: xmlParserCtxtPtr?
  /// False once libxml2 converts the input from another encoding: offsets in
  /// its buffer are then no longer offsets in the file.
  @exclusivity(unchecked) var ownPositions = true
  @exclusivity(unchecked) var depth: Int32 = 0
  @exclusivity(unchecked) var sawRoot = false
  /// Bytes fed to the parser so far.
  @exclusivity(unchecked) var fedBytes = 0
  /// Bytes delivered from entity replacement text so far.
  @exclusivity(unchecked) var expandedBytes = 0
  /// The open elements: name index and where each starts.
  @exclusivity(unchecked) private var open: [(name: Int32, line: Int, column: Int)] = []

  /// Pending text: its bytes are `arena[textStart...]`.
  @exclusivity(unchecked) var textStart = -1
  @exclusivity(unchecked) var textIsCDATA = false
  @exclusivity(unchecked) var textLine = 0
  @exclusivity(unchecked) var textColumn = 0
  @exclusivity(unchecked) var textOffset = -1
  /// The absolute offset just after the last tag, comment or PI.
  @exclusivity(unchecked) private var markupEnd = 0
  @exclusivity(unchecked) private var lastStart = (line: 0, column: 0, offset: -1)

  private struct NameKey: Hashable {
    var local: UnsafeRawPointer?
    var prefix: UnsafeRawPointer?
    var uri: UnsafeRawPointer?
  }
  /// Names come from libxml2's dictionary, so one pointer triple is one name:
  /// a direct-mapped cache in front of a dictionary avoids hashing.
  private static let cacheBits = 10
  private static let cacheSize = 1 << cacheBits
  @exclusivity(unchecked) private var cacheKeys: [NameKey]
  @exclusivity(unchecked) private var cacheValues: [Int32]
  @exclusivity(unchecked) private var nameIndex: [NameKey: Int32] = [:]
  @exclusivity(unchecked) private var strings: [UnsafeRawPointer: String] = [:]

  init(path: String, options: XMLReaderOptions) {
    self.path = path
    self.options = options
    self.cacheKeys = Array(repeating: NameKey(local: nil, prefix: nil, uri: nil), count: Self.cacheSize)
    self.cacheValues = Array(repeating: -1, count: Self.cacheSize)
  }

  static func from(_ context: UnsafeMutableRawPointer) -> _XMLParserState? {
    let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let state = ctxt.pointee._private else { return nil }
    return Unmanaged<_XMLParserState>.fromOpaque(state).takeUnretainedValue()
  }

  /// Forgets everything parsed, for a new start with libxml2 after the
  /// native parser handed out nothing.
  func restart() {
    records.removeAll(keepingCapacity: true)
    attributes.removeAll(keepingCapacity: true)
    namespaces.removeAll(keepingCapacity: true)
    arena.removeAll(keepingCapacity: true)
    textStart = -1
    depth = 0
    sawRoot = false
    error = nil
    fedBytes = 0
    expandedBytes = 0
  }

  /// Forgets the records already handed out, keeping pending text.
  func resetRecords() {
    records.removeAll(keepingCapacity: true)
    attributes.removeAll(keepingCapacity: true)
    namespaces.removeAll(keepingCapacity: true)
    if textStart >= 0 {
      let pending = arena.count - textStart
      if textStart > 0 {
        arena.withUnsafeMutableBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          base.update(from: base + textStart, count: pending)
        }
      }
      arena.removeSubrange(pending...)
      textStart = 0
    } else {
      arena.removeAll(keepingCapacity: true)
    }
  }

  // MARK: Positions

  /// The absolute byte offset of `pointer` in the input, when it points into
  /// the main document's buffer and offsets are real file offsets.
  @inline(__always)
  private func offset(of pointer: UnsafePointer<xmlChar>?, in ctxt: xmlParserCtxtPtr) -> Int? {
    guard ownPositions, ctxt == mainContext, ctxt.pointee.inputNr == 1,
      let input = ctxt.pointee.input, let base = input.pointee.base, let pointer
    else { return nil }
    if let buffer = input.pointee.buf, buffer.pointee.encoder != nil {
      // libxml2 converts from another encoding: its offsets are not ours.
      ownPositions = false
      return nil
    }
    let distance = pointer - base
    guard distance >= 0 else { return nil }
    return Int(input.pointee.consumed) + distance
  }

  /// The location libxml2 itself reports for where it is now.
  func currentLocation(_ ctxt: xmlParserCtxtPtr) -> SourceLocation {
    guard let input = ctxt.pointee.input else { return SourceLocation(path: path) }
    return SourceLocation(path: path, line: Int(input.pointee.line), column: Int(input.pointee.col))
  }

  private typealias Position = (line: Int, column: Int, offset: Int)

  @inline(__always)
  private func position(atOffset offset: Int) -> Position {
    let (line, column) = tracker.position(at: offset)
    return (line, column, offset)
  }

  /// The start of the markup that ends just before `ctxt`'s current position:
  /// the last `first` byte (`<`) before it that begins `pattern`.
  private func markupStart(_ ctxt: xmlParserCtxtPtr, pattern: StaticString) -> Position {
    guard let input = ctxt.pointee.input, let base = input.pointee.base,
      var p = input.pointee.cur, offset(of: p, in: ctxt) != nil
    else { return fallbackPosition(ctxt) }
    let start = pattern.utf8Start
    let count = pattern.utf8CodeUnitCount
    let first = start.pointee
    let limit = input.pointee.end
    while p > base {
      p -= 1
      guard p.pointee == first else { continue }
      if let limit, limit - p < count { continue }
      var matched = true
      for i in 1..<max(1, count) where p[i] != start[i] {
        matched = false
        break
      }
      if matched, let absolute = offset(of: p, in: ctxt) { return position(atOffset: absolute) }
    }
    return fallbackPosition(ctxt)
  }

  private func fallbackPosition(_ ctxt: xmlParserCtxtPtr) -> Position {
    if ctxt == mainContext, ctxt.pointee.inputNr == 1, !ownPositions, let input = ctxt.pointee.input {
      return (Int(input.pointee.line), Int(input.pointee.col), -1)
    }
    // Inside an entity's replacement text: report where the parser is in the
    // document, which is at or just after the reference.
    return (tracker.line, tracker.column, ownPositions ? tracker.offset : -1)
  }

  private func noteMarkupEnd(_ ctxt: xmlParserCtxtPtr) {
    if let input = ctxt.pointee.input, let absolute = offset(of: input.pointee.cur, in: ctxt) {
      markupEnd = absolute
    }
  }

  /// Called after each chunk: decides whether own positions are usable and
  /// lets the tracker forget bytes no event can point into any more.
  func afterChunk(_ ctxt: xmlParserCtxtPtr) {
    guard ownPositions else { return }
    if let input = ctxt.pointee.input, let buffer = input.pointee.buf, buffer.pointee.encoder != nil {
      ownPositions = false
      tracker = PositionTracker()
      return
    }
    guard let input = ctxt.pointee.input, ctxt.pointee.inputNr == 1,
      let now = offset(of: input.pointee.cur, in: ctxt)
    else { return }
    tracker.discard(before: textStart >= 0 ? now : min(now, markupEnd))
  }

  /// How many entity references (nested ones included) may be resolved:
  /// 100,000 plus one per two bytes of input. Each `&name;` in the document
  /// takes at least three bytes, so only nested expansion reaches it.
  @exclusivity(unchecked) private var entityLookups = 0

  static let onGetEntity: getEntitySAXFunc = { ctx, name in
    guard let ctx, let state = from(ctx) else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    state.entityLookups += 1
    if state.entityLookups > 100_000 + state.fedBytes / 2 {
      state.refuse(
        "more than \(state.entityLookups - 1) entity references are expanded (a \"billion laughs\" document?); expected at most 100000 plus one per two bytes of input",
        context: ctxt)
      return nil
    }
    return xmlSAX2GetEntity(ctx, name)
  }

  /// Counts bytes that come from entity replacement text (callbacks from a
  /// context other than the document's) and refuses the document when they
  /// exceed the limit.
  @inline(__always)
  private func countExpansion(_ ctxt: xmlParserCtxtPtr, _ bytes: Int) -> Bool {
    guard ctxt != mainContext || ctxt.pointee.inputNr > 1 else { return true }
    expandedBytes += bytes
    let limit = max(options.maxEntityExpansion, 10 * fedBytes)
    guard expandedBytes > limit else { return true }
    refuse(
      "entity references expand to more than \(limit) bytes (a \"billion laughs\" document?); expected at most XMLReaderOptions.maxEntityExpansion",
      context: ctxt)
    return false
  }

  // MARK: Names

  private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    let key = UnsafeRawPointer(pointer)
    if let known = strings[key] { return known }
    let made = String(cString: pointer)
    strings[key] = made
    return made
  }

  @inline(__always)
  private func name(
    _ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
  ) -> Int32 {
    let key = NameKey(
      local: local.map(UnsafeRawPointer.init), prefix: prefix.map(UnsafeRawPointer.init),
      uri: uri.map(UnsafeRawPointer.init))
    // Dictionary strings sit a few bytes apart: mix all the bits (Fibonacci
    // hashing) so that neighbours do not share a slot.
    let mixed = (UInt(bitPattern: key.local) ^ UInt(bitPattern: key.uri) &* 31 ^ UInt(bitPattern: key.prefix) &* 7)
      &* 0x9E37_79B9_7F4A_7C15
    let slot = Int(mixed >> (UInt.bitWidth - Self.cacheBits))
    if cacheKeys[slot] == key { return cacheValues[slot] }
    let index: Int32
    if let known = nameIndex[key] {
      index = known
    } else {
      index = Int32(names.count)
      names.append(XMLName(string(local) ?? "", prefix: string(prefix), namespaceURI: string(uri)))
      nameIndex[key] = index
    }
    cacheKeys[slot] = key
    cacheValues[slot] = index
    return index
  }

  // MARK: Text

  /// Ends the pending run of text, turning it into a record (or dropping it
  /// when it is whitespace and whitespace is not reported).
  func flushText() {
    guard textStart >= 0 else { return }
    let start = textStart
    textStart = -1
    let count = arena.count - start
    if !options.reportsWhitespaceText, !textIsCDATA {
      let blank = arena.withUnsafeBufferPointer { bytes in
        var i = start
        while i < bytes.count {
          let b = bytes[i]
          if b != 0x20, b != 0x0A, b != 0x09, b != 0x0D { return false }
          i += 1
        }
        return true
      }
      if blank {
        arena.removeSubrange(start...)
        return
      }
    }
    records.append(
      _XMLRecord(
        kind: textIsCDATA ? .cdata : .text, depth: depth, textStart: start, textCount: count,
        line: textLine, column: textColumn, offset: textOffset))
  }

  private func appendText(_ ctxt: xmlParserCtxtPtr, _ ch: UnsafePointer<xmlChar>?, _ length: Int32, cdata: Bool) {
    guard error == nil, let ch, length > 0, countExpansion(ctxt, Int(length)) else { return }
    if textStart >= 0, textIsCDATA != cdata { flushText() }
    if textStart < 0 {
      textStart = arena.count
      textIsCDATA = cdata
      let here: Position
      if cdata {
        // The section's content starts 9 bytes after `<![CDATA[`.
        if let absolute = offset(of: ch, in: ctxt), absolute >= 9 {
          here = position(atOffset: absolute - 9)
        } else {
          here = fallbackPosition(ctxt)
        }
      } else if offset(of: ctxt.pointee.input?.pointee.cur, in: ctxt) != nil {
        here = position(atOffset: markupEnd)
      } else {
        here = fallbackPosition(ctxt)
      }
      (textLine, textColumn, textOffset) = here
    }
    if arena.count - textStart + Int(length) > options.maxTextLength {
      refuse(
        "a text node is longer than \(options.maxTextLength) bytes; expected at most XMLReaderOptions.maxTextLength",
        context: ctxt)
      return
    }
    arena.append(contentsOf: UnsafeBufferPointer(start: ch, count: Int(length)))
    if cdata, let absolute = offset(of: ch, in: ctxt) {
      markupEnd = absolute + Int(length) + 3
    }
  }

  // MARK: Errors

  func record(_ raw: UnsafePointer<xmlError>, context: UnsafeMutableRawPointer?) {
    let e = raw.pointee
    let level = XMLErrorLevel(rawValue: Int32(e.level.rawValue)) ?? .fatal
    var message = e.message.map { String(cString: $0) } ?? "libxml2 error \(e.code)"
    message = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    var location = SourceLocation(path: path, line: Int(e.line), column: e.int2 > 0 ? Int(e.int2) : nil)
    if e.line <= 0, let context {
      location = currentLocation(context.assumingMemoryBound(to: xmlParserCtxt.self))
    }
    let code: XMLError.Code = level == .fatal ? .malformed : .invalid
    let made = XMLError(code, at: location, message, libxml2Code: (Int32(e.domain), Int32(e.code)))
    switch level {
    case .none, .warning:
      if warnings.count < 100 { warnings.append(made) }
    case .error, .fatal:
      if error == nil { error = made }
      if let context { xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self)) }
    }
  }

  func refuse(_ message: String, context: xmlParserCtxtPtr) {
    if error == nil {
      let here = fallbackPosition(context)
      error = XMLError(
        .unexpected, at: SourceLocation(path: path, line: here.line, column: here.column > 0 ? here.column : nil),
        message)
    }
    xmlStopParser(context)
    if let main = mainContext, main != context { xmlStopParser(main) }
  }

  /// Called when the input has ended: libxml2's push parser says "Extra
  /// content at the end of the document" for a file cut short, so name what
  /// is missing instead, at the end of the file.
  func explainEndOfInput(_ ctxt: xmlParserCtxtPtr) {
    guard let existing = error, existing.libxml2Code?.code == Int32(XML_ERR_DOCUMENT_END.rawValue),
      let innermost = open.last
    else { return }
    let name = innermost.name >= 0 && Int(innermost.name) < names.count ? names[Int(innermost.name)].qualifiedName : "?"
    var location = existing.location
    if ownPositions {
      let (line, column) = tracker.position(at: fedBytes)
      location = SourceLocation(path: path, line: line, column: column, byteOffset: fedBytes)
    }
    error = XMLError(
      .malformed, at: location, Self.unclosedMessage(name: name, line: innermost.line, count: open.count),
      libxml2Code: existing.libxml2Code)
  }

  /// What a file cut short inside elements is told: the innermost one, where
  /// it opened, and how many are open.
  static func unclosedMessage(name: String, line: Int, count: Int) -> String {
    let unclosed = count == 1 ? "1 element is" : "\(count) elements are"
    return "the file ends inside <\(name)> (opened at line \(line)); expected </\(name)>: \(unclosed) not closed (truncated file?)"
  }

  // MARK: Callbacks

  static let onStartElement: startElementNsSAX2Func = {
    ctx, localname, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    guard let ctx, let state = from(ctx) else { return }
    state.startElement(
      ctx.assumingMemoryBound(to: xmlParserCtxt.self), localname, prefix, uri,
      Int(namespaceCount), namespaces, Int(attributeCount), Int(defaultedCount), attributes)
  }

  private func startElement(
    _ ctxt: xmlParserCtxtPtr, _ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int,
    _ declarations: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int,
    _ defaultedCount: Int, _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    guard error == nil, countExpansion(ctxt, 16) else { return }
    flushText()
    let here = markupStart(ctxt, pattern: "<")
    if Int(depth) >= options.maxDepth {
      if error == nil {
        error = XMLError(
          .unexpected, at: SourceLocation(path: path, line: here.line, column: here.column > 0 ? here.column : nil),
          "elements are nested more than \(options.maxDepth) deep; expected at most XMLReaderOptions.maxDepth")
      }
      xmlStopParser(ctxt)
      if let main = mainContext, main != ctxt { xmlStopParser(main) }
      return
    }
    var record = _XMLRecord(
      kind: .startElement, depth: depth, name: name(local, prefix, uri), line: here.line,
      column: here.column, offset: here.offset)
    if namespaceCount > 0, let declarations {
      record.namespaceStart = Int32(namespaces.count)
      record.namespaceCount = Int32(namespaceCount)
      for i in 0..<namespaceCount {
        namespaces.append(
          XMLNamespaceDeclaration(prefix: string(declarations[2 * i]), uri: string(declarations[2 * i + 1]) ?? ""))
      }
    }
    if attributeCount > 0, let values {
      record.attributeStart = Int32(attributes.count)
      record.attributeCount = Int32(attributeCount)
      for i in 0..<attributeCount {
        let a = values + 5 * i
        let valueStart = arena.count
        if let start = a[3], let end = a[4], end > start {
          arena.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
        attributes.append(
          _XMLAttributeRecord(
            name: name(a[0], a[1], a[2]), valueStart: valueStart, valueCount: arena.count - valueStart,
            isDefaulted: i >= attributeCount - defaultedCount))
      }
    }
    records.append(record)
    open.append((record.name, here.line, here.column))
    depth += 1
    sawRoot = true
    lastStart = here
    if let input = ctxt.pointee.input, let cur = input.pointee.cur, let absolute = offset(of: cur, in: ctxt) {
      markupEnd = absolute + (cur.pointee == UInt8(ascii: ">") ? 1 : 2)
    }
  }

  static let onEndElement: endElementNsSAX2Func = { ctx, localname, prefix, uri in
    guard let ctx, let state = from(ctx) else { return }
    state.endElement(ctx.assumingMemoryBound(to: xmlParserCtxt.self), localname, prefix, uri)
  }

  private func endElement(
    _ ctxt: xmlParserCtxtPtr, _ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
  ) {
    guard error == nil else { return }
    flushText()
    depth -= 1
    _ = open.popLast()
    var here: Position
    var selfClosing = false
    if let cur = ctxt.pointee.input?.pointee.cur, let at = offset(of: cur, in: ctxt), at >= 2,
      cur[-1] == UInt8(ascii: ">"), cur[-2] == UInt8(ascii: "/")
    {
      here = lastStart  // `<b/>` ends where it starts
      selfClosing = true
      if let last = records.indices.last, records[last].kind == .startElement {
        records[last].isSelfClosing = true
      }
    } else {
      here = markupStart(ctxt, pattern: "</")
    }
    var record = _XMLRecord(
      kind: .endElement, depth: depth, name: name(local, prefix, uri), line: here.line, column: here.column,
      offset: here.offset)
    record.isSelfClosing = selfClosing
    records.append(record)
    noteMarkupEnd(ctxt)
  }

  static let onCharacters: charactersSAXFunc = { ctx, ch, length in
    guard let ctx, let state = from(ctx) else { return }
    state.appendText(ctx.assumingMemoryBound(to: xmlParserCtxt.self), ch, length, cdata: false)
  }

  static let onCDATA: cdataBlockSAXFunc = { ctx, ch, length in
    guard let ctx, let state = from(ctx) else { return }
    state.appendText(ctx.assumingMemoryBound(to: xmlParserCtxt.self), ch, length, cdata: true)
  }

  private func appendMarkupRecord(
    _ ctxt: xmlParserCtxtPtr, kind: XMLNodeKind, pattern: StaticString, name: Int32,
    text: UnsafePointer<xmlChar>?
  ) {
    let here = markupStart(ctxt, pattern: pattern)
    let start = arena.count
    if let text {
      arena.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text))))
    }
    records.append(
      _XMLRecord(
        kind: kind, depth: depth, name: name, textStart: start, textCount: arena.count - start,
        line: here.line, column: here.column, offset: here.offset))
  }

  static let onComment: commentSAXFunc = { ctx, value in
    guard let ctx, let state = from(ctx), state.error == nil else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    state.flushText()
    if state.options.reportsComments {
      state.appendMarkupRecord(ctxt, kind: .comment, pattern: "<!--", name: -1, text: value)
    }
    state.noteMarkupEnd(ctxt)
  }

  static let onProcessingInstruction: processingInstructionSAXFunc = { ctx, target, data in
    guard let ctx, let state = from(ctx), state.error == nil else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    state.flushText()
    if state.options.reportsProcessingInstructions {
      let target = state.name(target, nil, nil)
      state.appendMarkupRecord(ctxt, kind: .processingInstruction, pattern: "<?", name: target, text: data)
    }
    state.noteMarkupEnd(ctxt)
  }

  static let onError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error, let state = from(userData) else { return }
    state.record(error, context: userData)
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var s = self
    while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
