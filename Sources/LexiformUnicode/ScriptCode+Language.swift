internal import _LexiformICUShims

extension ScriptCode {
  /// The script a language is most likely written in, from CLDR's likely
  /// subtags as ICU ships them (`uloc_addLikelySubtags`).
  /// - Parameter language: A BCP 47 language tag or ISO 639 code ("sr", "chr", "quc").
  /// - Returns: The likely script, or `nil` when ICU has none for the language.
  public static func likely(forLanguage language: String) -> ScriptCode? {
    var buffer = [CChar](repeating: 0, count: 16)
    var status: Int32 = 0
    let length = _lexiform_icu_likely_script(language, &buffer, Int32(buffer.count), &status)
    guard status <= 0, length == 4 else { return nil }
    let code = String(decoding: buffer.prefix(4).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return ScriptCode(iso15924: code)
  }
}
