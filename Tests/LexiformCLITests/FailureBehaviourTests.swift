import Foundation
import XCTest
import _LexiformTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// What `lexiform` does under pressure: killed mid-run, disk full, inputs
/// that are not readable files, hostile XML, endless lines. Each run goes
/// through the built binary, as a user's would; nothing here may hang (every
/// run has a deadline).
final class FailureBehaviourTests: XCTestCase {
  /// A child process started with `posix_spawn(3)` and reaped with `wait4(2)`.
  struct Spawned {
    var status: Int32
    var signal: Int32?
    var stderr: String
  }

  /// Writes `count` entries of TSV (headword, translation) to `path`.
  func writeTSV(_ path: String, entries count: Int) throws {
    var text = "source\ttarget\n"
    for i in 0..<count { text += "neno\(i)\tword\(i)\n" }
    try text.write(toFile: path, atomically: false, encoding: .utf8)
  }

  func binary() throws -> String {
    let path = productsDirectory().appendingPathComponent("lexiform").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw XCTSkip("the lexiform binary is not built at \(path)")
    }
    return path
  }

  /// Runs `executable` with `arguments`, standard input from `stdinFD` (or
  /// /dev/null), standard error to a file; kills it after `deadline` seconds.
  func spawn(
    _ executable: String, _ arguments: [String], stdinFD: Int32? = nil, environment: [String: String] = [:],
    deadline: Double = 60, whileRunning: ((pid_t) throws -> Void)? = nil
  ) throws -> Spawned {
    let directory = try TemporaryDirectory()
    let errPath = directory.file("stderr")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdinFD {
      posix_spawn_file_actions_adddup2(&actions, stdinFD, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw XCTSkip("cannot spawn \(executable): \(String(cString: strerror(spawned)))") }
    do {
      try whileRunning?(pid)
    } catch {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      throw error
    }
    let start = Date()
    var status: Int32 = 0
    var usage = rusage()
    while true {
      let reaped = wait4(pid, &status, WNOHANG, &usage)
      if reaped == pid { break }
      if Date().timeIntervalSince(start) > deadline {
        kill(pid, SIGKILL)
        _ = wait4(pid, &status, 0, &usage)
        XCTFail("\(arguments) still running after \(deadline) s: killed")
        break
      }
      usleep(20_000)
    }
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    let signaled = status & 0x7F != 0 && status & 0x7F != 0x7F
    return Spawned(
      status: signaled ? -1 : (status >> 8) & 0xFF, signal: signaled ? status & 0x7F : nil,
      stderr: stderr)
  }

  /// Runs `arguments` under GNU time(1) when it is installed, so that the
  /// child's own peak RSS is known: `wait4` on a child spawned from this
  /// process reports this process's high-water mark when it is larger
  /// (`posix_spawn` uses `vfork`, and exec keeps the mark).
  /// - Returns: The executable and arguments to spawn, and whether the
  ///   result's stderr ends with `peak-rss-kib=N`.
  static func measured(_ arguments: [String]) -> (String, [String], Bool) {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
      return (arguments[0], Array(arguments.dropFirst()), false)
    }
    return ("/usr/bin/time", ["-f", "peak-rss-kib=%M"] + arguments, true)
  }

  /// The peak RSS that `measured` asked time(1) to print, in KiB.
  static func peakRSS(_ stderr: String) -> Int? {
    guard let line = stderr.split(separator: "\n").last, line.hasPrefix("peak-rss-kib=") else { return nil }
    return Int(line.dropFirst("peak-rss-kib=".count))
  }

  /// A pipe whose other end a thread fills with `head`, then `megabytes`
  /// MiB of `a` and no newline, generated as it goes (nothing on disk).
  /// - Returns: The read end, for the child's standard input.
  func feed(_ head: String, megabytes: Int) throws -> Int32 {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw XCTSkip("no pipe") }
    signal(SIGPIPE, SIG_IGN)  // the child stops reading at its limit
    let writeEnd = fds[1]
    let start = Array(head.utf8)
    Thread {
      _ = start.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
      let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
      for _ in 0..<megabytes {
        let n = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
      }
      close(writeEnd)
    }.start()
    return fds[0]
  }

  // MARK: Killed and failed runs

  /// A `convert` killed with SIGKILL half-way leaves the previous output as
  /// it was and no temporary file. The input comes through a pipe that the
  /// test feeds, so the kill lands while output is being written.
  func testKilledConvertLeavesThePreviousOutputAndNoTemporaryFile() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    let output = try directory.write("previous good output\n", to: "out.jsonl")
    var fds: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&fds), 0)
    signal(SIGPIPE, SIG_IGN)
    let result = try spawn(
      lexiform, ["lexicon", "convert", "--quiet", "--from", "tsv", "-", output], stdinFD: fds[0]
    ) { pid in
      close(fds[0])
      // 5 MB of entries: several 64 KiB output buffers are written.
      var chunk = "source\ttarget\n"
      for i in 0..<100_000 { chunk += "neno\(i)\tword\(i) ya kamusi\n" }
      let bytes = Array(chunk.utf8)
      _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
      usleep(700_000)
      XCTAssertEqual(kill(pid, 0), 0, "convert ended before it was killed")
      kill(pid, SIGKILL)
    }
    close(fds[1])
    XCTAssertEqual(result.signal, SIGKILL)
    XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "previous good output\n")
    XCTAssertEqual(try directory.contents(), ["out.jsonl"], "a temporary file was left behind")
  }

  /// Disk full, simulated by a file-size limit (`ulimit -f`, with SIGXFSZ
  /// ignored so that writes fail with EFBIG): a clear error, a non-zero exit,
  /// the previous output intact and no temporary file.
  func testFileSizeLimitIsAClearErrorAndKeepsThePreviousOutput() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    let input = directory.file("in.tsv")
    try writeTSV(input, entries: 20_000)
    let output = try directory.write("previous good output\n", to: "out.jsonl")
    // 200 blocks of 512 bytes (dash) or 1 KiB (bash): far below the ~2 MB output.
    let script = "trap '' XFSZ; ulimit -f 200 && exec \"$0\" lexicon convert --quiet \"$1\" \"$2\""
    let result = try spawn("/bin/sh", ["-c", script, lexiform, input, output])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("\(output): error: cannot write: File too large"), result.stderr)
    XCTAssertTrue(result.stderr.contains("was left as it was"), result.stderr)
    XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "previous good output\n")
    XCTAssertEqual(try directory.contents().sorted(), ["in.tsv", "out.jsonl"])
  }

  /// A full file system, on a small tmpfs when this process may mount one.
  func testFullFileSystemIsAClearError() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    let mountPoint = directory.file("small")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
    guard mount("tmpfs", mountPoint, "tmpfs", 0, "size=256k") == 0 else {
      throw XCTSkip("cannot mount a tmpfs here (\(String(cString: strerror(errno)))); the file-size limit test covers EFBIG")
    }
    defer { umount(mountPoint) }
    let input = directory.file("in.tsv")
    try writeTSV(input, entries: 20_000)
    let output = mountPoint + "/out.jsonl"
    try "previous good output\n".write(toFile: output, atomically: false, encoding: .utf8)
    let result = try spawn(lexiform, ["lexicon", "convert", "--quiet", input, output])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("\(output): error: cannot write: No space left on device"), result.stderr)
    XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "previous good output\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint), ["out.jsonl"])
  }

  // MARK: Inputs that are not readable files

  /// A file without read permission. Root reads it anyway, so the run drops
  /// to `nobody` with setpriv(1) when it can, and is skipped otherwise.
  func testUnreadableInputIsAClearError() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    chmod(directory.path, 0o777)
    let input = directory.file("secret.tsv")
    try writeTSV(input, entries: 3)
    chmod(input, 0o000)
    let output = directory.file("out.jsonl")
    var command = [lexiform]
    if geteuid() == 0 {
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
        throw XCTSkip("running as root without setpriv: permissions do not stop root from reading")
      }
      command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", lexiform]
    }
    let result = try spawn(command[0], Array(command.dropFirst()) + ["lexicon", "convert", "--quiet", input, output])
    if result.stderr.contains("Permission denied") && !result.stderr.contains(input) {
      throw XCTSkip("nobody cannot run the built binary here: \(result.stderr)")
    }
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("\(input): error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("Permission denied"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))
  }

  /// A read that fails after the file opened (EIO from /proc/self/mem at
  /// address 0): a clear error, no output.
  func testReadErrorIsAClearError() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/mem") else { throw XCTSkip("no /proc") }
    let directory = try TemporaryDirectory()
    let output = directory.file("out.jsonl")
    let result = try lexiform(["lexicon", "convert", "--quiet", "--from", "tsv", "/proc/self/mem", output])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("/proc/self/mem: error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("Input/output error"), result.stderr)
    XCTAssertEqual(try directory.contents(), [])
  }

  /// A directory given as the input, or as the output.
  func testDirectoryWhereAFileWasExpected() throws {
    let directory = try TemporaryDirectory()
    let input = directory.file("in.tsv")
    try writeTSV(input, entries: 3)
    for command in [
      ["lexicon", "convert", "--quiet", "--from", "tsv", directory.path, directory.file("out.jsonl")],
      ["unimorph", "validate", directory.path],
      ["tokenize", directory.path],
    ] {
      let result = try lexiform(command)
      XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
      XCTAssertTrue(result.stderr.hasPrefix("\(directory.path): error: "), "\(command): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("directory"), "\(command): \(result.stderr)")
    }
    let result = try lexiform(["lexicon", "convert", "--quiet", "--to", "jsonl", input, directory.path])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("\(directory.path): error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("directory"), result.stderr)
    XCTAssertEqual(try directory.contents(), ["in.tsv"])
  }

  /// A named pipe is read as a stream, as `<(zcat big.tsv.gz)` is: format
  /// detection must not lose the bytes it looked at.
  func testFIFOInputIsReadAsAStream() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    let fifo = directory.file("in.fifo")
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let output = directory.file("out.jsonl")
    let result = try spawn(lexiform, ["lexicon", "convert", "--quiet", "--from", "tsv", fifo, output], deadline: 30) { _ in
      // Opening blocks until the reader opens too; then write and close.
      let fd = open(fifo, O_WRONLY)
      XCTAssertGreaterThanOrEqual(fd, 0)
      let text = Array("source\ttarget\nneno\tword\nkitabu\tbook\n".utf8)
      _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.filter { $0.contains("\"headword\"") }.count, 2, "\(lines)")
  }

  /// Detecting a format by content reads the first bytes; on standard input
  /// or a named pipe those bytes would be gone for the reader (this once
  /// wrote 0 entries and exited 0). Without --from or a telling extension it
  /// is now an error; with either, every entry arrives.
  func testStreamWithoutAFormatIsRefusedInsteadOfHalfRead() throws {
    let samples = try XCTUnwrap(packageRootDirectory()) + "/resources/samples"
    let tsv = try String(contentsOfFile: samples + "/swh-eng.tsv", encoding: .utf8)
    let directory = try TemporaryDirectory()
    let output = directory.file("out.jsonl")
    let refused = try lexiform(["lexicon", "convert", "--quiet", "-", output], stdin: tsv)
    XCTAssertEqual(refused.status, 1, refused.stderr)
    XCTAssertEqual(
      refused.stderr,
      "<stdin>: error: the format of standard input cannot be detected without consuming it; name the format with --from\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    let named = try lexiform(["lexicon", "convert", "--quiet", "--from", "tsv", "-", output], stdin: tsv)
    XCTAssertEqual(named.status, 0, named.stderr)
    let viaFile = try lexiform(["lexicon", "convert", "--quiet", samples + "/swh-eng.tsv", "-", "--to", "jsonl"])
    // The same entries (provenance names <stdin> instead of the file).
    let fromStdin = try String(contentsOfFile: output, encoding: .utf8)
    XCTAssertEqual(fromStdin.split(separator: "\n").count, viaFile.stdout.split(separator: "\n").count)
    XCTAssertGreaterThan(fromStdin.split(separator: "\n").count, 3)
    XCTAssertEqual(
      fromStdin.replacingOccurrences(of: "<stdin>", with: "X"),
      viaFile.stdout.replacingOccurrences(of: samples + "/swh-eng.tsv", with: "X"))
  }

  /// Commands that must read their input twice refuse a named pipe at
  /// once instead of waiting for a writer or reading it half.
  func testFIFOIsRefusedWhereTheInputIsReadTwice() throws {
    let directory = try TemporaryDirectory()
    let fifo = directory.file("table.fifo")
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let result = try spawn(
      try binary(), ["unimorph", "split", "--quiet", fifo, "--output", directory.file("part")], deadline: 20)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("\(fifo): error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("a regular file"), result.stderr)
    XCTAssertEqual(try directory.contents(), ["table.fifo"])
  }

  // MARK: Hostile XML

  func testBillionLaughsAndDeepNestingFailQuickly() throws {
    let directory = try TemporaryDirectory()
    var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [ <!ENTITY lol0 \"lollollollollollollollollol\">"
    for i in 1...9 { lol += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
    lol += "]>\n<TEI><text><body><entry><form><orth>&lol9;</orth></form></entry></body></text></TEI>\n"
    let deep =
      "<?xml version=\"1.0\"?>\n<TEI><text><body>" + String(repeating: "<entry>", count: 100_000)
      + String(repeating: "</entry>", count: 100_000) + "</body></text></TEI>\n"
    for (name, text) in [("lol.tei", lol), ("deep.tei", deep)] {
      let input = try directory.write(text, to: name)
      let output = directory.file(name + ".jsonl")
      let (executable, arguments, measuring) = Self.measured([try binary(), "lexicon", "convert", "--quiet", input, output])
      let result = try spawn(executable, arguments, deadline: 30)
      if measuring {
        let peak = try XCTUnwrap(Self.peakRSS(result.stderr), result.stderr)
        XCTAssertLessThan(peak, 512 << 10, "\(name): peak RSS \(peak) KiB")
      }
      XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
      XCTAssertTrue(result.stderr.hasPrefix("\(input):"), "\(name): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains(name == "lol.tei" ? "entity" : "nested"), "\(name): \(result.stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }
  }

  /// External entities and DTDs: no local file is read through them and no
  /// connection is made (a listening socket on 127.0.0.1 sees none).
  func testExternalEntitiesReadNoFileAndOpenNoConnection() throws {
    let directory = try TemporaryDirectory()
    let secret = try directory.write("TOP-SECRET-CONTENT", to: "secret.txt")
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw XCTSkip("no sockets") }
    defer { close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
        bind(listener, pointer, length) == 0 && listen(listener, 8) == 0
          && getsockname(listener, pointer, &length) == 0
      }
    }
    guard bound else { throw XCTSkip("cannot listen on 127.0.0.1") }
    let port = UInt16(bigEndian: address.sin_port)
    let documents = [
      "file.tei": """
        <?xml version="1.0"?>
        <!DOCTYPE TEI [ <!ENTITY secret SYSTEM "file://\(secret)"> ]>
        <TEI><text><body><entry><form><orth>&secret;</orth></form></entry></body></text></TEI>
        """,
      "dtd.tei": """
        <?xml version="1.0"?>
        <!DOCTYPE TEI SYSTEM "http://127.0.0.1:\(port)/tei.dtd">
        <TEI><text><body><entry><form><orth>neno</orth></form><sense><cit type="trans"><quote>word</quote></cit></sense></entry></body></text></TEI>
        """,
      "entity.tei": """
        <?xml version="1.0"?>
        <!DOCTYPE TEI [ <!ENTITY remote SYSTEM "http://127.0.0.1:\(port)/e.xml"> <!ENTITY % p SYSTEM "http://127.0.0.1:\(port)/p.dtd"> %p; ]>
        <TEI><text><body><entry><form><orth>&remote;</orth></form></entry></body></text></TEI>
        """,
    ]
    for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
      let input = try directory.write(text, to: name)
      let output = directory.file(name + ".jsonl")
      let result = try spawn(try binary(), ["lexicon", "convert", "--quiet", input, output], deadline: 30)
      let written = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
      XCTAssertFalse(written.contains("TOP-SECRET"), "\(name) read the local file")
      XCTAssertFalse(result.stderr.contains("TOP-SECRET"), "\(name) read the local file")
      if name == "dtd.tei" {
        // An external DTD is only noted: the document reads.
        XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
      } else {
        XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
        XCTAssertTrue(result.stderr.hasPrefix("\(input):"), "\(name): \(result.stderr)")
      }
    }
    // No connection reached the listener.
    var flags = fcntl(listener, F_GETFL)
    flags |= O_NONBLOCK
    _ = fcntl(listener, F_SETFL, flags)
    XCTAssertLessThan(accept(listener, nil, nil), 0, "a connection was made to 127.0.0.1:\(port)")
  }

  // MARK: Very long lines

  /// 100 MB of text in one XML element, piped: refused once it passes
  /// XMLReaderOptions.maxTextLength (10 MB), in bounded memory.
  func testHugeXMLTextNodeIsAClearErrorInBoundedMemory() throws {
    let lexiform = try binary()
    let input = try feed("<?xml version=\"1.0\"?>\n<TEI><text><body><entry><form><orth>", megabytes: 100)
    let directory = try TemporaryDirectory()
    let output = directory.file("out.jsonl")
    let (executable, arguments, measuring) = Self.measured([
      lexiform, "lexicon", "convert", "--quiet", "--from", "tei", "-", output,
    ])
    let result = try spawn(executable, arguments, stdinFD: input, deadline: 60)
    if measuring {
      let peak = try XCTUnwrap(Self.peakRSS(result.stderr), result.stderr)
      XCTAssertLessThan(peak, 150 << 10, "peak RSS \(peak) KiB")
    }
    close(input)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("<stdin>:2:"), result.stderr)
    XCTAssertTrue(result.stderr.contains("a text node is longer than 10000000 bytes"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))
  }

  /// 200 MB without a newline, piped: with the limit lowered through
  /// LEXIFORM_MAX_LINE_LENGTH the run fails with a clear error once the
  /// line passes it, and memory stays near the limit (never the whole line).
  func testVeryLongLineIsAClearErrorInBoundedMemory() throws {
    let lexiform = try binary()
    let directory = try TemporaryDirectory()
    let input = try feed("x", megabytes: 200)
    let output = directory.file("out.jsonl")
    let (executable, arguments, measuring) = Self.measured([
      lexiform, "lexicon", "convert", "--quiet", "--from", "tsv", "-", output,
    ])
    let result = try spawn(
      executable, arguments, stdinFD: input, environment: ["LEXIFORM_MAX_LINE_LENGTH": "\(16 << 20)"], deadline: 60)
    if measuring {
      let peak = try XCTUnwrap(Self.peakRSS(result.stderr), result.stderr)
      XCTAssertLessThan(peak, 120 << 10, "peak RSS \(peak) KiB for a 16 MiB limit")
    }
    close(input)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("<stdin>:1:"), result.stderr)
    XCTAssertTrue(result.stderr.contains("line 1 is too long"), result.stderr)
    XCTAssertTrue(result.stderr.contains("at most 16777216 bytes"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))
  }
}
