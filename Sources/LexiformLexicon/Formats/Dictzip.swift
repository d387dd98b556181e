internal import CZlib
internal import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Random access to the text of a dictd `.dict` file, compressed with
/// dictzip (`.dict.dz`) or not.
///
/// dictzip [dictzip(1), dictd 1.12] is gzip (RFC 1952) whose `FEXTRA` field
/// holds a subfield `RA` (random access): version (1), the uncompressed
/// length of a chunk, the number of chunks, then each chunk's compressed
/// size, all little-endian 16-bit. Every chunk is deflated with
/// `Z_FULL_FLUSH`, so it can be inflated on its own with a raw inflater
/// starting at its offset. A read decompresses only the chunks it spans,
/// and keeps the last few decoded chunks, so reading definitions in file
/// order inflates each chunk once.
///
/// A plain `.dict` is read with `pread(2)`.
///
/// - Complexity: ``read(offset:length:)`` is O(chunks spanned × chunk
///   length); memory O(chunk count + a few chunks).
public final class DictdText {
  /// The file's path.
  public let path: String
  /// Whether the file is dictzip-compressed.
  public let isCompressed: Bool
  /// The uncompressed length of a chunk (dictzip only; 0 otherwise).
  public let chunkLength: Int
  /// The uncompressed length of the whole text, when known (the gzip
  /// trailer's size modulo 2³², or the file's size for a plain `.dict`).
  public let length: Int

  private let fd: Int32
  /// Compressed offset of each chunk, plus one past the last.
  private let chunkOffsets: [Int]
  private var stream = z_stream()
  private var streamReady = false
  /// Recently decoded chunks (most recent last).
  private var cache: [(index: Int, bytes: [UInt8])] = []
  private let cacheSize = 4
  /// How many chunks have been inflated (for tests of random access).
  public private(set) var chunksInflated = 0

  /// Opens a `.dict` or `.dict.dz` and, for dictzip, checks its chunk table.
  /// - Parameter path: The file.
  /// - Throws: ``LexiconError`` (`io`) when the file cannot be opened;
  ///   (`malformed`) when a gzip file has no usable `RA` chunk table, naming
  ///   the file, the byte offset and what was expected.
  public init(path: String) throws(LexiconError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let e = errno
      throw LexiconError(.io, at: SourceLocation(path: path), "cannot open: \(String(cString: strerror(e)))")
    }
    self.fd = fd
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw LexiconError(.io, at: SourceLocation(path: path), expectedFound("a regular file", "something else"))
    }
    let fileSize = Int(info.st_size)
    var magic = [UInt8](repeating: 0, count: 2)
    let n = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 2, 0) }
    guard n == 2, magic == [0x1F, 0x8B] else {
      isCompressed = false
      chunkLength = 0
      length = fileSize
      chunkOffsets = []
      return
    }
    isCompressed = true
    do {
      let table = try Self.readChunkTable(fd: fd, path: path, fileSize: fileSize)
      chunkLength = table.chunkLength
      chunkOffsets = table.offsets
      length = table.length
    } catch {
      close(fd)
      throw error
    }
    guard _lexiform_inflateInit2(&stream, -15) == Z_OK else {
      close(fd)
      throw LexiconError(.io, at: SourceLocation(path: path), "zlib could not start")
    }
    streamReady = true
  }

  deinit {
    if streamReady { inflateEnd(&stream) }
    close(fd)
  }

  /// Reads bytes from the file, failing on a short read.
  private static func readExactly(_ fd: Int32, _ count: Int, at offset: Int, path: String) throws(LexiconError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.pread(fd, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        throw LexiconError(
          .malformed, at: SourceLocation(path: path, byteOffset: offset + done),
          expectedFound("\(count) bytes at byte \(offset)", "the end of the file after \(done)"))
      }
      done += n
    }
    return bytes
  }

  /// Parses the gzip header and its `RA` subfield.
  private static func readChunkTable(fd: Int32, path: String, fileSize: Int) throws(LexiconError)
    -> (chunkLength: Int, offsets: [Int], length: Int)
  {
    func broken(_ offset: Int, _ expected: String, _ found: String) -> LexiconError {
      LexiconError(
        .malformed, at: SourceLocation(path: path, byteOffset: offset),
        "broken dictzip chunk table at byte \(offset): " + expectedFound(expected, found))
    }
    guard fileSize >= 18 else { throw broken(0, "a gzip header and trailer (18 bytes or more)", "\(fileSize) bytes") }
    let head = try readExactly(fd, 12, at: 0, path: path)
    guard head[2] == 8 else { throw broken(2, "compression method 8 (deflate)", "\(head[2])") }
    let flags = head[3]
    guard flags & 0x04 != 0 else {
      throw broken(3, "a gzip FEXTRA field holding the RA chunk table (is this plain gzip, not dictzip?)", "none")
    }
    let extraLength = Int(head[10]) | Int(head[11]) << 8
    guard 12 + extraLength <= fileSize else {
      throw broken(10, "an extra field of \(extraLength) bytes", "a file of \(fileSize) bytes")
    }
    let extra = try readExactly(fd, extraLength, at: 12, path: path)
    var k = 0
    var table: (chunkLength: Int, sizes: [Int])?
    while k + 4 <= extra.count {
      let si1 = extra[k]
      let si2 = extra[k + 1]
      let len = Int(extra[k + 2]) | Int(extra[k + 3]) << 8
      guard k + 4 + len <= extra.count else {
        throw broken(12 + k + 2, "a subfield of \(len) bytes inside the extra field", "\(extra.count - k - 4) bytes left")
      }
      if si1 == UInt8(ascii: "R") && si2 == UInt8(ascii: "A") {
        let d = 12 + k + 4
        guard len >= 6 else { throw broken(d, "at least 6 bytes of RA data", "\(len)") }
        func u16(_ i: Int) -> Int { Int(extra[k + 4 + i]) | Int(extra[k + 5 + i]) << 8 }
        let version = u16(0)
        guard version == 1 else { throw broken(d, "RA version 1", "version \(version)") }
        let chunkLength = u16(2)
        let count = u16(4)
        guard chunkLength > 0 else { throw broken(d + 2, "a chunk length above 0", "0") }
        guard count > 0 else { throw broken(d + 4, "at least one chunk", "0") }
        guard len == 6 + 2 * count else {
          throw broken(d, "\(6 + 2 * count) bytes of RA data for \(count) chunks", "\(len)")
        }
        table = (chunkLength, (0..<count).map { u16(6 + 2 * $0) })
      }
      k += 4 + len
    }
    guard let table else { throw broken(12, "an RA subfield in the extra field", "none") }
    var offset = 12 + extraLength
    // Skip FNAME and FCOMMENT (zero-terminated) and FHCRC.
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
      while true {
        guard offset < fileSize else { throw broken(offset, "a zero-terminated gzip header string", "the end of the file") }
        let byte = try readExactly(fd, 1, at: offset, path: path)
        offset += 1
        if byte.first == 0 { break }
      }
    }
    if flags & 0x02 != 0 { offset += 2 }
    var offsets = [offset]
    offsets.reserveCapacity(table.sizes.count + 1)
    for size in table.sizes {
      offset += size
      offsets.append(offset)
    }
    guard offset + 8 <= fileSize else {
      throw broken(
        12, "chunks totalling \(offset - (offsets.first ?? 0)) compressed bytes plus an 8-byte trailer",
        "\(fileSize - (offsets.first ?? 0)) bytes after the header")
    }
    let trailer = try readExactly(fd, 4, at: fileSize - 4, path: path)
    let isize = Int(trailer[0]) | Int(trailer[1]) << 8 | Int(trailer[2]) << 16 | Int(trailer[3]) << 24
    // ISIZE is the length modulo 2^32: pick the value consistent with the
    // chunk count, which fills every chunk but the last.
    let minimum = (table.sizes.count - 1) * table.chunkLength + 1
    let maximum = table.sizes.count * table.chunkLength
    var length = isize
    if length < minimum { length += ((minimum - length + (1 << 32) - 1) >> 32) << 32 }
    guard length <= maximum else {
      throw broken(
        fileSize - 4,
        "an uncompressed size (gzip ISIZE) of \(minimum)–\(maximum) bytes for \(table.sizes.count) chunks of \(table.chunkLength)",
        "\(isize)")
    }
    return (table.chunkLength, offsets, length)
  }

  /// The uncompressed bytes `[offset, offset + length)`.
  /// - Parameters:
  ///   - offset: The start, from the index.
  ///   - length: How many bytes, from the index.
  /// - Returns: The bytes.
  /// - Throws: ``LexiconError`` (`malformed`) when the range is past the end
  ///   of the text or a chunk does not inflate.
  public func read(offset: Int, length count: Int) throws(LexiconError) -> [UInt8] {
    guard offset >= 0, count >= 0, offset <= self.length, count <= self.length - offset else {
      throw LexiconError(
        .malformed, at: SourceLocation(path: path),
        expectedFound("a range inside the text's \(self.length) bytes", "bytes \(offset)..<\(offset + count)"))
    }
    guard count > 0 else { return [] }
    guard isCompressed else { return try Self.readExactly(fd, count, at: offset, path: path) }
    var out: [UInt8] = []
    out.reserveCapacity(count)
    var position = offset
    let end = offset + count
    while position < end {
      let index = position / chunkLength
      let chunk = try decodedChunk(index)
      let start = position - index * chunkLength
      let stop = min(chunk.count, end - index * chunkLength)
      guard start < stop else {
        throw LexiconError(
          .malformed, at: SourceLocation(path: path),
          expectedFound("chunk \(index) to hold byte \(position)", "\(chunk.count) bytes in it"))
      }
      out.append(contentsOf: chunk[start..<stop])
      position = index * chunkLength + stop
    }
    return out
  }

  /// Chunk `index`, inflated (from the cache when recent).
  private func decodedChunk(_ index: Int) throws(LexiconError) -> [UInt8] {
    if let hit = cache.lastIndex(where: { $0.index == index }) {
      return cache[hit].bytes
    }
    guard index + 1 < chunkOffsets.count else {
      throw LexiconError(
        .malformed, at: SourceLocation(path: path), expectedFound("a chunk below \(chunkOffsets.count - 1)", "chunk \(index)"))
    }
    let start = chunkOffsets[index]
    let compressed = try Self.readExactly(fd, chunkOffsets[index + 1] - start, at: start, path: path)
    let expected = index == chunkOffsets.count - 2 ? length - index * chunkLength : chunkLength
    let output: [UInt8]
    switch inflateRaw(compressed, expected: expected) {
    case .success(let bytes):
      output = bytes
    case .failure(let failure):
      throw LexiconError(
        .malformed, at: SourceLocation(path: path, byteOffset: start),
        "damaged dictzip chunk \(index) at byte \(start): "
          + expectedFound("\(expected) bytes", "\(failure.produced) (\(failure.message))"))
    }
    chunksInflated += 1
    if cache.count >= cacheSize { cache.removeFirst() }
    cache.append((index, output))
    return output
  }

  /// Why a chunk did not inflate.
  private struct InflateFailure: Error {
    var produced: Int
    var message: String
  }

  /// The one zlib call of a read: inflates one full-flushed chunk into
  /// exactly `expected` bytes.
  private func inflateRaw(_ compressed: [UInt8], expected: Int) -> Result<[UInt8], InflateFailure> {
    var output = [UInt8](repeating: 0, count: max(0, expected))
    inflateReset(&stream)
    var produced = 0
    let status: Int32 = compressed.withUnsafeBytes { input in
      output.withUnsafeMutableBytes { out in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(out.count)
        let status = inflate(&stream, Z_SYNC_FLUSH)
        produced = out.count - Int(stream.avail_out)
        return status
      }
    }
    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, produced == expected else {
      return .failure(InflateFailure(produced: produced, message: stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"))
    }
    return .success(output)
  }
}
