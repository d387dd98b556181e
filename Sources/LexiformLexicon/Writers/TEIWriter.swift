public import LexiformCore

/// Writes TEI P5 in FreeDict's layout, for FreeDict's tools and other TEI
/// dictionary software.
///
/// The header carries the title, the licence and the languages; each entry
/// becomes `<entry>` with `<form><orth>`, `<pron>`, `<gramGrp>`, nested
/// `<sense>`s with `<cit type="trans">`, `<def>`, `<cit type="example">`,
/// `<xr>` and `<usg>`/`<note>`. What TEI cannot hold here (scores,
/// direction restrictions, inflected forms, entries without a headword) is
/// counted in ``dropped``.
public final class TEIWriter: LexiconWriter {
  public var format: LexiconFormat { .tei }
  public private(set) var dropped = SkipCounter()
  private let output: AtomicOutput
  private var xml = XMLTextWriter()

  /// Creates a writer.
  /// - Parameter output: Where to write; the caller commits it.
  public init(output: AtomicOutput) {
    self.output = output
  }

  public func begin(_ header: LexiconHeader) throws(LexiconError) {
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    xml.open("TEI", [("xmlns", "http://www.tei-c.org/ns/1.0")])
    xml.open("teiHeader")
    xml.open("fileDesc")
    xml.open("titleStmt")
    xml.element("title", text: header.title ?? "Lexicon converted by Lexiform")
    xml.close("titleStmt")
    xml.open("publicationStmt")
    xml.element("publisher", text: "Lexiform")
    if let licence = header.licence {
      xml.open("availability")
      xml.element("licence", text: licence)
      xml.close("availability")
    }
    xml.close("publicationStmt")
    xml.open("sourceDesc")
    xml.element("p", text: "Converted by Lexiform.")
    xml.close("sourceDesc")
    xml.close("fileDesc")
    xml.close("teiHeader")
    xml.open("text")
    xml.open("body", [("xml:lang", header.sourceLanguage?.rawValue)])
    try xml.flush(to: output)
  }

  private func sense(_ s: Sense, location: SourceLocation) {
    xml.open("sense", [("n", s.id)])
    if let pos = s.partOfSpeech {
      xml.open("gramGrp")
      xml.element("pos", text: pos)
      xml.close("gramGrp")
    }
    for t in s.translations {
      xml.open("cit", [("type", "trans"), ("xml:lang", t.form.language?.rawValue)])
      xml.element("quote", text: t.form.text)
      if !t.form.tags.isEmpty {
        xml.open("gramGrp")
        for tag in t.form.tags { gram(tag) }
        xml.close("gramGrp")
      }
      xml.close("cit")
      if t.score != nil { dropped.record(reason: "translation scores (TEI here has no place for them)", at: location) }
      if t.direction != .both { dropped.record(reason: "direction restrictions (TEI has no place for them)", at: location) }
    }
    for d in s.definitions { xml.element("def", [("xml:lang", d.language?.rawValue)], text: d.text) }
    for e in s.examples {
      xml.open("cit", [("type", "example")])
      xml.element("quote", text: e.form.text)
      for t in e.translations {
        xml.open("cit", [("type", "trans"), ("xml:lang", t.language?.rawValue)])
        xml.element("quote", text: t.text)
        xml.close("cit")
      }
      xml.close("cit")
    }
    for r in s.relations {
      let type = r.type.hasPrefix("xr:") ? String(r.type.dropFirst(3)) : r.type
      xml.open("xr", [("type", type)])
      xml.element("ref", text: r.target)
      xml.close("xr")
    }
    for f in s.fields { field(f) }
    for sub in s.subsenses { sense(sub, location: location) }
    xml.close("sense")
  }

  private func gram(_ tag: String) {
    let parts = tag.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    // `gram` too: the reader gives `<gram type="tag">X</gram>` back as `gram:X`.
    let known: Set<String> = [
      "pos", "gen", "num", "case", "per", "tns", "mood", "subc", "iType", "number", "gender", "gram",
    ]
    if parts.count == 2, known.contains(parts[0]) {
      xml.element(parts[0], text: parts[1])
    } else {
      xml.element("gram", [("type", "tag")], text: tag)
    }
  }

  private func field(_ f: Field) {
    let parts = f.name.split(separator: ":", maxSplits: 1).map(String.init)
    if parts.first == "usg" {
      xml.element("usg", [("type", parts.count == 2 ? parts[1] : nil)], text: f.value.text)
    } else {
      // The reader names `<note type="T">` `note:T` and a plain `<note>` `note`.
      let type = f.name == "note" ? nil : f.name.hasPrefix("note:") ? String(f.name.dropFirst("note:".count)) : f.name
      xml.element("note", [("type", type), ("xml:lang", f.value.language?.rawValue)], text: f.value.text)
    }
  }

  public func write(_ entry: LexiconEntry) throws(LexiconError) {
    let location = entry.provenance?.location ?? SourceLocation(path: "")
    // An entry needs a headword to be read back (XML whitespace collapses,
    // characters XML cannot hold are left out): one without is counted, not
    // written.
    let orth = XMLTextWriter.escape(entry.headword.text, attribute: false)
    if !entry.isDeleted, orth.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      dropped.record(reason: "entries with an empty headword (TEI needs <orth> text)", at: location)
      return
    }
    xml.open("entry", [("xml:id", entry.id.map(Self.xmlID))])
    xml.open("form", [("type", "lemma")])
    xml.element("orth", text: entry.headword.text)
    for p in entry.pronunciations { xml.element("pron", text: p.text) }
    for v in entry.variants {
      xml.open("form", [("type", "variant")])
      xml.element("orth", text: v.text)
      xml.close("form")
    }
    xml.close("form")
    if entry.partOfSpeech != nil || !entry.tags.isEmpty {
      xml.open("gramGrp")
      if let pos = entry.partOfSpeech { xml.element("pos", text: pos) }
      for tag in entry.tags { gram(tag) }
      xml.close("gramGrp")
    }
    for s in entry.senses { sense(s, location: location) }
    for r in entry.relations {
      xml.open("xr", [("type", r.type)])
      xml.element("ref", text: r.target)
      xml.close("xr")
    }
    for f in entry.fields { field(f) }
    if entry.direction != .both { dropped.record(reason: "direction restrictions (TEI has no place for them)", at: location) }
    if !entry.inflectedForms.isEmpty { dropped.record(reason: "inflected forms (written as nothing in TEI)", at: location) }
    if entry.isDeleted { xml.element("note", [("type", "status")], text: "deleted") }
    xml.close("entry")
    if xml.text.utf8.count > 1 << 16 { try xml.flush(to: output) }
  }

  /// An `xml:id` must be an NCName: letters, digits, `.-_`, not starting
  /// with a digit; other characters become `_`.
  static func xmlID(_ id: String) -> String {
    var out = ""
    for (i, ch) in id.enumerated() {
      let ok = ch.isLetter || ch == "_" || (i > 0 && (ch.isNumber || ch == "-" || ch == "."))
      out.append(ok ? ch : "_")
    }
    return out.isEmpty ? "_" : out
  }

  public func finish() throws(LexiconError) {
    xml.close("body")
    xml.close("text")
    xml.close("TEI")
    try xml.flush(to: output)
  }
}
