internal import _LexiformICUShims

/// A Unicode normalization form (UAX #15, Unicode 15.0 as in ICU 72).
public enum NormalizationForm: String, Sendable, CaseIterable {
  /// Canonical composition, Lexiform's default.
  case nfc
  /// Canonical decomposition.
  case nfd
  /// Compatibility composition.
  case nfkc
  /// Compatibility composition with case folding and removal of
  /// default-ignorable code points (`NFKC_Casefold`).
  case nfkcCasefold = "nfkc_cf"

  /// ICU's `UNormalization2Mode`, mirrored.
  struct Mode: RawRepresentable, Sendable {
    var rawValue: Int32
    /// `UNORM2_COMPOSE`.
    static let compose = Mode(rawValue: 0)
    /// `UNORM2_DECOMPOSE`.
    static let decompose = Mode(rawValue: 1)
    /// `UNORM2_FCD`.
    static let fcd = Mode(rawValue: 2)
    /// `UNORM2_COMPOSE_CONTIGUOUS`.
    static let composeContiguous = Mode(rawValue: 3)
  }

  var icuInstance: (name: String, mode: Mode) {
    switch self {
    case .nfc: ("nfc", .compose)
    case .nfd: ("nfc", .decompose)
    case .nfkc: ("nfkc", .compose)
    case .nfkcCasefold: ("nfkc_cf", .compose)
    }
  }
}

/// Normalizes text to one ``NormalizationForm`` through ICU.
///
/// Text that is already normalized (checked with ICU's quick check) is
/// returned as it is, without copying.
public struct Normalizer: Sendable {
  /// The form this normalizer produces.
  public let form: NormalizationForm
  // ICU's normalizer instances are immutable singletons owned by ICU.
  nonisolated(unsafe) let instance: OpaquePointer

  /// Creates a normalizer.
  /// - Parameter form: The form to produce.
  /// - Throws: ``UnicodeError`` if ICU's data for the form is missing.
  public init(_ form: NormalizationForm = .nfc) throws(UnicodeError) {
    self.form = form
    var status: Int32 = 0
    let (name, mode) = form.icuInstance
    let pointer = _lexiform_icu_normalizer_get(name, mode.rawValue, &status)
    guard let pointer, status <= 0 else {
      throw UnicodeError(.icu, "ICU has no \(form.rawValue) normalizer: \(ICUStatus(rawValue: status))", icuStatus: ICUStatus(rawValue: status))
    }
    self.instance = pointer
  }

  /// Returns `text` in this normalizer's form.
  /// - Parameter text: Any text.
  /// - Returns: The normalized text (`text` itself when already normalized).
  /// - Throws: ``UnicodeError`` if ICU fails.
  /// - Complexity: O(*n*).
  public func normalize(_ text: String) throws(UnicodeError) -> String {
    // ASCII text is invariant under every form except NFKC_Casefold.
    if form != .nfkcCasefold, text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    let utf16 = Array(text.utf16)
    guard !utf16.isEmpty else { return text }
    let pointer = instance
    var status: Int32 = 0
    let prefix = utf16.withUnsafeBufferPointer { src in
      src.baseAddress.map { _lexiform_icu_normalized_prefix_length(pointer, $0, Int32(src.count), &status) } ?? 0
    }
    if status <= 0, Int(prefix) == utf16.count { return text }
    let result = utf16.withUnsafeBufferPointer { src in
      ICU.withPreflight("normalizing to \(form.rawValue)") { destination, capacity, status in
        src.baseAddress.map { _lexiform_icu_normalize(pointer, $0, Int32(src.count), destination, capacity, &status) } ?? 0
      }
    }
    return String(decoding: try result.get(), as: UTF16.self)
  }

  /// Whether `text` is already in this normalizer's form, byte for byte.
  /// (Swift's `==` on strings ignores normalization, so it cannot tell.)
  /// - Parameter text: Any text.
  /// - Returns: `true` when normalizing would not change its bytes.
  /// - Throws: ``UnicodeError`` if ICU fails.
  public func isNormalized(_ text: String) throws(UnicodeError) -> Bool {
    try normalize(text).utf8.elementsEqual(text.utf8)
  }
}
