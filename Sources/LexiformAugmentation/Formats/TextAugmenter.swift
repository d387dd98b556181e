import LexiformCore
import LexiformTokenization

/// Plain text: each line is tokenized, translated word by word, and written
/// with its original spacing.
final class TextAugmenter: RecordAugmenter {
  let tokenizer: Tokenizer
  private var ranges: [Range<Int>] = []

  init(translator: WordTranslator, tokenizer: Tokenizer, recordsSwitches: Bool) {
    self.tokenizer = tokenizer
    super.init(translator: translator, recordsSwitches: recordsSwitches)
  }

  override func rewrite(_ record: UnsafeBufferPointer<UInt8>, at position: RecordPosition, into output: inout [UInt8]) throws {
    try translateSegment(record, tokenizer: tokenizer, ranges: &ranges, into: &output)
    output.append(0x0A)
  }
}

extension RecordAugmenter {
  /// Tokenizes, translates and writes one piece of text with its spacing.
  func translateSegment(
    _ text: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, ranges: inout [Range<Int>], into output: inout [UInt8]
  ) throws {
    let translator = self.translator
    translator.beginSegment()
    try tokenizer.tokenize(utf8: text)
    ranges.removeAll(keepingCapacity: true)
    for t in 0..<tokenizer.count {
      ranges.append(tokenizer.utf8Range(ofToken: t))
      let start = translator.tokenBytes.count
      tokenizer.appendText(ofToken: t, line: text, to: &translator.tokenBytes)
      translator.addToken(from: start)
    }
    translator.run()
    writeWithSpacing(text, ranges: ranges, into: &output)
  }
}
