public import LexiformCore
internal import LexiformXML

/// Reads dictionaries in TEI P5 as FreeDict writes them (TEI Guidelines
/// chapter 9, "Dictionaries").
///
/// - The `<teiHeader>` gives the title (`titleStmt/title`) and the licence
///   (`availability`: its `<licence>` text and `target`, or its text).
/// - Every `<entry>` (also inside `<superEntry>`) is one entry:
///   `<form>`/`<orth>` → the headword (further `<orth>`s and nested
///   `<form>`s → variants), `<pron>` → pronunciations, `<gramGrp>` → part of
///   speech (`<pos>`) and tags (`gen:f`, `num:pl`, … for the other children),
///   `<sense>` (nested, with `n`) → senses and subsenses, `<cit
///   type="trans">` or `"translation"` with `<quote>`s → translations (with
///   their own `<gramGrp>` as tags and `xml:lang`), `<def>` → definitions,
///   `<cit type="example">` → examples, `<xr>`/`<ref>` → relations
///   (`xr:TYPE`), `<usg type>` → fields `usg:TYPE`, `<note>` → fields,
///   `<re>` (related entries) → relations of type `re`.
/// - Languages: a headword's is its `<orth>`'s, `<form>`'s or `<entry>`'s
///   `xml:lang`, else the options', else the file name's (`swh-eng.tei` →
///   `swh`); translations use their `xml:lang`, else the second language of
///   the options or the file name. `xml:lang` on `<text>` or `<body>` names
///   the language of the prose (definitions, notes), which FreeDict writes in
///   the target language: definitions without `xml:lang` take it.
/// - Anything else inside an entry is kept as a field named after the
///   element, so that nothing is lost silently.
public final class FreeDictTEIReader: LexiconReader {
  public var format: LexiconFormat { .tei }
  public var path: String { input.path }
  public var skipped: SkipCounter { input.skipped }
  public private(set) var header = LexiconHeader()
  private let input: XMLLexiconInput
  private var reader: XMLReader { input.reader }
  private var proseLanguage: LanguageTag?

  /// Opens a TEI file.
  /// - Parameters:
  ///   - path: The file (`.gz` is read transparently).
  ///   - options: Languages, lenient mode.
  /// - Throws: ``LexiconError`` when the file cannot be opened.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    input = try XMLLexiconInput(path: path, options: options)
    let pair = Self.languagePair(fromPath: path)
    header.sourceLanguage = options.sourceLanguage ?? pair?.0
    if let target = options.targetLanguage ?? pair?.1 { header.targetLanguages = [target] }
  }

  /// `swh-eng.tei` → (swh, eng).
  static func languagePair(fromPath path: String) -> (LanguageTag, LanguageTag)? {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    guard let stem = file.split(separator: ".").first else { return nil }
    let codes = stem.split(separator: "-")
    guard codes.count == 2, codes.allSatisfy({ (2...3).contains($0.count) && $0.allSatisfy(\.isLetter) }) else {
      return nil
    }
    return (LanguageTag(String(codes[0])), LanguageTag(String(codes[1])))
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while let kind = try input.read() {
      guard kind == .startElement else { continue }
      switch reader.localName {
      case "teiHeader":
        readHeader(try input.subtree())
      case "text", "body":
        // The language of the prose (definitions, notes), not of the headwords.
        if let lang = reader.attribute("lang").map({ LanguageTag($0) }) { proseLanguage = lang }
      case "entry":
        let node = try input.subtree()
        if let entry = try input.convert({ () throws(LexiconError) -> LexiconEntry in try entry(node) }) {
          return entry
        }
      default:
        break
      }
    }
    return nil
  }

  private func readHeader(_ node: XMLNode) {
    func find(_ node: XMLNode, _ name: String) -> XMLNode? {
      if node.name == name { return node }
      for child in node.elementChildren {
        if let found = find(child, name) { return found }
      }
      return nil
    }
    if let titleStmt = find(node, "titleStmt"), let title = titleStmt.element("title") {
      header.title = title.normalizedText
    }
    if let availability = find(node, "availability") {
      if let licence = find(availability, "licence") {
        let text = licence.normalizedText
        let target = licence.attribute("target")
        header.licence = [text, target].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      } else {
        let text = availability.normalizedText
        header.licence = text.isEmpty ? availability.attribute("status") : text
      }
    }
  }

  private var targetLanguage: LanguageTag? { header.targetLanguages.first }

  private func entry(_ node: XMLNode) throws(LexiconError) -> LexiconEntry {
    let language = node.attribute("xml:lang").map { LanguageTag($0) } ?? header.sourceLanguage
    var entry = LexiconEntry(headword: Form("", language: language))
    entry.id = node.attribute("xml:id")
    entry.provenance = Provenance(path: path, format: format.rawValue, line: node.line, licence: header.licence)
    var headwordFound = false
    for child in node.elementChildren {
      switch child.name {
      case "form":
        readForm(child, into: &entry, headwordFound: &headwordFound, language: language)
      case "gramGrp":
        readGramGrp(child, partOfSpeech: &entry.partOfSpeech, tags: &entry.tags)
      case "sense":
        entry.senses.append(try sense(child, entryLanguage: language))
      case "cit", "def", "xr", "usg":
        // Sense content written directly in the entry: an implicit sense.
        var sense = entry.senses.last ?? Sense()
        if entry.senses.isEmpty { entry.senses.append(sense) }
        try readSenseChild(child, into: &sense, entryLanguage: language)
        entry.senses[entry.senses.count - 1] = sense
      case "re":
        let target = re(child)
        entry.relations.append(Relation(type: "re", target: target))
      case "note":
        let name = child.attribute("type").map { "note:\($0)" } ?? "note"
        entry.fields.append(Field(name, Form(child.normalizedText)))
      default:
        entry.fields.append(Field(child.name, Form(child.normalizedText)))
      }
    }
    if entry.fields.contains(where: { $0.name == "note:status" && $0.value.text == "deleted" }) {
      entry.isDeleted = true
      entry.fields.removeAll { $0.name == "note:status" && $0.value.text == "deleted" }
    }
    guard entry.isDeleted || (headwordFound && !entry.headword.text.isEmpty) else {
      throw input.error(.missing, node, "expected <form><orth> with the headword inside <entry>, found none")
    }
    return entry
  }

  private func re(_ node: XMLNode) -> String {
    func firstOrth(_ n: XMLNode) -> String? {
      if n.name == "orth" { return n.normalizedText }
      for c in n.elementChildren { if let o = firstOrth(c) { return o } }
      return nil
    }
    return firstOrth(node) ?? node.normalizedText
  }

  private func readForm(_ form: XMLNode, into entry: inout LexiconEntry, headwordFound: inout Bool, language: LanguageTag?) {
    let isVariant = headwordFound || ["variant", "infl", "inflected"].contains(form.attribute("type") ?? "")
    for child in form.elementChildren {
      switch child.name {
      case "orth":
        let text = child.normalizedText
        if !headwordFound, !isVariant {
          entry.headword.text = text
          if let lang = (child.attribute("xml:lang") ?? form.attribute("xml:lang")).map({ LanguageTag($0) }) {
            entry.headword.language = lang
          }
          headwordFound = true
        } else {
          entry.variants.append(Form(text, language: language, tags: form.attribute("type").map { [$0] } ?? []))
        }
      case "pron":
        entry.pronunciations.append(Form(child.normalizedText, language: child.attribute("xml:lang").map { LanguageTag($0) }))
      case "form":
        readForm(child, into: &entry, headwordFound: &headwordFound, language: language)
      case "gramGrp":
        readGramGrp(child, partOfSpeech: &entry.partOfSpeech, tags: &entry.tags)
      default:
        entry.fields.append(Field("form:\(child.name)", Form(child.normalizedText)))
      }
    }
  }

  private func readGramGrp(_ node: XMLNode, partOfSpeech: inout String?, tags: inout [String]) {
    for child in node.elementChildren {
      let value = child.normalizedText.isEmpty ? (child.attribute("value") ?? "") : child.normalizedText
      if child.name == "pos", partOfSpeech == nil {
        partOfSpeech = value
      } else {
        tags.append("\(child.name):\(value)")
      }
    }
  }

  private func sense(_ node: XMLNode, entryLanguage: LanguageTag?) throws(LexiconError) -> Sense {
    var sense = Sense(id: node.attribute("n") ?? node.attribute("xml:id"))
    for child in node.elementChildren {
      try readSenseChild(child, into: &sense, entryLanguage: entryLanguage)
    }
    return sense
  }

  private func readSenseChild(_ child: XMLNode, into sense: inout Sense, entryLanguage: LanguageTag?) throws(LexiconError) {
    switch child.name {
    case "sense":
      sense.subsenses.append(try self.sense(child, entryLanguage: entryLanguage))
    case "cit":
      let type = child.attribute("type") ?? "trans"
      if type == "trans" || type == "translation" || type == "translationEquivalent" {
        sense.translations += translations(child)
      } else if type == "example" {
        sense.examples.append(example(child, entryLanguage: entryLanguage))
      } else {
        sense.fields.append(Field("cit:\(type)", Form(child.normalizedText)))
      }
    case "def":
      sense.definitions.append(
        Form(
          child.normalizedText,
          language: child.attribute("xml:lang").map { LanguageTag($0) } ?? proseLanguage ?? targetLanguage))
    case "gramGrp":
      var tags: [String] = []
      readGramGrp(child, partOfSpeech: &sense.partOfSpeech, tags: &tags)
      sense.fields += tags.map { Field("gram", Form($0)) }
    case "xr":
      let type = child.attribute("type").map { "xr:\($0)" } ?? "xr"
      let refs = child.elements("ref")
      if refs.isEmpty {
        sense.relations.append(Relation(type: type, target: child.normalizedText))
      }
      for ref in refs {
        sense.relations.append(Relation(type: type, target: ref.normalizedText.isEmpty ? (ref.attribute("target") ?? "") : ref.normalizedText))
      }
    case "usg":
      let name = child.attribute("type").map { "usg:\($0)" } ?? "usg"
      sense.fields.append(Field(name, Form(child.normalizedText, language: child.attribute("xml:lang").map { LanguageTag($0) })))
    case "note":
      let name = child.attribute("type").map { "note:\($0)" } ?? "note"
      sense.fields.append(Field(name, Form(child.normalizedText, language: child.attribute("xml:lang").map { LanguageTag($0) })))
    default:
      sense.fields.append(Field(child.name, Form(child.normalizedText)))
    }
  }

  private func translations(_ cit: XMLNode) -> [Translation] {
    let language = cit.attribute("xml:lang").map { LanguageTag($0) } ?? targetLanguage
    var tags: [String] = []
    var pos: String?
    if let gram = cit.element("gramGrp") {
      readGramGrp(gram, partOfSpeech: &pos, tags: &tags)
    }
    if let pos { tags.insert(pos, at: 0) }
    var result: [Translation] = []
    for quote in cit.elements("quote") {
      let text = quote.normalizedText
      if !text.isEmpty {
        result.append(Translation(Form(text, language: quote.attribute("xml:lang").map { LanguageTag($0) } ?? language, tags: tags)))
      }
    }
    // A nested <cit type="trans"> (translations of translations are rare,
    // but FreeDict nests <cit> for grouping).
    for inner in cit.elements("cit") { result += translations(inner) }
    return result
  }

  private func example(_ cit: XMLNode, entryLanguage: LanguageTag?) -> Example {
    let quote = cit.element("quote")
    var example = Example(
      Form(quote?.normalizedText ?? "", language: cit.attribute("xml:lang").map { LanguageTag($0) } ?? entryLanguage),
      type: "example")
    for inner in cit.elements("cit") {
      for translation in translations(inner) { example.translations.append(translation.form) }
    }
    return example
  }
}
