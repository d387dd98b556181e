internal import _LexiformICUShims

/// Which boundaries a break iterator finds, as ICU's `UBreakIteratorType`.
public struct BreakKind: RawRepresentable, Hashable, Sendable {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }
  /// Grapheme clusters. `UBRK_CHARACTER`.
  public static let character = BreakKind(rawValue: 0)
  /// Words (UAX #29 with ICU's dictionaries). `UBRK_WORD`.
  public static let word = BreakKind(rawValue: 1)
  /// Line-break opportunities (UAX #14). `UBRK_LINE`.
  public static let line = BreakKind(rawValue: 2)
  /// Sentences. `UBRK_SENTENCE`.
  public static let sentence = BreakKind(rawValue: 3)
}

/// What kind of segment a word boundary ends, as ICU's `UWordBreak` ranges.
public struct WordBreakStatus: RawRepresentable, Hashable, Sendable {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }
  /// The end of this status's range (exclusive).
  public var limit: Int32 { rawValue + 100 }
  /// Spaces, punctuation, symbols. `UBRK_WORD_NONE` (limit `UBRK_WORD_NONE_LIMIT`).
  public static let none = WordBreakStatus(rawValue: 0)
  /// Numbers. `UBRK_WORD_NUMBER`.
  public static let number = WordBreakStatus(rawValue: 100)
  /// Letters. `UBRK_WORD_LETTER`.
  public static let letter = WordBreakStatus(rawValue: 200)
  /// Kana. `UBRK_WORD_KANA`.
  public static let kana = WordBreakStatus(rawValue: 300)
  /// Ideographs. `UBRK_WORD_IDEO`.
  public static let ideographic = WordBreakStatus(rawValue: 400)

  /// The range a raw rule status falls in.
  /// - Parameter status: ICU's rule status for a boundary.
  /// - Returns: The status range it belongs to.
  public static func classify(_ status: Int32) -> WordBreakStatus {
    WordBreakStatus(rawValue: max(0, min(400, status / 100 * 100)))
  }
}

/// A segment found by a ``WordBreakIterator``: UTF-16 offsets into the text
/// given to ``WordBreakIterator/segments(of:)`` and ICU's status for it.
public struct TextSegment: Hashable, Sendable {
  /// The UTF-16 range of the segment.
  public var utf16Range: Range<Int>
  /// What the segment is (word, number, or none for spaces and punctuation).
  public var status: WordBreakStatus
}

/// An ICU break iterator (word boundaries by default), reusable across texts.
///
/// Keep one per thread and reuse it: opening one loads ICU's rules and
/// dictionaries. Thai, Lao, Khmer, Myanmar, Chinese and Japanese are segmented
/// with ICU's dictionaries.
public final class WordBreakIterator {
  static let done: Int32 = -1
  let iterator: OpaquePointer
  private var text: [UInt16] = []
  /// The kind of boundaries found.
  public let kind: BreakKind

  /// Opens an iterator.
  /// - Parameters:
  ///   - kind: Which boundaries to find (default: words).
  ///   - locale: An ICU locale ID, e.g. "th" or "" for the root rules.
  /// - Throws: ``UnicodeError`` if ICU cannot open the iterator.
  public init(kind: BreakKind = .word, locale: String = "") throws(UnicodeError) {
    var status: Int32 = 0
    let opened = _lexiform_icu_break_open(kind.rawValue, locale, &status)
    guard let opened, status <= 0 else {
      throw UnicodeError(.icu, "ICU could not open a break iterator for locale \"\(locale)\": \(ICUStatus(rawValue: status))", icuStatus: ICUStatus(rawValue: status))
    }
    self.iterator = opened
    self.kind = kind
  }

  deinit {
    _lexiform_icu_break_close(iterator)
  }

  /// Splits `string` into segments covering it entirely.
  /// - Parameter string: Any text.
  /// - Returns: The segments in order, with UTF-16 offsets into `string`.
  /// - Throws: ``UnicodeError`` if ICU fails.
  /// - Complexity: O(*n*).
  public func segments(of string: String) throws(UnicodeError) -> [TextSegment] {
    text = Array(string.utf16)
    guard !text.isEmpty else { return [] }
    let handle = iterator
    var status: Int32 = 0
    text.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress {
        _lexiform_icu_break_set_text(handle, base, Int32(buffer.count), &status)
      }
    }
    try ICU.check((), status, "setting break iterator text").get()
    var result: [TextSegment] = []
    var start = Int(_lexiform_icu_break_first(handle))
    while true {
      let end = _lexiform_icu_break_next(handle)
      if end == Self.done { break }
      let ruleStatus = kind == .word ? WordBreakStatus.classify(_lexiform_icu_break_rule_status(handle)) : .none
      result.append(TextSegment(utf16Range: start..<Int(end), status: ruleStatus))
      start = Int(end)
    }
    return result
  }

  /// The words of `string` (segments with a letter, number, kana or
  /// ideographic status), as UAX #29 with ICU's dictionaries finds them.
  /// - Parameter string: Any text.
  /// - Returns: The words, in order.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public func words(of string: String) throws(UnicodeError) -> [String] {
    let utf16 = Array(string.utf16)
    return try segments(of: string).filter { $0.status != .none }.map {
      String(decoding: utf16[$0.utf16Range], as: UTF16.self)
    }
  }
}
