public import LexiformCore
internal import LexiformXML

/// Reads translation memories in TMX, as specified by TMX 1.4b (LISA OSCAR,
/// 2005; https://www.gala-global.org/tmx-14b), streaming one `<tu>` at a time.
///
/// - Each `<tu>` is one segment; each `<tuv>` one side, its language from
///   `xml:lang` (TMX 1.4) or `lang` (TMX 1.1–1.3). A unit may have any
///   number of languages; ``ParallelReaderOptions/languages`` picks some.
/// - `<seg>` content becomes plain text: `<hi>` keeps its text; `<bpt>`,
///   `<ept>`, `<it>`, `<ph>` and `<ut>` hold native codes (such as
///   `&lt;b&gt;`) and are dropped with their `<sub>` flows. Whitespace is
///   kept as written.
/// - `<prop type="…">` of the unit and of its variants are kept (a variant's
///   with its language); `<note>` is not.
/// - The `id` is the unit's `tuid`, if any.
///
/// Errors (skipped and counted in lenient mode): a `<tuv>` without a
/// language or without a `<seg>`, a `<tu>` without any `<tuv>`, each named
/// with its line, e.g.
/// `memory.tmx:12:5: error: expected <seg> in <tuv xml:lang="de">, found </tuv>`.
/// A unit lacking one of the requested languages, or with fewer than two
/// variants, is skipped and counted in ``skipped`` in every mode.
///
/// - Complexity: O(*n*) in the file; memory O(one unit).
public final class TMXReader: ParallelReader {
  /// The file read.
  public let path: String
  /// The header's `srclang`, once read (`*all*` when any language may be the source).
  public private(set) var sourceLanguage: String?
  public private(set) var languages: [String]
  public private(set) var skipped = SkipCounter()
  private let options: ParallelReaderOptions
  private let reader: XMLReader

  /// Opens a TMX file (gzip or `-` for standard input).
  /// - Parameters:
  ///   - path: The file.
  ///   - options: Lenient mode and the languages to keep.
  /// - Throws: ``ParallelTextError`` (`io`) when the file cannot be opened.
  public init(path: String, options: ParallelReaderOptions = ParallelReaderOptions()) throws(ParallelTextError) {
    self.path = path
    self.options = options
    self.languages = options.languages
    reader = try XMLInput.open(path)
  }

  /// Elements inside `<seg>` whose content is native code, not text.
  private static let codeElements: Set<String> = ["bpt", "ept", "it", "ph", "ut", "sub"]

  public func next() throws(ParallelTextError) -> ParallelSegment? {
    try XMLInput.reading(reader) { try readUnit() }
  }

  private func readUnit() throws -> ParallelSegment? {
    while let kind = try reader.read() {
      guard kind == .startElement else { continue }
      switch reader.localName {
      case "header":
        sourceLanguage = reader.attribute("srclang")
      case "tu":
        if let segment = try readTU() { return segment }
      default:
        continue
      }
    }
    return nil
  }

  /// Reads one `<tu>` (the reader is on its start tag). Returns `nil` when
  /// the unit was skipped.
  private func readTU() throws -> ParallelSegment? {
    let unitLocation = reader.location
    let id = reader.attribute("tuid")
    var properties: [ParallelProperty] = []
    var texts: [String] = []
    var languages: [String] = []
    var problem: ParallelTextError?
    let unitDepth = reader.depth
    // Per variant.
    var variantLanguage: String?
    var variantLocation = unitLocation
    var inVariant = false
    var segText: String?
    var segDepth = -1
    var codeDepth = 0
    var propType: String?
    var propText = ""
    var inProp = false

    while let kind = try reader.read() {
      switch kind {
      case .startElement:
        let name = reader.localName
        if segDepth >= 0 {
          if codeDepth > 0 || Self.codeElements.contains(name) { codeDepth += 1 }
          continue
        }
        switch name {
        case "tuv":
          inVariant = true
          variantLocation = reader.location
          variantLanguage = reader.attribute("lang")
          segText = nil
          if variantLanguage == nil || variantLanguage?.isEmpty == true, problem == nil {
            problem = ParallelTextError(
              .malformed, at: variantLocation, expectedFound("an xml:lang attribute on <tuv>", "none"))
          }
        case "seg" where inVariant:
          segDepth = reader.depth
          segText = ""
        case "prop":
          inProp = true
          propType = reader.attribute("type") ?? ""
          propText = ""
        default:
          break
        }
      case .text, .cdata:
        if segDepth >= 0 {
          if codeDepth == 0 {
            if segText?.isEmpty == true { segText = reader.text } else { segText?.append(reader.text) }
          }
        } else if inProp {
          propText.append(reader.text)
        }
      case .endElement:
        let name = reader.localName
        if segDepth >= 0 {
          if reader.depth == segDepth && name == "seg" {
            segDepth = -1
            codeDepth = 0
          } else if codeDepth > 0 {
            codeDepth -= 1
          }
          continue
        }
        switch name {
        case "prop":
          inProp = false
          properties.append(
            ParallelProperty(type: propType ?? "", value: propText, language: inVariant ? variantLanguage : nil))
        case "tuv":
          inVariant = false
          if let segText {
            if let variantLanguage, !variantLanguage.isEmpty {
              texts.append(segText)
              languages.append(variantLanguage)
            }
          } else if problem == nil {
            let lang = variantLanguage.map { " xml:lang=\"\($0)\"" } ?? ""
            problem = ParallelTextError(
              .missing, at: variantLocation, expectedFound("<seg> in <tuv\(lang)>", "</tuv>"))
          }
        case "tu" where reader.depth == unitDepth:
          if problem == nil && texts.isEmpty {
            problem = ParallelTextError(
              .missing, at: unitLocation, expectedFound("at least one <tuv> with a <seg> in <tu>", "</tu>"))
          }
          if let problem {
            guard options.lenient else { throw problem }
            skipped.record(reason: problem.code == .missing ? "units without a <seg>" : "units with a bad <tuv>", at: problem.location ?? unitLocation)
            return nil
          }
          return select(
            ParallelSegment(id: id, texts: texts, languages: languages, properties: properties, location: unitLocation))
        default:
          break
        }
      default:
        break
      }
    }
    throw ParallelTextError(.malformed, at: unitLocation, expectedFound("</tu>", "the end of the file"))
  }

  /// Keeps the requested languages, or skips (and counts) the unit.
  private func select(_ segment: ParallelSegment) -> ParallelSegment? {
    var segment = segment
    let location = segment.location ?? SourceLocation(path: path)
    if options.languages.isEmpty {
      guard segment.texts.count >= 2 else {
        skipped.record(reason: "units with fewer than 2 languages", at: location)
        return nil
      }
      languages = segment.languages
      return segment
    }
    var texts: [String] = []
    var languages: [String] = []
    for language in options.languages {
      guard let index = segment.index(of: language) else {
        skipped.record(reason: "units without a <tuv> in \(language)", at: location)
        return nil
      }
      texts.append(segment.texts[index])
      languages.append(segment.languages[index])
    }
    segment.texts = texts
    segment.languages = languages
    if segment.properties.contains(where: { $0.language != nil }) {
      segment.properties = segment.properties.filter { $0.language.map(languages.contains) ?? true }
    }
    if self.languages != options.languages { self.languages = options.languages }
    return segment
  }
}
