import LexiformCore

/// A trained baseline's rules in flat arrays, for prediction and for model
/// files that load at the speed of copying memory.
///
/// One *group* per (bundle, side, input sequence), the groups sorted by a
/// 64-bit hash of that triple; each group holds its rules (output, count,
/// first-seen order) in order of first appearance. Symbols of inputs and
/// outputs live in one pool. A look-up hashes the candidate input, finds
/// the groups with that hash by binary search, and checks the input itself,
/// so hash collisions cost a comparison, never a wrong rule.
///
/// - Complexity: a look-up is O(log *g* + *k*) for *g* groups and an input of
///   length *k*; loading is O(size of the file).
struct RuleIndex: Sendable {
  /// The two sides of a bundle's rules.
  enum Side: Int { case suffix = 0, prefix = 1 }

  private(set) var keys: [UInt64] = []
  private(set) var inputStart: [Int32] = []
  private(set) var inputLength: [Int32] = []
  /// The first rule of each group, plus one past the last rule.
  private(set) var firstRule: [Int32] = [0]
  private(set) var outputStart: [Int32] = []
  private(set) var outputLength: [Int32] = []
  private(set) var counts: [Int32] = []
  private(set) var orders: [Int32] = []
  private(set) var pool: [Int32] = []
  /// The longest input per bundle and side: `longest[2 * bundle + side]`.
  private(set) var longest: [Int32] = []

  /// A rule found by a look-up: how many symbols of the word it rewrites,
  /// and its index.
  typealias Match = (length: Int, rule: Int)

  init() {}

  /// Freezes the rule tables built during training.
  init(_ bundles: [BundleRules]) {
    var groups: [(key: UInt64, bundle: Int, side: Int, input: [Int32], rules: [BundleRules.Rule])] = []
    for (b, bundle) in bundles.enumerated() {
      longest.append(Int32(bundle.longestSuffix))
      longest.append(Int32(bundle.longestPrefix))
      for (side, table) in [(0, bundle.suffix), (1, bundle.prefix)] {
        for (input, rules) in table {
          groups.append((Self.key(b, side, input[...]), b, side, input, rules))
        }
      }
    }
    // The same model always gives the same arrays: ties in the hash are
    // ordered by bundle, side and input.
    groups.sort { x, y in
      if x.key != y.key { return x.key < y.key }
      if x.bundle != y.bundle { return x.bundle < y.bundle }
      if x.side != y.side { return x.side < y.side }
      return x.input.lexicographicallyPrecedes(y.input)
    }
    for group in groups {
      keys.append(group.key)
      inputStart.append(Int32(pool.count))
      inputLength.append(Int32(group.input.count))
      pool += group.input
      for rule in group.rules.sorted(by: { $0.order < $1.order }) {
        outputStart.append(Int32(pool.count))
        outputLength.append(Int32(rule.output.count))
        pool += rule.output
        counts.append(rule.count)
        orders.append(rule.order)
      }
      firstRule.append(Int32(counts.count))
    }
  }

  /// FNV-1a (64-bit) over the bundle, the side and the symbols, with a final
  /// avalanche (SplitMix64) so that the high bits spread.
  static func key(_ bundle: Int, _ side: Int, _ symbols: ArraySlice<Int32>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) func mix(_ v: UInt32) {
      for shift in stride(from: 0, to: 32, by: 8) {
        h = (h ^ UInt64((v >> UInt32(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
      }
    }
    mix(UInt32(truncatingIfNeeded: bundle))
    mix(UInt32(side))
    for s in symbols { mix(UInt32(bitPattern: s)) }
    h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
    h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
    return h ^ (h >> 31)
  }

  /// The rules whose input is exactly `input`.
  func rules(_ bundle: Int, _ side: Side, _ input: ArraySlice<Int32>) -> Range<Int>? {
    let key = Self.key(bundle, side.rawValue, input)
    var lo = 0
    var hi = keys.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if keys[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    var g = lo
    while g < keys.count && keys[g] == key {
      let start = Int(inputStart[g])
      if Int(inputLength[g]) == input.count && pool[start..<(start + input.count)].elementsEqual(input) {
        return Int(firstRule[g])..<Int(firstRule[g + 1])
      }
      g += 1
    }
    return nil
  }

  /// A rule's output symbols.
  func output(_ rule: Int) -> ArraySlice<Int32> {
    let start = Int(outputStart[rule])
    return pool[start..<(start + Int(outputLength[rule]))]
  }

  private func longestInput(_ bundle: Int, _ side: Side) -> Int {
    let k = 2 * bundle + side.rawValue
    return k < longest.count ? Int(longest[k]) : 0
  }

  /// Whether rule `a` is preferred to rule `b` among suffix rules of one
  /// input length: more frequent, then a longer output, then seen first.
  private func suffixPreferred(_ a: Int, _ b: Int) -> Bool {
    if counts[a] != counts[b] { return counts[a] > counts[b] }
    if outputLength[a] != outputLength[b] { return outputLength[a] > outputLength[b] }
    return orders[a] < orders[b]
  }

  /// The baseline's suffix rule for `base`: the longest applicable input,
  /// then the most frequent rule, the longest output, the first seen.
  func bestSuffix(_ bundle: Int, _ base: [Int32]) -> Match? {
    for length in stride(from: min(longestInput(bundle, .suffix), base.count), through: 1, by: -1) {
      guard let range = rules(bundle, .suffix, base[(base.count - length)...]), var best = range.first else { continue }
      for r in range.dropFirst() where suffixPreferred(r, best) { best = r }
      return (length, best)
    }
    return nil
  }

  /// Every applicable suffix rule, best first.
  func suffixCandidates(_ bundle: Int, _ base: [Int32]) -> [Match] {
    var found: [Match] = []
    for length in stride(from: min(longestInput(bundle, .suffix), base.count), through: 1, by: -1) {
      guard let range = rules(bundle, .suffix, base[(base.count - length)...]) else { continue }
      found += range.map { (length, $0) }.sorted { suffixPreferred($0.rule, $1.rule) }
    }
    return found
  }

  /// Every applicable prefix rule, best first: most frequent, then seen first
  /// (the baseline does not prefer longer prefix rules).
  func prefixCandidates(_ bundle: Int, _ base: [Int32]) -> [Match] {
    var found: [Match] = []
    for length in stride(from: min(longestInput(bundle, .prefix), base.count), through: 1, by: -1) {
      guard let range = rules(bundle, .prefix, base[..<length]) else { continue }
      found += range.map { (length, $0) }
    }
    return found.sorted { x, y in
      counts[x.rule] != counts[y.rule] ? counts[x.rule] > counts[y.rule] : orders[x.rule] < orders[y.rule]
    }
  }

  /// The number of rules.
  var ruleCount: Int { counts.count }

  // MARK: Serialization

  /// Appends the arrays as little-endian fixed-width integers, each array
  /// after its length.
  func write(to out: inout [UInt8]) {
    Self.write(keys, to: &out)
    for array in [inputStart, inputLength, firstRule, outputStart, outputLength, counts, orders, pool, longest] {
      Self.write(array, to: &out)
    }
  }

  private static func write<T: FixedWidthInteger>(_ array: [T], to out: inout [UInt8]) {
    var count = UInt64(array.count).littleEndian
    withUnsafeBytes(of: &count) { out.append(contentsOf: $0) }
    for value in array {
      var v = value.littleEndian
      withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
    }
  }

  /// Reads what ``write(to:)`` wrote and checks that every index is in range.
  /// - Parameters:
  ///   - bytes: The payload.
  ///   - offset: Where the index starts; moved past it.
  ///   - bundles: How many bundles the header lists.
  ///   - symbols: The number of symbol ids (alphabet + 2).
  init(bytes: [UInt8], offset: inout Int, bundles: Int, symbols: Int32) throws(InflectionError) {
    keys = try Self.read(bytes, &offset)
    inputStart = try Self.read(bytes, &offset)
    inputLength = try Self.read(bytes, &offset)
    firstRule = try Self.read(bytes, &offset)
    outputStart = try Self.read(bytes, &offset)
    outputLength = try Self.read(bytes, &offset)
    counts = try Self.read(bytes, &offset)
    orders = try Self.read(bytes, &offset)
    pool = try Self.read(bytes, &offset)
    longest = try Self.read(bytes, &offset)
    func check(_ ok: Bool, _ what: String) throws(InflectionError) {
      if !ok { throw InflectionError(.corruptModel, at: nil, "baseline payload: \(what)") }
    }
    let groups = keys.count
    let rules = counts.count
    try check(
      inputStart.count == groups && inputLength.count == groups && firstRule.count == groups + 1,
      "group arrays of different lengths")
    try check(outputStart.count == rules && outputLength.count == rules && orders.count == rules, "rule arrays of different lengths")
    try check(longest.count == 2 * bundles, expectedFound("\(2 * bundles) longest-input entries", "\(longest.count)"))
    try check(firstRule.first == 0 && firstRule.last.map(Int.init) == rules, "rule ranges do not cover the rules")
    for g in 0..<groups {
      try check(firstRule[g] <= firstRule[g + 1], "rule ranges out of order")
      try check(inputStart[g] >= 0 && inputLength[g] >= 0 && Int(inputStart[g]) + Int(inputLength[g]) <= pool.count, "input out of range")
      try check(g == 0 || keys[g - 1] <= keys[g], "groups out of order")
    }
    for r in 0..<rules {
      try check(outputStart[r] >= 0 && outputLength[r] >= 0 && Int(outputStart[r]) + Int(outputLength[r]) <= pool.count, "output out of range")
    }
    try check(pool.allSatisfy { $0 >= 0 && $0 < symbols }, "symbol outside the alphabet")
  }

  private static func read<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: inout Int) throws(InflectionError) -> [T] {
    let size = MemoryLayout<T>.size
    guard offset + 8 <= bytes.count else { throw truncated(offset) }
    var n: UInt64 = 0
    for k in 0..<8 { n |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
    offset += 8
    guard n <= UInt64((bytes.count - offset) / size) else { throw truncated(offset) }
    let count = Int(n)
    let start = offset
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        for k in 0..<count {
          buffer[k] = T(littleEndian: raw.loadUnaligned(fromByteOffset: start + k * size, as: T.self))
        }
      }
      initialized = count
    }
    offset += count * size
    return values
  }

  private static func truncated(_ offset: Int) -> InflectionError {
    InflectionError(.corruptModel, at: nil, "baseline payload: truncated at byte \(offset)")
  }
}
