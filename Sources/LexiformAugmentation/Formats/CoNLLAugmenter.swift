import LexiformCore
import LexiformTokenization

/// CoNLL-style token-per-line sentences: `token<TAB>…<TAB>label` (columns
/// separated by tabs, or by single spaces on lines without a tab, as in
/// CoNLL-2003), the label last, sentences separated by blank lines.
/// Comment lines (`#…`) and `-DOCSTART-` lines are copied.
///
/// Labels are BIO/IOB2 (`B-X`, `I-X`, `O`; Ramshaw & Marcus 1995, Tjong Kim
/// Sang & Veenstra 1999) or anything else (POS tags), which is copied:
/// - a multiword match never crosses an entity boundary (nor, for other
///   labels, a change of label);
/// - a token translated into several words becomes several lines: the first
///   keeps the label, the others continue the entity (`B-X` → `B-X I-X …`,
///   `I-X` → `I-X I-X …`), other labels are repeated, middle columns are
///   copied from the source token;
/// - a dropped token takes its label with it; when it was an entity's `B-X`,
///   the next token of the same entity becomes `B-X`.
final class CoNLLAugmenter: RecordAugmenter {
  private struct Line {
    var range: Range<Int>
    var number: Int
    var separator: UInt8
    /// The token, and the label, as byte ranges in the record; `nil` for copied lines.
    var token: Range<Int>?
    var label: Range<Int>
    var middle: Range<Int>
  }

  private var lines: [Line] = []
  private var tokenLines: [Int] = []

  /// What a label says about entities.
  private enum BIO: Equatable {
    case begin(ArraySlice<UInt8>)
    case inside(ArraySlice<UInt8>)
    case outside
    case other(ArraySlice<UInt8>)

    init(_ label: ArraySlice<UInt8>) {
      if label.count == 1, label.first == UInt8(ascii: "O") {
        self = .outside
      } else if label.count > 2, label[label.startIndex + 1] == UInt8(ascii: "-") {
        let type = label[(label.startIndex + 2)...]
        switch label.first {
        case UInt8(ascii: "B"): self = .begin(type)
        case UInt8(ascii: "I"): self = .inside(type)
        default: self = .other(label)
        }
      } else {
        self = .other(label)
      }
    }

    /// Whether a multiword match may go on from a token labelled `self` to one labelled `next`.
    func continues(to next: BIO) -> Bool {
      switch (self, next) {
      case (.begin(let a), .inside(let b)), (.inside(let a), .inside(let b)): return a == b
      case (.outside, .outside): return true
      case (.other(let a), .other(let b)): return a == b
      default: return false
      }
    }
  }

  override func rewrite(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    let bytes = Array(record)
    try split(bytes, at: position)
    let translator = self.translator
    translator.beginSegment()
    var previous: BIO?
    for (k, lineIndex) in tokenLines.enumerated() {
      let line = lines[lineIndex]
      guard let token = line.token else { continue }
      let label = BIO(bytes[line.label])
      let breakBefore = k == 0 || !(previous?.continues(to: label) ?? false) || tokenLines[k - 1] != lineIndex - 1
      bytes.withUnsafeBufferPointer { translator.addToken(UnsafeBufferPointer(rebasing: $0[token]), breakBefore: breakBefore) }
      previous = label
    }
    translator.run()
    if !tokenLines.isEmpty, translator.pieces.allSatisfy({ $0.kind == .dropped }) {
      // Every token would go: keep the sentence as it is rather than lose the record.
      translator.summary.keptSlots += 1
      output.append(contentsOf: record)
      output.append(contentsOf: [0x0A, 0x0A])
      return
    }
    // Copied lines go out where they stand; token lines as their pieces say.
    var nextLine = 0
    var pendingBegin: ArraySlice<UInt8>?
    func copyLines(upTo end: Int) {
      while nextLine < end {
        if lines[nextLine].token == nil {
          output.append(contentsOf: bytes[lines[nextLine].range])
          output.append(0x0A)
        }
        nextLine += 1
      }
    }
    for piece in translator.pieces {
      let firstLine = lines[tokenLines[piece.tokens.lowerBound]]
      copyLines(upTo: tokenLines[piece.tokens.lowerBound])
      nextLine = tokenLines[piece.tokens.upperBound - 1] + 1
      let label = BIO(bytes[firstLine.label])
      if piece.kind == .dropped {
        if case .begin(let type) = label { pendingBegin = type } else if case .inside = label {} else { pendingBegin = nil }
        continue
      }
      var firstLabel = Array(bytes[firstLine.label])
      if let type = pendingBegin {
        if case .inside(let this) = label, this == type {
          firstLabel = Array("B-".utf8) + type
          translator.summary.movedLabels += 1
        }
        pendingBegin = nil
      }
      let words = translator.output[piece.text].split(separator: 0x20, omittingEmptySubsequences: true)
      for (w, word) in (words.isEmpty ? [translator.output[piece.text]] : words).enumerated() {
        output.append(contentsOf: word)
        output.append(firstLine.separator)
        if !firstLine.middle.isEmpty {
          output.append(contentsOf: bytes[firstLine.middle])
          output.append(firstLine.separator)
        }
        if w == 0 {
          output.append(contentsOf: firstLabel)
        } else {
          switch label {
          case .begin(let type), .inside(let type):
            output.append(contentsOf: [UInt8(ascii: "I"), UInt8(ascii: "-")])
            output.append(contentsOf: type)
          case .outside: output.append(UInt8(ascii: "O"))
          case .other(let text): output.append(contentsOf: text)
          }
        }
        output.append(0x0A)
      }
    }
    copyLines(upTo: lines.count)
    output.append(0x0A)
  }

  /// Splits a sentence into lines and columns.
  private func split(_ bytes: [UInt8], at position: RecordPosition) throws {
    lines.removeAll(keepingCapacity: true)
    tokenLines.removeAll(keepingCapacity: true)
    var start = 0
    var number = position.line
    while start <= bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      var contentEnd = end
      if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      let range = start..<contentEnd
      if Self.isCopied(bytes[range]) {
        lines.append(Line(range: range, number: number, separator: 0x09, token: nil, label: range, middle: range))
      } else {
        let separator: UInt8 = bytes[range].contains(0x09) ? 0x09 : 0x20
        guard let firstSeparator = bytes[range].firstIndex(of: separator),
          let lastSeparator = bytes[range].lastIndex(of: separator), firstSeparator > start,
          lastSeparator + 1 < contentEnd
        else {
          throw AugmentationError(
            .malformedRecord, at: SourceLocation(path: position.path, line: number, column: 1),
            expectedFound(
              "a token and a label separated by tabs (token<TAB>…<TAB>label)",
              "\"\(String(decoding: bytes[range].prefix(60), as: UTF8.self))\""))
        }
        let middle = firstSeparator == lastSeparator ? lastSeparator..<lastSeparator : (firstSeparator + 1)..<lastSeparator
        tokenLines.append(lines.count)
        lines.append(
          Line(
            range: range, number: number, separator: separator, token: start..<firstSeparator,
            label: (lastSeparator + 1)..<contentEnd, middle: middle))
      }
      start = end + 1
      number += 1
    }
  }

  /// Comment lines and document separators, copied as they are.
  private static func isCopied(_ line: ArraySlice<UInt8>) -> Bool {
    line.first == UInt8(ascii: "#") || line.starts(with: Array("-DOCSTART-".utf8))
  }
}
