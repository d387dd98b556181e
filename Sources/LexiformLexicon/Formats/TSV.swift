public import LexiformCore
internal import LexiformUnicode

/// How ``TSVReader`` splits and interprets a word list.
public struct TSVReaderOptions: Sendable, Hashable {
  /// How columns are separated.
  public enum Separator: String, Sendable, Hashable, CaseIterable {
    /// One tab between columns (empty columns allowed).
    case tab
    /// Runs of spaces or tabs between columns, as in MUSE dictionaries.
    case space
  }

  /// Whether the first line is a header.
  public enum HeaderMode: String, Sendable, Hashable, CaseIterable {
    /// Decide from the first line (see ``TSVReader``).
    case detect
    /// The first non-comment line is a header.
    case present
    /// There is no header: columns are headword, translation, then optional score.
    case absent
  }

  /// The column separator, or `nil` (the default) to detect it from the
  /// first non-comment line: tab if it has one, else spaces.
  public var separator: Separator?
  /// Whether the first line is a header. Default ``HeaderMode/detect``.
  public var header: HeaderMode
  /// Whether consecutive lines with the same headword (and part of speech
  /// and language) become one entry with several translations. Default `true`.
  /// With `false`, every line is one entry.
  public var groupsConsecutiveLines: Bool

  /// Creates options with the documented defaults.
  public init(separator: Separator? = nil, header: HeaderMode = .detect, groupsConsecutiveLines: Bool = true) {
    self.separator = separator
    self.header = header
    self.groupsConsecutiveLines = groupsConsecutiveLines
  }
}

/// Reads bilingual word lists: plain TSV, MUSE dictionaries (`word
/// translation`, one space), PanLex-style exports with language-code
/// headers.
///
/// - **Separator**: detected once per file from the first non-comment line
///   (a tab means TSV, otherwise runs of spaces), reported in
///   ``separator``, overridable in ``TSVReaderOptions/separator``.
/// - **Comments**: lines whose first character is `#`; blank lines are skipped.
/// - **Header**: the first non-comment line is a header when at least two
///   of its columns are known column names (below), one of them naming the
///   headword or the translation, or when its first two columns are
///   distinct language codes that ICU's likely-subtags data knows, or
///   PanLex variety codes (`eng-000`). Reported in ``hasHeader``,
///   overridable in ``TSVReaderOptions/header``.
/// - **Columns by name** (case-insensitive; `-` and spaces read as `_`):
///   `source`/`src`/`headword`/`word`/`lemma`/`term` → headword;
///   `target`/`tgt`/`translation`/`gloss`/`equivalent` → translation;
///   `pos`/`part_of_speech` → part of speech; `score`/`weight`/`probability`/
///   `frequency`/`confidence` → the translation's score;
///   `source_lang`/`target_lang` (also `src_lang`, `tgt_lang`,
///   `source_language`, `target_language`) → the languages of that line;
///   `definition` → a definition of the sense; a language code → a
///   translation into that language (PanLex exports with one column per
///   language); any other name → a field of the entry.
/// - **Without a header**: column 1 is the headword, 2 the translation, 3 a
///   score if numeric; further columns become fields `column3`, `column4`, ….
/// - Languages default to the header's codes, else to
///   ``LexiconReaderOptions/sourceLanguage`` and ``LexiconReaderOptions/targetLanguage``.
/// - Consecutive lines with the same headword, part of speech and source
///   language form one entry with one sense holding their translations
///   (only consecutive ones: the file is never held in memory).
///
/// Errors: a line with one column is
/// `words.tsv:7: error: expected 2 columns (headword<TAB>translation), found 1`;
/// an empty headword or translation, or a score that is not a number, names
/// the line and column. Lenient mode skips such lines and counts them.
///
/// - Complexity: O(*n*) in the file's bytes; memory O(longest line + one entry).
public final class TSVReader: LexiconReader {
  public let path: String
  public var format: LexiconFormat { .tsv }
  public private(set) var header: LexiconHeader
  public private(set) var skipped = SkipCounter()
  /// The separator in use (detected or given); `nil` until the first line is seen.
  public private(set) var separator: TSVReaderOptions.Separator?
  /// Whether the file has a header line (detected or given).
  public private(set) var hasHeader = false
  /// The column names of the header, empty without one.
  public private(set) var columnNames: [String] = []
  /// The number of data lines read so far (each a headword–translation
  /// record, however they are grouped into entries).
  public private(set) var recordCount = 0

  private let options: LexiconReaderOptions
  private let tsvOptions: TSVReaderOptions
  private let lines: LineReader
  private var roles: [ColumnRole] = []
  private var pending: (entry: LexiconEntry, key: GroupKey)?
  private var started = false

  /// What a column holds.
  enum ColumnRole: Equatable {
    case headword, translation, partOfSpeech, score, sourceLanguage, targetLanguage, definition
    case translationInto(LanguageTag)
    case field(String)
  }

  /// Lines with equal keys, one after another, are one entry.
  struct GroupKey: Equatable {
    var headword: String
    var partOfSpeech: String?
    var language: LanguageTag?
  }

  /// Opens a word list (gzip-compressed or not; `-` for standard input).
  /// - Parameters:
  ///   - path: The file.
  ///   - options: Languages and lenient mode.
  ///   - tsvOptions: Separator, header and grouping.
  /// - Throws: ``LexiconError`` (`io`) when the file cannot be opened.
  public init(
    path: String, options: LexiconReaderOptions = LexiconReaderOptions(),
    tsvOptions: TSVReaderOptions = TSVReaderOptions()
  ) throws(LexiconError) {
    self.options = options
    self.tsvOptions = tsvOptions
    self.lines = try _openLines(path, lenient: options.lenient)
    self.path = lines.path
    self.header = LexiconHeader(
      sourceLanguage: options.sourceLanguage, targetLanguages: options.targetLanguage.map { [$0] } ?? [])
  }

  /// Column names this reader understands, by role.
  static let namedRoles: [String: ColumnRole] = {
    var roles: [String: ColumnRole] = [:]
    for name in ["source", "src", "headword", "word", "lemma", "term", "source_word", "from"] { roles[name] = .headword }
    for name in ["target", "tgt", "translation", "trans", "gloss", "equivalent", "target_word", "to"] {
      roles[name] = .translation
    }
    for name in ["pos", "part_of_speech", "partofspeech"] { roles[name] = .partOfSpeech }
    for name in ["score", "weight", "probability", "prob", "frequency", "freq", "confidence"] { roles[name] = .score }
    for name in ["source_lang", "src_lang", "source_language", "lang1"] { roles[name] = .sourceLanguage }
    for name in ["target_lang", "tgt_lang", "target_language", "lang2"] { roles[name] = .targetLanguage }
    roles["definition"] = .definition
    return roles
  }()

  static func normalizedName(_ name: String) -> String {
    String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
  }

  /// Whether `text` looks like a language code a header would use.
  static func languageCode(_ text: String) -> LanguageTag? {
    let scalars = Array(text.unicodeScalars)
    guard (2...12).contains(scalars.count), scalars.allSatisfy({ $0.isASCII }) else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
    guard let first = parts.first, (2...3).contains(first.count),
      first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
    else { return nil }
    let rest = parts.dropFirst()
    guard rest.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }) })
    else { return nil }
    // PanLex language varieties: ISO 639-3 plus a three-digit number.
    if rest.count == 1, let variety = rest.first, variety.count == 3, variety.allSatisfy(\.isNumber) {
      return LanguageTag(text)
    }
    guard ScriptCode.likely(forLanguage: String(first)) != nil else { return nil }
    return LanguageTag(text)
  }

  /// The roles of a header line's columns, or `nil` if it is not a header.
  func headerRoles(_ columns: [String], force: Bool) -> [ColumnRole]? {
    let named = columns.map { Self.namedRoles[Self.normalizedName($0)] }
    if named.compactMap({ $0 }).count >= 2, named.contains(.headword) || named.contains(.translation) {
      return zip(named, columns).map { role, name in role ?? .field(name) }
    }
    let codes = columns.map(Self.languageCode)
    if columns.count >= 2, let a = codes[0], let b = codes[1], a != b {
      var roles: [ColumnRole] = [.headword, .translation]
      for (i, column) in columns.enumerated().dropFirst(2) {
        if let role = named[i] {
          roles.append(role)
        } else if let code = codes[i] {
          roles.append(.translationInto(code))
        } else {
          roles.append(.field(column))
        }
      }
      return roles
    }
    guard force else { return nil }
    var roles: [ColumnRole] = []
    for (i, column) in columns.enumerated() {
      if let role = named[i] {
        roles.append(role)
      } else if let code = codes[i] {
        roles.append(i == 0 ? .headword : i == 1 ? .translation : .translationInto(code))
      } else {
        roles.append(i == 0 ? .headword : i == 1 ? .translation : .field(column))
      }
    }
    return roles
  }

  func split(_ line: String) -> [String] {
    switch separator ?? .tab {
    case .tab:
      return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    case .space:
      return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
  }

  /// Decides separator and header from the first non-comment line; returns
  /// `true` when that line was the header (consumed).
  private func start(with line: String) -> Bool {
    started = true
    separator = tsvOptions.separator ?? (line.contains("\t") ? .tab : .space)
    let columns = split(line)
    let headerRoles: [ColumnRole]?
    switch tsvOptions.header {
    case .absent: headerRoles = nil
    case .detect: headerRoles = self.headerRoles(columns, force: false)
    case .present: headerRoles = self.headerRoles(columns, force: true)
    }
    guard let headerRoles else { return false }
    hasHeader = true
    columnNames = columns
    roles = headerRoles
    if columns.count >= 2, let a = Self.languageCode(columns[0]), let b = Self.languageCode(columns[1]),
      Self.namedRoles[Self.normalizedName(columns[0])] == nil
    {
      header.sourceLanguage = a
      header.targetLanguages = [b]
      for role in roles { if case .translationInto(let c) = role { header.targetLanguages.append(c) } }
    }
    return true
  }

  /// The role of column `i` (0-based) of a line.
  private func role(_ i: Int, _ value: String) -> ColumnRole {
    if hasHeader { return i < roles.count ? roles[i] : .field("column\(i + 1)") }
    switch i {
    case 0: return .headword
    case 1: return .translation
    case 2 where Double(value) != nil: return .score
    default: return .field("column\(i + 1)")
    }
  }

  /// The column of `role` in the header, for messages (1-based).
  private func column(of role: ColumnRole) -> Int {
    (roles.firstIndex(of: role) ?? (role == .translation ? 1 : 0)) + 1
  }

  private func columnsError(found: Int) -> String {
    let needed = hasHeader ? max(2, (roles.lastIndex(where: { $0 == .headword || $0 == .translation }) ?? 1) + 1) : 2
    let layout = separator == .space ? "headword<SPACE>translation" : "headword<TAB>translation"
    return expectedFound("\(needed) columns (\(layout))", "\(found)")
  }

  /// Parses one data line into a one-translation entry and its grouping key.
  private func parse(_ line: String, number: Int) throws(LexiconError) -> (LexiconEntry, GroupKey) {
    let location = SourceLocation(path: path, line: number)
    let columns = split(line)
    guard columns.count >= 2 else {
      throw LexiconError(.malformed, at: location, columnsError(found: columns.count))
    }
    var headword: String?
    var translations: [(String, LanguageTag?)] = []
    var translationText: String?
    var pos: String?
    var score: Double?
    var sourceLanguage = header.sourceLanguage
    var targetLanguage = header.targetLanguages.first
    var definitions: [String] = []
    var fields: [Field] = []
    for (i, value) in columns.enumerated() {
      switch role(i, value) {
      case .headword: headword = value
      case .translation: translationText = value
      case .partOfSpeech: if !value.isEmpty { pos = value }
      case .score:
        guard !value.isEmpty else { continue }
        guard let number = Double(value) else {
          throw LexiconError(
            .malformed, at: SourceLocation(path: path, line: number, column: columnStart(line, i)),
            expectedFound("a number in column \(i + 1) (\(hasHeader ? columnNames[i] : "score"))", "\"\(value)\""))
        }
        score = number
      case .sourceLanguage: if !value.isEmpty { sourceLanguage = LanguageTag(value) }
      case .targetLanguage: if !value.isEmpty { targetLanguage = LanguageTag(value) }
      case .definition: if !value.isEmpty { definitions.append(value) }
      case .translationInto(let code): if !value.isEmpty { translations.append((value, code)) }
      case .field(let name): if !value.isEmpty { fields.append(Field(name, Form(value))) }
      }
    }
    guard let headword, !headword.isEmpty else {
      throw LexiconError(
        .missing, at: SourceLocation(path: path, line: number, column: columnStart(line, column(of: .headword) - 1)),
        expectedFound("a headword in column \(column(of: .headword))", "an empty field"))
    }
    if let translationText, !translationText.isEmpty {
      translations.insert((translationText, targetLanguage), at: 0)
    } else if translations.isEmpty {
      throw LexiconError(
        .missing, at: SourceLocation(path: path, line: number, column: columnStart(line, column(of: .translation) - 1)),
        expectedFound("a translation in column \(column(of: .translation))", "an empty field"))
    }
    var sense = Sense(
      translations: translations.enumerated().map { k, t in
        Translation(Form(t.0, language: t.1), score: k == 0 ? score : nil)
      })
    sense.definitions = definitions.map { Form($0, language: sourceLanguage) }
    let entry = LexiconEntry(
      headword: Form(headword, language: sourceLanguage), partOfSpeech: pos, senses: [sense], fields: fields,
      provenance: Provenance(path: path, format: "tsv", line: number))
    return (entry, GroupKey(headword: headword, partOfSpeech: pos, language: sourceLanguage))
  }

  /// The 1-based column (in scalars) where field `index` of `line` starts.
  private func columnStart(_ line: String, _ index: Int) -> Int {
    var field = 0
    var column = 1
    var previousWasSeparator = false
    for scalar in line.unicodeScalars {
      if field >= index && !(separator == .space && (scalar == " " || scalar == "\t")) { return column }
      let isSeparator = scalar == "\t" || (separator == .space && scalar == " ")
      if isSeparator && !(separator == .space && previousWasSeparator) { field += 1 }
      previousWasSeparator = isSeparator
      column += 1
    }
    return column
  }

  /// Adds a line's translations (and fields not already there) to `entry`.
  private static func merge(_ line: LexiconEntry, into entry: inout LexiconEntry) {
    guard let sense = line.senses.first else { return }
    if entry.senses.isEmpty { entry.senses.append(Sense()) }
    entry.senses[0].translations.append(contentsOf: sense.translations)
    for definition in sense.definitions where !entry.senses[0].definitions.contains(definition) {
      entry.senses[0].definitions.append(definition)
    }
    for field in line.fields where !entry.fields.contains(field) { entry.fields.append(field) }
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while true {
      let text: String?
      do {
        text = try lines.nextLine()
      } catch {
        if let failure = _lineFailure(error, lines: lines, lenient: options.lenient, skipped: &skipped) { throw failure }
        continue
      }
      guard let line = text else {
        defer { pending = nil }
        return pending?.entry
      }
      if line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      if !started && start(with: line) { continue }
      let parsed: (LexiconEntry, GroupKey)
      do {
        parsed = try parse(line, number: lines.lineNumber)
      } catch {
        guard options.lenient else { throw error }
        skipped.record(reason: reason(for: error), at: error.location ?? lines.location)
        continue
      }
      recordCount += 1
      if var current = pending, tsvOptions.groupsConsecutiveLines, current.key == parsed.1 {
        pending = nil  // keep the entry uniquely referenced while it grows
        Self.merge(parsed.0, into: &current.entry)
        pending = current
        continue
      }
      let finished = pending?.entry
      pending = (parsed.0, parsed.1)
      if let finished { return finished }
    }
  }

  private func reason(for error: LexiconError) -> String {
    if error.message.contains("columns") { return "too few columns" }
    if error.message.contains("number") { return "score not a number" }
    return "empty headword or translation"
  }
}

/// Writes a word list: one line per headword–translation pair, tab-separated,
/// with the header `source target pos score source_lang target_lang`
/// (which ``TSVReader`` recognizes).
///
/// TSV is lossy. Every sense's and subsense's translations are written;
/// what has no column is counted in ``dropped`` by reason, with the
/// entry's location: definitions, examples, pronunciations, variants,
/// inflected forms, relations, fields, tags, ids, direction restrictions,
/// translation sources, translations with empty text (an Apertium `<r>` with
/// only symbols), and entries without any translation, with an empty
/// headword, or with a headword starting with `#` (which would read as a
/// comment). Tabs and line breaks inside text, which TSV cannot hold, become
/// spaces (also counted). What it writes, ``TSVReader`` reads back.
public final class TSVWriter: LexiconWriter {
  public var format: LexiconFormat { .tsv }
  public private(set) var dropped = SkipCounter()
  private let output: AtomicOutput
  private let writesHeader: Bool
  private var line: [UInt8] = []

  /// Creates a writer.
  /// - Parameters:
  ///   - output: Where the lines go; the caller commits it after ``finish()``.
  ///   - writesHeader: Whether to write the header line first. Default `true`.
  public init(output: AtomicOutput, writesHeader: Bool = true) {
    self.output = output
    self.writesHeader = writesHeader
  }

  public func begin(_ header: LexiconHeader) throws(LexiconError) {
    guard writesHeader else { return }
    try emit("source\ttarget\tpos\tscore\tsource_lang\ttarget_lang\n")
  }

  public func write(_ entry: LexiconEntry) throws(LexiconError) {
    let location = entry.provenance?.location ?? SourceLocation(path: output.path)
    func drop(_ what: String, _ present: Bool) {
      if present { dropped.record(reason: "\(what) (TSV has no column for them)", at: location) }
    }
    func walk(_ senses: [Sense], _ visit: (Sense) -> Void) {
      for sense in senses {
        visit(sense)
        walk(sense.subsenses, visit)
      }
    }
    var translations: [Translation] = []
    var hasDefinitions = false, hasExamples = false, hasSenseFields = false, hasSenseRelations = false
    var hasSenseIDs = false
    walk(entry.senses) { sense in
      translations.append(contentsOf: sense.translations)
      hasDefinitions = hasDefinitions || !sense.definitions.isEmpty
      hasExamples = hasExamples || !sense.examples.isEmpty
      hasSenseFields = hasSenseFields || !sense.fields.isEmpty
      hasSenseRelations = hasSenseRelations || !sense.relations.isEmpty
      hasSenseIDs = hasSenseIDs || sense.id != nil
    }
    drop("definitions", hasDefinitions)
    drop("examples", hasExamples)
    drop("fields and notes", hasSenseFields || !entry.fields.isEmpty)
    drop("relations", hasSenseRelations || !entry.relations.isEmpty)
    drop("ids", hasSenseIDs || entry.id != nil)
    drop("pronunciations", !entry.pronunciations.isEmpty)
    drop("variants", !entry.variants.isEmpty)
    drop("inflected forms", !entry.inflectedForms.isEmpty)
    drop("grammatical tags", !entry.tags.isEmpty || !entry.headword.tags.isEmpty || translations.contains { !$0.form.tags.isEmpty })
    drop("direction restrictions", entry.direction != .both || translations.contains { $0.direction != .both })
    drop("translation sources", translations.contains { $0.source != nil })
    if entry.isDeleted { dropped.record(reason: "deleted marks (TSV has no column for them)", at: location) }
    let written = translations.filter { !$0.form.text.allSatisfy(\.isWhitespace) }
    if written.count < translations.count {
      dropped.record(reason: "translations with empty text (TSV needs text in both columns)", at: location)
    }
    guard !written.isEmpty else {
      dropped.record(reason: "entries without translations", at: location)
      return
    }
    guard !entry.headword.text.allSatisfy(\.isWhitespace) else {
      dropped.record(reason: "entries with an empty headword", at: location)
      return
    }
    guard entry.headword.text.first != "#" else {
      dropped.record(reason: "entries whose headword starts with # (a TSV comment)", at: location)
      return
    }
    let headword = clean(entry.headword.text, location)
    let pos = clean(entry.partOfSpeech ?? "", location)
    let sourceLanguage = entry.headword.language?.rawValue ?? ""
    for translation in written {
      line.removeAll(keepingCapacity: true)
      line.append(contentsOf: headword.utf8)
      line.append(0x09)
      line.append(contentsOf: clean(translation.form.text, location).utf8)
      line.append(0x09)
      line.append(contentsOf: pos.utf8)
      line.append(0x09)
      if let score = translation.score, score.isFinite {
        var json = JSONWriter()
        json.double(score)
        line.append(contentsOf: json.bytes)
      }
      line.append(0x09)
      line.append(contentsOf: sourceLanguage.utf8)
      line.append(0x09)
      line.append(contentsOf: (translation.form.language?.rawValue ?? "").utf8)
      line.append(0x0A)
      try emit(bytes: line)
    }
  }

  public func finish() throws(LexiconError) {}

  /// `text` with tabs and line breaks replaced by spaces (counted).
  private func clean(_ text: String, _ location: SourceLocation) -> String {
    guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    dropped.record(reason: "tabs or line breaks in text (written as spaces)", at: location)
    return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }

  private func emit(_ text: String) throws(LexiconError) { try emit(bytes: Array(text.utf8)) }

  private func emit(bytes: [UInt8]) throws(LexiconError) {
    do {
      try output.write(bytes: bytes)
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
  }
}
