/// A 64-bit FNV-1a hash: stable across runs and machines (unlike `Hasher`),
/// so splits and duplicate checks are reproducible.
///
/// Fowler, Noll & Vo, http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a,
/// 64-bit offset basis and prime). Not cryptographic.
/// - Complexity: O(*n*) in the bytes hashed.
public struct ContentHash: Sendable, Hashable {
  /// The hash so far.
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Starts a hash, optionally mixed with a seed.
  /// - Parameter seed: Mixed in first, so that different seeds give
  ///   different (but each reproducible) hashes.
  public init(seed: UInt64 = 0) {
    if seed != 0 {
      var s = seed
      for _ in 0..<8 {
        add(UInt8(truncatingIfNeeded: s))
        s >>= 8
      }
    }
  }

  /// Adds one byte.
  @inline(__always)
  public mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  /// Adds bytes.
  public mutating func add<S: Sequence<UInt8>>(_ bytes: S) {
    for byte in bytes { add(byte) }
  }

  /// The final value, with a last avalanche step (from SplitMix64) so that
  /// low bits are well mixed for `%`.
  public var finalized: UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

/// A 64-bit hash of byte strings taken eight bytes at a time, for exact
/// duplicate detection: deterministic (not seeded per process, unlike
/// `Hasher`), several times faster than ``ContentHash``'s byte-by-byte
/// FNV-1a. Each string added is closed with its length, so `["ab", "c"]`
/// and `["a", "bc"]` differ. Not cryptographic; not API.
struct BlockHash {
  private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    value = ((value ^ (word &* 0x87C3_7B91_1142_53D5)).rotated(31) &* 0x4CF5_AD43_2745_937F) &+ 0x52DC_E729
  }

  /// Adds one string of bytes.
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
    var i = 0
    if let base = bytes.baseAddress {
      while i + 8 <= bytes.count {
        mix(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        i += 8
      }
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count {
      tail |= UInt64(bytes[i]) << shift
      shift += 8
      i += 1
    }
    mix(tail)
    mix(UInt64(bytes.count))
  }

  /// The final value (SplitMix64's last step).
  var finalized: UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

extension UInt64 {
  @inline(__always)
  fileprivate func rotated(_ bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
