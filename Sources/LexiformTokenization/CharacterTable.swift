import LexiformUnicode

/// Per-code-point facts the tokenizer needs, looked up in ICU once for every
/// BMP code point when a ``Tokenizer`` is created (a few milliseconds) and
/// shared, read-only, by the tokenizers that work for it on other threads.
/// Supplementary code points are looked up in ICU as they come.
final class CharacterTable: @unchecked Sendable {
  struct Flags: OptionSet {
    var rawValue: UInt16
    /// White_Space.
    static let whitespace = Flags(rawValue: 1)
    /// General_Category M (Mn, Mc, Me).
    static let mark = Flags(rawValue: 2)
    /// NFC_Quick_Check is No or Maybe.
    static let notNFCYes = Flags(rawValue: 4)
    /// A hyphen that joins words: U+002D, U+2010, U+2011.
    static let hyphen = Flags(rawValue: 8)
    /// A letter or number (L, N), a mark, or a profile letter.
    static let wordCharacter = Flags(rawValue: 16)
    /// An apostrophe as clitics are written: U+0027, U+2019, U+02BC.
    static let apostrophe = Flags(rawValue: 32)
    /// One of the profile's extra letters.
    static let profileLetter = Flags(rawValue: 64)
    /// Script_Extensions names specific scripts although Script is Common or Inherited.
    static let sharedByScripts = Flags(rawValue: 128)
  }

  let profile: OrthographyProfile
  /// ``ScriptCode/common`` and ``ScriptCode/inherited``, read once (another
  /// module's statics cost a call per use).
  let commonScript = ScriptCode.common.rawValue
  let inheritedScript = ScriptCode.inherited.rawValue
  let flagTable: UnsafeMutablePointer<UInt16>
  let scriptTable: UnsafeMutablePointer<UInt8>
  let combiningTable: UnsafeMutablePointer<UInt8>
  let wordBreakTable: UnsafeMutablePointer<UInt8>
  /// ISO 15924 codes as UTF-8, indexed by ICU script code.
  let scriptNames: [[UInt8]]
  /// The same, up to 7 bytes in memory order with the length in the top
  /// byte: written with one store.
  private let scriptNameWords: UnsafeMutablePointer<UInt64>

  init(profile: OrthographyProfile) {
    self.profile = profile
    flagTable = .allocate(capacity: 0x10000)
    scriptTable = .allocate(capacity: 0x10000)
    combiningTable = .allocate(capacity: 0x10000)
    wordBreakTable = .allocate(capacity: 0x10000)
    for value in 0..<UInt32(0x10000) {
      guard let scalar = Unicode.Scalar(value) else {
        flagTable[Int(value)] = 0
        scriptTable[Int(value)] = 0
        combiningTable[Int(value)] = 0
        wordBreakTable[Int(value)] = WordBreakEntry.needsICU
        continue
      }
      wordBreakTable[Int(value)] = WordBreakEntry.compute(scalar)
      flagTable[Int(value)] = Self.computeFlags(scalar, profile).rawValue
      scriptTable[Int(value)] = UInt8(clamping: ScriptCode.of(scalar).rawValue)
      combiningTable[Int(value)] = UInt8(clamping: UnicodeProperty.canonicalCombiningClass.value(for: scalar))
    }
    var names: [[UInt8]] = []
    for code in 0..<256 { names.append(Array(ScriptCode(rawValue: Int32(code)).iso15924.utf8)) }
    scriptNames = names
    scriptNameWords = .allocate(capacity: 256)
    for (code, name) in names.enumerated() {
      let bytes = name.count <= 7 ? name : Array("Zzzz".utf8)
      var word = UInt64(bytes.count) << 56
      for (i, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
      scriptNameWords[code] = UInt64(littleEndian: word)
    }
  }

  deinit {
    flagTable.deallocate()
    scriptTable.deallocate()
    combiningTable.deallocate()
    wordBreakTable.deallocate()
    scriptNameWords.deallocate()
  }

  static func computeFlags(_ scalar: Unicode.Scalar, _ profile: OrthographyProfile) -> Flags {
    var flags: Flags = []
    let value = scalar.value
    if UnicodeProperty.whiteSpace.holds(for: scalar) { flags.insert(.whitespace) }
    let category = GeneralCategory.of(scalar)
    if category.isMark { flags.insert([.mark, .wordCharacter]) }
    if category.isLetter || (9...11).contains(category.rawValue) { flags.insert(.wordCharacter) }
    if NormalizationQuickCheck(rawValue: UnicodeProperty.nfcQuickCheck.value(for: scalar)) != .yes {
      flags.insert(.notNFCYes)
    }
    if value == 0x2D || value == 0x2010 || value == 0x2011 { flags.insert(.hyphen) }
    if value == 0x27 || value == 0x2019 || value == 0x02BC { flags.insert(.apostrophe) }
    if profile.isLetter(value) { flags.insert([.profileLetter, .wordCharacter]) }
    let script = ScriptCode.of(scalar)
    if script == .common || script == .inherited {
      let extensions = ScriptCode.extensions(of: scalar)
      if extensions.contains(where: { $0 != .common && $0 != .inherited }) { flags.insert(.sharedByScripts) }
    }
    return flags
  }

  @inline(__always)
  func flags(_ value: UInt32) -> Flags {
    if value < 0x10000 { return Flags(rawValue: flagTable[Int(value)]) }
    guard let scalar = Unicode.Scalar(value) else { return [] }
    return Self.computeFlags(scalar, profile)
  }

  @inline(__always)
  func script(_ value: UInt32) -> Int32 {
    if value < 0x10000 { return Int32(scriptTable[Int(value)]) }
    guard let scalar = Unicode.Scalar(value) else { return ScriptCode.unknown.rawValue }
    return ScriptCode.of(scalar).rawValue
  }

  @inline(__always)
  func combiningClass(_ value: UInt32) -> UInt8 {
    if value < 0x10000 { return combiningTable[Int(value)] }
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    return UInt8(clamping: UnicodeProperty.canonicalCombiningClass.value(for: scalar))
  }

  /// The code point's ``WordBreakEntry``.
  @inline(__always)
  func wordBreak(_ value: UInt32) -> UInt8 {
    if value < 0x10000 { return wordBreakTable[Int(value)] }
    guard let scalar = Unicode.Scalar(value) else { return WordBreakEntry.needsICU }
    return WordBreakEntry.compute(scalar)
  }

  func scriptName(_ code: Int32) -> [UInt8] {
    code >= 0 && Int(code) < scriptNames.count ? scriptNames[Int(code)] : Array("Zzzz".utf8)
  }

  /// Writes the ISO 15924 code of an ICU script code.
  @inline(__always)
  func writeScriptName(_ code: Int32, to sink: inout ByteSink) {
    guard code >= 0 && Int(code) < 256 else {
      sink.write("Zzzz")
      return
    }
    let name = scriptNameWords[Int(code)]
    UnsafeMutableRawPointer(sink.base + sink.count).storeBytes(of: name, as: UInt64.self)
    sink.count += Int(UInt64(littleEndian: name) >> 56)
  }

  /// Appends the ISO 15924 code of an ICU script code.
  @inline(__always)
  func appendScriptName(_ code: Int32, to output: inout [UInt8]) {
    if code >= 0 && Int(code) < scriptNames.count {
      scriptNames.withUnsafeBufferPointer { names in output.append(contentsOf: names[Int(code)]) }
    } else {
      output.append(contentsOf: [0x5A, 0x7A, 0x7A, 0x7A])  // Zzzz
    }
  }
}
