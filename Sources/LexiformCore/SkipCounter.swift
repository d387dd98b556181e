/// Lenient-mode bookkeeping: which records were skipped, why, and where.
///
/// Keeps a count per reason and the first few locations of each reason
/// (``examplesPerReason``), so memory stays bounded however many records are
/// skipped. ``report()`` gives the lines a command prints on stderr, and
/// ``summary`` a `Codable` value for JSON output.
///
/// ```swift
/// var skipped = SkipCounter()
/// skipped.record(reason: "invalid UTF-8", at: reader.location)
/// let lines = skipped.report()  // print these on stderr
/// ```
public struct SkipCounter: Sendable, Hashable {
  /// How many locations are kept per reason (default 3).
  public let examplesPerReason: Int

  /// The reasons in the order they were first seen.
  private var entries: [SkipSummary.Reason] = []
  /// Where each reason is in `entries`.
  private var indexByReason: [String: Int] = [:]

  /// The number of skipped records, over all reasons.
  public private(set) var total = 0

  /// Creates an empty counter.
  /// - Parameter examplesPerReason: How many locations to keep per reason;
  ///   negative values count as 0.
  public init(examplesPerReason: Int = 3) {
    self.examplesPerReason = max(0, examplesPerReason)
  }

  /// Whether nothing was skipped.
  public var isEmpty: Bool { total == 0 }

  /// Records one skipped record.
  /// - Parameters:
  ///   - reason: Why it was skipped, as a short phrase: `"invalid UTF-8"`,
  ///     `"missing translation"`. Records with the same phrase are counted
  ///     together.
  ///   - location: Where the record is.
  /// - Complexity: O(1) amortized (hashing `reason`).
  public mutating func record(reason: String, at location: SourceLocation) {
    total += 1
    if let index = indexByReason[reason] {
      entries[index].count += 1
      if entries[index].examples.count < examplesPerReason {
        entries[index].examples.append(SkipSummary.Location(location))
      }
      return
    }
    indexByReason[reason] = entries.count
    let examples = examplesPerReason > 0 ? [SkipSummary.Location(location)] : []
    entries.append(SkipSummary.Reason(reason: reason, count: 1, examples: examples))
  }

  /// Adds another counter's records to this one, such as another shard's.
  ///
  /// Its examples come after this counter's, up to ``examplesPerReason``.
  /// - Parameter other: The records to add.
  /// - Complexity: O(number of reasons in `other`).
  public mutating func merge(_ other: SkipCounter) {
    total += other.total
    for entry in other.entries {
      if let index = indexByReason[entry.reason] {
        entries[index].count += entry.count
        let room = max(0, examplesPerReason - entries[index].examples.count)
        entries[index].examples.append(contentsOf: entry.examples.prefix(room))
      } else {
        indexByReason[entry.reason] = entries.count
        var copy = entry
        copy.examples = Array(copy.examples.prefix(examplesPerReason))
        entries.append(copy)
      }
    }
  }

  /// How many records were skipped for `reason`.
  /// - Parameter reason: The phrase given to ``record(reason:at:)``.
  /// - Returns: The count, 0 if the reason never occurred.
  public func count(for reason: String) -> Int {
    indexByReason[reason].map { entries[$0].count } ?? 0
  }

  /// The reasons, most frequent first (ties in the order first seen), each
  /// with its count and first locations.
  public var reasons: [SkipSummary.Reason] {
    entries.enumerated()
      .sorted { a, b in
        a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
      }
      .map(\.element)
  }

  /// Everything recorded, for JSON output.
  public var summary: SkipSummary {
    SkipSummary(total: total, reasons: reasons)
  }

  /// The lines to print on stderr.
  ///
  /// No lines if nothing was skipped; otherwise a summary line,
  ///
  ///     skipped 12 records: 10 × invalid UTF-8 (first at a.tsv:3:5), 2 × missing translation (first at a.tsv:9)
  ///
  /// then one line per reason that has more than one location:
  ///
  ///       invalid UTF-8 at a.tsv:3:5, a.tsv:4:1, a.tsv:8:2 and 7 more
  ///
  /// - Parameters:
  ///   - what: The verb of the first line (`skipped`, `dropped`).
  ///   - noun: What was counted (`record`, `item`), made plural as needed.
  /// - Returns: The lines, without newlines.
  public func report(_ what: String = "skipped", noun: String = "record") -> [String] {
    guard total > 0 else { return [] }
    let sorted = reasons
    let parts = sorted.map { entry in
      let first = entry.examples.first.map { " (first at \($0))" } ?? ""
      return "\(entry.count) × \(entry.reason)\(first)"
    }
    var lines = ["\(what) \(total) \(noun)\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")]
    for entry in sorted where entry.examples.count > 1 {
      let places = entry.examples.map(\.description).joined(separator: ", ")
      let more = entry.count - entry.examples.count
      lines.append("  \(entry.reason) at \(places)" + (more > 0 ? " and \(more) more" : ""))
    }
    return lines
  }
}

/// What a ``SkipCounter`` recorded, in a form that encodes to JSON.
///
///     {"total": 12, "reasons": [{"reason": "invalid UTF-8", "count": 10,
///       "examples": [{"path": "a.tsv", "line": 3, "column": 5}]}, …]}
public struct SkipSummary: Codable, Sendable, Hashable {
  /// The number of skipped records.
  public var total: Int
  /// The reasons, most frequent first.
  public var reasons: [Reason]

  /// Creates a summary.
  /// - Parameters:
  ///   - total: The number of skipped records.
  ///   - reasons: The reasons, most frequent first.
  public init(total: Int, reasons: [Reason]) {
    self.total = total
    self.reasons = reasons
  }

  /// One reason for skipping records.
  public struct Reason: Codable, Sendable, Hashable {
    /// The phrase given to ``SkipCounter/record(reason:at:)``.
    public var reason: String
    /// How many records were skipped for it.
    public var count: Int
    /// The first few places, in the order recorded.
    public var examples: [Location]

    /// Creates a reason.
    /// - Parameters:
    ///   - reason: The phrase.
    ///   - count: How many records were skipped for it.
    ///   - examples: The first few places.
    public init(reason: String, count: Int, examples: [Location]) {
      self.reason = reason
      self.count = count
      self.examples = examples
    }
  }

  /// A ``SourceLocation`` as JSON: absent fields are omitted.
  public struct Location: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The input's path.
    public var path: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// The 1-based column in Unicode scalars, if known.
    public var column: Int?
    /// The 0-based byte offset, if known.
    public var byteOffset: Int?

    /// Copies a location.
    /// - Parameter location: The location.
    public init(_ location: SourceLocation) {
      path = location.path
      line = location.line
      column = location.column
      byteOffset = location.byteOffset
    }

    /// The location as a ``SourceLocation``.
    public var sourceLocation: SourceLocation {
      SourceLocation(path: path, line: line, column: column, byteOffset: byteOffset)
    }

    /// `path:line:column`, as ``SourceLocation`` prints it.
    public var description: String { sourceLocation.description }
  }
}
