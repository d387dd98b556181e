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
/// Lines are read on the calling thread into batches of about
/// ``batchBytes`` bytes; each round fills up to 4 batches per thread, the
/// threads transform them (thread *t* takes batches *t*, *t* + *T*, …), and
/// the outputs are written in order. Memory is O(``threads`` × ``batchBytes``
/// + the longest line).
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
    let batches = (0..<(workers == 1 ? 1 : 4 * workers)).map { _ in Batch() }
    var readerIndex = 0
    var pendingError: (any Error)?
    while readerIndex < readers.count && pendingError == nil {
      // Fill the batches.
      var used = 0
      while used < batches.count && readerIndex < readers.count && pendingError == nil {
        let batch = batches[used]
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
          pendingError = error
        }
        if !batch.ends.isEmpty { used += 1 }
      }
      // Transform them.
      if workers == 1 || used == 1 {
        for i in 0..<used { Self.transform(batches[i], transformers[0]) }
      } else {
        let count = used
        // Each worker touches only its own batches and its own transformer.
        let shared = UncheckedSendable(value: (batches, transformers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let (batches, transformers) = shared.value
          var i = worker
          while i < count {
            Self.transform(batches[i], transformers[worker])
            i += workers
          }
        }
      }
      // Write them in order.
      for i in 0..<used {
        let batch = batches[i]
        try write(batch.output)
        if let failure = batch.failure {
          if var error = failure as? TokenizationError, error.location == nil {
            error.location = SourceLocation(path: batch.path, line: batch.failedLine)
            throw error
          }
          throw failure
        }
      }
    }
    if let pendingError { throw pendingError }
  }

  private static func transform(_ batch: Batch, _ transformer: any LineTransformer) {
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
