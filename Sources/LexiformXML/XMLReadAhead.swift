import Dispatch
internal import LexiformCore

/// Parsed nodes handed from the parser to the caller: the records of one
/// or more chunks, with the attributes, namespace declarations and text
/// bytes they point into, and the names interned since the last batch.
final class _XMLNodeBatch {
  @exclusivity(unchecked) var records: [_XMLRecord] = []
  @exclusivity(unchecked) var attributes: [_XMLAttributeRecord] = []
  @exclusivity(unchecked) var namespaces: [XMLNamespaceDeclaration] = []
  @exclusivity(unchecked) var arena: [UInt8] = []
  @exclusivity(unchecked) var newNames: [XMLName] = []
  /// The error that ends the document after these records, if any.
  @exclusivity(unchecked) var error: XMLError?
  /// Whether nothing follows.
  @exclusivity(unchecked) var isLast = false
}

/// An ``XMLReader``'s parser running on a thread of its own, a ring of
/// batches ahead of the reader; the reader's parsing side (its state,
/// parser and input) is used only by that thread from then on.
final class _XMLReadAhead {
  private let ring = (0..<3).map { _ in _XMLNodeBatch() }
  // Both start at 0: libdispatch traps when a semaphore is released below
  // the value it was made with.
  private let free = DispatchSemaphore(value: 0)
  private let full = DispatchSemaphore(value: 0)
  /// Set by the reader's thread before it signals `free` for the last time.
  private var cancelled = false
  private var thread: BackgroundThread?
  private var taken = 0
  /// Whether the reader holds a batch of the ring.
  private var holding = false
  private let reader: Unmanaged<XMLReader>

  /// Prepares to parse ahead for `reader`, which owns this object (not
  /// retained: the reader stops the thread before it goes away).
  init(reader: XMLReader) {
    self.reader = Unmanaged.passUnretained(reader)
  }

  /// Starts the thread.
  /// - Returns: `false` when no thread could be started.
  func start() -> Bool {
    for _ in ring { free.signal() }
    thread = BackgroundThread { [self] in run() }
    return thread != nil
  }

  private func run() {
    var filled = 0
    while true {
      free.wait()
      if cancelled { return }
      let batch = ring[filled % ring.count]
      filled += 1
      reader._withUnsafeGuaranteedRef { $0.parseAhead(into: batch) }
      full.signal()
      if batch.isLast { return }
    }
  }

  /// The next batch (the reader's thread); the one taken before goes back
  /// to the parser.
  func take() -> _XMLNodeBatch {
    if holding { free.signal() }
    full.wait()
    holding = true
    let batch = ring[taken % ring.count]
    taken += 1
    return batch
  }

  /// Ends the thread (early, or after the last batch).
  func stop() {
    guard let thread else { return }
    cancelled = true
    for _ in ring { free.signal() }
    thread.join()
    self.thread = nil
  }
}
