import XCTest
import _LexiformTestSupport

@testable import LexiformCore

final class ProgressReporterTests: XCTestCase {
  func testDisabledWhenNotATerminal() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("stderr.txt")
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    XCTAssertGreaterThanOrEqual(fd, 0)
    defer { close(fd) }
    let progress = ProgressReporter(total: 1_000_000, fileDescriptor: fd)
    XCTAssertFalse(progress.isEnabled)
    for _ in 0..<1_000_000 { progress.advance() }
    progress.update(completed: 5)
    progress.finish()
    XCTAssertEqual(progress.completed, 5)
    XCTAssertEqual(try readBytes(path), [], "nothing is written")
  }

  /// On a terminal the line is drawn after 0.25 s and erased by `finish()`.
  ///
  /// Quiet draws nothing. Uses a pseudo-terminal.
  func testDrawsOnATerminalUnlessQuiet() throws {
    let (master, name) = try openPseudoTerminal()
    defer { close(master) }
    let terminal = open(name, O_RDWR | O_NOCTTY)
    XCTAssertGreaterThanOrEqual(terminal, 0)
    defer { close(terminal) }

    let quiet = ProgressReporter(quiet: true, fileDescriptor: terminal)
    XCTAssertFalse(quiet.isEnabled)

    let progress = ProgressReporter(label: "reading", total: 2_000, unit: .items("lines"), fileDescriptor: terminal)
    XCTAssertTrue(progress.isEnabled)
    progress.advance(by: 500)
    usleep(300_000)
    for _ in 0..<100 { progress.advance() }
    progress.finish()

    var output: [UInt8] = []
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      output += chunk[0..<n]
    }
    let text = String(decoding: output, as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("\rreading: "), text.debugDescription)
    XCTAssertTrue(text.contains("/2.0k lines "), text.debugDescription)
    XCTAssertTrue(text.contains("ETA "), text.debugDescription)
    XCTAssertTrue(text.hasSuffix("\r\u{1B}[K"), "finish() erases the line: \(text.debugDescription)")
  }

  /// Opens a pseudo-terminal pair's master through `/dev/ptmx` (Glibc's
  /// module map lacks `posix_openpt`) and returns it with the slave's path.
  private func openPseudoTerminal() throws -> (Int32, String) {
    #if os(Linux)
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw XCTSkip("no pseudo-terminals: cannot open /dev/ptmx") }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int).
    guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
      close(master)
      throw XCTSkip("no pseudo-terminals: cannot unlock /dev/ptmx")
    }
    return (master, "/dev/pts/\(number)")
    #else
    throw XCTSkip("the pseudo-terminal helper is Linux-only")
    #endif
  }

  func testRenderBytesWithTotal() {
    XCTAssertEqual(
      ProgressReporter.render(label: "", completed: 12_300_000, total: 84_000_000, unit: .bytes, elapsed: 0.5),
      "12.3 MB/84.0 MB 14%  24.6 MB/s  ETA 0:03")
  }

  func testRenderItemsWithoutTotal() {
    XCTAssertEqual(
      ProgressReporter.render(label: "tokenize", completed: 1_200_000, total: nil, unit: .items("lines"), elapsed: 2),
      "tokenize: 1.2M lines  600.0k lines/s")
  }

  func testRenderWithNothingDoneYet() {
    XCTAssertEqual(
      ProgressReporter.render(label: "", completed: 0, total: 10, unit: .bytes, elapsed: 0),
      "0 B/10 B 0%  0 B/s  ETA -:--")
  }

  func testNumberFormats() {
    XCTAssertEqual(ProgressReporter.formatBytes(0), "0 B")
    XCTAssertEqual(ProgressReporter.formatBytes(999), "999 B")
    XCTAssertEqual(ProgressReporter.formatBytes(1_000), "1.0 kB")
    XCTAssertEqual(ProgressReporter.formatBytes(999_960), "1.0 MB")
    XCTAssertEqual(ProgressReporter.formatBytes(21_449_999), "21.4 MB")
    XCTAssertEqual(ProgressReporter.formatBytes(3.2e12), "3.2 TB")
    XCTAssertEqual(ProgressReporter.formatCount(456_000), "456.0k")
    XCTAssertEqual(ProgressReporter.formatCount(1_234_567), "1.2M")
    XCTAssertEqual(ProgressReporter.formatDuration(3), "0:03")
    XCTAssertEqual(ProgressReporter.formatDuration(2.1), "0:03", "rounded up")
    XCTAssertEqual(ProgressReporter.formatDuration(754), "12:34")
    XCTAssertEqual(ProgressReporter.formatDuration(3_723), "1:02:03")
    XCTAssertEqual(ProgressReporter.formatDuration(.infinity), "-:--")
  }
}
