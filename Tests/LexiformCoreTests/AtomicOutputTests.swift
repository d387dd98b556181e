import XCTest
import _LexiformTestSupport

@testable import LexiformCore

final class AtomicOutputTests: XCTestCase {
  private func text(_ path: String) throws -> String {
    String(decoding: try readBytes(path), as: UTF8.self)
  }

  private func mode(_ path: String) -> mode_t {
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    return info.st_mode & 0o7777
  }

  private func processUmask() -> mode_t {
    let previous = umask(0o022)
    umask(previous)
    return previous
  }

  func testCommitCreatesTheFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("out.tsv")
    let output = try AtomicOutput(path: path)
    XCTAssertTrue(output.isAtomic)
    try output.write("lemma\tform\n")
    try output.write(bytes: Array("ŋa\n".utf8))
    try output.commit()
    XCTAssertEqual(try text(path), "lemma\tform\nŋa\n")
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
    XCTAssertEqual(mode(path), 0o666 & ~processUmask())
  }

  /// On Linux the temporary file has no name until the commit (`O_TMPFILE`),
  /// so that a killed process leaves nothing; elsewhere it is hidden next to
  /// the target.
  func testTemporaryFileIsUnnamedOrHiddenNextToTheTarget() throws {
    let directory = try TemporaryDirectory()
    let output = try AtomicOutput(path: directory.file("out.tsv"))
    try output.write(String(repeating: "x", count: 100_000))
    let names = try directory.contents()
    #if os(Linux)
      XCTAssertEqual(names, [])
    #else
      XCTAssertEqual(names.count, 1)
      XCTAssertTrue(names[0].hasPrefix(".out.tsv.lexiform-"), names[0])
      XCTAssertEqual(names[0].count, ".out.tsv.lexiform-XXXXXX".count)
    #endif
    output.abort()
    XCTAssertEqual(try directory.contents(), [])
  }

  func testCommitReplacesAndKeepsThePermissions() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("old\n", to: "out.tsv")
    XCTAssertEqual(chmod(path, 0o640), 0)
    try AtomicOutput.write(to: path) { out in try out.write("new\n") }
    XCTAssertEqual(try text(path), "new\n")
    XCTAssertEqual(mode(path), 0o640)
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
  }

  func testLargeAndMixedWritesArriveInOrder() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("big.bin")
    var expected: [UInt8] = []
    var random = SeededRandom(seed: 11)
    try AtomicOutput.write(to: path) { out in
      for size in [1, 65_535, 2, 65_536, 200_000, 0, 17, 70_000] {
        let chunk = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        expected += chunk
        if size % 2 == 0 {
          try chunk.withUnsafeBytes { bytes in try out.write(bytes: bytes) }
        } else {
          try out.write(bytes: chunk[...])
        }
      }
    }
    XCTAssertTrue(try readBytes(path) == expected)
  }

  func testAbortLeavesTheOldFileAndNoTemporaryFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("old\n", to: "out.tsv")
    let output = try AtomicOutput(path: path)
    try output.write(String(repeating: "new\n", count: 50_000))
    output.abort()
    XCTAssertEqual(try text(path), "old\n")
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
    assertCoreError(.unwritable, prefix: "\(path): error: cannot write: the output was aborted") {
      try output.write("more")
    }
  }

  func testThrowingBodyLeavesTheOldFileAndRethrowsItsError() throws {
    struct BodyFailed: Error {}
    let directory = try TemporaryDirectory()
    let path = try directory.write("old\n", to: "out.tsv")
    XCTAssertThrowsError(
      try AtomicOutput.write(to: path) { out in
        try out.write(String(repeating: "partial\n", count: 20_000))
        throw BodyFailed()
      }
    ) { error in
      XCTAssertTrue(error is BodyFailed, "\(error)")
    }
    XCTAssertEqual(try text(path), "old\n")
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
  }

  func testDroppingWithoutCommitRemovesTheTemporaryFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("old\n", to: "out.tsv")
    do {
      let output = try AtomicOutput(path: path)
      try output.write("new\n")
    }
    XCTAssertEqual(try text(path), "old\n")
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
  }

  func testWriteAfterCommitIsAnError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("out.tsv")
    let output = try AtomicOutput(path: path)
    try output.commit()
    XCTAssertEqual(try text(path), "")
    assertCoreError(.unwritable, prefix: "\(path): error: cannot write: the output is already committed") {
      try output.write("late")
    }
  }

  func testMissingDirectoryIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("missing/out.tsv")
    assertCoreError(
      .unwritable,
      prefix: "\(path): error: cannot create a temporary file in \(directory.path)/missing: No such file or directory"
    ) { _ = try AtomicOutput(path: path) }
  }

  func testParentThatIsAFileIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("x", to: "file")
    assertCoreError(
      .unwritable, prefix: "\(file)/out.tsv: error: cannot create a temporary file in \(file): Not a directory"
    ) {
      _ = try AtomicOutput(path: file + "/out.tsv")
    }
  }

  func testReadOnlyDirectoryIsAClearError() throws {
    if geteuid() == 0 { throw XCTSkip("running as root: directory permissions do not apply") }
    let directory = try TemporaryDirectory()
    let locked = directory.file("locked")
    XCTAssertEqual(mkdir(locked, 0o555), 0)
    defer { chmod(locked, 0o755) }
    assertCoreError(
      .unwritable, prefix: "\(locked)/out.tsv: error: cannot create a temporary file in \(locked): Permission denied"
    ) {
      _ = try AtomicOutput(path: locked + "/out.tsv")
    }
  }

  func testDirectoryTargetIsAnError() throws {
    let directory = try TemporaryDirectory()
    assertCoreError(.unwritable, prefix: "\(directory.path): error: expected a file, found a directory") {
      _ = try AtomicOutput(path: directory.path)
    }
    assertCoreError(.unwritable, prefix: "\(directory.path)/: error: expected a file name, found a path ending in /") {
      _ = try AtomicOutput(path: directory.path + "/")
    }
  }

  /// `/dev/full` fails every write with `ENOSPC`.
  func testFullDeviceGivesNoSpaceError() throws {
    guard access("/dev/full", W_OK) == 0 else { throw XCTSkip("/dev/full is absent") }
    let output = try AtomicOutput(path: "/dev/full")
    XCTAssertFalse(output.isAtomic)
    assertCoreError(.unwritable, prefix: "/dev/full: error: cannot write: No space left on device") {
      try output.write(String(repeating: "x", count: 100_000))
      try output.commit()
    }
    assertCoreError(.unwritable, prefix: "/dev/full: error: cannot write: an earlier write to the output failed") {
      try output.write("x")
    }
  }

  /// A file-size limit (`EFBIG`) in the middle of the output leaves the old
  /// file and no temporary file.
  func testFileSizeLimitLeavesTheOldFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("old\n", to: "out.tsv")
    var saved = rlimit()
    XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
    let previousHandler = signal(SIGXFSZ, SIG_IGN)
    var limited = saved
    limited.rlim_cur = 100_000
    guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited) == 0 else {
      signal(SIGXFSZ, previousHandler)
      throw XCTSkip("cannot lower RLIMIT_FSIZE")
    }
    var thrown: Error?
    do {
      try AtomicOutput.write(to: path) { out in
        for _ in 0..<10 { try out.write(String(repeating: "y", count: 50_000)) }
      }
    } catch {
      thrown = error
    }
    setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
    signal(SIGXFSZ, previousHandler)

    let error = try XCTUnwrap(thrown as? CoreError, "\(String(describing: thrown))")
    XCTAssertEqual(error.code, .unwritable)
    XCTAssertEqual(error.description, "\(path): error: cannot write: File too large; \(path) was left as it was")
    XCTAssertEqual(try text(path), "old\n")
    XCTAssertEqual(try directory.contents(), ["out.tsv"])
  }

  /// With `SIGPIPE` ignored, writing to a pipe nobody reads is `EPIPE`: an
  /// error, not a crash.
  func testBrokenPipeIsAnError() throws {
    let directory = try TemporaryDirectory()
    let fifo = directory.file("fifo")
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    XCTAssertGreaterThanOrEqual(reader, 0)
    let output = try AtomicOutput(path: fifo)
    XCTAssertFalse(output.isAtomic)
    close(reader)
    let previousHandler = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previousHandler) }
    assertCoreError(.unwritable, prefix: "\(fifo): error: cannot write: Broken pipe") {
      try output.write("x")
      try output.commit()
    }
  }

  func testDeviceTargetIsWrittenDirectly() throws {
    try AtomicOutput.write(to: "/dev/null") { out in try out.write("discarded") }
    var info = stat()
    XCTAssertEqual(stat("/dev/null", &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
  }

  func testSymbolicLinkIsKeptAndItsTargetReplaced() throws {
    let directory = try TemporaryDirectory()
    let real = try directory.write("old\n", to: "real.tsv")
    let link = directory.file("link.tsv")
    XCTAssertEqual(symlink(real, link), 0)
    try AtomicOutput.write(to: link) { out in try out.write("new\n") }
    XCTAssertEqual(try text(real), "new\n")
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real)
    XCTAssertEqual(try directory.contents(), ["link.tsv", "real.tsv"])
  }

  func testDashIsStandardOutput() throws {
    let output = try AtomicOutput(path: "-")
    XCTAssertEqual(output.path, "<stdout>")
    XCTAssertFalse(output.isAtomic)
    try output.commit()  // nothing written, so nothing appears in the test log
  }
}
