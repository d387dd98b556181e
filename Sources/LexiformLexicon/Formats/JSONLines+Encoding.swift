public import LexiformCore

// The JSON shape of the model: the members `Codable` gives each type, in the
// same order, so that `JSONDecoder` reads what ``JSONLinesWriter`` writes and
// ``JSONLinesReader`` reads what `JSONEncoder` writes. Written by hand for
// speed, straight into bytes: every member after the first always-present
// one is written with its leading comma, so no container state is kept. The
// types with custom `Codable` (`Form`, `Translation`) omit their defaults
// here as they do there; synthesized ones write every non-optional member
// and omit `nil`s. Strings are escaped as ``JSONWriter`` escapes them.

extension JSONWriter {
  /// Writes an entry as the JSON object ``JSONLinesWriter`` puts on a line.
  /// - Parameters:
  ///   - entry: The entry.
  ///   - headerLicence: The licence the file's header line states. A
  ///     provenance licence equal to it is left out (the reader takes it from
  ///     the header), so that a long licence is not repeated on every line; a
  ///     missing one is then written as `null`.
  public mutating func lexiconEntry(_ entry: LexiconEntry, headerLicence: String? = nil) {
    let buffer = JSONByteBuffer(capacity: 1024)
    buffer.lexiconEntry(entry, headerLicence: headerLicence)
    buffer.withBytes { rawValue($0) }
  }

  /// Writes a header as the object inside ``JSONLinesWriter``'s header line.
  /// - Parameter header: The header.
  public mutating func lexiconHeader(_ header: LexiconHeader) {
    let buffer = JSONByteBuffer(capacity: 1024)
    buffer.lexiconHeader(header)
    buffer.withBytes { rawValue($0) }
  }
}

extension JSONByteBuffer {
  /// Appends an entry as one JSON object (see ``JSONWriter/lexiconEntry(_:headerLicence:)``).
  func lexiconEntry(_ entry: LexiconEntry, headerLicence: String?) {
    byte(UInt8(ascii: "{"))
    if let id = entry.id {
      raw("\"id\":")
      quoted(id)
      byte(UInt8(ascii: ","))
    }
    raw("\"headword\":")
    form(entry.headword)
    optionalString(",\"script\":", entry.script)
    optionalString(",\"partOfSpeech\":", entry.partOfSpeech)
    raw(",\"tags\":")
    strings(entry.tags)
    raw(",\"pronunciations\":")
    forms(entry.pronunciations)
    raw(",\"senses\":[")
    for (i, sense) in entry.senses.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      self.sense(sense)
    }
    raw("],\"variants\":")
    forms(entry.variants)
    raw(",\"inflectedForms\":[")
    for (i, inflected) in entry.inflectedForms.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      raw("{\"text\":")
      quoted(inflected.text)
      raw(",\"tags\":")
      strings(inflected.tags)
      byte(UInt8(ascii: "}"))
    }
    raw("],\"relations\":")
    relations(entry.relations)
    raw(",\"fields\":")
    fields(entry.fields)
    raw(",\"direction\":")
    quoted(entry.direction.rawValue)
    raw(entry.isDeleted ? ",\"isDeleted\":true" : ",\"isDeleted\":false")
    if let provenance = entry.provenance {
      raw(",\"provenance\":{\"path\":")
      quoted(provenance.path)
      raw(",\"format\":")
      quoted(provenance.format)
      if let line = provenance.line {
        raw(",\"line\":")
        int(line)
      }
      if let licence = provenance.licence {
        if licence != headerLicence { optionalString(",\"licence\":", licence) }
      } else if headerLicence != nil {
        raw(",\"licence\":null")
      }
      byte(UInt8(ascii: "}"))
    }
    byte(UInt8(ascii: "}"))
  }

  /// Appends a header as one JSON object (see ``JSONWriter/lexiconHeader(_:)``).
  func lexiconHeader(_ header: LexiconHeader) {
    byte(UInt8(ascii: "{"))
    if let source = header.sourceLanguage {
      raw("\"sourceLanguage\":")
      quoted(source.rawValue)
      byte(UInt8(ascii: ","))
    }
    raw("\"targetLanguages\":")
    strings(header.targetLanguages.map(\.rawValue))
    optionalString(",\"title\":", header.title)
    optionalString(",\"licence\":", header.licence)
    raw(",\"fields\":")
    fields(header.fields)
    byte(UInt8(ascii: "}"))
  }

  /// `key` (with its leading comma and colon) and the quoted value, if any.
  @inline(__always)
  private func optionalString(_ key: StaticString, _ value: String?) {
    guard let value else { return }
    raw(key)
    quoted(value)
  }

  /// A JSON array: `[`, each element written by `element`, commas between, `]`.
  private func array<Element>(_ values: [Element], _ element: (Element) -> Void) {
    byte(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      element(value)
    }
    byte(UInt8(ascii: "]"))
  }

  private func strings(_ values: [String]) {
    array(values) { quoted($0) }
  }

  private func form(_ form: Form) {
    raw("{\"text\":")
    quoted(form.text)
    optionalString(",\"lang\":", form.language?.rawValue)
    if !form.tags.isEmpty {
      raw(",\"tags\":")
      strings(form.tags)
    }
    byte(UInt8(ascii: "}"))
  }

  private func forms(_ values: [Form]) {
    array(values) { form($0) }
  }

  private func relations(_ values: [Relation]) {
    array(values) { relation in
      raw("{\"type\":")
      quoted(relation.type)
      raw(",\"target\":")
      quoted(relation.target)
      byte(UInt8(ascii: "}"))
    }
  }

  private func fields(_ values: [Field]) {
    array(values) { field in
      raw("{\"name\":")
      quoted(field.name)
      raw(",\"value\":")
      form(field.value)
      byte(UInt8(ascii: "}"))
    }
  }

  /// A score: a number, or (JSON having none) `"NaN"`, `"Infinity"`,
  /// `"-Infinity"` as `JSONEncoder`'s `convertToString` strategy writes them.
  private func score(_ value: Double) {
    if value.isFinite {
      if let number = JSONNumber(value) {
        text(number.text)
      } else {
        raw("null")
      }
    } else if value.isNaN {
      quoted("NaN")
    } else {
      quoted(value < 0 ? "-Infinity" : "Infinity")
    }
  }

  private func sense(_ sense: Sense) {
    byte(UInt8(ascii: "{"))
    if let id = sense.id {
      raw("\"id\":")
      quoted(id)
      byte(UInt8(ascii: ","))
    }
    if let partOfSpeech = sense.partOfSpeech {
      raw("\"partOfSpeech\":")
      quoted(partOfSpeech)
      byte(UInt8(ascii: ","))
    }
    raw("\"translations\":[")
    for (i, translation) in sense.translations.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      raw("{\"form\":")
      form(translation.form)
      if translation.direction != .both {
        raw(",\"direction\":")
        quoted(translation.direction.rawValue)
      }
      if let value = translation.score {
        raw(",\"score\":")
        score(value)
      }
      optionalString(",\"source\":", translation.source)
      byte(UInt8(ascii: "}"))
    }
    raw("],\"definitions\":")
    forms(sense.definitions)
    raw(",\"examples\":[")
    for (i, example) in sense.examples.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      raw("{\"form\":")
      form(example.form)
      raw(",\"translations\":")
      forms(example.translations)
      optionalString(",\"type\":", example.type)
      byte(UInt8(ascii: "}"))
    }
    raw("],\"fields\":")
    fields(sense.fields)
    raw(",\"relations\":")
    relations(sense.relations)
    raw(",\"subsenses\":[")
    for (i, subsense) in sense.subsenses.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      self.sense(subsense)
    }
    raw("]}")
  }
}

/// Decodes the JSON shape of the model, naming the member path and the line
/// in errors: `a.jsonl:3: error: expected a string at senses[0].id, found a number`.
struct _JSONLinesDecoder {
  let location: SourceLocation
  /// The header's licence: a provenance without a `licence` member has it.
  var headerLicence: String? = nil

  func fail(_ expected: String, at path: @autoclosure () -> String, found: String) -> LexiconError {
    LexiconError(.malformed, at: location, "expected \(expected) at \(path()), found \(found)")
  }

  func object(_ value: JSONValue, at path: @autoclosure () -> String) throws(LexiconError) -> JSONObject {
    guard case .object(let o) = value else { throw fail("an object", at: path(), found: value.kindDescription) }
    return o
  }

  func string(_ value: JSONValue, at path: @autoclosure () -> String) throws(LexiconError) -> String {
    guard case .string(let s) = value else { throw fail("a string", at: path(), found: value.kindDescription) }
    return s
  }

  func optionalString(_ o: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(LexiconError)
    -> String?
  {
    guard let value = o[key], !value.isNull else { return nil }
    return try string(value, at: path() + key)
  }

  func array(_ o: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(LexiconError)
    -> [JSONValue]
  {
    guard let value = o[key], !value.isNull else { return [] }
    guard case .array(let a) = value else {
      throw fail("an array", at: path() + key, found: value.kindDescription)
    }
    return a
  }

  func strings(_ o: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(LexiconError) -> [String]
  {
    var out: [String] = []
    for (i, value) in try array(o, key, at: path()).enumerated() {
      out.append(try string(value, at: path() + "\(key)[\(i)]"))
    }
    return out
  }

  func form(_ value: JSONValue, at path: @autoclosure () -> String) throws(LexiconError) -> Form {
    let o = try object(value, at: path())
    guard let text = o["text"] else {
      throw LexiconError(.missing, at: location, "expected a \"text\" member at \(path()), found none")
    }
    let language = try optionalString(o, "lang", at: path() + ".").map(LanguageTag.init(rawValue:))
    return Form(
      try string(text, at: path() + ".text"), language: language, tags: try strings(o, "tags", at: path() + "."))
  }

  func forms(_ o: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(LexiconError) -> [Form] {
    var out: [Form] = []
    for (i, value) in try array(o, key, at: path()).enumerated() {
      out.append(try form(value, at: path() + "\(key)[\(i)]"))
    }
    return out
  }

  func direction(_ o: JSONObject, at path: @autoclosure () -> String) throws(LexiconError) -> Direction {
    guard let text = try optionalString(o, "direction", at: path()) else { return .both }
    guard let direction = Direction(rawValue: text) else {
      throw fail("\"both\", \"LR\" or \"RL\"", at: path() + "direction", found: "\"\(text)\"")
    }
    return direction
  }

  func relations(_ o: JSONObject, at path: @autoclosure () -> String) throws(LexiconError) -> [Relation] {
    var out: [Relation] = []
    for (i, value) in try array(o, "relations", at: path()).enumerated() {
      let p = path() + "relations[\(i)]"
      let r = try object(value, at: p)
      out.append(
        Relation(
          type: try string(r["type"] ?? .null, at: p + ".type"), target: try string(r["target"] ?? .null, at: p + ".target")))
    }
    return out
  }

  func fields(_ o: JSONObject, at path: @autoclosure () -> String) throws(LexiconError) -> [Field] {
    var out: [Field] = []
    for (i, value) in try array(o, "fields", at: path()).enumerated() {
      let p = path() + "fields[\(i)]"
      let f = try object(value, at: p)
      out.append(Field(try string(f["name"] ?? .null, at: p + ".name"), try form(f["value"] ?? .null, at: p + ".value")))
    }
    return out
  }

  func score(_ value: JSONValue?, at path: @autoclosure () -> String) throws(LexiconError) -> Double? {
    switch value {
    case nil, .null?: return nil
    case .number(let n)?: return n.doubleValue
    case .string("NaN")?: return .nan
    case .string("Infinity")?: return .infinity
    case .string("-Infinity")?: return -.infinity
    case let other?: throw fail("a number", at: path(), found: other.kindDescription)
    }
  }

  func sense(_ value: JSONValue, at path: String) throws(LexiconError) -> Sense {
    let o = try object(value, at: path)
    let p = path + "."
    var sense = Sense(
      id: try optionalString(o, "id", at: p), partOfSpeech: try optionalString(o, "partOfSpeech", at: p))
    for (i, value) in try array(o, "translations", at: p).enumerated() {
      let tp = p + "translations[\(i)]"
      let t = try object(value, at: tp)
      sense.translations.append(
        Translation(
          try form(t["form"] ?? .null, at: tp + ".form"), direction: try direction(t, at: tp + "."),
          score: try score(t["score"], at: tp + ".score"), source: try optionalString(t, "source", at: tp + ".")))
    }
    sense.definitions = try forms(o, "definitions", at: p)
    for (i, value) in try array(o, "examples", at: p).enumerated() {
      let ep = p + "examples[\(i)]"
      let e = try object(value, at: ep)
      sense.examples.append(
        Example(
          try form(e["form"] ?? .null, at: ep + ".form"), translations: try forms(e, "translations", at: ep + "."),
          type: try optionalString(e, "type", at: ep + ".")))
    }
    sense.fields = try fields(o, at: p)
    sense.relations = try relations(o, at: p)
    for (i, value) in try array(o, "subsenses", at: p).enumerated() {
      sense.subsenses.append(try self.sense(value, at: p + "subsenses[\(i)]"))
    }
    return sense
  }

  func entry(_ value: JSONValue) throws(LexiconError) -> LexiconEntry {
    let o = try object(value, at: "the top level")
    guard let headword = o["headword"] else {
      throw LexiconError(.missing, at: location, "expected a \"headword\" member, found none")
    }
    var entry = LexiconEntry(headword: try form(headword, at: "headword"))
    entry.id = try optionalString(o, "id", at: "")
    entry.script = try optionalString(o, "script", at: "")
    entry.partOfSpeech = try optionalString(o, "partOfSpeech", at: "")
    entry.tags = try strings(o, "tags", at: "")
    entry.pronunciations = try forms(o, "pronunciations", at: "")
    for (i, value) in try array(o, "senses", at: "").enumerated() {
      entry.senses.append(try sense(value, at: "senses[\(i)]"))
    }
    entry.variants = try forms(o, "variants", at: "")
    for (i, value) in try array(o, "inflectedForms", at: "").enumerated() {
      let p = "inflectedForms[\(i)]"
      let f = try object(value, at: p)
      entry.inflectedForms.append(
        InflectedForm(try string(f["text"] ?? .null, at: p + ".text"), tags: try strings(f, "tags", at: p + ".")))
    }
    entry.relations = try relations(o, at: "")
    entry.fields = try fields(o, at: "")
    entry.direction = try direction(o, at: "")
    if let deleted = o["isDeleted"], !deleted.isNull {
      guard case .bool(let b) = deleted else {
        throw fail("true or false", at: "isDeleted", found: deleted.kindDescription)
      }
      entry.isDeleted = b
    }
    if let value = o["provenance"], !value.isNull {
      let p = try object(value, at: "provenance")
      var provenance = Provenance(
        path: try string(p["path"] ?? .null, at: "provenance.path"),
        format: try string(p["format"] ?? .null, at: "provenance.format"))
      if let line = p["line"], !line.isNull {
        guard let n = line.intValue else { throw fail("an integer", at: "provenance.line", found: JSONWriter.text(of: line)) }
        provenance.line = n
      }
      provenance.licence = p["licence"] == nil ? headerLicence : try optionalString(p, "licence", at: "provenance.")
      entry.provenance = provenance
    }
    return entry
  }

  func header(_ value: JSONValue) throws(LexiconError) -> LexiconHeader {
    let o = try object(value, at: "header")
    var header = LexiconHeader()
    header.sourceLanguage = try optionalString(o, "sourceLanguage", at: "header.").map(LanguageTag.init(rawValue:))
    header.targetLanguages = try strings(o, "targetLanguages", at: "header.").map(LanguageTag.init(rawValue:))
    header.title = try optionalString(o, "title", at: "header.")
    header.licence = try optionalString(o, "licence", at: "header.")
    header.fields = try fields(o, at: "header.")
    return header
  }
}
