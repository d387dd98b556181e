internal import _LexiformICUShims

/// A writing system, as ICU's `UScriptCode`, named by its ISO 15924 code.
public struct ScriptCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// ICU's `UScriptCode` value.
  public var rawValue: Int32
  /// Wraps an ICU script code.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The ISO 15924 four-letter code ("Latn", "Cher", "Zyyy" for Common).
  public var iso15924: String {
    _lexiform_icu_script_short_name(rawValue).map { String(cString: $0) } ?? "Zzzz"
  }

  public var description: String { iso15924 }

  /// Finds a script by its ISO 15924 code (case-insensitive).
  /// - Parameter code: A code such as "Latn" or "cyrl".
  /// - Returns: The script, or `nil` if ICU does not know the code.
  public init?(iso15924 code: String) {
    let wanted = code.lowercased()
    for value in 0...max(0, _lexiform_icu_script_max()) {
      let script = ScriptCode(rawValue: value)
      if script.iso15924.lowercased() == wanted {
        self = script
        return
      }
    }
    return nil
  }

  /// The script of a code point (its `Script` property, UAX #24).
  /// - Parameter scalar: A code point.
  /// - Returns: Its script; `common` or `inherited` for shared characters.
  public static func of(_ scalar: Unicode.Scalar) -> ScriptCode {
    var status: Int32 = 0
    let value = _lexiform_icu_script(scalar.value, &status)
    return status > 0 ? .unknown : ScriptCode(rawValue: value)
  }

  /// The scripts a code point is used with (its `Script_Extensions`
  /// property): a Devanagari danda gives Devanagari, Bengali and others,
  /// not Common.
  /// - Parameter scalar: A code point.
  /// - Returns: One or more scripts.
  public static func extensions(of scalar: Unicode.Scalar) -> [ScriptCode] {
    var buffer = [Int32](repeating: 0, count: 32)
    var status: Int32 = 0
    var count = _lexiform_icu_script_extensions(scalar.value, &buffer, Int32(buffer.count), &status)
    if status == ICUStatus.bufferOverflow.rawValue {
      buffer = [Int32](repeating: 0, count: Int(count))
      status = 0
      count = _lexiform_icu_script_extensions(scalar.value, &buffer, Int32(buffer.count), &status)
    }
    guard status <= 0 else { return [of(scalar)] }
    return buffer.prefix(Int(count)).map(ScriptCode.init(rawValue:))
  }

  /// Not a valid script. `USCRIPT_INVALID_CODE`.
  public static let invalid = ScriptCode(rawValue: -1)
  /// Zyyy. `USCRIPT_COMMON`.
  public static let common = ScriptCode(rawValue: 0)
  /// Zinh. `USCRIPT_INHERITED`.
  public static let inherited = ScriptCode(rawValue: 1)
  /// Arab. `USCRIPT_ARABIC`.
  public static let arabic = ScriptCode(rawValue: 2)
  /// Armn. `USCRIPT_ARMENIAN`.
  public static let armenian = ScriptCode(rawValue: 3)
  /// Beng. `USCRIPT_BENGALI`.
  public static let bengali = ScriptCode(rawValue: 4)
  /// Cher. `USCRIPT_CHEROKEE`.
  public static let cherokee = ScriptCode(rawValue: 6)
  /// Cyrl. `USCRIPT_CYRILLIC`.
  public static let cyrillic = ScriptCode(rawValue: 8)
  /// Deva. `USCRIPT_DEVANAGARI`.
  public static let devanagari = ScriptCode(rawValue: 10)
  /// Ethi. `USCRIPT_ETHIOPIC`.
  public static let ethiopic = ScriptCode(rawValue: 11)
  /// Geor. `USCRIPT_GEORGIAN`.
  public static let georgian = ScriptCode(rawValue: 12)
  /// Grek. `USCRIPT_GREEK`.
  public static let greek = ScriptCode(rawValue: 14)
  /// Gujr. `USCRIPT_GUJARATI`.
  public static let gujarati = ScriptCode(rawValue: 15)
  /// Hani. `USCRIPT_HAN`.
  public static let han = ScriptCode(rawValue: 17)
  /// Hang. `USCRIPT_HANGUL`.
  public static let hangul = ScriptCode(rawValue: 18)
  /// Hebr. `USCRIPT_HEBREW`.
  public static let hebrew = ScriptCode(rawValue: 19)
  /// Hira. `USCRIPT_HIRAGANA`.
  public static let hiragana = ScriptCode(rawValue: 20)
  /// Kana. `USCRIPT_KATAKANA`.
  public static let katakana = ScriptCode(rawValue: 22)
  /// Khmr. `USCRIPT_KHMER`.
  public static let khmer = ScriptCode(rawValue: 23)
  /// Laoo. `USCRIPT_LAO`.
  public static let lao = ScriptCode(rawValue: 24)
  /// Latn. `USCRIPT_LATIN`.
  public static let latin = ScriptCode(rawValue: 25)
  /// Mymr. `USCRIPT_MYANMAR`.
  public static let myanmar = ScriptCode(rawValue: 28)
  /// Syrc. `USCRIPT_SYRIAC`.
  public static let syriac = ScriptCode(rawValue: 34)
  /// Taml. `USCRIPT_TAMIL`.
  public static let tamil = ScriptCode(rawValue: 35)
  /// Thai. `USCRIPT_THAI`.
  public static let thai = ScriptCode(rawValue: 38)
  /// Tibt. `USCRIPT_TIBETAN`.
  public static let tibetan = ScriptCode(rawValue: 39)
  /// Cans. `USCRIPT_UCAS`.
  public static let canadianAboriginal = ScriptCode(rawValue: 40)
  /// Zzzz. `USCRIPT_UNKNOWN`.
  public static let unknown = ScriptCode(rawValue: 103)

  static let _mirrored: [(name: String, code: ScriptCode)] = [
    ("USCRIPT_INVALID_CODE", .invalid), ("USCRIPT_COMMON", .common), ("USCRIPT_INHERITED", .inherited),
    ("USCRIPT_ARABIC", .arabic), ("USCRIPT_ARMENIAN", .armenian), ("USCRIPT_BENGALI", .bengali),
    ("USCRIPT_CHEROKEE", .cherokee), ("USCRIPT_CYRILLIC", .cyrillic), ("USCRIPT_DEVANAGARI", .devanagari),
    ("USCRIPT_ETHIOPIC", .ethiopic), ("USCRIPT_GEORGIAN", .georgian), ("USCRIPT_GREEK", .greek),
    ("USCRIPT_GUJARATI", .gujarati), ("USCRIPT_HAN", .han), ("USCRIPT_HANGUL", .hangul),
    ("USCRIPT_HEBREW", .hebrew), ("USCRIPT_HIRAGANA", .hiragana), ("USCRIPT_KATAKANA", .katakana),
    ("USCRIPT_KHMER", .khmer), ("USCRIPT_LAO", .lao), ("USCRIPT_LATIN", .latin),
    ("USCRIPT_MYANMAR", .myanmar), ("USCRIPT_SYRIAC", .syriac), ("USCRIPT_TAMIL", .tamil),
    ("USCRIPT_THAI", .thai), ("USCRIPT_TIBETAN", .tibetan), ("USCRIPT_UCAS", .canadianAboriginal),
    ("USCRIPT_UNKNOWN", .unknown),
  ]
}
