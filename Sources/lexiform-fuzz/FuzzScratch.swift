#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private folder where each input is written as a file, because the
/// readers under test open paths (as the CLI does), not buffers.
final class FuzzScratch {
  /// The folder, created once per process.
  let directory: String

  /// Creates `$TMPDIR/lexiform-fuzz-PID` (or `/tmp/…`).
  init() {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    directory = "\(base)/lexiform-fuzz-\(getpid())"
    mkdir(directory, 0o700)
  }

  deinit {
    // Best effort: the files are small and the folder is per process.
    for name in written { unlink(name) }
    rmdir(directory)
  }

  private var written: Set<String> = []

  /// Writes `bytes` to `name` inside the folder, replacing what was there.
  /// - Returns: The file's path.
  @discardableResult
  func write<C: Collection<UInt8>>(_ bytes: C, as name: String) -> String {
    let path = "\(directory)/\(name)"
    written.insert(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return path }
    defer { close(fd) }
    var buffer = Array(bytes)
    var done = 0
    while done < buffer.count {
      let n = buffer.withUnsafeMutableBytes { raw in
        Glibc.write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
      }
      if n <= 0 { break }
      done += n
    }
    buffer.removeAll()
    return path
  }
}

extension Collection<UInt8> where Index == Int {
  /// The input cut at NUL bytes into at most `count` parts, for targets that
  /// read several files (the last part keeps any further NULs).
  func fuzzParts(_ count: Int) -> [ArraySlice<UInt8>] {
    let all = Array(self)
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    for i in all.indices where all[i] == 0 && parts.count < count - 1 {
      parts.append(all[start..<i])
      start = i + 1
    }
    parts.append(all[start...])
    while parts.count < count { parts.append([]) }
    return parts
  }
}
