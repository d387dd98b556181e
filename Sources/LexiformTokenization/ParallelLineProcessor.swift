#if canImport(Glibc)
  import Glibc
#endif
import Dispatch
public import LexiformCore

/// Turns one line of input into output bytes: the unit of work that a
/// ``ParallelLineProcessor`` hands to its threads.
///
/// A transformer is used by one thread at a time; keep per-line state in it.
public protocol LineTransformer: AnyObject {
  /// Appends the output for one line, its line terminator included, to `output`.
  /// - Parameters:
  ///   - line: The line's bytes, valid UTF-8, without its terminator.
  ///   - output: Receives the output.
  /// - Throws: Any error; the processor adds the line's location.
  func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws
}

/// Where one record of the input is: its number and its first line.
public struct RecordPosition: Hashable, Sendable {
  /// The record's number in the whole input, from 0, counting every record
  /// (those of other shards too): a stable index for seeding.
  public var index: Int
  /// The file it is in (`-` for standard input).
  public var path: String
  /// The number of its first line in that file, from 1.
  public var line: Int

  /// Creates a position.
  /// - Parameters:
  ///   - index: The record's number in the whole input, from 0.
  ///   - path: Its file.
  ///   - line: Its first line, from 1.
  public init(index: Int, path: String, line: Int) {
    self.index = index
    self.path = path
    self.line = line
  }
}

/// Turns one record (a line, or a block of lines) into output bytes, knowing
/// where the record is: the unit of work of ``ParallelLineProcessor/run(readers:transformers:boundary:shard:write:)``.
///
/// A transformer is used by one thread at a time; keep per-record state in it.
public protocol RecordTransformer: AnyObject {
  /// Appends the output for one record, its terminator included, to `output`.
  /// - Parameters:
  ///   - record: The record's bytes, valid UTF-8: a line without its
  ///     terminator, or the lines of a block joined by `\n` without the
  ///     blank line that ends it.
  ///   - position: The record's number and first line.
  ///   - output: Receives the output.
  /// - Throws: Any error; it ends the run after the records before it are written.
  func transform(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws
}

/// How input is cut into records.
public enum RecordBoundary: Sendable, Hashable {
  /// Every line is a record (text, JSON lines).
  case line
  /// Records are blocks of lines separated by blank lines (lines empty or of
  /// spaces, tabs and carriage returns only), as in CoNLL files; runs of
  /// blank lines count as one separator.
  case blankLine
}

/// One of *N* deterministic parts of an input: record *k* belongs to shard
/// *k* mod *N*, so that *N* processes given shards 0…*N*−1 of the same input
/// together see every record exactly once.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
  /// Which shard, from 0.
  public var index: Int
  /// How many shards there are.
  public var count: Int

  /// Creates a shard.
  /// - Parameters:
  ///   - index: Which shard, `0 ..< count`.
  ///   - count: How many shards (at least 1).
  public init(index: Int, count: Int) {
    self.count = max(1, count)
    self.index = min(max(0, index), self.count - 1)
  }

  /// Parses `I/N` with `0 <= I < N`.
  /// - Parameter text: Such as `2/8`.
  /// - Returns: The shard, or `nil` if the text is not `I/N` with `0 <= I < N`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
    self.index = i
    self.count = n
  }

  /// Whether record number `record` belongs to this shard.
  /// - Parameter record: A record's number in the whole input.
  /// - Returns: `record mod count == index`.
  public func contains(_ record: Int) -> Bool { record % count == index }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }
}

/// Runs a ``LineTransformer`` over the lines of several inputs on several
/// threads, writing the outputs in input order, in constant memory.
///
/// ``run(readers:transformers:boundary:shard:write:)`` does the same for
/// records (lines or blank-line-separated blocks) with a
/// ``RecordTransformer`` that is told each record's number, optionally for
/// one ``Shard`` of the records only.
///
/// With one thread, lines are read, transformed and written on the calling
/// thread. With more, it is a pipeline: the calling thread reads lines into
/// batches of about ``batchBytes`` bytes and hands them out in order, the
/// worker threads each take the next batch as soon as they are free (so a
/// batch of slow lines, e.g. Thai, does not hold the others back), and the
/// calling thread writes each batch's output, in input order, while the
/// workers go on with later ones. At most 4 batches per thread are in flight:
/// memory is O(``threads`` × ``batchBytes`` + the longest line).
public struct ParallelLineProcessor {
  /// How many threads transform lines. Default: the number of active processors.
  public var threads: Int
  /// About how many input bytes make a batch. Default 256 KiB.
  public var batchBytes: Int

  /// Creates a processor.
  /// - Parameters:
  ///   - threads: How many threads transform lines (at least 1).
  ///   - batchBytes: About how many input bytes make a batch.
  public init(threads: Int = activeProcessorCount(), batchBytes: Int = 1 << 18) {
    self.threads = max(1, threads)
    self.batchBytes = max(1, batchBytes)
  }

  final class Batch {
    var data: [UInt8] = []
    var ends: [Int] = []
    /// The first line and number of each record.
    var starts: [(line: Int, index: Int)] = []
    var firstLine = 0
    var path = ""
    var output: [UInt8] = []
    var failure: (any Error)?
    var failedLine = 0
    /// Signalled by the worker that transformed the batch.
    let done = DispatchSemaphore(value: 0)

    func reset() {
      data.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      starts.removeAll(keepingCapacity: true)
      output.removeAll(keepingCapacity: true)
      failure = nil
    }
  }

  /// Transforms every line of `readers`, in order, and passes the output to `write`.
  /// - Parameters:
  ///   - readers: The inputs, read one after the other.
  ///   - transformers: One transformer per thread (``threads`` of them; fewer
  ///     means fewer threads).
  ///   - write: Receives the output, in input order, in pieces.
  /// - Throws: The first error: a reader's (invalid UTF-8, unreadable
  ///   input), a transformer's with the line's location added when it is a
  ///   ``TokenizationError`` without one, or `write`'s. Output for the lines
  ///   before it has been written.
  public func run(
    readers: [LineReader], transformers: [any LineTransformer], write: ([UInt8]) throws -> Void
  ) throws {
    try run(readers: readers, transformers: transformers.map(LineAdapter.init), boundary: .line, shard: nil, write: write)
  }

  /// Transforms every record of `readers` (of one shard, if given), in
  /// order, and passes the output to `write`.
  /// - Parameters:
  ///   - readers: The inputs, read one after the other; records are numbered
  ///     across all of them.
  ///   - transformers: One transformer per thread (``threads`` of them; fewer
  ///     means fewer threads).
  ///   - boundary: What a record is: a line, or a block of lines.
  ///   - shard: Only the records of this shard are transformed (the others
  ///     are read, numbered and passed over), or `nil` for all.
  ///   - write: Receives the output, in input order, in pieces.
  /// - Throws: As ``run(readers:transformers:write:)``.
  public func run(
    readers: [LineReader], transformers: [any RecordTransformer], boundary: RecordBoundary, shard: Shard?,
    write: ([UInt8]) throws -> Void
  ) throws {
    guard !transformers.isEmpty else { return }
    var source = BatchSource(readers: readers, batchBytes: batchBytes, boundary: boundary, shard: shard)
    let workers = max(1, min(threads, transformers.count))
    if workers == 1 {
      let batch = Batch()
      while source.fill(batch) {
        Self.transform(batch, transformers[0])
        try Self.finish(batch, write)
      }
      if let error = source.error { throw error }
      return
    }
    let pool = WorkerPool(batches: (0..<4 * workers).map { _ in Batch() }, transformers: Array(transformers.prefix(workers)))
    defer { pool.stop() }
    var submitted = 0
    var written = 0
    while true {
      let batch = pool.batches[submitted % pool.batches.count]
      if submitted - written == pool.batches.count {
        // Every batch is in flight: write the oldest, then reuse it.
        batch.done.wait()
        written += 1
        try Self.finish(batch, write)
      }
      guard source.fill(batch) else { break }
      pool.submit()
      submitted += 1
    }
    while written < submitted {
      let batch = pool.batches[written % pool.batches.count]
      batch.done.wait()
      written += 1
      try Self.finish(batch, write)
    }
    if let error = source.error { throw error }
  }

  /// Writes a transformed batch's output and throws its failure, if any.
  private static func finish(_ batch: Batch, _ write: ([UInt8]) throws -> Void) throws {
    try write(batch.output)
    if let failure = batch.failure {
      if var error = failure as? TokenizationError, error.location == nil {
        error.location = SourceLocation(path: batch.path, line: batch.failedLine)
        throw error
      }
      throw failure
    }
  }

  fileprivate static func transform(_ batch: Batch, _ transformer: any RecordTransformer) {
    batch.data.withUnsafeBufferPointer { data in
      var start = 0
      for (i, end) in batch.ends.enumerated() {
        let (line, index) = batch.starts[i]
        do {
          try transformer.transform(
            UnsafeBufferPointer(rebasing: data[start..<end]), at: RecordPosition(index: index, path: batch.path, line: line),
            into: &batch.output)
        } catch {
          batch.failure = error
          batch.failedLine = line
          return
        }
        start = end
      }
    }
  }
}

/// Runs a ``LineTransformer`` as a ``RecordTransformer`` of lines.
private final class LineAdapter: RecordTransformer {
  let base: any LineTransformer
  init(_ base: any LineTransformer) { self.base = base }
  func transform(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    try base.transform(record, into: &output)
  }
}

/// Reads the records of several inputs into batches.
private struct BatchSource {
  let readers: [LineReader]
  let batchBytes: Int
  let boundary: RecordBoundary
  let shard: Shard?
  var readerIndex = 0
  /// How many records have been read, in all inputs and shards.
  var records = 0
  /// The reader's error that ended the input early.
  var error: (any Error)?

  init(readers: [LineReader], batchBytes: Int, boundary: RecordBoundary, shard: Shard?) {
    self.readers = readers
    self.batchBytes = batchBytes
    self.boundary = boundary
    self.shard = shard
  }

  /// Whether a line is blank: empty, or spaces, tabs and carriage returns only.
  private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  /// Fills `batch` with the next records of one input.
  /// - Returns: `false` when there are no more records (or a reader failed).
  mutating func fill(_ batch: ParallelLineProcessor.Batch) -> Bool {
    while readerIndex < readers.count && error == nil {
      batch.reset()
      let reader = readers[readerIndex]
      batch.path = reader.path
      batch.firstLine = reader.lineNumber + 1
      do {
        switch boundary {
        case .line: try fillLines(batch, reader)
        case .blankLine: try fillBlocks(batch, reader)
        }
      } catch {
        self.error = error
      }
      if !batch.ends.isEmpty { return true }
    }
    return false
  }

  private mutating func fillLines(_ batch: ParallelLineProcessor.Batch, _ reader: LineReader) throws {
    while batch.data.count < batchBytes {
      let index = records
      let wanted = shard?.contains(index) ?? true
      let more: Void? = try reader.withNextLine { bytes, number in
        guard wanted else { return }
        batch.data.append(contentsOf: bytes)
        batch.ends.append(batch.data.count)
        batch.starts.append((number, index))
      }
      if more == nil {
        readerIndex += 1
        return
      }
      records += 1
    }
  }

  private mutating func fillBlocks(_ batch: ParallelLineProcessor.Batch, _ reader: LineReader) throws {
    var open = false  // a record has lines in the batch and is not ended
    var wanted = true
    while true {
      let index = records
      var blank = false
      let more: Void? = try reader.withNextLine { bytes, number in
        if Self.isBlank(bytes) {
          blank = true
          return
        }
        if !open {
          open = true
          wanted = shard?.contains(index) ?? true
          if wanted { batch.starts.append((number, index)) }
        } else if wanted {
          batch.data.append(0x0A)
        }
        if wanted { batch.data.append(contentsOf: bytes) }
      }
      if more == nil { readerIndex += 1 }
      if open && (blank || more == nil) {
        if wanted { batch.ends.append(batch.data.count) }
        open = false
        records += 1
        if batch.data.count >= batchBytes { return }
      }
      if more == nil { return }
    }
  }
}

/// Worker threads that transform the batches of a ring in order: each takes
/// the next submitted batch when it is free and signals the batch's `done`.
private final class WorkerPool: @unchecked Sendable {
  let batches: [ParallelLineProcessor.Batch]
  private let transformers: [any RecordTransformer]
  private let available = DispatchSemaphore(value: 0)
  private let lock = DispatchSemaphore(value: 1)
  private var next = 0
  private var stopping = false
  private var threads: [BackgroundThread] = []

  init(batches: [ParallelLineProcessor.Batch], transformers: [any RecordTransformer]) {
    self.batches = batches
    self.transformers = transformers
    for worker in 0..<transformers.count {
      if let thread = BackgroundThread({ [unowned self] in self.work(worker) }) { threads.append(thread) }
    }
    if threads.isEmpty {
      // No thread could be started: run the batches on the calling thread.
      assertionFailure("pthread_create failed")
    }
  }

  /// Hands out the next batch of the ring (the caller filled it).
  func submit() {
    if threads.isEmpty {
      lock.wait()
      let index = next
      next += 1
      lock.signal()
      let batch = batches[index % batches.count]
      ParallelLineProcessor.transform(batch, transformers[0])
      batch.done.signal()
      return
    }
    available.signal()
  }

  /// Ends the worker threads once they are idle.
  func stop() {
    lock.wait()
    stopping = true
    lock.signal()
    for _ in threads { available.signal() }
    for thread in threads { thread.join() }
    threads.removeAll()
  }

  private func work(_ worker: Int) {
    while true {
      available.wait()
      lock.wait()
      if stopping {
        lock.signal()
        return
      }
      let index = next
      next += 1
      lock.signal()
      let batch = batches[index % batches.count]
      ParallelLineProcessor.transform(batch, transformers[worker])
      batch.done.signal()
    }
  }
}

/// Hands values to threads that use them without overlapping.
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}
