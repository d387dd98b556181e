import LexiformUnicode

/// What the table-driven word breaker knows of a code point, in one byte:
/// its Word_Break value (UAX #29 §4.1) in the low 5 bits, whether it is
/// Extended_Pictographic, and whether the line must go to ICU instead.
enum WordBreakEntry {
  /// The Word_Break value, as ICU's `UWordBreakValues`.
  static let classMask: UInt8 = 0x1F
  /// Extended_Pictographic (for WB3c).
  static let pictographic: UInt8 = 0x20
  /// ICU segments text with this code point with a dictionary or rules
  /// beyond UAX #29 (LineBreak=Complex_Context, Han, Hiragana, Katakana,
  /// Hangul syllables, ideographs), or the value is one the breaker does not
  /// handle: the line goes to ICU.
  static let needsICU: UInt8 = 0x40
  /// Extend, Format or ZWJ: what WB4 ignores.
  static let ignorable: UInt8 = 0x80

  // Word_Break values, as ICU numbers them (``WordBreakProperty``).
  static let other: UInt8 = 0
  static let aLetter: UInt8 = 1
  static let format: UInt8 = 2
  static let katakana: UInt8 = 3
  static let midLetter: UInt8 = 4
  static let midNum: UInt8 = 5
  static let numeric: UInt8 = 6
  static let extendNumLet: UInt8 = 7
  static let cr: UInt8 = 8
  static let extend: UInt8 = 9
  static let lf: UInt8 = 10
  static let midNumLet: UInt8 = 11
  static let newline: UInt8 = 12
  static let regionalIndicator: UInt8 = 13
  static let hebrewLetter: UInt8 = 14
  static let singleQuote: UInt8 = 15
  static let doubleQuote: UInt8 = 16
  static let zwj: UInt8 = 21
  static let wSegSpace: UInt8 = 22

  /// Looks a code point up in ICU.
  static func compute(_ scalar: Unicode.Scalar) -> UInt8 {
    let value = WordBreakProperty.of(scalar).rawValue
    guard (0...16).contains(value) || value == 21 || value == 22 else { return needsICU }
    let script = ScriptCode.of(scalar)
    if LineBreakProperty.of(scalar) == .complexContext || value == Int32(katakana)
      || script == .han || script == .hiragana || script == .katakana
      || (0xAC00...0xD7A3).contains(scalar.value) || UnicodeProperty.ideographic.holds(for: scalar)
    {
      return needsICU
    }
    var entry = UInt8(value)
    // ICU's root rules take the colons out of MidLetter (Swedish keeps them
    // through its own tailoring): `$MidLetter = [\p{Word_Break = MidLetter} - [\: \uFE55 \uFF1A]]`.
    if entry == midLetter && [0x3A, 0xFE55, 0xFF1A].contains(scalar.value) { entry = other }
    // And make `@` a letter, so that `@user` and `user@example` stay words:
    // `$ALetter = [\p{Word_Break = ALetter} @]`.
    if scalar == "@" { entry = aLetter }
    if UnicodeProperty.extendedPictographic.holds(for: scalar) { entry |= pictographic }
    if entry == extend || entry == format || entry == zwj { entry |= ignorable }
    return entry
  }
}

extension Tokenizer {
  /// Finds the word boundaries of `units` without ICU, for text whose code
  /// points all have plain UAX #29 word boundaries in ICU (no dictionary
  /// script): the rules WB3–WB999 of [UAX #29 revision 41] (Unicode 15.0),
  /// as ICU 72's root `word.txt` applies them, read from a per-code-point
  /// table. Fills `boundaries` as ``WordBreakIterator/boundaries(of:into:)``
  /// does.
  ///
  /// [UAX #29 revision 41]: https://www.unicode.org/reports/tr29/tr29-41.html#Word_Boundary_Rules
  /// - Returns: `false`, with `boundaries` unspecified, when a code point
  ///   needs ICU (see ``WordBreakEntry/needsICU``).
  /// - Complexity: O(*n*) in the number of units.
  func tableWordBoundaries() -> Bool {
    let n = units.count
    guard n > 0 else {
      boundaries.removeAll(keepingCapacity: true)
      return true
    }
    // 1. The class of every code point and the unit where it starts
    // (``decode(_:)`` found them unless the line was normalized).
    var count = classifiedPoints
    if count >= 0 {
      guard !classifiedNeedsICU else { return false }
    } else if !classify() {
      return false
    } else {
      count = classifiedPoints
    }
    // 2. The rules, left to right.
    if boundaries.count < count + 1 {
      boundaries.append(contentsOf: repeatElement(0, count: count + 1 - boundaries.count))
    }
    let found = classes.withUnsafeBufferPointer { c in
      starts.withUnsafeBufferPointer { s in
        boundaries.withUnsafeMutableBufferPointer { b in
          guard let c = c.baseAddress, let s = s.baseAddress, let b = b.baseAddress else { return 0 }
          return Self.findBoundaries(classes: c, starts: s, count: count, into: b)
        }
      }
    }
    boundaries.removeSubrange(found...)
    return true
  }

  /// Fills `classes` and `starts` from `units`.
  /// - Returns: `false` as soon as a code point needs ICU.
  private func classify() -> Bool {
    let n = units.count
    if classes.count < n + 1 { classes = [UInt8](repeating: 0, count: n + 1) }
    if starts.count < n + 1 { starts = [Int32](repeating: 0, count: n + 1) }
    let table = self.table
    var count = 0
    let ok = units.withUnsafeBufferPointer { u -> Bool in
      classes.withUnsafeMutableBufferPointer { c -> Bool in
        starts.withUnsafeMutableBufferPointer { s -> Bool in
          guard let u = u.baseAddress, let c = c.baseAddress, let s = s.baseAddress else { return false }
          var k = 0
          while k < n {
            var value = UInt32(u[k])
            var width = 1
            if value & 0xFC00 == 0xD800, k + 1 < n, u[k + 1] & 0xFC00 == 0xDC00 {
              value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(u[k + 1]) - 0xDC00)
              width = 2
            }
            let entry = table.wordBreak(value)
            if entry & WordBreakEntry.needsICU != 0 { return false }
            c[count] = entry
            s[count] = Int32(k)
            count += 1
            k += width
          }
          s[count] = Int32(n)
          return true
        }
      }
    }
    classifiedPoints = ok ? count : -1
    return ok
  }

  /// What the rules say between two code points that WB4 does not ignore,
  /// `p` then `x`, indexed by `ignored << 10 | p << 5 | x` where `ignored`
  /// says that Extend, Format or ZWJ came between them: 0 break, 1 no
  /// break, 2 it depends on the code points around (WB6, WB7, WB7b, WB7c,
  /// WB11, WB12, WB15, WB16).
  static let pairRules: [UInt8] = {
    typealias E = WordBreakEntry
    func isAHLetter(_ x: UInt8) -> Bool { x == E.aLetter || x == E.hebrewLetter }
    func isMidLetterQ(_ x: UInt8) -> Bool { x == E.midLetter || x == E.midNumLet || x == E.singleQuote }
    func isMidNumQ(_ x: UInt8) -> Bool { x == E.midNum || x == E.midNumLet || x == E.singleQuote }
    func isNewline(_ x: UInt8) -> Bool { x == E.cr || x == E.lf || x == E.newline }
    var rules = [UInt8](repeating: 0, count: 2 << 10)
    for ignored in 0..<2 {
      for p in UInt8(0)..<32 {
        for x in UInt8(0)..<32 {
          var rule: UInt8 = 0
          if x == E.regionalIndicator {
            rule = 2  // WB15, WB16 (and counting)
          } else if p == E.cr && x == E.lf && ignored == 0 {
            rule = 1  // WB3
          } else if isNewline(p) || isNewline(x) {
            rule = 0  // WB3a, WB3b
          } else if p == E.wSegSpace && x == E.wSegSpace && ignored == 0 {
            rule = 1  // WB3d
          } else if isAHLetter(p) && isAHLetter(x) {
            rule = 1  // WB5
          } else if p == E.hebrewLetter && x == E.singleQuote {
            rule = 1  // WB7a
          } else if isAHLetter(p) && isMidLetterQ(x) {
            rule = 2  // WB6
          } else if p == E.hebrewLetter && x == E.doubleQuote {
            rule = 2  // WB7b
          } else if (isMidLetterQ(p) && isAHLetter(x)) || (p == E.doubleQuote && x == E.hebrewLetter) {
            rule = 2  // WB7, WB7c
          } else if (p == E.numeric && x == E.numeric) || (isAHLetter(p) && x == E.numeric)
            || (p == E.numeric && isAHLetter(x))
          {
            rule = 1  // WB8, WB9, WB10
          } else if (isMidNumQ(p) && x == E.numeric) || (p == E.numeric && isMidNumQ(x)) {
            rule = 2  // WB11, WB12
          } else if p == E.katakana && x == E.katakana {
            rule = 1  // WB13
          } else if x == E.extendNumLet
            && (isAHLetter(p) || p == E.numeric || p == E.katakana || p == E.extendNumLet)
          {
            rule = 1  // WB13a
          } else if p == E.extendNumLet && (isAHLetter(x) || x == E.numeric || x == E.katakana) {
            rule = 1  // WB13b
          }
          rules[ignored << 10 | Int(p) << 5 | Int(x)] = rule
        }
      }
    }
    return rules
  }()

  /// Applies WB3–WB999 to `count` code points of the given classes
  /// (``WordBreakEntry`` bytes) and writes the unit offset of each boundary
  /// after the start (`starts[i]` for a boundary before code point *i*;
  /// `starts[count]` last) to `boundaries`, which has room for `count`.
  /// - Returns: The number of boundaries written.
  static func findBoundaries(
    classes c: UnsafePointer<UInt8>, starts s: UnsafePointer<Int32>, count: Int,
    into boundaries: UnsafeMutablePointer<Int32>
  ) -> Int {
    typealias E = WordBreakEntry
    let mask = E.classMask
    @inline(__always) func isAHLetter(_ x: UInt8) -> Bool { x == E.aLetter || x == E.hebrewLetter }
    /// The class of the first code point from `i` on that WB4 does not ignore.
    @inline(__always) func next(from i: Int) -> UInt8 {
      var j = i
      while j < count {
        if c[j] & E.ignorable == 0 { return c[j] & mask }
        j += 1
      }
      return 0x1F
    }
    return pairRules.withUnsafeBufferPointer { rules -> Int in
      guard let rules = rules.baseAddress else { return 0 }
      // `p` is the class of the last code point that WB4 does not ignore (an
      // ignorable code point after sot or a newline stands for itself, as
      // Other), `pp` the one before it; `ri` counts the regional indicators
      // that end at `p`; `ignored` says Extend/Format/ZWJ followed `p`,
      // `afterZWJ` that the code point before is ZWJ.
      var p = c[0] & E.ignorable != 0 ? E.other : c[0] & mask
      var pp: UInt8 = 0x1F
      var ri = p == E.regionalIndicator ? 1 : 0
      var ignored = 0
      var afterZWJ = c[0] & mask == E.zwj
      var n = 0
      var i = 1
      while i < count {
        let entry = c[i]
        let x = entry & mask
        if entry & E.ignorable != 0 {
          if p == E.cr || p == E.lf || p == E.newline {
            boundaries[n] = s[i]  // WB3a
            n += 1
            pp = p
            p = E.other
          }  // else WB4
          ignored = 1
          afterZWJ = x == E.zwj
          i += 1
          continue
        }
        var join: Bool
        if afterZWJ && entry & E.pictographic != 0 {
          join = true  // WB3c
        } else {
          let rule = rules[ignored << 10 | Int(p) << 5 | Int(x)]
          join = rule == 1
          if rule == 2 {
            switch x {
            case E.aLetter, E.hebrewLetter:
              join = p == E.doubleQuote ? pp == E.hebrewLetter : isAHLetter(pp)  // WB7c, WB7
            case E.numeric:
              join = pp == E.numeric  // WB11
            case E.regionalIndicator:
              if p == E.regionalIndicator {
                join = ri % 2 == 1  // WB15, WB16
                ri = join ? ri + 1 : 1
              } else {
                ri = 1
              }
            case E.doubleQuote:
              join = next(from: i + 1) == E.hebrewLetter  // WB7b
            default:
              let following = next(from: i + 1)
              join = p == E.numeric ? following == E.numeric : isAHLetter(following)  // WB12, WB6
            }
          }
        }
        boundaries[n] = s[i]
        n += join ? 0 : 1
        pp = p
        p = x
        ignored = 0
        afterZWJ = false
        i += 1
      }
      boundaries[n] = s[count]
      return n + 1
    }
  }
}
