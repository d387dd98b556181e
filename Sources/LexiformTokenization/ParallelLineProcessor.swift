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

/// Runs a ``LineTransformer`` over the lines of several inputs on several
/// threads, writing the outputs in input order, in constant memory.
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
    let workers = max(1, min(threads, transformers.count))
    var source = BatchSource(readers: readers, batchBytes: batchBytes)
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

  fileprivate static func transform(_ batch: Batch, _ transformer: any LineTransformer) {
    batch.data.withUnsafeBufferPointer { data in
      var start = 0
      for (i, end) in batch.ends.enumerated() {
        do {
          try transformer.transform(UnsafeBufferPointer(rebasing: data[start..<end]), into: &batch.output)
        } catch {
          batch.failure = error
          batch.failedLine = batch.firstLine + i
          return
        }
        start = end
      }
    }
  }
}

/// Reads the lines of several inputs into batches.
private struct BatchSource {
  let readers: [LineReader]
  let batchBytes: Int
  var readerIndex = 0
  /// The reader's error that ended the input early.
  var error: (any Error)?

  init(readers: [LineReader], batchBytes: Int) {
    self.readers = readers
    self.batchBytes = batchBytes
  }

  /// Fills `batch` with the next lines of one input.
  /// - Returns: `false` when there are no more lines (or a reader failed).
  mutating func fill(_ batch: ParallelLineProcessor.Batch) -> Bool {
    while readerIndex < readers.count && error == nil {
      batch.reset()
      let reader = readers[readerIndex]
      batch.path = reader.path
      batch.firstLine = reader.lineNumber + 1
      do {
        while batch.data.count < batchBytes {
          let more: Void? = try reader.withNextLine { bytes, _ in
            batch.data.append(contentsOf: bytes)
            batch.ends.append(batch.data.count)
          }
          if more == nil {
            readerIndex += 1
            break
          }
        }
      } catch {
        self.error = error
      }
      if !batch.ends.isEmpty { return true }
    }
    return false
  }
}

/// Worker threads that transform the batches of a ring in order: each takes
/// the next submitted batch when it is free and signals the batch's `done`.
private final class WorkerPool: @unchecked Sendable {
  let batches: [ParallelLineProcessor.Batch]
  private let transformers: [any LineTransformer]
  private let available = DispatchSemaphore(value: 0)
  private let lock = DispatchSemaphore(value: 1)
  private var next = 0
  private var stopping = false
  private var threads: [pthread_t] = []

  init(batches: [ParallelLineProcessor.Batch], transformers: [any LineTransformer]) {
    self.batches = batches
    self.transformers = transformers
    for worker in 0..<transformers.count {
      let body = Unmanaged.passRetained(WorkerBody { [unowned self] in self.work(worker) }).toOpaque()
      var thread = pthread_t()
      if pthread_create(&thread, nil, runWorkerBody, body) == 0 {
        threads.append(thread)
      } else {
        Unmanaged<WorkerBody>.fromOpaque(body).release()
      }
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
    for thread in threads { pthread_join(thread, nil) }
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

/// A closure run by a worker thread.
private final class WorkerBody {
  let body: () -> Void
  init(_ body: @escaping () -> Void) { self.body = body }
}

private func runWorkerBody(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
  guard let argument else { return nil }
  Unmanaged<WorkerBody>.fromOpaque(argument).takeRetainedValue().body()
  return nil
}

/// The number of processors available to this process.
/// - Returns: At least 1.
public func activeProcessorCount() -> Int {
  #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  #else
    return 1
  #endif
}

/// Hands values to threads that use them without overlapping.
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}
