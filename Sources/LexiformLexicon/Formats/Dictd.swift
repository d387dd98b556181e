public import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of a dictd `.index`: the key, where its definition is, and the
/// original headword when the index keeps it (a fourth column).
public struct DictdIndexEntry: Hashable, Sendable {
  /// The key as the index has it (normalized by dictfmt unless `--allchars`).
  public var key: String
  /// The definition's offset in the uncompressed `.dict`.
  public var offset: Int
  /// The definition's length in bytes.
  public var length: Int
  /// The headword before normalization (dictfmt `--index-keep-orig`), if given.
  public var original: String?
  /// The 1-based line in the `.index`.
  public var line: Int

  /// Whether the line is database metadata (`00databaseinfo`,
  /// `00-database-short`, …) rather than an entry.
  public var isMetadata: Bool { key.hasPrefix("00database") || key.hasPrefix("00-database") }

  /// Parses one index line: `key TAB offset TAB length [TAB original]`,
  /// numbers in dictd's base64 (`A–Z a–z 0–9 + /` as digits 0–63, most
  /// significant first, no padding).
  /// - Parameters:
  ///   - text: The line.
  ///   - path: The `.index` file, for errors.
  ///   - line: The line's number.
  /// - Throws: ``LexiconError`` (`malformed`) naming the line and column.
  public init(parsing text: String, path: String, line: Int) throws(LexiconError) {
    let columns = text.split(separator: "\t", omittingEmptySubsequences: false)
    guard columns.count == 3 || columns.count == 4 else {
      throw LexiconError(
        .malformed, at: SourceLocation(path: path, line: line),
        expectedFound("3 tab-separated columns (headword, base64 offset, base64 length)", "\(columns.count)"))
    }
    func number(_ k: Int, _ what: String) throws(LexiconError) -> Int {
      var column: Int { columns[0..<k].reduce(1) { $0 + $1.unicodeScalars.count + 1 } }
      let digits = columns[k]
      guard !digits.isEmpty, digits.utf8.count <= 10 else {
        throw LexiconError(
          .malformed, at: SourceLocation(path: path, line: line, column: column),
          expectedFound("a base64 \(what) of 1 to 10 digits", digits.isEmpty ? "an empty column" : "\"\(digits)\""))
      }
      var value = 0
      for (i, byte) in digits.utf8.enumerated() {
        guard let digit = DictdIndexEntry.base64Digit(byte) else {
          throw LexiconError(
            .malformed, at: SourceLocation(path: path, line: line, column: column + i),
            expectedFound("a base64 digit (A–Z a–z 0–9 + /) in the \(what)", "'\(Character(Unicode.Scalar(byte)))'"))
        }
        value = value << 6 | digit
      }
      return value
    }
    key = String(columns[0])
    offset = try number(1, "offset")
    length = try number(2, "length")
    original = columns.count == 4 ? String(columns[3]) : nil
    self.line = line
  }

  /// The value of a dictd base64 digit.
  static func base64Digit(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }

  /// Encodes a number in dictd's base64 (for writing indexes and tests).
  /// - Parameter value: A non-negative number.
  /// - Returns: Its digits, most significant first (`A` for 0).
  public static func base64(_ value: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var v = max(0, value)
    var digits: [Character] = []
    repeat {
      digits.append(alphabet[v & 63])
      v >>= 6
    } while v > 0
    return String(digits.reversed())
  }
}

/// The two files of a dictd database.
public struct DictdFiles: Hashable, Sendable {
  /// The `.index`.
  public var index: String
  /// The `.dict` or `.dict.dz`.
  public var dict: String

  /// Names both files.
  /// - Parameters:
  ///   - index: The `.index`.
  ///   - dict: The `.dict` or `.dict.dz`.
  public init(index: String, dict: String) {
    self.index = index
    self.dict = dict
  }

  /// Finds the partner of either file: `NAME.index` pairs with
  /// `NAME.dict.dz`, else `NAME.dict`; a `.dict` or `.dict.dz` pairs with
  /// `NAME.index`.
  /// - Parameter path: Either file.
  /// - Throws: ``LexiconError`` (`missing`) naming the partner looked for.
  public init(either path: String) throws(LexiconError) {
    func exists(_ p: String) -> Bool { access(p, F_OK) == 0 }
    if path.hasSuffix(".index") {
      let stem = String(path.dropLast(".index".count))
      guard let dict = [stem + ".dict.dz", stem + ".dict"].first(where: exists) else {
        throw LexiconError(
          .missing, at: SourceLocation(path: path),
          expectedFound("its definitions in \(stem).dict.dz or \(stem).dict", "neither"))
      }
      self.index = path
      self.dict = dict
      return
    }
    var stem = path
    if stem.hasSuffix(".dz") { stem = String(stem.dropLast(3)) }
    if stem.hasSuffix(".dict") { stem = String(stem.dropLast(5)) }
    guard stem != path, exists(stem + ".index") else {
      throw LexiconError(
        .missing, at: SourceLocation(path: path),
        expectedFound("a dictd pair NAME.index with NAME.dict or NAME.dict.dz", stem == path ? "another file name" : "no \(stem).index"))
    }
    self.index = stem + ".index"
    self.dict = path
  }
}

/// What a FreeDict-style dictd definition holds, parsed from its text.
///
/// FreeDict writes each definition as the headword, its pronunciation in
/// slashes and part of speech in angle brackets on the first line, then the
/// senses: numbered `1.`, `2.` … or one unnumbered, each a comma- or
/// semicolon-separated list of translations, possibly followed by indented
/// lines `label: value` (synonyms, notes, examples). Anything the parser does
/// not place is still in the full text, which the entry keeps in the field
/// `dictd:definition`.
struct DictdDefinition {
  var headword: String?
  var pronunciations: [String] = []
  var partOfSpeech: String?
  var tags: [String] = []
  var senses: [(id: String?, translations: [(text: String, tags: [String])], notes: [(String, String)])] = []

  init(_ text: String, key: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard let first = lines.first else { return }
    if let head = Self.headLine(first, key: key) {
      headword = head.headword
      pronunciations = head.pronunciations
      if let pos = head.pos {
        let parts = pos.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        partOfSpeech = parts.first
        tags = Array(parts.dropFirst())
      }
      lines.removeFirst()
    }
    for raw in lines {
      let line = raw.trimmingWhitespace()
      guard !line.isEmpty else { continue }
      if let (number, rest) = Self.numbered(line) {
        senses.append((number, Self.translations(rest), []))
        continue
      }
      let indented = raw.first == " " || raw.first == "\t"
      if let colon = line.firstIndex(of: ":"), indented || !senses.isEmpty,
        line[..<colon].allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }), line.distance(from: line.startIndex, to: colon) <= 20
      {
        let label = line[..<colon].trimmingWhitespace().lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        if senses.isEmpty { senses.append((nil, [], [])) }
        senses[senses.count - 1].notes.append((label, value))
        continue
      }
      if indented, !senses.isEmpty {
        senses[senses.count - 1].translations.append(contentsOf: Self.translations(line))
      } else {
        senses.append((nil, Self.translations(line), []))
      }
    }
  }

  /// `headword /pron/ <pos>` when the line starts with the key (compared as
  /// dictd normalizes keys).
  static func headLine(_ line: String, key: String) -> (headword: String, pronunciations: [String], pos: String?)? {
    var rest = Substring(line)
    let headEnd = rest.firstIndex { $0 == "/" || $0 == "<" || $0 == "[" } ?? rest.endIndex
    let headword = rest[..<headEnd]
    rest = rest[headEnd...]
    let trimmedHead = headword.trimmingWhitespace()
    guard !trimmedHead.isEmpty, DictdDictionary.normalize(trimmedHead, allChars: false, caseSensitive: false) == DictdDictionary.normalize(key, allChars: false, caseSensitive: false) || trimmedHead == key
    else { return nil }
    var pronunciations: [String] = []
    var pos: String?
    while let c = rest.first {
      if c == "/" || c == "[" {
        let close: Character = c == "/" ? "/" : "]"
        rest.removeFirst()
        guard let end = rest.firstIndex(of: close) else { break }
        pronunciations.append(contentsOf: rest[..<end].split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        rest = rest[rest.index(after: end)...]
      } else if c == "<" {
        rest.removeFirst()
        guard let end = rest.firstIndex(of: ">") else { break }
        pos = rest[..<end].trimmingWhitespace()
        rest = rest[rest.index(after: end)...]
      } else if c == " " || c == "," {
        rest.removeFirst()
      } else {
        return nil  // more text on the line: not a head line
      }
    }
    return (trimmedHead, pronunciations, pos)
  }

  /// `1. text` → ("1", "text").
  static func numbered(_ line: String) -> (String, String)? {
    let digits = line.prefix(while: \.isNumber)
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    let after = line.dropFirst(digits.count)
    guard after.first == "." || after.first == ")" else { return nil }
    return (String(digits), after.dropFirst().trimmingWhitespace())
  }

  /// The items of a sense line, split at `,` and `;` outside brackets and
  /// parentheses; a `<…>` in an item (FreeDict's grammar of a translation,
  /// `agua <n, fem>`) becomes the item's tags.
  static func translations(_ text: String) -> [(text: String, tags: [String])] {
    var items: [(String, [String])] = []
    var current = ""
    var tags: [String] = []
    var grammar: String?
    var depth = 0
    func finish() {
      let trimmed = current.trimmingWhitespace()
      if !trimmed.isEmpty { items.append((trimmed, tags)) }
      current = ""
      tags = []
    }
    for c in text {
      if var g = grammar {
        if c == ">" {
          tags.append(contentsOf: g.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
          grammar = nil
        } else {
          g.append(c)
          grammar = g
        }
        continue
      }
      switch c {
      case "<": grammar = ""
      case "(", "[": depth += 1; current.append(c)
      case ")", "]": depth = max(0, depth - 1); current.append(c)
      case "," where depth == 0, ";" where depth == 0: finish()
      default: current.append(c)
      }
    }
    if let g = grammar { current.append("<" + g) }  // unclosed: keep as text
    finish()
    return items
  }

}

/// The pieces every dictd reader and lookup share.
enum _Dictd {
  /// Builds an entry from an index line and its definition text.
  static func entry(
    _ index: DictdIndexEntry, text: String, header: LexiconHeader, indexPath: String
  ) -> LexiconEntry {
    let parsed = DictdDefinition(text, key: index.key)
    let source = header.sourceLanguage
    let target = header.targetLanguages.first
    var entry = LexiconEntry(
      headword: Form(index.original ?? parsed.headword ?? index.key, language: source),
      partOfSpeech: parsed.partOfSpeech, tags: parsed.tags,
      pronunciations: parsed.pronunciations.map { Form($0) },
      provenance: Provenance(path: indexPath, format: LexiconFormat.dictd.rawValue, line: index.line, licence: header.licence))
    for sense in parsed.senses {
      var s = Sense(
        id: sense.id, translations: sense.translations.map { Translation(Form($0.text, language: target, tags: $0.tags)) })
      s.fields = sense.notes.map { Field($0.0, Form($0.1)) }
      entry.senses.append(s)
    }
    entry.fields.append(Field("dictd:definition", Form(text)))
    if index.key != entry.headword.text { entry.fields.append(Field("dictd:key", Form(index.key))) }
    return entry
  }

  /// Fills a header from the metadata lines' definitions.
  static func addMetadata(_ key: String, _ text: String, to header: inout LexiconHeader) {
    let value = text.trimmingWhitespace()
    header.fields.append(Field(key, Form(value)))
    let name = String(key.filter { $0 != "-" })
    if name == "00databaseshort" {
      header.title = value
    } else if name == "00databaseinfo" || name == "00databaselicense" || name == "00databaselicence" {
      if name != "00databaseinfo" {
        header.licence = value
      } else if header.licence == nil, let availability = section("Availability", in: text) {
        header.licence = availability
      }
    }
  }

  /// The paragraph after a `Title:` line in FreeDict's info text.
  static func section(_ title: String, in text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.trimmingWhitespace() == title + ":" }) else { return nil }
    var body: [String] = []
    for line in lines[(start + 1)...] {
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty {
        if body.isEmpty { continue }
        break
      }
      body.append(trimmed)
    }
    return body.isEmpty ? nil : body.joined(separator: " ")
  }

  /// Source and target language from a FreeDict name: `xxx-yyy.index` or
  /// `freedict-xxx-yyy.index` (ISO 639-3 codes, as FreeDict names its
  /// databases).
  static func languages(fromFileName path: String) -> (LanguageTag, LanguageTag)? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var stem = Substring(name.split(separator: ".").first ?? Substring(name))
    if stem.hasPrefix("freedict-") { stem = stem.dropFirst("freedict-".count) }
    let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
    func isCode(_ s: Substring) -> Bool { s.count == 3 && s.allSatisfy { $0.isASCII && $0.isLowercase } }
    guard parts.count == 2, isCode(parts[0]), isCode(parts[1]) else { return nil }
    return (LanguageTag(String(parts[0])), LanguageTag(String(parts[1])))
  }

  static func text(
    _ bytes: [UInt8], at index: DictdIndexEntry, indexPath: String, dictPath: String, lenient: Bool
  ) throws(LexiconError) -> String {
    if !lenient && String(validating: bytes, as: UTF8.self) == nil {
      throw LexiconError(
        .malformed, at: SourceLocation(path: indexPath, line: index.line),
        "definition of \"\(index.key)\" in \(dictPath): "
          + expectedFound("UTF-8 text", "invalid bytes in the definition at byte \(index.offset)"))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Reads a dictd database in index order: one entry per index line other
/// than the `00database…`/`00-database-…` metadata lines, which fill the
/// ``header`` (title from `short`, licence from the `Availability` section
/// of `info`, every metadata text as a header field).
///
/// `path` may name the `.index` or the `.dict`/`.dict.dz`; the partner is
/// found by name (``DictdFiles``). Definitions are read through
/// ``DictdText``: for a `.dict.dz`, each chunk is inflated once while the
/// index and the text run in the same order, as dictfmt writes them.
///
/// Mapping: the headword is the index's fourth column if present, else the
/// first line of the definition when it repeats the key (FreeDict keeps the
/// original case there), else the key; `/…/` on that line → pronunciations,
/// `<…>` → part of speech (then tags after commas); numbered senses (`1.`)
/// or plain lines → senses whose comma/semicolon-separated items are
/// translations into the target language; indented `label: value` lines →
/// fields of the sense. The whole definition is kept in the entry's field
/// `dictd:definition`, and the key in `dictd:key` when it differs from the
/// headword. Languages come from the options, else from a FreeDict name
/// `xxx-yyy.index` or `freedict-xxx-yyy.index`.
///
/// - Complexity: O(index + text); memory O(one definition + a few chunks).
public final class DictdReader: LexiconReader {
  public let path: String
  public var format: LexiconFormat { .dictd }
  public private(set) var header = LexiconHeader()
  public private(set) var skipped = SkipCounter()
  /// The two files being read.
  public let files: DictdFiles
  private let text: DictdText
  private let lines: LineReader
  private let options: LexiconReaderOptions
  /// The first entry line, read while collecting the metadata in front.
  private var pendingIndex: DictdIndexEntry?

  /// Opens a dictd database and reads the metadata lines at the top of its index.
  /// - Parameters:
  ///   - path: The `.index`, `.dict` or `.dict.dz`.
  ///   - options: Languages and lenient mode.
  /// - Throws: ``LexiconError`` when a file is missing or unreadable, or the
  ///   `.dict.dz` chunk table is broken.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    self.path = path
    self.options = options
    files = try DictdFiles(either: path)
    text = try DictdText(path: files.dict)
    lines = try _openLines(files.index, lenient: options.lenient)
    let named = _Dictd.languages(fromFileName: files.index)
    header.sourceLanguage = options.sourceLanguage ?? named?.0
    header.targetLanguages = (options.targetLanguage ?? named?.1).map { [$0] } ?? []
    while let index = try nextIndex() {
      guard index.isMetadata else {
        pendingIndex = index
        break
      }
      try readMetadata(index)
    }
  }

  /// The definition's bytes; errors name the index line and the `.dict`.
  private func definition(_ index: DictdIndexEntry) throws(LexiconError) -> [UInt8] {
    do {
      return try text.read(offset: index.offset, length: index.length)
    } catch {
      throw LexiconError(
        error.code, at: SourceLocation(path: files.index, line: index.line),
        "definition of \"\(index.key)\" in \(files.dict): \(error.message)", underlyingError: error)
    }
  }

  private func readMetadata(_ index: DictdIndexEntry) throws(LexiconError) {
    do {
      let bytes = try definition(index)
      _Dictd.addMetadata(index.key, String(decoding: bytes, as: UTF8.self), to: &header)
    } catch {
      guard options.lenient, error.code == .malformed else { throw error }
      skipped.record(reason: "unreadable metadata", at: SourceLocation(path: files.index, line: index.line))
    }
  }

  private func nextIndex() throws(LexiconError) -> DictdIndexEntry? {
    while true {
      let line: String?
      do {
        line = try lines.nextLine()
      } catch {
        if let failure = _lineFailure(error, lines: lines, lenient: options.lenient, skipped: &skipped) { throw failure }
        continue
      }
      guard let line else { return nil }
      if line.isEmpty { continue }
      do {
        return try DictdIndexEntry(parsing: line, path: files.index, line: lines.lineNumber)
      } catch {
        guard options.lenient else { throw error }
        skipped.record(reason: "malformed index line", at: error.location ?? lines.location)
      }
    }
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while true {
      let index: DictdIndexEntry
      if let pending = pendingIndex {
        pendingIndex = nil
        index = pending
      } else {
        guard let next = try nextIndex() else { return nil }
        index = next
      }
      if index.isMetadata {
        try readMetadata(index)
        continue
      }
      do {
        let bytes = try definition(index)
        let text = try _Dictd.text(bytes, at: index, indexPath: files.index, dictPath: files.dict, lenient: options.lenient)
        return _Dictd.entry(index, text: text, header: header, indexPath: files.index)
      } catch {
        guard options.lenient, error.code == .malformed else { throw error }
        skipped.record(reason: "unreadable definition", at: SourceLocation(path: files.index, line: index.line))
      }
    }
  }
}

/// A dictd database opened for lookups: the index in memory, definitions
/// read on demand, so a lookup in a `.dict.dz` inflates only the chunk(s)
/// its definitions span.
///
/// dictd indexes are sorted by dictd's own collation: unless the database
/// says `00-database-allchars`, keys compare with everything but letters,
/// digits and spaces ignored, and case-insensitively unless it says
/// `00-database-case-sensitive`. ``normalize(_:allChars:caseSensitive:)``
/// applies that rule to both the keys and the query; when the index is
/// sorted under it, a lookup is a binary search; otherwise a hash from
/// normalized key to lines is built once, at open.
///
/// ```swift
/// let dictionary = try DictdDictionary(path: "freedict-eng-spa.index")
/// let entries = try dictionary.lookup("Abbey")  // the entry for "abbey"
/// ```
public final class DictdDictionary {
  /// The two files.
  public let files: DictdFiles
  /// What the metadata lines say.
  public private(set) var header = LexiconHeader()
  /// The index lines that are entries, in file order.
  public let index: [DictdIndexEntry]
  /// Whether the index is sorted under dictd's collation (lookups then
  /// binary-search it).
  public let isSorted: Bool
  /// The definitions.
  public let text: DictdText
  private let normalizedKeys: [String]
  private let allChars: Bool
  private let caseSensitive: Bool
  private var hashIndex: [String: [Int]] = [:]

  /// Opens a database and loads its index.
  /// - Parameters:
  ///   - path: The `.index`, `.dict` or `.dict.dz`.
  ///   - options: Languages (else from a FreeDict file name).
  /// - Throws: ``LexiconError`` for a missing partner, a malformed index
  ///   line, or a broken chunk table.
  /// - Complexity: O(index size), plus O(n) hashing when the index is not sorted.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    files = try DictdFiles(either: path)
    text = try DictdText(path: files.dict)
    let reader = try _openLines(files.index, lenient: false)
    var entries: [DictdIndexEntry] = []
    var metadata: [DictdIndexEntry] = []
    while true {
      let line: String?
      do {
        line = try reader.nextLine()
      } catch {
        throw LexiconError(.malformed, at: error.location, error.message, underlyingError: error)
      }
      guard let line else { break }
      if line.isEmpty { continue }
      let parsed = try DictdIndexEntry(parsing: line, path: files.index, line: reader.lineNumber)
      if parsed.isMetadata { metadata.append(parsed) } else { entries.append(parsed) }
    }
    let named = _Dictd.languages(fromFileName: files.index)
    header.sourceLanguage = options.sourceLanguage ?? named?.0
    header.targetLanguages = (options.targetLanguage ?? named?.1).map { [$0] } ?? []
    for m in metadata {
      let bytes = try text.read(offset: m.offset, length: m.length)
      _Dictd.addMetadata(m.key, String(decoding: bytes, as: UTF8.self), to: &header)
    }
    let keys = Set(metadata.map { m in String(m.key.filter { $0 != "-" }) })
    allChars = keys.contains("00databaseallchars")
    caseSensitive = keys.contains("00databasecasesensitive")
    index = entries
    let allChars = self.allChars
    let caseSensitive = self.caseSensitive
    normalizedKeys = entries.map { Self.normalize($0.key, allChars: allChars, caseSensitive: caseSensitive) }
    isSorted = zip(normalizedKeys, normalizedKeys.dropFirst()).allSatisfy { Self.precedesOrEqual($0, $1) }
    if !isSorted {
      for (i, key) in normalizedKeys.enumerated() { hashIndex[key, default: []].append(i) }
    }
  }

  /// A key as dictd compares it: without characters other than letters,
  /// digits and whitespace (unless `allChars`), lowercased (unless
  /// `caseSensitive`), whitespace runs as one space, trimmed.
  /// - Parameters:
  ///   - key: A headword or query.
  ///   - allChars: Whether the database keeps all characters.
  ///   - caseSensitive: Whether the database is case-sensitive.
  /// - Returns: The comparison form.
  public static func normalize(_ key: String, allChars: Bool, caseSensitive: Bool) -> String {
    if key.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII fast path, same rules.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(key.utf8.count)
      var pendingSpace = false
      for b in key.utf8 {
        if b == 0x20 || (0x09...0x0D).contains(b) {
          pendingSpace = !bytes.isEmpty
          continue
        }
        let isAlphanumeric = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
        guard allChars || isAlphanumeric else { continue }
        if pendingSpace {
          bytes.append(0x20)
          pendingSpace = false
        }
        bytes.append(!caseSensitive && (0x41...0x5A).contains(b) ? b + 0x20 : b)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = ""
    var pendingSpace = false
    for c in key {
      if c.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      guard allChars || c.isLetter || c.isNumber else { continue }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      if caseSensitive { out.append(c) } else { out.append(contentsOf: c.lowercased()) }
    }
    return out
  }

  /// Comparison by Unicode scalar values, as dictfmt's C-locale sort does.
  static func precedes(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }

  static func precedesOrEqual(_ a: String, _ b: String) -> Bool { !precedes(b, a) }

  /// The index lines whose key matches `word` under dictd's collation.
  /// - Parameter word: The word looked up.
  /// - Returns: Their positions in ``index``, in file order.
  /// - Complexity: O(log *n*) when sorted, O(1) expected otherwise.
  public func positions(of word: String) -> [Int] {
    let key = Self.normalize(word, allChars: allChars, caseSensitive: caseSensitive)
    guard isSorted else { return hashIndex[key] ?? [] }
    var low = 0
    var high = normalizedKeys.count
    while low < high {
      let mid = (low + high) / 2
      if Self.precedes(normalizedKeys[mid], key) { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < normalizedKeys.count && normalizedKeys[end] == key { end += 1 }
    return Array(low..<end)
  }

  /// Looks a word up.
  /// - Parameter word: The word (case and punctuation are ignored as dictd ignores them).
  /// - Returns: The matching entries, in index order; empty when none.
  /// - Throws: ``LexiconError`` when a definition cannot be read (a damaged chunk).
  public func lookup(_ word: String) throws(LexiconError) -> [LexiconEntry] {
    var out: [LexiconEntry] = []
    for position in positions(of: word) {
      let line = index[position]
      let bytes = try text.read(offset: line.offset, length: line.length)
      out.append(
        _Dictd.entry(line, text: String(decoding: bytes, as: UTF8.self), header: header, indexPath: files.index))
    }
    return out
  }
}
