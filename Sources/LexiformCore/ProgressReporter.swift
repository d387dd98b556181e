#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error.
///
/// The line is redrawn in place with `\r` at most every 0.25 s:
///
///     12.3 MB/84.0 MB 14%  21.4 MB/s  ETA 0:03
///     1.2M lines  456.0k lines/s
///
/// It is shown only when the output descriptor is a terminal and the
/// reporter is not quiet, and only once the work has run for 0.25 s, so short
/// runs and redirected stderr stay clean. Disabled, ``advance(by:)`` and
/// ``update(completed:)`` only store a number. Enabled, they read the clock
/// only every *N* calls, with *N* adapted so that the clock is read about
/// every 10–100 ms, so calling them once per record costs nothing
/// measurable.
///
/// Not thread-safe: report from one thread.
public final class ProgressReporter {
  /// What is being counted.
  public enum Unit: Sendable, Hashable {
    /// Bytes, shown with decimal prefixes: `12.3 MB`, `21.4 MB/s`.
    case bytes
    /// Items of the given plural name, shown as `1.2M lines`, `456.0k lines/s`.
    case items(String)
  }

  /// Whether anything is drawn: the descriptor is a terminal and the
  /// reporter is not quiet.
  public let isEnabled: Bool
  /// Shown before the numbers, such as `"reading lexicon"`; may be empty.
  public let label: String
  /// What is being counted.
  public let unit: Unit
  /// How much is done, in ``unit``s.
  @exclusivity(unchecked) public private(set) var completed = 0
  /// How much there is in all, if known, such as the input file's size.
  public var total: Int?

  private let fd: Int32
  /// Calls left until the clock is read again.
  ///
  /// Unchecked, like ``completed``: dynamic exclusivity checks would cost more than the
  /// update itself.
  @exclusivity(unchecked) private var countdown: Int
  /// Calls between clock readings, adapted to the call rate.
  private var interval = 1
  private let startTime: Double
  private var lastCheck: Double
  private var lastDraw: Double
  private var drawn = false

  /// How often the line is redrawn at most, in seconds.
  static let redrawInterval = 0.25

  /// Creates a reporter; nothing is drawn until 0.25 s have passed.
  /// - Parameters:
  ///   - label: Shown before the numbers; may be empty.
  ///   - total: How much there is in all, if known; enables the percentage
  ///     and the ETA.
  ///   - unit: What is being counted.
  ///   - quiet: `true` disables the display (`--quiet`).
  ///   - fileDescriptor: Where to draw; standard error by default. The
  ///     display is enabled only if this is a terminal.
  public init(
    label: String = "", total: Int? = nil, unit: Unit = .bytes, quiet: Bool = false,
    fileDescriptor: Int32 = STDERR_FILENO
  ) {
    self.label = label
    self.total = total
    self.unit = unit
    self.fd = fileDescriptor
    self.isEnabled = !quiet && isatty(fileDescriptor) == 1
    self.countdown = isEnabled ? 1 : Int.max
    let now = Self.monotonicSeconds()
    self.startTime = now
    self.lastCheck = now
    self.lastDraw = now
  }

  deinit {
    finish()
  }

  /// Adds to the amount done: 1 per record, or the byte length of a line.
  /// - Parameter amount: How much more is done.
  /// - Complexity: O(1); the display is redrawn at most every 0.25 s.
  @inline(__always)
  public func advance(by amount: Int = 1) {
    completed &+= amount
    countdown &-= 1
    if countdown <= 0 { tick() }
  }

  /// Sets the amount done, such as to a reader's byte offset.
  /// - Parameter completed: How much is done in all.
  /// - Complexity: O(1); the display is redrawn at most every 0.25 s.
  @inline(__always)
  public func update(completed: Int) {
    self.completed = completed
    countdown &-= 1
    if countdown <= 0 { tick() }
  }

  /// Ends the display, erasing the progress line if one was drawn.
  ///
  /// What follows starts on a clean line. Later updates draw nothing.
  public func finish() {
    countdown = Int.max
    guard drawn else { return }
    drawn = false
    emit("\r\u{1B}[K")
  }

  /// Reads the clock; redraws when due and adapts the call interval.
  private func tick() {
    guard isEnabled else {
      countdown = Int.max
      return
    }
    let now = Self.monotonicSeconds()
    let sinceCheck = now - lastCheck
    lastCheck = now
    if sinceCheck < 0.01 {
      interval = min(interval * 2, 1 << 20)
    } else if sinceCheck > 0.1 {
      interval = max(interval / 2, 1)
    }
    countdown = interval
    guard now - lastDraw >= Self.redrawInterval else { return }
    lastDraw = now
    drawn = true
    let text = Self.render(
      label: label, completed: completed, total: total, unit: unit, elapsed: now - startTime)
    emit("\r" + text + "\u{1B}[K")
  }

  private func emit(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let n = write(fd, base + offset, bytes.count - offset)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }  // nowhere to report it: drop the progress line
        offset += n
      }
    }
  }

  private static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  // MARK: Formatting

  /// The progress line's text.
  static func render(label: String, completed: Int, total: Int?, unit: Unit, elapsed: Double) -> String {
    let rate = elapsed > 0 ? Double(completed) / elapsed : 0
    var parts: [String] = []
    var amount: String
    switch unit {
    case .bytes:
      amount = formatBytes(Double(completed))
      if let total { amount += "/" + formatBytes(Double(total)) }
    case .items(let name):
      amount = formatCount(Double(completed))
      if let total { amount += "/" + formatCount(Double(total)) }
      amount += " " + name
    }
    if let total, total > 0 {
      let percent = min(100, max(0, Int((Double(completed) * 100 / Double(total)).rounded(.down))))
      amount += " \(percent)%"
    }
    parts.append(amount)
    switch unit {
    case .bytes: parts.append(formatBytes(rate) + "/s")
    case .items(let name): parts.append(formatCount(rate) + " \(name)/s")
    }
    if let total {
      let remaining = Double(max(0, total - completed))
      parts.append("ETA " + (rate > 0 ? formatDuration(remaining / rate) : "-:--"))
    }
    let line = parts.joined(separator: "  ")
    return label.isEmpty ? line : label + ": " + line
  }

  /// `999 B`, `12.3 kB`, `84.0 MB`, `1.5 GB` (decimal prefixes).
  static func formatBytes(_ value: Double) -> String {
    if value < 999.5 { return "\(Int(max(0, value).rounded())) B" }
    return scaled(value, units: ["kB", "MB", "GB", "TB", "PB", "EB"], separator: " ")
  }

  /// `999`, `12.3k`, `4.5M`, `1.2G`.
  static func formatCount(_ value: Double) -> String {
    if value < 999.5 { return "\(Int(max(0, value).rounded()))" }
    return scaled(value, units: ["k", "M", "G", "T", "P", "E"], separator: "")
  }

  /// `value` divided by the first power of 1000 that leaves it below 1000,
  /// with one decimal and that power's unit.
  private static func scaled(_ value: Double, units: [String], separator: String) -> String {
    var scaled = value / 1000
    var index = 0
    // Round first, so that 999.96 kB is shown as 1.0 MB, not 1000.0 kB.
    while (scaled * 10).rounded() >= 10_000 && index + 1 < units.count {
      scaled /= 1000
      index += 1
    }
    let tenths = Int((scaled * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)\(separator)\(units[index])"
  }

  /// `0:03`, `12:34`, `1:02:03`.
  static func formatDuration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "-:--" }
    let total = Int(min(seconds, 359_999).rounded(.up))
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }
}
