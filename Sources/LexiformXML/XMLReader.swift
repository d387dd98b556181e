internal import CLibXML2
public import LexiformCore

/// A streaming, pull-style XML reader: Lexiform's own XML 1.0 parser for
/// UTF-8 documents, libxml2 for the others.
///
/// The reader feeds the document to a parser in chunks and hands
/// out one ``XMLEvent`` at a time: start and end tags with namespaces and
/// attributes, text with entity and character references replaced, CDATA, and
/// on request comments and processing instructions. Memory stays constant
/// whatever the size of the file. Every event carries its exact line, column
/// (in Unicode scalars) and byte offset; `.gz` files are read transparently.
///
/// It follows XML 1.0 (Fifth Edition) and Namespaces in XML 1.0 (Third
/// Edition). ``XMLReaderOptions/backend`` chooses the parser; by default
/// (``XMLBackend/automatic``) a document in UTF-8 or ASCII (by its BOM or
/// declaration, or neither) whose DOCTYPE, if any, declares at most
/// `<!ELEMENT>`s and plain-text internal entities is read by the native
/// parser, which gives the same nodes as libxml2 in 10–25% less time; any
/// other document (another encoding, XML 1.1, attribute defaults, parameter
/// or external entities, an error before the root's start tag ends) is read
/// by libxml2 from the start, decided before the first node is handed out.
/// ``backendInUse`` tells which one reads. The two differ only in the wording
/// of error messages and in CDATA sections, where the native parser turns
/// CR LF into LF as XML 1.0 §2.11 says and libxml2's push parser does not. It does not validate, does not load
/// external DTDs or entities (no file or network access through a document),
/// and keeps libxml2's limits on nesting depth and entity expansion, so a
/// "billion laughs" document fails with an error instead of exhausting memory.
///
/// ```swift
/// let reader = try XMLReader(path: "dict.dix")
/// while let event = try reader.next() {
///   if case .startElement(let e) = event.kind, e.name.localName == "e" { … }
/// }
/// ```
///
/// With the native parser and more than one processor, the document past
/// its prolog is parsed on a second thread, a few chunks ahead of the
/// caller (``XMLReaderOptions/readsAhead``): the nodes, positions and errors
/// are the same, and the caller's work on each node runs beside the parsing.
///
/// Not thread-safe: use one reader from one thread at a time.
public final class XMLReader {
  /// The path named in diagnostics.
  public let path: String
  /// The options the reader was created with.
  public let options: XMLReaderOptions
  /// Warnings libxml2 reported so far (at most 100 are kept).
  public var warnings: [XMLError] { state.warnings }

  private let source: (any ByteSource)?
  private var memory: UnsafeRawBufferPointer?
  private var memoryOffset = 0
  let state: _XMLParserState
  private var context: xmlParserCtxtPtr?
  private var handler: UnsafeMutablePointer<xmlSAXHandler>
  private let chunk: UnsafeMutableRawBufferPointer
  /// How many bytes the native parser reads at a time (any size from 1).
  private let nativeChunk: Int
  @exclusivity(unchecked) private var native: _NativeXMLParser?
  /// Bytes the native parser read before leaving the document to libxml2.
  private var replay: [UInt8] = []
  private var replayOffset = 0
  /// The parser reading the document: `nil` before the first ``read()``,
  /// then ``XMLBackend/native`` or ``XMLBackend/libxml2`` (never
  /// `automatic`), fixed before the first node is handed out.
  public private(set) var backendInUse: XMLBackend?
  /// The index of the current record in `view`, -1 before the first.
  @exclusivity(unchecked) var current = -1
  /// Whether the parser has parsed its last chunk (parsing side).
  @exclusivity(unchecked) private var finished = false
  /// The nodes being handed out (reading side).
  @exclusivity(unchecked) var view = _XMLNodeBatch()
  /// Every name so far, indexed by the records' name numbers (reading side).
  @exclusivity(unchecked) var names: [XMLName] = []
  /// How many of `state.names` were handed over (parsing side).
  @exclusivity(unchecked) private var namesHandedOver = 0
  /// Parsing on a second thread, once past the prolog (``XMLReaderOptions/readsAhead``).
  private var ahead: _XMLReadAhead?

  /// Opens an XML file (`-` for standard input; gzip is decompressed).
  /// - Parameters:
  ///   - path: The file to read.
  ///   - options: What to report; see ``XMLReaderOptions``.
  /// - Throws: ``XMLError`` (`unreadable`) when the file cannot be opened.
  public convenience init(path: String, options: XMLReaderOptions = XMLReaderOptions()) throws(XMLError) {
    let source: any ByteSource
    do {
      source = try Input.open(path)
    } catch {
      throw XMLError(.unreadable, at: error.location, error.message, underlyingError: error)
    }
    self.init(source: source, options: options)
  }

  /// Reads XML from a byte source.
  /// - Parameters:
  ///   - source: Where the bytes come from.
  ///   - options: What to report; see ``XMLReaderOptions``.
  public init(source: any ByteSource, options: XMLReaderOptions = XMLReaderOptions()) {
    self.path = source.path
    self.source = source
    self.options = options
    self.state = _XMLParserState(path: source.path, options: options)
    self.chunk = .allocate(byteCount: max(options.chunkSize, 4096), alignment: 16)
    self.nativeChunk = max(options.chunkSize, 1)
    self.handler = Self.makeHandler()
  }

  /// Reads XML from bytes in memory (copied).
  /// - Parameters:
  ///   - bytes: The document.
  ///   - path: The name to use in diagnostics.
  ///   - options: What to report; see ``XMLReaderOptions``.
  public init(bytes: some Collection<UInt8>, path: String, options: XMLReaderOptions = XMLReaderOptions()) {
    self.path = path
    self.source = nil
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
    copy.copyBytes(from: bytes)
    self.memory = UnsafeRawBufferPointer(copy)
    self.options = options
    self.state = _XMLParserState(path: path, options: options)
    self.chunk = .allocate(byteCount: max(options.chunkSize, 4096), alignment: 16)
    self.nativeChunk = max(options.chunkSize, 1)
    self.handler = Self.makeHandler()
  }

  deinit {
    ahead?.stop()
    if let context { Self.free(context) }
    handler.deallocate()
    chunk.deallocate()
    memory?.deallocate()
  }

  /// Moves to the next node and returns its kind, or `nil` at the end of the
  /// document. The node's name, text, attributes and location are then
  /// available from the reader's properties, without building an event:
  /// the fastest way to read a large file.
  ///
  /// Nodes parsed before an error are all returned before the error is thrown.
  /// - Returns: The kind of the node now current, or `nil` after the end.
  /// - Throws: ``XMLError`` when the document is not well-formed (with
  ///   libxml2's message and the line and column it gives), uses a refused
  ///   feature, or cannot be read.
  public func read() throws(XMLError) -> XMLNodeKind? {
    while true {
      current += 1
      if current < view.records.count {
        return view.records[current].kind
      }
      current = -1
      if view.isLast {
        view.records.removeAll(keepingCapacity: true)
        if let error = view.error { throw error }
        return nil
      }
      try nextBatch()
    }
  }

  /// Makes the next parsed nodes the ones handed out: parses them here, or
  /// takes them from the read-ahead thread.
  private func nextBatch() throws(XMLError) {
    if let ahead {
      view = ahead.take()
    } else {
      if !finished && state.error == nil { try feed() }
      handOver(into: view)
      if !view.isLast && options.readsAhead && backendInUse == .native && activeProcessorCount() > 1 {
        // Past the prolog, with the native parser: parse the rest ahead.
        let started = _XMLReadAhead(reader: self)
        if started.start() { ahead = started }
      }
    }
    names.append(contentsOf: view.newNames)
  }

  /// Moves what the parser made since the last hand-over into `batch`
  /// (parsing side); text not yet ended stays with the parser.
  func handOver(into batch: _XMLNodeBatch) {
    swap(&batch.records, &state.records)
    swap(&batch.attributes, &state.attributes)
    swap(&batch.namespaces, &state.namespaces)
    swap(&batch.arena, &state.arena)
    state.records.removeAll(keepingCapacity: true)
    state.attributes.removeAll(keepingCapacity: true)
    state.namespaces.removeAll(keepingCapacity: true)
    state.arena.removeAll(keepingCapacity: true)
    if state.textStart >= 0 {
      state.arena.append(contentsOf: batch.arena[state.textStart...])
      state.textStart = 0
    }
    batch.newNames.removeAll(keepingCapacity: true)
    if namesHandedOver < state.names.count {
      batch.newNames.append(contentsOf: state.names[namesHandedOver...])
      namesHandedOver = state.names.count
    }
    batch.error = state.error
    batch.isLast = finished || state.error != nil
  }

  /// Parses the next chunk into `batch` (the read-ahead thread).
  func parseAhead(into batch: _XMLNodeBatch) {
    if !finished && state.error == nil {
      do {
        try feed()
      } catch {
        state.error = error
      }
    }
    handOver(into: batch)
  }

  /// Returns the next event, or `nil` at the end of the document.
  ///
  /// Events parsed before an error are all returned before the error is thrown.
  /// - Returns: The next event, or `nil` after the root element's end.
  /// - Throws: ``XMLError`` as ``read()`` does.
  public func next() throws(XMLError) -> XMLEvent? {
    guard let kind = try read() else { return nil }
    let made: XMLEvent.Kind
    switch kind {
    case .startElement:
      made = .startElement(
        XMLStartElement(name: name, attributes: attributes, namespaceDeclarations: namespaceDeclarations))
    case .endElement: made = .endElement(name)
    case .text: made = .text(text)
    case .cdata: made = .cdata(text)
    case .comment: made = .comment(text)
    case .processingInstruction: made = .processingInstruction(target: name.localName, data: text)
    }
    return XMLEvent(kind: made, location: location, depth: depth)
  }

  /// Reads and parses the next chunk of input, first choosing the parser.
  private func feed() throws(XMLError) {
    if backendInUse == nil {
      if options.backend == .libxml2 {
        backendInUse = .libxml2
      } else {
        backendInUse = .native
        native = _NativeXMLParser(state: state, path: path, options: options)
      }
    }
    if let native {
      try feedNative(native)
    } else {
      try feedLibxml2()
    }
  }

  /// Reads the next bytes: first those the native parser gave back (topped
  /// up from the document, so that libxml2 gets the chunks it would have
  /// had alone), then the document.
  private func readInput(into buffer: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
    guard let to = buffer.baseAddress, buffer.count > 0 else { return 0 }
    if replayOffset < replay.count {
      let count = min(buffer.count, replay.count - replayOffset)
      replay.withUnsafeBytes { from in to.copyMemory(from: from.baseAddress! + replayOffset, byteCount: count) }
      replayOffset += count
      guard count < buffer.count else { return count }
      return try count + readDocument(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
    }
    return try readDocument(into: buffer)
  }

  private func readDocument(into buffer: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
    guard let to = buffer.baseAddress, buffer.count > 0 else { return 0 }
    if let memory {
      let count = min(buffer.count, memory.count - memoryOffset)
      if count > 0, let from = memory.baseAddress {
        to.copyMemory(from: from + memoryOffset, byteCount: count)
      }
      memoryOffset += count
      return count
    }
    guard let source else { return 0 }
    do {
      return try source.read(into: buffer)
    } catch {
      throw XMLError(.unreadable, at: error.location, error.message, underlyingError: error)
    }
  }

  /// Feeds the native parser; while it is in the prolog (nothing handed out
  /// yet) it is fed until past it, so that a document it leaves to libxml2
  /// starts again there before any node is seen.
  private func feedNative(_ native: _NativeXMLParser) throws(XMLError) {
    repeat {
      let space = native.space(minimum: nativeChunk)
      let count = try readInput(into: UnsafeMutableRawBufferPointer(rebasing: space[0..<min(space.count, nativeChunk)]))
      native.didRead(count)
      state.fedBytes += count
      do {
        try native.parse()
      } catch {
        switch error {
        case .failed(let failure):
          state.error = failure
        case .unsupported(let reason):
          guard options.backend == .native else { return fallBack(native) }
          state.error = XMLError(
            .unexpected, at: reason.location, "the native XML parser leaves this document to libxml2: \(reason.message)")
        case .incomplete:
          break
        }
      }
    } while native.isInProlog && !native.atEnd && state.error == nil
    if native.isDone || state.error != nil { finished = true }
  }

  /// Starts again with libxml2 from the first byte.
  private func fallBack(_ native: _NativeXMLParser) {
    replay = Array(native.keptBytes)
    replayOffset = 0
    self.native = nil
    backendInUse = .libxml2
    state.restart()
  }

  /// Reads and parses the next chunk of input with libxml2.
  private func feedLibxml2() throws(XMLError) {
    let count = try readInput(into: chunk)
    let bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
    if state.ownPositions { state.tracker.append(bytes) }
    state.fedBytes += count
    let context = try self.contextCreatingIfNeeded()
    let terminate: Int32 = count == 0 ? 1 : 0
    let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
    let status = xmlParseChunk(context, base, Int32(count), terminate)
    state.afterChunk(context)
    if count == 0 {
      finished = true
      state.flushText()
      state.explainEndOfInput(context)
      if state.error == nil, status != 0 {
        state.error = XMLError(
          .malformed, at: state.currentLocation(context),
          "libxml2 stopped with error \(status)", libxml2Code: (1, status))
      }
      if state.error == nil, state.sawRoot == false {
        state.error = XMLError(
          .malformed, at: SourceLocation(path: path, line: 1, column: 1, byteOffset: 0),
          "expected an XML document, found no root element")
      }
    }
  }

  private func contextCreatingIfNeeded() throws(XMLError) -> xmlParserCtxtPtr {
    if let context { return context }
    XMLReader.installEntityLoader
    guard let created = path.withCString({ xmlCreatePushParserCtxt(handler, nil, nil, 0, $0) }) else {
      throw XMLError(.unreadable, at: SourceLocation(path: path), "libxml2 could not create a parser")
    }
    xmlCtxtUseOptions(created, XMLParserOptions.readerDefaults.rawValue)
    created.pointee._private = Unmanaged.passUnretained(state).toOpaque()
    state.mainContext = created
    context = created
    return created
  }

  private static func free(_ context: xmlParserCtxtPtr) {
    if let doc = context.pointee.myDoc {
      xmlFreeDoc(doc)
      context.pointee.myDoc = nil
    }
    xmlFreeParserCtxt(context)
  }

  /// Refuses every external entity and DTD: documents never reach files or
  /// the network. libxml2's loader is process-wide; it is set once.
  private static let installEntityLoader: Void = {
    xmlSetExternalEntityLoader { url, _, context in
      let name = url.map { String(cString: $0) } ?? "(unnamed)"
      if let context {
        let message = "external entity \"\(name)\" is not loaded (Lexiform never reads files or the network on a document's behalf)"
        _XMLParserState.from(context)?.refuse(message, context: context)
      }
      return nil
    }
  }()

  private static func makeHandler() -> UnsafeMutablePointer<xmlSAXHandler> {
    let handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
    handler.initialize(to: xmlSAXHandler())
    // Start from libxml2's SAX2 handlers, which keep DTD declarations and
    // entities, and replace those that would build a tree.
    xmlSAXVersion(handler, 2)
    handler.pointee.startElement = nil
    handler.pointee.endElement = nil
    handler.pointee.startElementNs = _XMLParserState.onStartElement
    handler.pointee.endElementNs = _XMLParserState.onEndElement
    handler.pointee.characters = _XMLParserState.onCharacters
    handler.pointee.ignorableWhitespace = _XMLParserState.onCharacters
    handler.pointee.cdataBlock = _XMLParserState.onCDATA
    handler.pointee.comment = _XMLParserState.onComment
    handler.pointee.processingInstruction = _XMLParserState.onProcessingInstruction
    handler.pointee.reference = nil
    handler.pointee.getEntity = _XMLParserState.onGetEntity
    handler.pointee.warning = nil
    handler.pointee.error = nil
    handler.pointee.fatalError = nil
    handler.pointee.serror = _XMLParserState.onError
    return handler
  }
}

extension XMLReader {
  /// The version of libxml2 in use, e.g. "2.9.14".
  public static var libxml2Version: String {
    // xmlParserVersion is "20914" for 2.9.14.
    let raw = Int(String(cString: _lexiform_xmlParserVersion())) ?? 0
    return "\(raw / 10000).\(raw / 100 % 100).\(raw % 100)"
  }
}
