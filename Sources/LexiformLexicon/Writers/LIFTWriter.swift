public import LexiformCore

/// Writes LIFT 0.13, for handing a lexicon to FieldWorks or WeSay.
///
/// Entries keep their id (or get one from the headword and their number),
/// headwords and variants become `<lexical-unit>` and `<variant>` forms,
/// senses keep glosses (translations), definitions, examples, relations,
/// grammatical info, notes and traits. Fields whose name LIFT has no element
/// for become `<field type="NAME">`. What LIFT cannot hold — translation
/// scores and direction restrictions — is counted in ``dropped``.
public final class LIFTWriter: LexiconWriter {
  public var format: LexiconFormat { .lift }
  public private(set) var dropped = SkipCounter()
  private let output: AtomicOutput
  private var xml = XMLTextWriter()
  private var count = 0
  private var sourceLanguage: LanguageTag?

  /// Creates a writer.
  /// - Parameter output: Where to write; the caller commits it.
  public init(output: AtomicOutput) {
    self.output = output
  }

  public func begin(_ header: LexiconHeader) throws(LexiconError) {
    sourceLanguage = header.sourceLanguage
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    xml.open("lift", [("version", "0.13"), ("producer", "Lexiform")])
    if header.title != nil || header.fields.contains(where: { $0.name.hasPrefix("range:") }) {
      xml.open("header")
      if let title = header.title {
        xml.open("description")
        form(Form(title, language: LanguageTag("en")))
        xml.close("description")
      }
      let ranges = header.fields.filter { $0.name.hasPrefix("range:") }
      if !ranges.isEmpty {
        xml.open("ranges")
        for range in ranges {
          let id = String(range.name.dropFirst("range:".count))
          let parts = range.value.text.split(separator: " ")
          let href = parts.first.map(String.init).flatMap { $0.contains(".") || $0.contains("/") ? $0 : nil }
          xml.open("range", [("id", id), ("href", href)])
          for element in parts.dropFirst(href == nil ? 0 : 1) { xml.empty("range-element", [("id", String(element))]) }
          xml.close("range")
        }
        xml.close("ranges")
      }
      xml.close("header")
    }
    try xml.flush(to: output)
  }

  private func form(_ f: Form, fallback: LanguageTag? = nil) {
    xml.open("form", [("lang", (f.language ?? fallback ?? LanguageTag("und")).rawValue)])
    xml.element("text", text: f.text)
    xml.close("form")
  }

  private func multitext(_ name: String, _ forms: [Form], _ attributes: [(String, String?)] = []) {
    guard !forms.isEmpty else { return }
    xml.open(name, attributes)
    for f in forms { form(f, fallback: sourceLanguage) }
    xml.close(name)
  }

  private func field(_ f: Field, at location: SourceLocation) {
    let name = f.name
    if name.hasPrefix("note") {
      let type = name.hasPrefix("note:") ? String(name.dropFirst(5)) : nil
      multitext("note", [f.value], [("type", type)])
    } else if f.value.language == nil, !f.value.text.contains(" "), name != "comment", !name.contains(":") {
      xml.empty("trait", [("name", name), ("value", f.value.text)])
    } else {
      multitext("field", [f.value], [("type", name)])
    }
  }

  private func sense(_ s: Sense, element: String, entryLocation: SourceLocation) {
    xml.open(element, [("id", s.id)])
    if let pos = s.partOfSpeech { xml.empty("grammatical-info", [("value", pos)]) }
    for t in s.translations {
      xml.open("gloss", [("lang", (t.form.language ?? LanguageTag("und")).rawValue)])
      xml.element("text", text: t.form.text)
      xml.close("gloss")
      if t.score != nil { dropped.record(reason: "translation scores (LIFT has no place for them)", at: entryLocation) }
      if t.direction != .both { dropped.record(reason: "direction restrictions (LIFT has no place for them)", at: entryLocation) }
      if !t.form.tags.isEmpty { dropped.record(reason: "tags of translations (LIFT glosses have none)", at: entryLocation) }
    }
    multitext("definition", s.definitions)
    for e in s.examples {
      xml.open("example", [("source", e.type == "example" ? nil : e.type)])
      form(e.form, fallback: sourceLanguage)
      if !e.translations.isEmpty {
        xml.open("translation")
        for t in e.translations { form(t) }
        xml.close("translation")
      }
      xml.close("example")
    }
    for r in s.relations { xml.empty("relation", [("type", r.type), ("ref", r.target)]) }
    for f in s.fields { field(f, at: entryLocation) }
    for sub in s.subsenses { sense(sub, element: "subsense", entryLocation: entryLocation) }
    xml.close(element)
  }

  public func write(_ entry: LexiconEntry) throws(LexiconError) {
    count += 1
    let location = entry.provenance?.location ?? SourceLocation(path: "")
    var attributes: [(String, String?)] = [("id", entry.id ?? "\(entry.headword.text)_\(count)")]
    for key in ["guid", "dateCreated", "dateModified", "dateDeleted", "order"] {
      attributes.append((key, entry.fields.first { $0.name == key }?.value.text))
    }
    if entry.isDeleted, attributes.last(where: { $0.0 == "dateDeleted" })?.1 == nil {
      attributes.append(("dateDeleted", "1970-01-01T00:00:00Z"))
    }
    xml.open("entry", attributes)
    if !entry.headword.text.isEmpty {
      multitext("lexical-unit", [entry.headword])
    }
    for v in entry.variants {
      xml.open("variant")
      form(v, fallback: sourceLanguage)
      for tag in v.tags {
        let parts = tag.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0] == "ref" { continue }
        xml.empty("trait", [("name", parts.count == 2 ? parts[0] : "tag"), ("value", parts.last ?? tag)])
      }
      xml.close("variant")
    }
    if !entry.pronunciations.isEmpty { multitext("pronunciation", entry.pronunciations) }
    for r in entry.relations { xml.empty("relation", [("type", r.type), ("ref", r.target)]) }
    let skip: Set<String> = ["guid", "dateCreated", "dateModified", "dateDeleted", "order"]
    for f in entry.fields where !skip.contains(f.name) { field(f, at: location) }
    if !entry.tags.isEmpty {
      xml.empty("trait", [("name", "tags"), ("value", entry.tags.joined(separator: " "))])
    }
    if entry.direction != .both {
      xml.empty("trait", [("name", "direction"), ("value", entry.direction.rawValue)])
    }
    if !entry.inflectedForms.isEmpty {
      dropped.record(reason: "inflected forms (LIFT has no place for them)", at: location)
    }
    for (i, s) in entry.senses.enumerated() {
      var s = s
      if i == 0, s.partOfSpeech == nil { s.partOfSpeech = entry.partOfSpeech }
      sense(s, element: "sense", entryLocation: location)
    }
    if entry.senses.isEmpty, let pos = entry.partOfSpeech {
      sense(Sense(partOfSpeech: pos), element: "sense", entryLocation: location)
    }
    xml.close("entry")
    if xml.text.utf8.count > 1 << 16 { try xml.flush(to: output) }
  }

  public func finish() throws(LexiconError) {
    xml.close("lift")
    try xml.flush(to: output)
  }
}
