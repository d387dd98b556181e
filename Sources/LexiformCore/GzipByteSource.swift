internal import CZlib

/// Decompresses a gzip stream (RFC 1952) through zlib as it is read.
///
/// Concatenated gzip members, as written by `cat a.gz b.gz` or by parallel
/// compressors, are read one after another, as `gzip -d` does. A truncated
/// or damaged stream is an error naming the compressed byte offset.
public final class GzipByteSource: ByteSource {
  private let base: any ByteSource
  private var stream = z_stream()
  private var input: UnsafeMutableRawBufferPointer
  private var initialized = false
  private var finished = false
  private var memberEnded = false
  /// An error found after some output of the same read: thrown by the next
  /// read, so that every byte decoded before the damage is delivered first.
  private var pendingError: CoreError?
  /// Compressed bytes consumed so far, for diagnostics.
  private var compressedOffset = 0
  public var path: String { base.path }

  /// Wraps a source of gzip data.
  /// - Parameter base: The compressed bytes.
  /// - Throws: ``CoreError`` if zlib cannot be initialized.
  public init(_ base: any ByteSource) throws(CoreError) {
    self.base = base
    self.input = .allocate(byteCount: 1 << 16, alignment: 16)
    // 15 + 16: a gzip wrapper, the largest window.
    let status = _lexiform_inflateInit2(&stream, 15 + 16)
    guard status == Z_OK else {
      input.deallocate()
      throw CoreError(.badCompression, at: SourceLocation(path: base.path), "zlib could not start (status \(status))")
    }
    initialized = true
  }

  deinit {
    if initialized { inflateEnd(&stream) }
    input.deallocate()
  }

  private func fail(_ message: String) -> CoreError {
    CoreError(
      .badCompression, at: SourceLocation(path: path, byteOffset: compressedOffset),
      "damaged gzip data at compressed byte \(compressedOffset): \(message)")
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CoreError) -> Int {
    if let pendingError {
      self.pendingError = nil
      finished = true
      throw pendingError
    }
    guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
    do {
      return try inflate(into: out, count: buffer.count)
    } catch {
      let produced = buffer.count - Int(stream.avail_out)
      guard produced > 0 else {
        finished = true
        throw error
      }
      pendingError = error
      return produced
    }
  }

  private func inflate(into out: UnsafeMutableRawPointer, count: Int) throws(CoreError) -> Int {
    let buffer = UnsafeMutableRawBufferPointer(start: out, count: count)
    stream.next_out = out.assumingMemoryBound(to: Bytef.self)
    stream.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
    while stream.avail_out > 0 {
      if stream.avail_in == 0 {
        let n = try base.read(into: input)
        if n == 0 {
          if memberEnded || (stream.total_in == 0 && compressedOffset == 0) {
            finished = true
            break
          }
          throw fail("the stream ends before the end of its gzip member (truncated file?)")
        }
        stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(n)
      }
      if memberEnded {
        // Another member follows the one that ended.
        inflateReset(&stream)
        memberEnded = false
      }
      let before = stream.avail_in
      let status = CZlib.inflate(&stream, Z_NO_FLUSH)
      compressedOffset += Int(before - stream.avail_in)
      switch status {
      case Z_OK, Z_BUF_ERROR:
        continue
      case Z_STREAM_END:
        memberEnded = true
      default:
        let text = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw fail(text)
      }
    }
    return buffer.count - Int(stream.avail_out)
  }
}

extension GzipByteSource {
  /// The version of zlib in use, e.g. "1.2.13".
  public static var zlibVersionString: String { String(cString: zlibVersion()) }
}
