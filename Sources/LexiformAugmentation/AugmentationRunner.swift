public import LexiformCore
public import LexiformTokenization

/// Runs augmenters over inputs: records in order, on several threads, one
/// shard or all, with the output and (optionally) the switch records
/// written in input order.
public struct AugmentationRunner {
  /// The record format.
  public var format: AugmentationFormat
  /// Threads (one augmenter each).
  public var threads: Int
  /// Only this shard's records, or `nil` for all.
  public var shard: Shard?

  /// Creates a runner.
  /// - Parameters:
  ///   - format: The record format.
  ///   - threads: How many threads (at least 1).
  ///   - shard: Only this shard's records, or `nil` for all.
  public init(format: AugmentationFormat, threads: Int, shard: Shard? = nil) {
    self.format = format
    self.threads = max(1, threads)
    self.shard = shard
  }

  /// Rewrites every record of `readers`.
  /// - Parameters:
  ///   - readers: The inputs, one after the other.
  ///   - augmenters: One per thread, all made alike.
  ///   - write: Receives the output records' bytes, in order.
  ///   - writeSwitches: Receives the switch lines, in order, when the
  ///     augmenters record switches.
  ///   - top: How many untranslated words the summary lists.
  /// - Returns: The run's summary.
  /// - Throws: The first input or record error (records before it are written).
  public func run(
    readers: [LineReader], augmenters: [RecordAugmenter], write: ([UInt8]) throws -> Void,
    writeSwitches: (([UInt8]) throws -> Void)? = nil, top: Int = 20
  ) throws -> AugmentationSummary {
    let processor = ParallelLineProcessor(threads: min(threads, augmenters.count))
    var demultiplexer = SwitchDemultiplexer()
    let framed = augmenters.first?.recordsSwitches ?? false
    try processor.run(readers: readers, transformers: augmenters, boundary: format.boundary, shard: shard) { bytes in
      if framed {
        try demultiplexer.split(bytes, records: write, switches: { try writeSwitches?($0) })
      } else {
        try write(bytes)
      }
    }
    return RecordAugmenter.finishSummary(augmenters, top: top)
  }
}
