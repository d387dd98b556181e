public import LexiformCore
internal import LexiformXML

/// Reads Apertium bilingual dictionaries (`.dix`), as `lt-comp` and
/// `apertium-validate-dictionary` understand them.
///
/// - `<sdefs>`: symbol definitions, kept in the header (`sdef:NAME` fields).
/// - `<pardefs>`: paradigms, kept in memory (they are small) and expanded
///   wherever an entry names them with `<par n>`, recursively, as the
///   compiler concatenates them.
/// - Every `<e>` in a `<section>` is one entry. `<p><l>…</l><r>…</r></p>`
///   gives the headword (left) and a translation (right); `<i>…</i>` the
///   same text on both sides; `<re>` regular expressions are kept as fields.
///   In `<l>`, `<r>` and `<i>`: text, `<b/>` (a blank, a space), `<s n>`
///   (symbols: the first of the left side is the part of speech, the rest
///   are tags; the right side's are the translation's tags), `<g>` (the
///   invariable part of a multiword, kept in the text and as a
///   `apertium:group` field), `<j/>` (`+`), `<a/>` and `<m/>` (no text).
/// - `<e>` attributes: `r="LR"`/`"RL"` → ``Direction``, `w` → the score,
///   `c` → a `comment` field; `lm`, `a`, `i`, `v`, `vl`, `vr`, `alt`, `slr`,
///   `srl` and any other attribute → fields named after it.
/// - Languages come from the conventional file name
///   (`apertium-kaz-tat.kaz-tat.dix` → `kaz` to `tat`) unless the options
///   give them.
///
/// When a paradigm expands one `<e>` into several left sides with different
/// symbols, each becomes a sense of its own, with the left-side tags in a
/// `source-tags` field.
public final class ApertiumDixReader: LexiconReader {
  public var format: LexiconFormat { .apertium }
  public var path: String { input.path }
  public var skipped: SkipCounter { input.skipped }
  private let input: XMLLexiconInput
  private var options: LexiconReaderOptions { input.options }
  private var reader: XMLReader { input.reader }
  public private(set) var header = LexiconHeader()

  /// One side of a pair: text and symbols.
  struct Side: Hashable {
    var text = ""
    var tags: [String] = []
    var group = ""

    mutating func append(_ other: Side) {
      text += other.text
      tags += other.tags
      group += other.group
    }
  }

  /// One way an entry (or paradigm entry) can be read: a left and a right side.
  struct Pair: Hashable {
    var left = Side()
    var right = Side()
    var direction = Direction.both
  }

  private var paradigms: [String: [Pair]] = [:]
  private var inSection = false
  private var languages: (LanguageTag?, LanguageTag?) = (nil, nil)

  /// Opens a `.dix` file.
  /// - Parameters:
  ///   - path: The file (`.gz` is read transparently).
  ///   - options: Languages, lenient mode.
  /// - Throws: ``LexiconError`` when the file cannot be opened.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    input = try XMLLexiconInput(path: path, options: options)
    languages = (options.sourceLanguage, options.targetLanguage)
    if languages.0 == nil || languages.1 == nil, let pair = Self.languagePair(fromPath: path) {
      languages = (languages.0 ?? pair.0, languages.1 ?? pair.1)
    }
    header.sourceLanguage = languages.0
    header.targetLanguages = languages.1.map { [$0] } ?? []
  }

  /// `apertium-kaz-tat.kaz-tat.dix` → (kaz, tat).
  static func languagePair(fromPath path: String) -> (LanguageTag, LanguageTag)? {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let parts = file.split(separator: ".")
    guard let dix = parts.lastIndex(where: { $0 == "dix" }), dix >= 1 else { return nil }
    let codes = parts[dix - 1].split(separator: "-")
    guard codes.count == 2, codes.allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy(\.isLetter) }) else {
      return nil
    }
    return (LanguageTag(String(codes[0])), LanguageTag(String(codes[1])))
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while let kind = try input.read() {
      switch kind {
      case .startElement:
        switch reader.localName {
        case "section":
          inSection = true
        case "sdef":
          if let n = reader.attribute("n") {
            header.fields.append(Field("sdef:\(n)", Form(reader.attribute("c") ?? "")))
          }
        case "pardef":
          let node = try input.subtree()
          try defineParadigm(node)
        case "e" where inSection:
          let node = try input.subtree()
          if let entry = try input.convert({ () throws(LexiconError) -> LexiconEntry in try entry(node) }) {
            return entry
          }
        default:
          break
        }
      case .endElement:
        if reader.localName == "section" { inSection = false }
      default:
        break
      }
    }
    return nil
  }

  private func defineParadigm(_ node: XMLNode) throws(LexiconError) {
    guard let name = node.attribute("n") else {
      throw input.error(.missing, node, "expected an n attribute on <pardef>, found none")
    }
    var pairs: [Pair] = []
    for e in node.elements("e") {
      do {
        pairs += try expand(e)
      } catch {
        guard options.lenient else { throw error }
        input.skipped.record(reason: error.message, at: error.location ?? node.location(in: path))
      }
    }
    paradigms[name] = pairs
  }

  /// All the pairs an `<e>` stands for, paradigms expanded.
  private func expand(_ e: XMLNode) throws(LexiconError) -> [Pair] {
    var pairs = [Pair()]
    pairs[0].direction = try direction(e)
    var sawContent = false
    for child in e.children {
      if child.isText {
        if !isXMLWhitespace(child.text) {
          throw input.error(.unexpected, child, "expected <p>, <i>, <par> or <re> inside <e>, found text \"\(child.text.trimmingWhitespace())\"")
        }
        continue
      }
      switch child.name {
      case "p":
        guard let l = child.element("l") else {
          throw input.error(.missing, child, "expected <l> inside <p>, found \(child.elementChildren.first?.tagDescription ?? "nothing")")
        }
        guard let r = child.element("r") else {
          throw input.error(.missing, child, "expected <r> after <l> inside <p>, found \(child.elementChildren.dropFirst().first?.tagDescription ?? "</p>")")
        }
        let left = try side(l)
        let right = try side(r)
        for i in pairs.indices {
          pairs[i].left.append(left)
          pairs[i].right.append(right)
        }
        sawContent = true
      case "i":
        let both = try side(child)
        for i in pairs.indices {
          pairs[i].left.append(both)
          pairs[i].right.append(both)
        }
        sawContent = true
      case "par":
        guard let name = child.attribute("n") else {
          throw input.error(.missing, child, "expected an n attribute on <par>, found none")
        }
        guard let expansion = paradigms[name] else {
          throw input.error(.unresolved, child, "expected a <pardef n=\"\(name)\"> before this <par>, found none")
        }
        var product: [Pair] = []
        for pair in pairs {
          for suffix in expansion {
            var combined = pair
            combined.left.append(suffix.left)
            combined.right.append(suffix.right)
            combined.direction = try combine(pair.direction, suffix.direction, child)
            product.append(combined)
          }
        }
        pairs = product
        sawContent = true
      case "re":
        sawContent = true
      default:
        throw input.error(.unexpected, child, "expected <p>, <i>, <par> or <re> inside <e>, found \(child.tagDescription)")
      }
    }
    if !sawContent {
      throw input.error(.missing, e, "expected <p>, <i> or <par> inside <e>, found nothing")
    }
    return pairs
  }

  private func combine(_ a: Direction, _ b: Direction, _ node: XMLNode) throws(LexiconError) -> Direction {
    if a == .both { return b }
    if b == .both || a == b { return a }
    throw input.error(.unexpected, node, "expected a paradigm usable \(a.rawValue), found one restricted to \(b.rawValue)")
  }

  private func direction(_ e: XMLNode) throws(LexiconError) -> Direction {
    guard let r = e.attribute("r") else { return .both }
    switch r {
    case "LR": return .leftToRight
    case "RL": return .rightToLeft
    default: throw input.error(.unexpected, e, "expected r=\"LR\" or r=\"RL\" on <e>, found r=\"\(r)\"")
    }
  }

  /// The text and symbols of an `<l>`, `<r>` or `<i>`.
  private func side(_ node: XMLNode) throws(LexiconError) -> Side {
    var side = Side()
    try collect(node, into: &side, inGroup: false)
    return side
  }

  private func collect(_ node: XMLNode, into side: inout Side, inGroup: Bool) throws(LexiconError) {
    for child in node.children {
      if child.isText {
        side.text += child.text
        if inGroup { side.group += child.text }
        continue
      }
      switch child.name {
      case "b":
        side.text += " "
        if inGroup { side.group += " " }
      case "s":
        guard let n = child.attribute("n") else {
          throw input.error(.missing, child, "expected an n attribute on <s>, found none")
        }
        side.tags.append(n)
      case "g":
        try collect(child, into: &side, inGroup: true)
      case "j":
        side.text += "+"
      case "a", "m":
        break
      default:
        throw input.error(
          .unexpected, child,
          "expected text, <b/>, <s>, <g>, <j/>, <a/> or <m/> inside <\(node.name)>, found \(child.tagDescription)")
      }
    }
  }

  private func entry(_ e: XMLNode) throws(LexiconError) -> LexiconEntry {
    let pairs = try expand(e)
    guard let first = pairs.first else {
      throw input.error(.missing, e, "expected <p>, <i> or <par> inside <e>, found nothing")
    }
    var entry = LexiconEntry(headword: Form(first.left.text, language: languages.0))
    entry.partOfSpeech = first.left.tags.first
    entry.tags = Array(first.left.tags.dropFirst())
    entry.direction = try direction(e)
    entry.provenance = Provenance(path: path, format: format.rawValue, line: e.line)
    if !first.left.group.isEmpty { entry.fields.append(Field("apertium:group", Form(first.left.group))) }
    for attribute in e.attributes where attribute.name != "r" {
      switch attribute.name {
      case "c": entry.fields.append(Field("comment", Form(attribute.value)))
      default: entry.fields.append(Field(attribute.name, Form(attribute.value)))
      }
    }
    for re in e.elements("re") {
      entry.fields.append(Field("apertium:re", Form(re.normalizedText)))
    }
    let score = e.attribute("w").flatMap(Double.init)
    // One sense per distinct left side, in order; the first is the
    // headword's. Entries have a few pairs: found by a linear search, with a
    // dictionary only for large paradigm expansions.
    var groups: [(key: Side, sense: Sense)] = []
    var indexByKey: [Side: Int] = [:]
    let indexed = pairs.count > 16
    for pair in pairs {
      var key = pair.left
      key.group = ""
      let at: Int
      if let found = indexed ? indexByKey[key] : groups.firstIndex(where: { $0.key == key }) {
        at = found
      } else {
        var sense = Sense()
        if key != Side(text: first.left.text, tags: first.left.tags) {
          sense.fields.append(Field("source-form", Form(key.text)))
          sense.fields.append(Field("source-tags", Form(key.tags.joined(separator: " "))))
        }
        at = groups.count
        groups.append((key, sense))
        if indexed { indexByKey[key] = at }
      }
      let translation = Translation(
        Form(pair.right.text, language: languages.1, tags: pair.right.tags),
        direction: pair.direction == entry.direction ? .both : pair.direction, score: score)
      if !groups[at].sense.translations.contains(translation) {
        groups[at].sense.translations.append(translation)
      }
      if !pair.right.group.isEmpty, !groups[at].sense.fields.contains(where: { $0.name == "apertium:group" }) {
        groups[at].sense.fields.append(Field("apertium:group", Form(pair.right.group)))
      }
    }
    entry.senses = groups.map(\.sense)
    return entry
  }
}
