import LexiformCore
public import LexiformTokenization

/// The record formats `translate` and `codeswitch` read and write.
public enum AugmentationFormat: String, Sendable, Hashable, CaseIterable {
  /// Plain text, one record per line; tokenized by the tokenization layer,
  /// the spacing between tokens kept.
  case text
  /// CoNLL-style token-per-line files: `token<TAB>…<TAB>label`, a blank line
  /// between sentences, BIO/IOB2 labels (or any other label) in the last column.
  case conll
  /// MASSIVE-style JSON lines (FitzGerald et al. 2023): `utt`, `annot_utt`
  /// with `[slot : words]`, `intent`, `locale`; other fields kept verbatim.
  case massive

  /// What a record is in this format.
  public var boundary: RecordBoundary { self == .conll ? .blankLine : .line }
}

/// Rewrites records of one format with a lexicon: the
/// ``LexiformTokenization/RecordTransformer`` that `translate` and
/// `codeswitch` run on each thread.
///
/// With ``recordsSwitches``, each record's output is framed together with a
/// JSON line saying which tokens were switched (see ``SwitchDemultiplexer``).
public class RecordAugmenter: RecordTransformer {
  let translator: WordTranslator
  /// Whether the output carries switch records (framed; see ``SwitchDemultiplexer``).
  public let recordsSwitches: Bool
  /// Whether a malformed record is skipped (counted in the summary's
  /// `skipped`, nothing written for it) instead of ending the run. Default `false`.
  public var lenient = false
  /// Whether each input line starts with its record number and a tab
  /// (`17<TAB>text`), which seeds the record instead of its position and is
  /// written back in front of its output: how a cluster engine that splits
  /// the input itself (Spark's `RDD.pipe` after `zipWithIndex`) keeps the
  /// output equal to a single run's. Line formats only. Default `false`.
  public var numbered = false
  var mainOutput: [UInt8] = []

  init(translator: WordTranslator, recordsSwitches: Bool) {
    self.translator = translator
    self.recordsSwitches = recordsSwitches
  }

  /// Makes the augmenter for a format.
  /// - Parameters:
  ///   - format: The record format.
  ///   - tables: The lexicons: one (merged) for translation, one per language
  ///     for code-switching. With none, nothing is translated.
  ///   - options: What to do.
  ///   - tokenizer: This thread's tokenizer (text and MASSIVE; CoNLL is pre-tokenized).
  ///   - morphology: UniMorph tables for morphology-aware translation, if any.
  ///   - inflector: The inflection model for lemmas the target table lacks, if any.
  ///   - recordsSwitches: Whether each record's switches are written alongside.
  /// - Returns: The augmenter.
  public static func make(
    format: AugmentationFormat, tables: [TranslationTable], options: AugmentationOptions, tokenizer: Tokenizer,
    morphology: MorphologyTables? = nil, inflector: (any LemmaInflector)? = nil, recordsSwitches: Bool = false
  ) -> RecordAugmenter {
    let tables =
      tables.isEmpty
      ? [TranslationTableBuilder(tokenizer: tokenizer, sourceLocale: "", targetLocale: "").build(language: nil, name: "empty")]
      : tables
    let translator = WordTranslator(tables: tables, options: options, morphology: morphology, inflector: inflector)
    switch format {
    case .text: return TextAugmenter(translator: translator, tokenizer: tokenizer, recordsSwitches: recordsSwitches)
    case .conll: return CoNLLAugmenter(translator: translator, recordsSwitches: recordsSwitches)
    case .massive: return MassiveAugmenter(translator: translator, tokenizer: tokenizer, recordsSwitches: recordsSwitches)
    }
  }

  /// Rewrites one record.
  /// - Parameters:
  ///   - record: The record's bytes.
  ///   - position: Its number (which seeds it) and first line.
  ///   - output: Receives the rewritten record.
  /// - Throws: ``AugmentationError`` for a malformed record.
  public func transform(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    guard numbered else {
      try transform(record, position, into: &output)
      return
    }
    var tab = 0
    var number = 0
    while tab < record.count, record[tab] >= 0x30, record[tab] <= 0x39, tab < 18 {
      number = number * 10 + Int(record[tab] - 0x30)
      tab += 1
    }
    guard tab > 0, tab < record.count, record[tab] == 0x09 else {
      let error = AugmentationError(
        .malformedRecord, at: SourceLocation(path: position.path, line: position.line, column: tab + 1),
        expectedFound("a record number and a tab (--numbered)", "\"\(String(decoding: record.prefix(20), as: UTF8.self))\""))
      guard lenient else { throw error }
      recordSkip(error, at: position)
      return
    }
    let start = output.count
    output.append(contentsOf: UnsafeBufferPointer(rebasing: record[0...tab]))
    var numberedPosition = position
    numberedPosition.index = number
    let before = output.count
    try transform(UnsafeBufferPointer(rebasing: record[(tab + 1)...]), numberedPosition, into: &output)
    if output.count == before { output.removeSubrange(start...) }  // skipped (lenient)
  }

  private func transform(_ record: UnsafeBufferPointer<UInt8>, _ position: RecordPosition, into output: inout [UInt8]) throws {
    translator.beginRecord(position.index)
    guard recordsSwitches else {
      let start = output.count
      do {
        try rewrite(record, at: position, into: &output)
      } catch let error as AugmentationError where lenient {
        output.removeSubrange(start...)
        recordSkip(error, at: position)
      }
      return
    }
    mainOutput.removeAll(keepingCapacity: true)
    do {
      try rewrite(record, at: position, into: &mainOutput)
    } catch let error as AugmentationError where lenient {
      recordSkip(error, at: position)
      return
    }
    SwitchDemultiplexer.frame(mainOutput, into: &output)
    var json = JSONWriter()
    json.beginObject()
    json.key("record")
    json.int(position.index)
    json.key("switches")
    json.beginArray()
    for s in translator.switches {
      json.beginObject()
      json.key("token")
      json.int(s.token)
      json.key("source")
      json.string(s.source)
      json.key("target")
      json.string(s.target)
      json.key("lexicon")
      json.string(s.lexicon)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    SwitchDemultiplexer.frame(json.bytes + [0x0A], into: &output)
  }

  /// Rewrites one record; subclasses implement it.
  func rewrite(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    assertionFailure("RecordAugmenter.rewrite is implemented by each format")
    output.append(contentsOf: record)
    output.append(0x0A)
  }

  /// What this augmenter did so far (counts only; see ``finishSummary(_:top:)``).
  public var summary: AugmentationSummary { translator.summary }

  /// Records a record skipped in lenient mode.
  /// - Parameters:
  ///   - error: Why.
  ///   - position: Where.
  public func recordSkip(_ error: AugmentationError, at position: RecordPosition) {
    translator.summary.skipped.record(
      reason: error.code.rawValue, at: error.location ?? SourceLocation(path: position.path, line: position.line))
  }

  /// Merges the summaries of all threads' augmenters.
  /// - Parameters:
  ///   - augmenters: Every thread's augmenter.
  ///   - top: How many untranslated words to list.
  /// - Returns: The run's summary.
  public static func finishSummary(_ augmenters: [RecordAugmenter], top: Int) -> AugmentationSummary {
    var summary = AugmentationSummary()
    for augmenter in augmenters { summary.addCounts(augmenter.translator.summary) }
    TypeTally.finish(augmenters.map(\.translator), into: &summary, top: top)
    return summary
  }

  /// Writes the segment's pieces with the original spacing: the bytes
  /// between tokens (`gaps`) are copied; a dropped piece takes the gap
  /// before it (or after it, at the start) along; gaps inside a replaced
  /// multiword run give way to the translation's own spaces.
  /// - Parameters:
  ///   - text: The segment's original bytes.
  ///   - ranges: Each token's byte range in `text`.
  ///   - output: Receives the segment.
  func writeWithSpacing(_ text: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], into output: inout [UInt8]) {
    let pieces = translator.pieces
    guard !ranges.isEmpty else {
      output.append(contentsOf: text)
      return
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<ranges[0].lowerBound]))
    var wrote = false
    var skipGap = false
    for piece in pieces {
      let first = piece.tokens.lowerBound
      if first > 0 {
        let gap = UnsafeBufferPointer(rebasing: text[ranges[first - 1].upperBound..<ranges[first].lowerBound])
        if piece.kind == .dropped {
          if wrote { continue }
          skipGap = true
          continue
        }
        if skipGap {
          skipGap = false
        } else {
          output.append(contentsOf: gap)
        }
      } else if piece.kind == .dropped {
        skipGap = true
        continue
      }
      output.append(contentsOf: translator.output[piece.text])
      wrote = true
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[ranges[ranges.count - 1].upperBound...]))
  }
}

/// Splits the framed output of augmenters that record switches into the
/// records and the switch lines: each record is written as an 8-byte
/// little-endian length and its bytes, then its switch line the same way.
public struct SwitchDemultiplexer {
  private var pending: [UInt8] = []

  /// Creates a demultiplexer.
  public init() {}

  static func frame(_ bytes: [UInt8], into output: inout [UInt8]) {
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { output.append(contentsOf: $0) }
    output.append(contentsOf: bytes)
  }

  /// Splits a piece of framed output.
  /// - Parameters:
  ///   - bytes: The next bytes of framed output.
  ///   - records: Receives the records' bytes.
  ///   - switches: Receives the switch lines' bytes.
  public mutating func split(_ bytes: [UInt8], records: ([UInt8]) throws -> Void, switches: ([UInt8]) throws -> Void) rethrows {
    pending.append(contentsOf: bytes)
    var offset = 0
    var which = 0
    var main: [UInt8] = []
    var side: [UInt8] = []
    while pending.count - offset >= 8 {
      let length = pending.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) }
      guard pending.count - offset - 8 >= length else { break }
      let body = pending[(offset + 8)..<(offset + 8 + length)]
      if which == 0 { main.append(contentsOf: body) } else { side.append(contentsOf: body) }
      which ^= 1
      offset += 8 + length
    }
    // Frames come in pairs within one record's output, and outputs are whole records.
    if which == 1 {
      assertionFailure("a record's switch line is missing from its output")
    }
    pending.removeFirst(offset)
    if !main.isEmpty { try records(main) }
    if !side.isEmpty { try switches(side) }
  }
}
