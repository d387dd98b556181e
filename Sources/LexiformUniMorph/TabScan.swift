/// Where the tabs of a line are: the first three and how many, found 8
/// bytes at a time (a table row has two; a call to `memchr` per field costs
/// more than the field).
struct TabScan {
  /// The byte offsets of the first, second and third tab; -1 where there is none.
  private(set) var first = -1
  private(set) var second = -1
  private(set) var third = -1
  /// How many tabs the line has.
  private(set) var count = 0

  /// Scans a line.
  /// - Parameter line: The line's bytes.
  @inline(__always)
  init(_ line: UnsafeBufferPointer<UInt8>) {
    guard let base = line.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let length = line.count
    var at = 0
    // Byte k of the line is byte k of `word` (bits 8k…8k+7). A byte of
    // `word ^ 0x09…` is 0 exactly where the line has a tab; `zeroBytes`
    // has the high bit of each such byte set (and no other bit).
    while at &+ 8 <= length {
      scan(raw, word: at, from: at)
      at &+= 8
    }
    if at < length {
      if length >= 8 {
        // The last 8 bytes, overlapping the word before: only the bytes
        // from `at` on count.
        scan(raw, word: length - 8, from: at)
      } else {
        for index in at..<length where base[index] == 0x09 { record(index) }
      }
    }
  }

  /// Records the tabs in the 8 bytes at `offset`, from byte `from` on.
  @inline(__always)
  private mutating func scan(_ raw: UnsafeRawPointer, word offset: Int, from: Int) {
    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ 0x0909_0909_0909_0909
    var zeroBytes = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word | 0x7F7F_7F7F_7F7F_7F7F)
    zeroBytes &= ~0 &<< UInt64(truncatingIfNeeded: (from &- offset) &* 8)
    while zeroBytes != 0 {
      record(offset &+ zeroBytes.trailingZeroBitCount &>> 3)
      zeroBytes &= zeroBytes &- 1
    }
  }

  @inline(__always)
  private mutating func record(_ index: Int) {
    switch count {
    case 0: first = index
    case 1: second = index
    case 2: third = index
    default: break
    }
    count &+= 1
  }
}
