public import LexiformUnicode

/// A token: where it is in the original line, its script and its text.
public struct Token: Hashable, Sendable {
  /// The token's text, normalized as the profile says (for NFC input and NFC
  /// profiles, the bytes of the line at ``utf8Range``).
  public var text: String
  /// UTF-8 byte offsets of the token in the original line, before normalization.
  public var utf8Range: Range<Int>
  /// The token's script: its most frequent script other than Common and
  /// Inherited; for tokens with none, the script shared with the token before
  /// it through Script_Extensions (a danda after Gujarati is Gujr), else
  /// Common (`Zyyy`) or Inherited (`Zinh`).
  public var script: ScriptCode
}

/// Splits lines into tokens: UAX #29 word boundaries through ICU (with its
/// dictionaries for Thai, Lao, Khmer, Myanmar, Chinese and Japanese), then
/// the orthography profile's rules, with UTF-8 offsets into the original line
/// and the script of each token.
///
/// A tokenizer is not thread-safe: keep one per thread and reuse it (creating
/// one looks up every BMP code point in ICU and opens a break iterator).
/// ``makeCompanion()`` makes another that shares the lookup tables.
///
/// The fast interface, ``tokenize(utf8:)``, takes a line's bytes and creates
/// no strings: afterwards ``count``, ``utf8Range(ofToken:)``,
/// ``script(ofToken:)`` and ``appendText(ofToken:to:)`` describe the tokens.
/// ``tokens(in:)`` returns ``Token`` values for convenience.
///
/// - Complexity: O(*n*) per line in its length.
public final class Tokenizer {
  /// The options this tokenizer applies.
  public let options: TokenizerOptions
  let table: CharacterTable
  let breaker: WordBreakIterator
  let normalizer: Normalizer?
  let prefixClitics: [[UInt16]]
  let suffixClitics: [[UInt16]]
  let mosesApostropheSplit: MosesApostropheSplit

  /// Where Moses style splits a word at an apostrophe between letters.
  enum MosesApostropheSplit { case none, before, after }

  // Per line. `units` is the text that was segmented (UTF-16); `origin[k]`
  // the UTF-8 offset in the original line where unit k's code point (or, when
  // `normalized`, its normalization chunk) starts; `inside[k]` says that unit
  // k is not the first of its chunk. `spans` are the tokens in units.
  @exclusivity(unchecked) var units: [UInt16] = []
  @exclusivity(unchecked) var origin: [Int32] = []
  @exclusivity(unchecked) var inside: [Bool] = []
  @exclusivity(unchecked) var normalized = false
  @exclusivity(unchecked) var lineLength = 0
  @exclusivity(unchecked) var spans: [Span] = []
  @exclusivity(unchecked) var scratch: [Span] = []
  @exclusivity(unchecked) var boundaries: [Int32] = []
  @exclusivity(unchecked) var decoded: [UInt16] = []
  @exclusivity(unchecked) var decodedOrigin: [Int32] = []
  @exclusivity(unchecked) var chunk: [UInt16] = []
  // The table-driven word breaker's per-code-point classes and unit offsets.
  @exclusivity(unchecked) var classes: [UInt8] = []
  @exclusivity(unchecked) var starts: [Int32] = []
  // How many code points `classes` holds for `units` (-1: not classified),
  // and whether one of them needs ICU.
  @exclusivity(unchecked) var classifiedPoints = -1
  @exclusivity(unchecked) var classifiedNeedsICU = false
  /// Whether lines that need no dictionary are segmented by
  /// ``tableWordBoundaries()`` rather than ICU (same boundaries; tests
  /// switch it off to compare).
  var usesTableBoundaries = true

  /// A token in `units`, with what Moses style writes instead of its text.
  struct Span {
    var start: Int32
    var end: Int32
    var replacement: Replacement = .none
    enum Replacement { case none, mosesHyphen }
  }

  /// Creates a tokenizer.
  /// - Parameter options: What to split and how.
  /// - Throws: ``TokenizationError`` (`unicode`) if ICU cannot open a word
  ///   break iterator or its normalizer.
  public convenience init(options: TokenizerOptions = TokenizerOptions()) throws(TokenizationError) {
    try self.init(options: options, table: CharacterTable(profile: options.profile))
  }

  init(options: TokenizerOptions, table: CharacterTable) throws(TokenizationError) {
    self.options = options
    self.table = table
    do {
      breaker = try WordBreakIterator(kind: .word, locale: "")
      normalizer = try options.profile.normalization.map { form throws(UnicodeError) in try Normalizer(form) }
    } catch {
      throw TokenizationError(error)
    }
    var prefixes = options.profile.prefixClitics
    var suffixes = options.profile.suffixClitics
    var apostropheSplit = MosesApostropheSplit.none
    if options.style == .moses {
      // Moses splits English contractions before the apostrophe (don 't)
      // and Romance elision after it (l' homme), whatever the profile says.
      let language = options.language.map(LanguageScripts.baseLanguage) ?? "en"
      if ["en", "eng"].contains(language) {
        apostropheSplit = .before
      } else if ["fr", "fra", "it", "ita", "ca", "cat", "ga", "gle"].contains(language) {
        apostropheSplit = .after
      }
      if apostropheSplit != .none {
        prefixes = []
        suffixes = []
      }
    }
    mosesApostropheSplit = apostropheSplit
    prefixClitics = prefixes.map { Array($0.lowercased().utf16) }.sorted { $0.count > $1.count }
    suffixClitics = suffixes.map { Array($0.lowercased().utf16) }.sorted { $0.count > $1.count }
  }

  /// A tokenizer with the same options that shares this one's tables: for
  /// other threads.
  /// - Returns: A new tokenizer.
  /// - Throws: ``TokenizationError`` if ICU cannot open a break iterator.
  public func makeCompanion() throws(TokenizationError) -> Tokenizer {
    try Tokenizer(options: options, table: table)
  }

  // MARK: Results

  /// The number of tokens in the line last tokenized.
  public var count: Int { spans.count }

  /// The UTF-8 byte offsets of a token in the original line.
  /// - Parameter index: A token index, below ``count``.
  /// - Returns: The token's range in the line's bytes.
  public func utf8Range(ofToken index: Int) -> Range<Int> {
    let span = spans[index]
    return originalStart(span.start)..<originalEnd(span.end)
  }

  /// The script of a token (see ``Token/script``).
  /// - Parameter index: A token index, below ``count``.
  /// - Returns: Its script.
  public func script(ofToken index: Int) -> ScriptCode {
    ScriptCode(rawValue: scriptCode(of: index))
  }

  /// Appends a token's UTF-8 text to `buffer`.
  /// - Parameters:
  ///   - index: A token index, below ``count``.
  ///   - line: The line last tokenized, as passed to ``tokenize(utf8:)``.
  ///   - buffer: Receives the token's bytes.
  public func appendText(ofToken index: Int, line: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    let span = spans[index]
    if span.replacement == .mosesHyphen {
      buffer.append(contentsOf: [0x40, 0x2D, 0x40])  // @-@
      return
    }
    if !normalized {
      let range = originalStart(span.start)..<originalEnd(span.end)
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
      return
    }
    appendUTF8(units: Int(span.start)..<Int(span.end), to: &buffer)
  }

  /// Tokenizes a string.
  /// - Parameter line: One line of text (line breaks inside it are whitespace).
  /// - Returns: Its tokens in order.
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func tokens(in line: String) throws(TokenizationError) -> [Token] {
    let bytesOfLine = Array(line.utf8)
    return try bytesOfLine.withUnsafeBufferPointer { (bytes) throws(TokenizationError) -> [Token] in
      try tokenize(utf8: bytes)
      var result: [Token] = []
      var buffer: [UInt8] = []
      for index in 0..<count {
        buffer.removeAll(keepingCapacity: true)
        appendText(ofToken: index, line: bytes, to: &buffer)
        result.append(
          Token(text: String(decoding: buffer, as: UTF8.self), utf8Range: utf8Range(ofToken: index),
            script: script(ofToken: index)))
      }
      return result
    }
  }

  // MARK: Tokenizing

  /// Tokenizes one line given as valid UTF-8, without creating strings; the
  /// results are read with ``count``, ``utf8Range(ofToken:)``,
  /// ``script(ofToken:)`` and ``appendText(ofToken:line:to:)`` until the
  /// next call.
  /// - Parameter line: The line's bytes, valid UTF-8 (as ``LexiformCore/LineReader`` gives them).
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func tokenize(utf8 line: UnsafeBufferPointer<UInt8>) throws(TokenizationError) {
    spans.removeAll(keepingCapacity: true)
    lineLength = line.count
    normalized = false
    guard !line.isEmpty else {
      units.removeAll(keepingCapacity: true)
      origin.removeAll(keepingCapacity: true)
      return
    }
    let quickNFC = decode(line)
    if let normalizer {
      let clean: Bool
      if normalizer.form == .nfc {
        clean = quickNFC
      } else {
        do {
          clean = try units.withUnsafeBufferPointer { (u) throws(UnicodeError) -> Bool in
            try normalizer.normalizedPrefixLength(utf16: u) == u.count
          }
        } catch { throw TokenizationError(error) }
      }
      if !clean { try normalizeUnits(normalizer) }
    }
    if !usesTableBoundaries || !tableWordBoundaries() {
      do {
        try units.withUnsafeBufferPointer { (u) throws(UnicodeError) in
          try breaker.boundaries(of: u, into: &boundaries)
        }
      } catch { throw TokenizationError(error) }
    }
    collectSpans()
    if !options.profile.isPlainUAX29 || options.style == .moses { applyProfile() }
    if normalized { joinSpansSplitInsideChunks() }
  }

  /// Joins a token to the one before it when it starts inside a
  /// normalization chunk and they touch (`😀` + U+1161, which NFC keeps in
  /// one chunk, and word breaking separates): the pieces of a chunk would
  /// share one range of the original line, so tokens would overlap.
  private func joinSpansSplitInsideChunks() {
    guard spans.count > 1 else { return }
    scratch.removeAll(keepingCapacity: true)
    for span in spans {
      if var last = scratch.last, last.end == span.start, inside[Int(span.start)], last.replacement == .none,
        span.replacement == .none
      {
        last.end = span.end
        scratch[scratch.count - 1] = last
        continue
      }
      scratch.append(span)
    }
    swap(&spans, &scratch)
  }

  /// Decodes UTF-8 into `units` and `origin`, and answers NFC's quick check
  /// (UAX #15 §9): `true` when every code point is NFC_QC=Yes and combining
  /// classes never decrease.
  private func decode(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = line.count
    // Grow by the difference only: `units` keeps its storage between lines.
    if units.count < n { units.append(contentsOf: repeatElement(0, count: n - units.count)) } else { units.removeSubrange(n...) }
    if origin.count < n + 1 { origin = [Int32](repeating: 0, count: n + 1) }
    if classes.count < n + 1 { classes = [UInt8](repeating: 0, count: n + 1) }
    if starts.count < n + 1 { starts = [Int32](repeating: 0, count: n + 1) }
    var k = 0
    var points = 0
    var quick = true
    var any: UInt8 = 0
    var lastClass: UInt8 = 0
    let table = self.table
    // The tables as locals: the stores below could alias the class's fields.
    let wordBreaks = table.wordBreakTable
    let flagBits = table.flagTable
    let combiningClasses = table.combiningTable
    let notNFCYes = CharacterTable.Flags.notNFCYes.rawValue
    units.withUnsafeMutableBufferPointer { u in
      origin.withUnsafeMutableBufferPointer { o in
        classes.withUnsafeMutableBufferPointer { c in
          starts.withUnsafeMutableBufferPointer { s in
            guard let bytes = line.baseAddress, let u = u.baseAddress, let o = o.baseAddress,
              let c = c.baseAddress, let s = s.baseAddress
            else { return }
            var i = 0
            while i < n {
              let b = bytes[i]
              if b < 0x80 {
                u[k] = UInt16(b)
                o[k] = Int32(i)
                let entry = wordBreaks[Int(b)]
                any |= entry
                c[points] = entry
                s[points] = Int32(k)
                points += 1
                k += 1
                i += 1
                lastClass = 0
                continue
              }
              var value: UInt32
              var length: Int
              if b < 0xE0 {
                value = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                length = 2
              } else if b < 0xF0 {
                value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                length = 3
              } else {
                value =
                  UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                  | UInt32(bytes[i + 3] & 0x3F)
                length = 4
              }
              if i + length > n {  // cannot happen for valid UTF-8
                value = 0xFFFD
                length = n - i
              }
              let entry = value < 0x10000 ? wordBreaks[Int(value)] : table.wordBreak(value)
              any |= entry
              c[points] = entry
              s[points] = Int32(k)
              points += 1
              if value < 0x10000 {
                u[k] = UInt16(value)
                o[k] = Int32(i)
                k += 1
              } else {
                let v = value - 0x10000
                u[k] = UInt16(0xD800 + (v >> 10))
                u[k + 1] = UInt16(0xDC00 + (v & 0x3FF))
                o[k] = Int32(i)
                o[k + 1] = Int32(i)
                k += 2
              }
              if quick {
                let flags = value < 0x10000 ? flagBits[Int(value)] : table.flags(value).rawValue
                if flags & notNFCYes != 0 { quick = false }
                let combining = value < 0x10000 ? combiningClasses[Int(value)] : table.combiningClass(value)
                if combining != 0 && lastClass > combining { quick = false }
                lastClass = combining
              }
              i += length
            }
            o[k] = Int32(n)
            s[points] = Int32(k)
          }
        }
      }
    }
    units.removeSubrange(k...)
    classifiedPoints = points
    classifiedNeedsICU = any & WordBreakEntry.needsICU != 0
    return quick
  }

  /// Replaces `units` by its normalization, piece by piece between
  /// normalization boundaries, so that each output unit knows the original
  /// piece it came from.
  private func normalizeUnits(_ normalizer: Normalizer) throws(TokenizationError) {
    swap(&decoded, &units)
    swap(&decodedOrigin, &origin)
    units.removeAll(keepingCapacity: true)
    origin.removeAll(keepingCapacity: true)
    inside.removeAll(keepingCapacity: true)
    let count = decoded.count
    var pieceStart = 0
    var j = 0
    while j <= count {
      var value: UInt32 = 0
      var width = 1
      if j < count {
        let unit = decoded[j]
        value = UInt32(unit)
        if unit & 0xFC00 == 0xD800, j + 1 < count, decoded[j + 1] & 0xFC00 == 0xDC00 {
          value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(decoded[j + 1]) - 0xDC00)
          width = 2
        }
      }
      let boundary =
        j == count || (j > pieceStart && Unicode.Scalar(value).map { normalizer.hasBoundary(before: $0) } ?? true)
      if boundary && j > pieceStart {
        let before = units.count
        let simple =
          j - pieceStart == 1 && !table.flags(UInt32(decoded[pieceStart])).contains(.notNFCYes)
          && table.combiningClass(UInt32(decoded[pieceStart])) == 0 && normalizer.form != .nfkcCasefold
        if simple {
          units.append(decoded[pieceStart])
        } else {
          do {
            try decoded.withUnsafeBufferPointer { (d) throws(UnicodeError) in
              try normalizer.normalize(utf16: UnsafeBufferPointer(rebasing: d[pieceStart..<j]), appendingTo: &units)
            }
          } catch { throw TokenizationError(error) }
        }
        let start = decodedOrigin[pieceStart]
        for k in before..<units.count {
          origin.append(start)
          inside.append(k != before)
        }
        pieceStart = j
      }
      j += width
    }
    origin.append(Int32(lineLength))
    inside.append(false)
    normalized = true
    classifiedPoints = -1
  }

  @inline(__always)
  func originalStart(_ unit: Int32) -> Int { Int(origin[Int(unit)]) }

  @inline(__always)
  func originalEnd(_ unit: Int32) -> Int {
    var k = Int(unit)
    if normalized {
      while k < inside.count - 1 && inside[k] { k += 1 }
    }
    return Int(origin[k])
  }

  /// The code point at unit `k` and its width in units.
  @inline(__always)
  func codePoint(at k: Int) -> (value: UInt32, width: Int) {
    let unit = units[k]
    if unit & 0xFC00 == 0xD800, k + 1 < units.count {
      let low = units[k + 1]
      if low & 0xFC00 == 0xDC00 { return (0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00), 2) }
    }
    return (UInt32(unit), 1)
  }

  /// The code point that ends before unit `k`.
  @inline(__always)
  func codePoint(before k: Int) -> (value: UInt32, width: Int) {
    let unit = units[k - 1]
    if unit & 0xFC00 == 0xDC00, k >= 2 {
      let high = units[k - 2]
      if high & 0xFC00 == 0xD800 { return (0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00), 2) }
    }
    return (UInt32(unit), 1)
  }

  /// Turns ICU's segments into spans, dropping whitespace (a segment that
  /// starts with whitespace keeps what follows it, e.g. a combining mark).
  private func collectSpans() {
    let count = boundaries.count
    // Room for one span per segment, written through a pointer.
    if spans.count < count {
      spans.append(contentsOf: repeatElement(Span(start: 0, end: 0), count: count - spans.count))
    }
    let flagBits = table.flagTable
    let whitespace = CharacterTable.Flags.whitespace.rawValue
    let found = units.withUnsafeBufferPointer { u in
      boundaries.withUnsafeBufferPointer { b in
        spans.withUnsafeMutableBufferPointer { out -> Int in
          var start: Int32 = 0
          var n = 0
          for index in 0..<count {
            let end = b[index]
            var s = Int(start)
            let e = Int(end)
            while s < e, u[s] < 0xD800 || u[s] >= 0xE000, flagBits[Int(u[s])] & whitespace != 0 { s += 1 }
            if s < e {
              out[n] = Span(start: Int32(s), end: end)
              n += 1
            }
            start = end
          }
          return n
        }
      }
    }
    spans.removeSubrange(found...)
  }

  private func appendUTF8(units range: Range<Int>, to buffer: inout [UInt8]) {
    var k = range.lowerBound
    while k < range.upperBound {
      let (value, width) = codePoint(at: k)
      LexiformTokenization.appendUTF8(scalar: value, to: &buffer)
      k += width
    }
  }
}

/// Appends the UTF-8 encoding of a code point (U+FFFD for surrogates).
@inline(__always)
func appendUTF8(scalar value: UInt32, to buffer: inout [UInt8]) {
  switch value {
  case 0..<0x80:
    buffer.append(UInt8(value))
  case 0x80..<0x800:
    buffer.append(UInt8(0xC0 | value >> 6))
    buffer.append(UInt8(0x80 | value & 0x3F))
  case 0xD800..<0xE000:
    buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
  case 0x800..<0x10000:
    buffer.append(UInt8(0xE0 | value >> 12))
    buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
    buffer.append(UInt8(0x80 | value & 0x3F))
  default:
    buffer.append(UInt8(0xF0 | (value >> 18) & 0x07))
    buffer.append(UInt8(0x80 | (value >> 12) & 0x3F))
    buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
    buffer.append(UInt8(0x80 | value & 0x3F))
  }
}
