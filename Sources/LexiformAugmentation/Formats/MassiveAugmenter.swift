import LexiformCore
import LexiformTokenization

/// MASSIVE-style JSON lines (FitzGerald et al. 2023,
/// https://aclanthology.org/2023.acl-long.235): each line an object with
/// `utt` (the utterance), `annot_utt` (the utterance with slots marked
/// `[slot : words]`), `intent` and `locale`, among other fields.
///
/// The text outside and inside the brackets is translated segment by
/// segment (a multiword match never crosses a bracket), the brackets and
/// slot names are kept, `utt` is rebuilt from the new `annot_utt` (the words
/// without the markup), and `locale` becomes the target language. Every
/// other member is copied byte for byte, in its place. A slot whose words
/// would all be dropped keeps its words untranslated.
final class MassiveAugmenter: RecordAugmenter {
  let tokenizer: Tokenizer
  private var ranges: [Range<Int>] = []
  private var segment: [UInt8] = []

  init(translator: WordTranslator, tokenizer: Tokenizer, recordsSwitches: Bool) {
    self.tokenizer = tokenizer
    super.init(translator: translator, recordsSwitches: recordsSwitches)
  }

  /// A piece of `annot_utt`: text outside brackets, or a slot.
  struct AnnotationPart: Equatable {
    /// The slot's name, or `nil` for text outside brackets.
    var slot: String?
    /// The text (for a slot, its words).
    var text: String
  }

  /// Parses `annot_utt`.
  /// - Parameters:
  ///   - annotation: The annotated utterance.
  ///   - location: Where the record is, for errors.
  /// - Returns: Its parts in order.
  /// - Throws: ``AugmentationError`` `malformedRecord` for an unclosed or
  ///   nested bracket, a slot without ` : `, or a stray `]`.
  static func parseAnnotation(_ annotation: String, at location: SourceLocation) throws -> [AnnotationPart] {
    var parts: [AnnotationPart] = []
    var text = ""
    var column = 0
    var iterator = annotation.unicodeScalars.makeIterator()
    // Characters are counted in the decoded annot_utt (JSON escapes make
    // columns of the line differ), so the location names the line only.
    func fail(_ message: String) -> AugmentationError {
      AugmentationError(.malformedRecord, at: location, "annot_utt: " + message)
    }
    while let scalar = iterator.next() {
      column += 1
      if scalar == "]" { throw fail(expectedFound("text or '['", "']' outside a slot at character \(column)")) }
      guard scalar == "[" else {
        text.unicodeScalars.append(scalar)
        continue
      }
      let open = column
      if !text.isEmpty { parts.append(AnnotationPart(slot: nil, text: text)) }
      text = ""
      var inside = ""
      var closed = false
      while let next = iterator.next() {
        column += 1
        if next == "]" {
          closed = true
          break
        }
        if next == "[" { throw fail(expectedFound("']' closing the slot opened at character \(open)", "'[' at character \(column)")) }
        inside.unicodeScalars.append(next)
      }
      guard closed else {
        throw fail(expectedFound("']' closing the slot opened at character \(open)", "the end of the text"))
      }
      let scalars = Array(inside.unicodeScalars)
      guard let colon = scalars.indices.first(where: { k in
        k > 0 && k + 1 < scalars.count && scalars[k] == ":" && scalars[k - 1] == " " && scalars[k + 1] == " "
      }) else {
        throw fail(expectedFound("'[slot : words]' at character \(open)", "'[\(inside)]'"))
      }
      var nameText = ""
      nameText.unicodeScalars.append(contentsOf: scalars[..<(colon - 1)])
      var words = ""
      words.unicodeScalars.append(contentsOf: scalars[(colon + 2)...])
      let name = nameText.trimmingSpaces
      guard !name.isEmpty else { throw fail(expectedFound("a slot name at character \(open)", "'[\(inside)]'")) }
      parts.append(AnnotationPart(slot: name, text: words))
    }
    if !text.isEmpty { parts.append(AnnotationPart(slot: nil, text: text)) }
    return parts
  }

  /// `annot_utt` text for parts.
  static func annotation(_ parts: [AnnotationPart]) -> String {
    parts.map { part in part.slot.map { "[\($0) : \(part.text)]" } ?? part.text }.joined()
  }

  /// `utt` for parts: the words without the markup.
  static func utterance(_ parts: [AnnotationPart]) -> String {
    parts.map(\.text).joined()
  }

  override func rewrite(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    let location = SourceLocation(path: position.path, line: position.line)
    let value: JSONValue
    do {
      value = try JSONParser.parse(record, path: position.path, line: position.line)
    } catch {
      throw AugmentationError(.malformedRecord, at: error.location ?? location, error.message, underlyingError: error)
    }
    guard value.objectValue != nil else {
      throw AugmentationError(.malformedRecord, at: location, expectedFound("a JSON object", value.kindDescription))
    }
    guard let annotation = value["annot_utt"]?.stringValue else {
      throw AugmentationError(
        .malformedRecord, at: location,
        expectedFound("a string member \"annot_utt\"", value["annot_utt"].map(\.kindDescription) ?? "none"))
    }
    let parts = try Self.parseAnnotation(annotation, at: location)
    var translated: [AnnotationPart] = []
    var dropped = false
    for part in parts {
      var text = part.text
      var bytes: [UInt8] = []
      try text.withUTF8 { try translateSegment($0, tokenizer: tokenizer, ranges: &ranges, into: &bytes) }
      if translator.pieces.contains(where: { $0.kind == .dropped }) { dropped = true }
      var new = String(decoding: bytes, as: UTF8.self)
      if part.slot != nil, new.allSatisfy(\.isWhitespace), !part.text.allSatisfy(\.isWhitespace) {
        translator.summary.keptSlots += 1
        new = part.text
      }
      translated.append(AnnotationPart(slot: part.slot, text: new))
    }
    var newAnnotation = Self.annotation(translated)
    var newUtterance = Self.utterance(translated)
    if dropped {
      // Dropping can leave two spaces where a word was next to a bracket.
      newAnnotation = newAnnotation.collapsingSpaces
      newUtterance = newUtterance.collapsingSpaces
    }
    var replacements: [String: String] = ["annot_utt": newAnnotation, "utt": newUtterance]
    if case .translate = translator.options.mode, let locale = translator.options.targetLocale ?? translator.tables[0].language {
      replacements["locale"] = locale
    }
    try Self.rewriteMembers(record, replacing: replacements, at: location, into: &output)
    output.append(0x0A)
  }

  /// Copies a JSON object byte for byte, replacing the values of some
  /// top-level string members.
  static func rewriteMembers(
    _ record: UnsafeBufferPointer<UInt8>, replacing replacements: [String: String], at location: SourceLocation,
    into output: inout [UInt8]
  ) throws {
    var scanner = JSONMemberScanner(bytes: record)
    var copied = 0
    while let member = scanner.nextMember() {
      guard let new = replacements[member.key] else { continue }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: record[copied..<member.value.lowerBound]))
      var json = JSONWriter()
      json.string(new)
      output.append(contentsOf: json.bytes)
      copied = member.value.upperBound
    }
    guard scanner.isValid else {
      throw AugmentationError(.malformedRecord, at: location, expectedFound("a JSON object", "text that is not one"))
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: record[copied...]))
  }
}

/// Finds the top-level members of a JSON object (already checked by
/// ``LexiformCore/JSONParser``) as byte ranges, so that they can be copied as they are.
struct JSONMemberScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var offset = 0
  var started = false
  var isValid = true

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func skipSpace() {
    while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
  }

  /// Skips a string starting at `offset` (a `"`).
  private mutating func skipString() {
    offset += 1
    while offset < bytes.count {
      if bytes[offset] == 0x5C {
        offset += 2
        continue
      }
      if bytes[offset] == 0x22 {
        offset += 1
        return
      }
      offset += 1
    }
    isValid = false
  }

  /// Skips any value.
  private mutating func skipValue() {
    guard offset < bytes.count else {
      isValid = false
      return
    }
    switch bytes[offset] {
    case 0x22:
      skipString()
    case 0x7B, 0x5B:
      var depth = 0
      while offset < bytes.count {
        switch bytes[offset] {
        case 0x22:
          skipString()
          continue
        case 0x7B, 0x5B: depth += 1
        case 0x7D, 0x5D:
          depth -= 1
          if depth == 0 {
            offset += 1
            return
          }
        default: break
        }
        offset += 1
      }
      isValid = false
    default:
      while offset < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }
  }

  /// The next member: its key (decoded) and its value's bytes.
  mutating func nextMember() -> (key: String, value: Range<Int>)? {
    skipSpace()
    if !started {
      guard offset < bytes.count, bytes[offset] == 0x7B else {
        isValid = false
        return nil
      }
      started = true
      offset += 1
      skipSpace()
    } else if offset < bytes.count, bytes[offset] == 0x2C {
      offset += 1
      skipSpace()
    }
    guard offset < bytes.count, bytes[offset] == 0x22 else {
      if offset >= bytes.count || bytes[offset] != 0x7D { isValid = false }
      return nil
    }
    let keyStart = offset
    skipString()
    let keyBytes = UnsafeBufferPointer(rebasing: bytes[keyStart..<offset])
    let key = (try? JSONParser.parse(keyBytes))?.stringValue ?? ""
    skipSpace()
    guard offset < bytes.count, bytes[offset] == 0x3A else {
      isValid = false
      return nil
    }
    offset += 1
    skipSpace()
    let valueStart = offset
    skipValue()
    return (key, valueStart..<offset)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }

  /// The string with runs of spaces as one, and no spaces at its ends.
  var collapsingSpaces: String {
    split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}
