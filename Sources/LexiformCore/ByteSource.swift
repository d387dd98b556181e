#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A stream of bytes: a file, standard input, or a decompressed `.gz`.
///
/// Readers pull from a `ByteSource` in chunks, so memory stays constant
/// whatever the size of the input.
public protocol ByteSource: AnyObject {
  /// The path named in diagnostics (`<stdin>` for standard input).
  var path: String { get }
  /// Reads up to `buffer.count` bytes into `buffer`.
  /// - Returns: The number of bytes read; 0 only at the end of the input.
  /// - Throws: ``CoreError`` when the input cannot be read or decompressed.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CoreError) -> Int
}

/// The system error text for `errno`.
func systemErrorText(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(cString: text)
}

/// A file or standard input, read with `read(2)`.
public final class FileByteSource: ByteSource {
  public let path: String
  private let fd: Int32
  private let ownsDescriptor: Bool

  /// Opens a file for reading; `-` means standard input.
  /// - Parameter path: The file's path, or `-`.
  /// - Throws: ``CoreError`` (`unreadable`) when the file is missing,
  ///   unreadable or a directory.
  public init(path: String) throws(CoreError) {
    if path == "-" {
      self.path = "<stdin>"
      self.fd = STDIN_FILENO
      self.ownsDescriptor = false
      return
    }
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let e = errno
      throw CoreError(
        .unreadable, at: SourceLocation(path: path), "cannot open: \(systemErrorText(e))")
    }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw CoreError(
        .unreadable, at: SourceLocation(path: path), "expected a file, found a directory")
    }
    self.fd = fd
    self.ownsDescriptor = true
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CoreError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let n = Glibc.read(fd, base, buffer.count)
      if n >= 0 { return n }
      let e = errno
      if e == EINTR { continue }
      throw CoreError(.unreadable, at: SourceLocation(path: path), "read failed: \(systemErrorText(e))")
    }
  }
}

/// Opens inputs, decompressing gzip transparently.
public enum Input {
  /// Opens `path` (or standard input for `-`) for streaming. Gzip data is
  /// recognized by its magic bytes (`1f 8b`), not by the file name, so a
  /// compressed standard input works too.
  /// - Parameter path: The file's path, or `-` for standard input.
  /// - Returns: A source of the file's (decompressed) bytes.
  /// - Throws: ``CoreError`` when the file cannot be opened.
  public static func open(_ path: String) throws(CoreError) -> any ByteSource {
    let file = try FileByteSource(path: path)
    let peek = PeekableByteSource(file)
    if try peek.startsWith([0x1F, 0x8B]) {
      return try GzipByteSource(peek)
    }
    return peek
  }
}

/// A source that can look at its first bytes without consuming them.
final class PeekableByteSource: ByteSource {
  let base: any ByteSource
  private var head: [UInt8] = []
  private var headOffset = 0
  var path: String { base.path }

  init(_ base: any ByteSource) { self.base = base }

  /// Whether the input begins with `prefix` (reads ahead as needed).
  func startsWith(_ prefix: [UInt8]) throws(CoreError) -> Bool {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(prefix.count, 4096), alignment: 1)
    defer { chunk.deallocate() }
    while head.count < prefix.count {
      let n = try base.read(into: chunk)
      if n == 0 { break }
      head.append(contentsOf: chunk[0..<n])
    }
    return head.count >= prefix.count && Array(head[0..<prefix.count]) == prefix
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CoreError) -> Int {
    if headOffset < head.count {
      let n = min(buffer.count, head.count - headOffset)
      head.withUnsafeBytes { src in
        guard let from = src.baseAddress, let to = buffer.baseAddress else { return }
        to.copyMemory(from: from + headOffset, byteCount: n)
      }
      headOffset += n
      if headOffset == head.count {
        head = []
        headOffset = 0
      }
      return n
    }
    return try base.read(into: buffer)
  }
}
