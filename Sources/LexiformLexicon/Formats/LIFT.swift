public import LexiformCore
internal import LexiformXML

/// Reads SIL LIFT 0.12 and 0.13 lexicons, as FieldWorks (FLEx) and WeSay
/// export them (the LIFT standard, `lift.rng`).
///
/// - `<header>`: the description, `<ranges>` (each `range` with its `href`
///   and inline `range-element`s) and `<fields>` definitions are kept as
///   header fields (`range:ID`, `field:TAG`).
/// - Every `<entry>` is one entry; one with `dateDeleted` is read with
///   ``LexiconEntry/isDeleted`` set (and counted apart by `stats`).
/// - Multitext elements (`<form lang><text>…</text></form>`, several writing
///   systems) become forms with their language. `<lexical-unit>` → the
///   headword (its first form; the others become variants), `<citation>` →
///   a `citation` field, `<pronunciation>` → pronunciations, `<variant>` →
///   variants (with `ref` and traits as tags).
/// - `<sense>` and `<subsense>` → senses: `<grammatical-info value>` → part
///   of speech, `<gloss lang>` → translations, `<definition>` →
///   definitions, `<example>` with `<translation>`s → examples,
///   `<relation type ref>` → relations, `<note type>`, `<trait name value>`,
///   `<field type>`, `<reversal>`, `<illustration>` → fields.
/// - Entry-level `<relation>`, `<note>`, `<trait>`, `<field>`,
///   `<etymology>` → relations and fields; `id`, `guid` and the dates are
///   kept (the id as ``LexiconEntry/id``, the rest as fields).
public final class LIFTReader: LexiconReader {
  public var format: LexiconFormat { .lift }
  public var path: String { input.path }
  public var skipped: SkipCounter { input.skipped }
  public private(set) var header = LexiconHeader()
  private let input: XMLLexiconInput
  private var reader: XMLReader { input.reader }

  /// Opens a LIFT file.
  /// - Parameters:
  ///   - path: The file (`.gz` is read transparently).
  ///   - options: Lenient mode; languages are taken from the file.
  /// - Throws: ``LexiconError`` when the file cannot be opened.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    input = try XMLLexiconInput(path: path, options: options)
    header.sourceLanguage = options.sourceLanguage
    if let target = options.targetLanguage { header.targetLanguages = [target] }
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while let kind = try input.read() {
      guard kind == .startElement else { continue }
      switch reader.localName {
      case "lift":
        if let version = reader.attribute("version") { header.fields.append(Field("lift:version", Form(version))) }
        if let producer = reader.attribute("producer") { header.fields.append(Field("lift:producer", Form(producer))) }
      case "header":
        readHeader(try input.subtree())
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
    for child in node.elementChildren {
      switch child.name {
      case "description":
        header.title = multitext(child).first?.text
      case "ranges":
        for range in child.elements("range") {
          let id = range.attribute("id") ?? ""
          let elements = range.elements("range-element").compactMap { $0.attribute("id") }
          let value = ([range.attribute("href")].compactMap { $0 } + elements).joined(separator: " ")
          header.fields.append(Field("range:\(id)", Form(value)))
        }
      case "fields":
        for field in child.elements("field") {
          for form in multitext(field) {
            header.fields.append(Field("field:\(field.attribute("tag") ?? "")", form))
          }
        }
      default:
        header.fields.append(Field("header:\(child.name)", Form(child.normalizedText)))
      }
    }
  }

  /// The forms of a multitext element: `<form lang><text>…</text></form>`.
  private func multitext(_ node: XMLNode) -> [Form] {
    node.elements("form").map { form in
      let text = form.element("text")?.normalizedText ?? form.normalizedText
      return Form(text, language: form.attribute("lang").map { LanguageTag($0) })
    }
  }

  private func traits(_ node: XMLNode) -> [Field] {
    node.elements("trait").map { Field($0.attribute("name") ?? "trait", Form($0.attribute("value") ?? "")) }
  }

  private func entry(_ node: XMLNode) throws(LexiconError) -> LexiconEntry {
    var entry = LexiconEntry(headword: Form(""))
    entry.id = node.attribute("id")
    entry.isDeleted = node.attribute("dateDeleted") != nil
    entry.provenance = Provenance(path: path, format: format.rawValue, line: node.line, licence: header.licence)
    for attribute in node.attributes where attribute.name != "id" {
      entry.fields.append(Field(attribute.name, Form(attribute.value)))
    }
    for child in node.elementChildren {
      switch child.name {
      case "lexical-unit":
        let forms = multitext(child)
        if let first = forms.first {
          entry.headword = first
          entry.variants += forms.dropFirst()
        }
      case "citation":
        entry.fields += multitext(child).map { Field("citation", $0) }
      case "pronunciation":
        entry.pronunciations += multitext(child)
        for media in child.elements("media") {
          entry.fields.append(Field("pronunciation:media", Form(media.attribute("href") ?? "")))
        }
      case "variant":
        let tags = [child.attribute("ref").map { "ref:\($0)" }].compactMap { $0 }
          + traits(child).map { "\($0.name):\($0.value.text)" }
        entry.variants += multitext(child).map { Form($0.text, language: $0.language, tags: tags) }
      case "sense":
        entry.senses.append(sense(child))
      case "relation":
        entry.relations.append(relation(child))
      case "trait":
        entry.fields.append(Field(child.attribute("name") ?? "trait", Form(child.attribute("value") ?? "")))
      case "note":
        let name = child.attribute("type").map { "note:\($0)" } ?? "note"
        entry.fields += multitext(child).map { Field(name, $0) }
      case "field":
        entry.fields += multitext(child).map { Field(child.attribute("type") ?? "field", $0) }
      case "etymology":
        let name = "etymology:\(child.attribute("type") ?? "")"
        entry.fields += multitext(child).map { Field(name, $0) }
        for g in child.elements("gloss") { entry.fields.append(Field(name + ":gloss", gloss(g))) }
      default:
        entry.fields.append(Field(child.name, Form(child.normalizedText)))
      }
    }
    if entry.partOfSpeech == nil {
      let kinds = Set(entry.senses.compactMap(\.partOfSpeech))
      if kinds.count == 1 { entry.partOfSpeech = kinds.first }
    }
    if entry.headword.text.isEmpty, !entry.isDeleted,
      let citation = entry.fields.first(where: { $0.name == "citation" })
    {
      entry.headword = citation.value
    }
    return entry
  }

  private func gloss(_ node: XMLNode) -> Form {
    Form(node.element("text")?.normalizedText ?? node.normalizedText, language: node.attribute("lang").map { LanguageTag($0) })
  }

  private func relation(_ node: XMLNode) -> Relation {
    Relation(type: node.attribute("type") ?? "relation", target: node.attribute("ref") ?? "")
  }

  private func sense(_ node: XMLNode) -> Sense {
    var sense = Sense(id: node.attribute("id"))
    for child in node.elementChildren {
      switch child.name {
      case "grammatical-info":
        sense.partOfSpeech = child.attribute("value")
        sense.fields += traits(child).map { Field("grammatical-info:\($0.name)", $0.value) }
      case "gloss":
        sense.translations.append(Translation(gloss(child)))
        sense.fields += traits(child).map { Field("gloss:\($0.name)", $0.value) }
      case "definition":
        sense.definitions += multitext(child)
      case "example":
        let forms = multitext(child)
        var example = Example(forms.first ?? Form(""), type: child.attribute("source"))
        for translation in child.elements("translation") { example.translations += multitext(translation) }
        sense.examples.append(example)
        for extra in forms.dropFirst() { sense.fields.append(Field("example", extra)) }
      case "relation":
        sense.relations.append(relation(child))
      case "note":
        let name = child.attribute("type").map { "note:\($0)" } ?? "note"
        sense.fields += multitext(child).map { Field(name, $0) }
      case "trait":
        sense.fields.append(Field(child.attribute("name") ?? "trait", Form(child.attribute("value") ?? "")))
      case "field":
        sense.fields += multitext(child).map { Field(child.attribute("type") ?? "field", $0) }
      case "reversal":
        let name = "reversal:\(child.attribute("type") ?? "")"
        sense.fields += multitext(child).map { Field(name, $0) }
      case "illustration":
        sense.fields.append(Field("illustration", Form(child.attribute("href") ?? "")))
      case "subsense":
        sense.subsenses.append(self.sense(child))
      default:
        sense.fields.append(Field(child.name, Form(child.normalizedText)))
      }
    }
    return sense
  }
}
