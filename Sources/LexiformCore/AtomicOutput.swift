#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears complete or not at all.
///
/// Bytes go to a temporary file in the target's directory; ``commit()``
/// flushes it, `fsync`s it, gives it the target's permissions and renames it
/// over the target. Until then (and whenever a write fails) the previous
/// target is untouched; ``abort()``, or dropping the output without
/// committing, removes the temporary file.
///
/// On Linux the temporary file has no name until ``commit()``
/// (`open(2)` with `O_TMPFILE`, then `linkat(2)` through `/proc/self/fd` to
/// `.NAME.lexiform-PID-N` just before the rename), so a process killed with
/// `SIGKILL` or by the OOM killer leaves nothing behind. Where that is not
/// available (another system, a file system without `O_TMPFILE`, no `/proc`)
/// it is `.NAME.lexiform-XXXXXX` from `mkstemp(3)` from the start, which
/// only a kill can leave behind.
///
/// Not atomic, written directly instead:
/// - `-`, standard output;
/// - an existing target that is not a regular file, such as `/dev/null`,
///   `/dev/full` or a named pipe.
///
/// A target that is a symbolic link is resolved, so the link stays and the
/// file it points to is replaced. The replaced file keeps its permission
/// bits but not its owner or extended attributes; a new file gets
/// `0666 & ~umask`.
///
/// Writes are buffered (64 KiB). Every failure, such as `ENOSPC`, `EFBIG`,
/// `EIO` or `EPIPE` (when `SIGPIPE` is ignored), is a
/// ``CoreError/Code/unwritable`` error naming the path and the system's
/// message; after it the output is closed and further writes fail too.
///
/// ```swift
/// try AtomicOutput.write(to: "out.tsv") { out in
///   try out.write("lemma\tform\n")
/// }
/// ```
public final class AtomicOutput {
  /// The target's path as diagnostics name it (`<stdout>` for `-`).
  public let path: String
  /// Whether bytes go to a temporary file that ``commit()`` renames
  /// (`false` for standard output and devices).
  public let isAtomic: Bool

  private let fd: Int32
  private let closesDescriptor: Bool
  /// The temporary file, while it exists and has a name.
  private var temporaryPath: String?
  /// Whether the temporary file is an unnamed `O_TMPFILE` inode that
  /// ``commit()`` links into the directory first.
  private var isUnnamed = false
  /// The file that `commit()` replaces (symbolic links resolved).
  private let targetPath: String
  private let mode: mode_t
  private let buffer: UnsafeMutablePointer<UInt8>
  private let capacity = 1 << 16
  // Unchecked: an output is used from one thread, and dynamic exclusivity
  // checks would cost more than copying a short line into the buffer.
  @exclusivity(unchecked) private var count = 0
  @exclusivity(unchecked) private var state = State.open

  private enum State {
    case open
    case committed
    case aborted
    case failed
  }

  /// Opens an output; for a file, creates its temporary file.
  /// - Parameter path: The target file, or `-` for standard output.
  /// - Throws: ``CoreError`` (`unwritable`) when the target is a directory or
  ///   the temporary file cannot be created (missing or read-only
  ///   directory, no permission, …).
  public init(path: String) throws(CoreError) {
    if path == "-" {
      self.path = "<stdout>"
      self.targetPath = "-"
      self.fd = STDOUT_FILENO
      self.closesDescriptor = false
      self.temporaryPath = nil
      self.isAtomic = false
      self.mode = 0
      self.buffer = .allocate(capacity: capacity)
      return
    }
    self.path = path
    let location = SourceLocation(path: path)
    guard !path.isEmpty else {
      throw CoreError(.unwritable, at: location, expectedFound("an output path", "an empty string"))
    }
    guard path.utf8.last != UInt8(ascii: "/") else {
      throw CoreError(.unwritable, at: location, expectedFound("a file name", "a path ending in /"))
    }
    var target = path
    var linkInfo = stat()
    if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
      target = String(cString: resolved)
      free(resolved)
    }
    self.targetPath = target

    var info = stat()
    if stat(target, &info) == 0 {
      let kind = info.st_mode & S_IFMT
      if kind == S_IFDIR {
        throw CoreError(.unwritable, at: location, expectedFound("a file", "a directory"))
      }
      if kind != S_IFREG {
        // A device or pipe: write to it directly.
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
          let e = errno
          throw CoreError(.unwritable, at: location, "cannot open for writing: \(systemErrorText(e))")
        }
        self.fd = fd
        self.closesDescriptor = true
        self.temporaryPath = nil
        self.isAtomic = false
        self.mode = 0
        self.buffer = .allocate(capacity: capacity)
        return
      }
      self.mode = info.st_mode & 0o7777
    } else {
      self.mode = 0o666 & ~Self.currentUmask()
    }

    if let fd = Self.openUnnamedTemporaryFile(in: Self.directory(of: target)) {
      self.fd = fd
      self.temporaryPath = nil
      self.isUnnamed = true
    } else {
      let (fd, temporary) = try Self.makeTemporaryFile(for: target).mapError { e in
        CoreError(
          .unwritable, at: location,
          "cannot create a temporary file in \(Self.directory(of: target)): \(systemErrorText(e.code))")
      }.get()
      self.fd = fd
      self.temporaryPath = temporary
    }
    self.closesDescriptor = true
    self.isAtomic = true
    self.buffer = .allocate(capacity: capacity)
  }

  deinit {
    abort()
    buffer.deallocate()
  }

  /// Writes a string's UTF-8 bytes.
  /// - Parameter string: The text; add `"\n"` yourself.
  /// - Throws: ``CoreError`` (`unwritable`) when the bytes cannot be
  ///   written, or the output is already committed, aborted or failed.
  /// - Complexity: O(length of `string`).
  public func write(_ string: String) throws(CoreError) {
    var string = string
    let done = string.withUTF8 { bytes in
      Result { () throws(CoreError) in try write(bytes: UnsafeRawBufferPointer(bytes)) }
    }
    try done.get()
  }

  /// Writes bytes.
  /// - Parameter bytes: The bytes, copied before this returns.
  /// - Throws: ``CoreError`` (`unwritable`) when the bytes cannot be
  ///   written, or the output is already committed, aborted or failed.
  /// - Complexity: O(`bytes.count`).
  public func write(bytes: UnsafeRawBufferPointer) throws(CoreError) {
    try checkOpen()
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count <= capacity {
      (UnsafeMutableRawPointer(buffer) + count).copyMemory(from: source, byteCount: bytes.count)
      count += bytes.count
      if count == capacity { try flush() }
      return
    }
    try flush()
    if bytes.count >= capacity {
      try writeAll(source, bytes.count)
    } else {
      UnsafeMutableRawPointer(buffer).copyMemory(from: source, byteCount: bytes.count)
      count = bytes.count
    }
  }

  /// Writes the bytes of an array (without the generic path's unspecialized
  /// `withContiguousStorageIfAvailable` call from other modules).
  /// - Parameter bytes: The bytes.
  /// - Throws: ``CoreError`` (`unwritable`) when the bytes cannot be
  ///   written, or the output is already committed, aborted or failed.
  /// - Complexity: O(`bytes.count`).
  public func write(bytes: [UInt8]) throws(CoreError) {
    let done = bytes.withUnsafeBytes { buffer in
      Result { () throws(CoreError) in try write(bytes: buffer) }
    }
    try done.get()
  }

  /// Writes bytes from any sequence, such as an `[UInt8]`.
  /// - Parameter bytes: The bytes.
  /// - Throws: ``CoreError`` (`unwritable`) when the bytes cannot be
  ///   written, or the output is already committed, aborted or failed.
  /// - Complexity: O(number of bytes).
  public func write<S: Sequence<UInt8>>(bytes: S) throws(CoreError) {
    let done = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(CoreError) in try write(bytes: UnsafeRawBufferPointer(buffer)) }
    }
    if let done { return try done.get() }
    try write(bytes: Array(bytes))
  }

  /// Makes the output final: flushes it and, for a file, `fsync`s the
  /// temporary file, sets its permissions and renames it over the target.
  /// - Throws: ``CoreError`` (`unwritable`) when flushing, syncing or
  ///   renaming fails (the previous target is then untouched and the
  ///   temporary file removed), or the output is no longer open.
  public func commit() throws(CoreError) {
    try checkOpen()
    try flush()
    guard isAtomic else {
      state = .committed
      if closesDescriptor && close(fd) != 0 {
        let e = errno
        state = .failed
        throw CoreError(.unwritable, at: SourceLocation(path: path), "cannot close: \(systemErrorText(e))")
      }
      return
    }
    if fchmod(fd, mode) != 0 {
      let e = errno
      throw failure("cannot set permissions", e)
    }
    while fsync(fd) != 0 {
      let e = errno
      if e == EINTR { continue }
      throw failure("cannot sync to disk", e)
    }
    if isUnnamed {
      // Name the file only now that it is complete, just before the rename.
      temporaryPath = try Self.linkUnnamed(fd, for: targetPath).mapError { e in
        failure("cannot name the temporary file", e.code)
      }.get()
      isUnnamed = false
    }
    guard let temporary = temporaryPath else {
      assertionFailure("an atomic output without its temporary file")
      throw failure("cannot move the output into place", EIO)
    }
    // From here on the descriptor is closed: never go back to `.open`.
    state = .failed
    temporaryPath = nil
    if close(fd) != 0 {
      let e = errno
      unlink(temporary)
      throw describe("cannot close", e)
    }
    if rename(temporary, targetPath) != 0 {
      let e = errno
      unlink(temporary)
      throw describe("cannot move the output into place", e)
    }
    state = .committed
    Self.syncDirectory(of: targetPath)
  }

  /// Abandons the output, leaving the previous target as it was.
  ///
  /// Removes the temporary file and discards buffered bytes. Does nothing after
  /// ``commit()``. For standard output, bytes already written stay written.
  public func abort() {
    guard state == .open else { return }
    state = .aborted
    count = 0
    if closesDescriptor { close(fd) }
    if let temporary = temporaryPath {
      unlink(temporary)
      temporaryPath = nil
    }
  }

  /// Runs `body` with a new output, then commits it; if `body` throws,
  /// aborts instead and rethrows `body`'s error.
  /// - Parameters:
  ///   - path: The target file, or `-` for standard output.
  ///   - body: Writes the contents.
  /// - Returns: What `body` returned.
  /// - Throws: ``CoreError`` (`unwritable`) from opening or committing, or
  ///   what `body` throws.
  @discardableResult
  public static func write<R>(to path: String, _ body: (AtomicOutput) throws -> R) throws -> R {
    let output = try AtomicOutput(path: path)
    let result: R
    do {
      result = try body(output)
    } catch {
      output.abort()  // never throws, so it cannot hide `error`
      throw error
    }
    try output.commit()
    return result
  }

  // MARK: Internals

  private func checkOpen() throws(CoreError) {
    let reason: String
    switch state {
    case .open: return
    case .committed: reason = "the output is already committed"
    case .aborted: reason = "the output was aborted"
    case .failed: reason = "an earlier write to the output failed"
    }
    throw CoreError(.unwritable, at: SourceLocation(path: path), "cannot write: \(reason)")
  }

  private func flush() throws(CoreError) {
    guard count > 0 else { return }
    let pending = count
    count = 0
    try writeAll(buffer, pending)
  }

  private func writeAll(_ bytes: UnsafeRawPointer, _ total: Int) throws(CoreError) {
    if case .failure(let e) = Self.writeFully(fd, bytes, total) {
      throw failure("cannot write", e.code)
    }
  }

  /// Abandons the output after a system error and describes the error.
  private func failure(_ what: String, _ code: Int32) -> CoreError {
    abort()
    state = .failed
    return describe(what, code)
  }

  /// The error for a failed system call: the path, what failed and the
  /// system's message.
  private func describe(_ what: String, _ code: Int32) -> CoreError {
    let kept = isAtomic ? "; \(path) was left as it was" : ""
    return CoreError(.unwritable, at: SourceLocation(path: path), "\(what): \(systemErrorText(code))\(kept)")
  }

  /// `write(2)` until all of `bytes` are written, retrying on `EINTR`.
  private static func writeFully(_ fd: Int32, _ bytes: UnsafeRawPointer, _ total: Int) -> Result<Void, SystemErrno> {
    var offset = 0
    while offset < total {
      let n = Glibc.write(fd, bytes + offset, total - offset)
      if n > 0 {
        offset += n
        continue
      }
      let e = n < 0 ? errno : EIO
      if e == EINTR { continue }
      return .failure(SystemErrno(code: e))
    }
    return .success(())
  }

  /// `directory/.NAME.lexiform-` for `target` (NAME cut to 200 bytes).
  private static func temporaryPrefix(for target: String) -> [UInt8] {
    var name = Array(target.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? [])
    if name.count > 200 { name = Array(name.prefix(200)) }  // NAME_MAX is 255
    var prefix: [UInt8] = []
    if let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) {
      prefix.append(contentsOf: target.utf8[...slash])
    }
    prefix.append(UInt8(ascii: "."))
    prefix.append(contentsOf: name)
    prefix.append(contentsOf: ".lexiform-".utf8)
    return prefix
  }

  #if os(Linux) && (arch(x86_64) || arch(arm64))
    /// `O_TMPFILE`, which Glibc's Swift module does not export: `__O_TMPFILE`
    /// (octal 20000000 on x86-64 and AArch64) with `O_DIRECTORY`.
    private static let openTemporary: Int32 = 0o2000_0000 | O_DIRECTORY
  #endif

  /// An unnamed file in `directory` (`O_TMPFILE`), or `nil` where that, or
  /// naming it later through `/proc/self/fd`, is not available.
  private static func openUnnamedTemporaryFile(in directory: String) -> Int32? {
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      guard access("/proc/self/fd", X_OK) == 0 else { return nil }
      let fd = open(directory, openTemporary | O_WRONLY | O_CLOEXEC, 0o600)
      return fd >= 0 ? fd : nil
    #else
      return nil
    #endif
  }

  /// Links the unnamed file `fd` as `.NAME.lexiform-PID-N` next to `target`.
  private static func linkUnnamed(_ fd: Int32, for target: String) -> Result<String, SystemErrno> {
    let prefix = String(decoding: temporaryPrefix(for: target), as: UTF8.self)
    let source = "/proc/self/fd/\(fd)"
    for attempt in 0..<100 {
      let name = "\(prefix)\(getpid())-\(attempt)"
      if linkat(AT_FDCWD, source, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 { return .success(name) }
      let e = errno
      if e != EEXIST { return .failure(SystemErrno(code: e)) }
    }
    return .failure(SystemErrno(code: EEXIST))
  }

  /// Creates `.NAME.lexiform-XXXXXX` next to `target` with `mkstemp(3)`.
  private static func makeTemporaryFile(for target: String) -> Result<(Int32, String), SystemErrno> {
    var template = temporaryPrefix(for: target)
    template.append(contentsOf: "XXXXXX".utf8)
    template.append(0)
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkstemp($0) }
      } ?? -1
    }
    guard fd >= 0 else { return .failure(SystemErrno(code: errno)) }
    return .success((fd, String(decoding: template.dropLast(), as: UTF8.self)))
  }

  /// The directory part of `path` (`.` when there is none).
  private static func directory(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    if slash == path.utf8.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// Syncs the directory so that the rename survives a crash.
  ///
  /// Best effort: some file systems cannot sync directories.
  private static func syncDirectory(of path: String) {
    let fd = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// The process's umask, read from `/proc/self/status` where available so
  /// as not to change it; otherwise by setting and restoring it.
  private static func currentUmask() -> mode_t {
    if let value = umaskFromProc() { return value }
    let previous = umask(0o022)
    umask(previous)
    return previous
  }

  private static func umaskFromProc() -> mode_t? {
    let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while bytes.count < 1 << 16 {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    for line in bytes.split(separator: UInt8(ascii: "\n")) where line.starts(with: "Umask:".utf8) {
      var value: mode_t = 0
      var digits = 0
      for b in line.dropFirst(6) where b >= UInt8(ascii: "0") && b <= UInt8(ascii: "7") {
        value = value * 8 + mode_t(b - UInt8(ascii: "0"))
        digits += 1
      }
      return digits > 0 ? value & 0o777 : nil
    }
    return nil
  }
}

/// An `errno` value from a failed system call.
private struct SystemErrno: Error {
  var code: Int32
}
