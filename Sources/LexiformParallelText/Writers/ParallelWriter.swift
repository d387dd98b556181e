internal import LexiformCore

/// The formats ``ParallelWriter`` writes.
public enum ParallelOutputFormat: String, Sendable, CaseIterable {
  /// `TEXT1<TAB>TEXT2…`, with `ID<TAB>` first when ids are written; each
  /// text whitespace-normalized (single spaces, trimmed).
  case tsv
  /// One JSON object per line:
  /// `{"id":"b.MAT.1.1","langs":["sw","uk"],"texts":["…","…"]}`, with
  /// `"props":[{"type":…,"value":…,"lang":…}]` when the unit has any;
  /// texts exactly as read.
  case jsonl
  /// One file per side, `PREFIX.LANG` (`PREFIX.1`, `PREFIX.2` … when the
  /// language is unknown), one whitespace-normalized segment per line.
  case moses
  /// TMX 1.4b: a `<tu>` per segment (`tuid` from its id), a `<tuv
  /// xml:lang>` per side, `<prop>`s kept.
  case tmx
}

/// Writes aligned segments in one of the ``ParallelOutputFormat``s.
///
/// Every output file is an ``AtomicOutput``: it appears complete at
/// ``finish()`` or not at all (``abort()``, or a thrown error, leaves any
/// previous file as it was).
public final class ParallelWriter {
  /// The format written.
  public let format: ParallelOutputFormat
  /// The path (`-` for standard output) or, for Moses, the prefix.
  public let path: String
  /// Whether TSV lines start with the segment's id.
  public let writesIDs: Bool
  /// The number of segments written.
  public private(set) var count = 0
  /// The files written (known once the first segment is written).
  public private(set) var paths: [String] = []
  private var outputs: [AtomicOutput] = []
  private var buffer: [UInt8] = []
  private var json = JSONWriter()
  private var languages: [String] = []
  private var started = false

  /// Creates a writer; files are created with the first segment (or at
  /// ``finish()`` when there is none).
  /// - Parameters:
  ///   - format: The format.
  ///   - path: The output (`-` for standard output); for Moses the prefix
  ///     of the files.
  ///   - languages: The sides' languages, used for Moses file names and a
  ///     TMX header when segments have none.
  ///   - writesIDs: Whether TSV lines start with the id.
  public init(format: ParallelOutputFormat, path: String, languages: [String] = [], writesIDs: Bool = false) {
    self.format = format
    self.path = path
    self.languages = languages
    self.writesIDs = writesIDs
  }

  /// Writes one segment.
  /// - Parameter segment: The segment.
  /// - Throws: ``ParallelTextError`` (`io`) when an output cannot be written.
  public func write(_ segment: ParallelSegment) throws(ParallelTextError) {
    if !started { try start(segment.languages.contains { !$0.isEmpty } ? segment.languages : languages, sides: segment.texts.count) }
    do {
      switch format {
      case .tsv:
        buffer.removeAll(keepingCapacity: true)
        if writesIDs {
          appendField(segment.id ?? "")
          buffer.append(0x09)
        }
        for (index, text) in segment.texts.enumerated() {
          if index > 0 { buffer.append(0x09) }
          appendField(text)
        }
        buffer.append(0x0A)
        try outputs[0].write(bytes: buffer)
      case .jsonl:
        json.reset()
        json.beginObject()
        if let id = segment.id {
          json.key("id")
          json.string(id)
        }
        json.key("langs")
        json.beginArray()
        for language in segment.languages { json.string(language) }
        json.endArray()
        json.key("texts")
        json.beginArray()
        for text in segment.texts { json.string(text) }
        json.endArray()
        if !segment.properties.isEmpty {
          json.key("props")
          json.beginArray()
          for property in segment.properties {
            json.beginObject()
            json.key("type")
            json.string(property.type)
            json.key("value")
            json.string(property.value)
            if let language = property.language {
              json.key("lang")
              json.string(language)
            }
            json.endObject()
          }
          json.endArray()
        }
        json.endObject()
        try outputs[0].write(bytes: json.bytes)
        try outputs[0].write("\n")
      case .moses:
        guard segment.texts.count == outputs.count else {
          throw CoreError(
            .malformed, at: segment.location,
            expectedFound("\(outputs.count) sides (one per Moses file)", "\(segment.texts.count)"))
        }
        for (index, text) in segment.texts.enumerated() {
          buffer.removeAll(keepingCapacity: true)
          appendField(text)
          buffer.append(0x0A)
          try outputs[index].write(bytes: buffer)
        }
      case .tmx:
        var unit = "<tu"
        if let id = segment.id { unit += " tuid=\"\(Self.escape(id, attribute: true))\"" }
        unit += ">\n"
        for property in segment.properties where property.language == nil {
          unit += "  <prop type=\"\(Self.escape(property.type, attribute: true))\">\(Self.escape(property.value))</prop>\n"
        }
        for (index, text) in segment.texts.enumerated() {
          let language = index < segment.languages.count && !segment.languages[index].isEmpty
            ? segment.languages[index] : (index < languages.count ? languages[index] : "und")
          unit += "  <tuv xml:lang=\"\(Self.escape(language.isEmpty ? "und" : language, attribute: true))\">"
          let own = segment.properties.filter { $0.language == language }
          if !own.isEmpty { unit += "\n" }
          for property in own {
            unit += "    <prop type=\"\(Self.escape(property.type, attribute: true))\">\(Self.escape(property.value))</prop>\n"
          }
          unit += (own.isEmpty ? "" : "    ") + "<seg>\(Self.escape(text))</seg>" + (own.isEmpty ? "" : "\n  ") + "</tuv>\n"
        }
        unit += "</tu>\n"
        try outputs[0].write(unit)
      }
    } catch let error as CoreError {
      throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
    } catch {
      throw ParallelTextError(.io, at: SourceLocation(path: path), "\(error)")
    }
    count += 1
  }

  /// Finishes the files and moves them into place.
  /// - Throws: ``ParallelTextError`` (`io`) when a file cannot be written.
  public func finish() throws(ParallelTextError) {
    if !started { try start(languages, sides: max(2, languages.count)) }
    do {
      if format == .tmx { try outputs[0].write("</body>\n</tmx>\n") }
      for output in outputs { try output.commit() }
    } catch {
      abort()
      throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
    }
  }

  /// Abandons every file, leaving previous ones as they were.
  public func abort() {
    for output in outputs { output.abort() }
  }

  private func start(_ languages: [String], sides: Int) throws(ParallelTextError) {
    started = true
    self.languages = languages
    do {
      switch format {
      case .tsv, .jsonl, .tmx:
        paths = [path]
      case .moses:
        var names: [String] = []
        for index in 0..<sides {
          var name = index < languages.count && !languages[index].isEmpty ? languages[index] : "\(index + 1)"
          if names.contains(name) { name += ".\(index + 1)" }
          names.append(name)
        }
        paths = names.map { "\(path).\($0)" }
      }
      outputs = try paths.map { path throws(CoreError) in try AtomicOutput(path: path) }
      if format == .tmx {
        let source = languages.first.map { $0.isEmpty ? "*all*" : $0 } ?? "*all*"
        try outputs[0].write(
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <tmx version="1.4">
          <header creationtool="lexiform" creationtoolversion="0.1.0" segtype="sentence" o-tmf="lexiform" adminlang="en" srclang="\(Self.escape(source, attribute: true))" datatype="plaintext"/>
          <body>

          """)
      }
    } catch {
      abort()
      throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
    }
  }

  /// Appends a text with its whitespace normalized (tabs and line breaks
  /// become spaces, so the TSV and Moses layouts hold).
  private func appendField(_ text: String) {
    var text = text
    text.withUTF8 { appendNormalizingWhitespace($0, to: &buffer) }
  }

  /// Escapes XML's special characters and drops characters XML 1.0 cannot hold.
  static func escape(_ text: String, attribute: Bool = false) -> String {
    var needs = false
    for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte < 0x20 {
      needs = true
      break
    }
    guard needs else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where attribute: result += "&quot;"
      case "\t", "\n", "\r":
        if attribute { result += "&#\(scalar.value);" } else { result.unicodeScalars.append(scalar) }
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
