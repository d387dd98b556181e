import LexiformUnicode

extension Tokenizer {
  /// Applies the profile's rules to `spans`: extra letters and hyphenated
  /// words join neighbouring tokens, clitics split off, scripts split (on
  /// request), Moses hyphens.
  func applyProfile() {
    let profile = options.profile
    let joinsHyphens = profile.joinsHyphenatedWords || options.style == .moses
    let hasLetters = !profile.letters.isEmpty
    if joinsHyphens || hasLetters {
      scratch.removeAll(keepingCapacity: true)
      var i = 0
      while i < spans.count {
        let span = spans[i]
        if var last = scratch.last, last.end == span.start {
          if hasLetters,
            (isOnlyProfileLetters(span) && endsWithWordCharacter(last))
              || (isOnlyProfileLetters(last) && startsWithWordCharacter(span))
          {
            last.end = span.end
            scratch[scratch.count - 1] = last
            i += 1
            continue
          }
          if joinsHyphens, isSingleHyphen(span), endsWithWordCharacter(last), i + 1 < spans.count,
            spans[i + 1].start == span.end, startsWithWordCharacter(spans[i + 1])
          {
            last.end = spans[i + 1].end
            scratch[scratch.count - 1] = last
            i += 2
            continue
          }
        }
        scratch.append(span)
        i += 1
      }
      swap(&spans, &scratch)
    }
    if !prefixClitics.isEmpty || !suffixClitics.isEmpty { splitClitics() }
    if options.splitsAtScriptChanges { splitAtScriptChanges() }
    if mosesApostropheSplit != .none { splitAtApostrophesMosesStyle() }
    if options.style == .moses && options.mosesAggressiveHyphens { splitHyphensMosesStyle() }
  }

  private func isOnlyProfileLetters(_ span: Span) -> Bool {
    var k = Int(span.start)
    while k < Int(span.end) {
      let (value, width) = codePoint(at: k)
      let flags = table.flags(value)
      if !flags.contains(.profileLetter) && !(k > Int(span.start) && flags.contains(.mark)) { return false }
      k += width
    }
    return true
  }

  private func startsWithWordCharacter(_ span: Span) -> Bool {
    table.flags(codePoint(at: Int(span.start)).value).contains(.wordCharacter)
  }

  private func endsWithWordCharacter(_ span: Span) -> Bool {
    table.flags(codePoint(before: Int(span.end)).value).contains(.wordCharacter)
  }

  private func isSingleHyphen(_ span: Span) -> Bool {
    span.end - span.start == 1 && table.flags(UInt32(units[Int(span.start)])).contains(.hyphen)
  }

  /// Whether the units at `k` spell `clitic` (lowercase ASCII; `'` matches
  /// any apostrophe).
  private func matches(_ clitic: [UInt16], at k: Int) -> Bool {
    for (offset, c) in clitic.enumerated() {
      var unit = units[k + offset]
      if c == 0x27 {
        if !table.flags(UInt32(unit)).contains(.apostrophe) { return false }
        continue
      }
      if unit >= 0x41 && unit <= 0x5A { unit += 0x20 }
      if unit != c { return false }
    }
    return true
  }

  private func splitClitics() {
    scratch.removeAll(keepingCapacity: true)
    for span in spans {
      var span = span
      let length = Int(span.end - span.start)
      if let clitic = prefixClitics.first(where: { $0.count < length && matches($0, at: Int(span.start)) }) {
        let cut = span.start + Int32(clitic.count)
        scratch.append(Span(start: span.start, end: cut))
        span.start = cut
      }
      let rest = Int(span.end - span.start)
      if let clitic = suffixClitics.first(where: { $0.count < rest && matches($0, at: Int(span.end) - $0.count) }) {
        let cut = span.end - Int32(clitic.count)
        scratch.append(Span(start: span.start, end: cut))
        span.start = cut
      }
      scratch.append(span)
    }
    swap(&spans, &scratch)
  }

  /// Script codes that never split from each other: Han, Hiragana and
  /// Katakana write one Japanese word together.
  @inline(__always)
  private func scriptFamily(_ script: Int32) -> Int32 {
    script == ScriptCode.hiragana.rawValue || script == ScriptCode.katakana.rawValue ? ScriptCode.han.rawValue : script
  }

  private func splitAtScriptChanges() {
    scratch.removeAll(keepingCapacity: true)
    let common = ScriptCode.common.rawValue
    let inherited = ScriptCode.inherited.rawValue
    for span in spans {
      var start = Int(span.start)
      var current: Int32 = -1
      var k = start
      while k < Int(span.end) {
        let (value, width) = codePoint(at: k)
        let script = scriptFamily(table.script(value))
        // A combining mark counts as its base's script, even a mark of
        // another script (`c` + U+0B57): it is never cut off. Nor is a
        // normalization chunk cut, whose pieces would share one range of the
        // original line.
        if script != common && script != inherited && !table.flags(value).contains(.mark) {
          if current >= 0 && script != current && k > start && !(normalized && inside[k]) {
            scratch.append(Span(start: Int32(start), end: Int32(k)))
            start = k
          }
          current = script
        }
        k += width
      }
      scratch.append(Span(start: Int32(start), end: span.end))
    }
    swap(&spans, &scratch)
  }

  private func splitAtApostrophesMosesStyle() {
    scratch.removeAll(keepingCapacity: true)
    let after = mosesApostropheSplit == .after
    for span in spans {
      var start = Int(span.start)
      var k = start + 1
      while k < Int(span.end) - 1 {
        if table.flags(UInt32(units[k])).contains(.apostrophe), table.flags(codePoint(before: k).value).contains(.wordCharacter),
          table.flags(codePoint(at: k + 1).value).contains(.wordCharacter)
        {
          let cut = after ? k + 1 : k
          scratch.append(Span(start: Int32(start), end: Int32(cut)))
          start = cut
        }
        k += 1
      }
      scratch.append(Span(start: Int32(start), end: span.end, replacement: span.replacement))
    }
    swap(&spans, &scratch)
  }

  private func splitHyphensMosesStyle() {
    scratch.removeAll(keepingCapacity: true)
    for span in spans {
      var start = Int(span.start)
      var k = start + 1
      while k < Int(span.end) - 1 {
        // Not when what follows shares the hyphen's normalization chunk
        // (`-` + U+1161): the `@-@` token and the next would overlap.
        if table.flags(UInt32(units[k])).contains(.hyphen), table.flags(codePoint(before: k).value).contains(.wordCharacter),
          table.flags(codePoint(at: k + 1).value).contains(.wordCharacter), !(normalized && inside[k + 1])
        {
          scratch.append(Span(start: Int32(start), end: Int32(k)))
          scratch.append(Span(start: Int32(k), end: Int32(k + 1), replacement: .mosesHyphen))
          start = k + 1
        }
        k += 1
      }
      scratch.append(Span(start: Int32(start), end: span.end, replacement: span.replacement))
    }
    swap(&spans, &scratch)
  }

  /// The ICU script code of token `index` (see ``Token/script``).
  func scriptCode(of index: Int) -> Int32 {
    units.withUnsafeBufferPointer { units in
      guard let units = units.baseAddress else { return ScriptCode.common.rawValue }
      // Only tokens without a script of their own look at the one before.
      return scriptCode(of: spans[index], units: units) { index > 0 ? scriptCode(of: index - 1) : -1 }
    }
  }

  /// The ICU script code of a span (see ``Token/script``), given the
  /// script of the token before it (-1 for none), asked only when needed.
  func scriptCode(of span: Span, units: UnsafePointer<UInt16>, previous: () -> Int32) -> Int32 {
    let common = table.commonScript
    let inherited = table.inheritedScript
    let table = self.table
    let scripts = table.scriptTable
    var first: Int32 = -1
    var firstCount = 0
    var mixed = false
    var sawOnlyInherited = true
    var shared: UInt32? = nil
    let end = Int(span.end)
    var k = Int(span.start)
    while k < end {
      let value = nextCodePoint(units, &k, end)
      let script = value < 0x10000 ? Int32(scripts[Int(value)]) : table.script(value)
      if script == first {
        firstCount += 1
        continue
      }
      if script != inherited { sawOnlyInherited = false }
      if script == common || script == inherited {
        if shared == nil && table.flags(value).contains(.sharedByScripts) { shared = value }
      } else if first < 0 {
        first = script
        firstCount = 1
      } else {
        mixed = true
      }
    }
    if first >= 0 {
      if !mixed { return first }
      return majorityScript(of: span, units: units)
    }
    if let shared, let scalar = Unicode.Scalar(shared) {
      let extensions = ScriptCode.extensions(of: scalar).map(\.rawValue)
      let before = previous()
      if before >= 0 && extensions.contains(before) { return before }
      if let firstExtension = extensions.first { return firstExtension }
    }
    return sawOnlyInherited ? inherited : common
  }

  /// The most frequent script of a span other than Common and Inherited;
  /// ties go to the lowest ICU code.
  private func majorityScript(of span: Span, units: UnsafePointer<UInt16>) -> Int32 {
    let common = ScriptCode.common.rawValue
    let inherited = ScriptCode.inherited.rawValue
    var counts: [Int32: Int] = [:]
    let end = Int(span.end)
    var k = Int(span.start)
    while k < end {
      let value = nextCodePoint(units, &k, end)
      let script = table.script(value)
      if script != common && script != inherited { counts[script, default: 0] += 1 }
    }
    var best: Int32 = -1
    var bestCount = 0
    for (script, count) in counts where count > bestCount || (count == bestCount && script < best) {
      best = script
      bestCount = count
    }
    return best
  }
}

/// The code point at `units[k]` (a lone surrogate stands for itself); moves
/// `k` past it.
@inline(__always)
func nextCodePoint(_ units: UnsafePointer<UInt16>, _ k: inout Int, _ end: Int) -> UInt32 {
  let value = UInt32(units[k])
  k += 1
  if value & 0xFC00 == 0xD800, k < end, units[k] & 0xFC00 == 0xDC00 {
    defer { k += 1 }
    return 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[k]) - 0xDC00)
  }
  return value
}
