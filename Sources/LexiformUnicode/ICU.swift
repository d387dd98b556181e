internal import _LexiformICUShims

/// ICU's status codes (`UErrorCode`), mirrored: 0 is success, positive values
/// are failures, negative ones warnings.
public struct ICUStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Whether the status is a failure (`U_FAILURE`).
  public var isFailure: Bool { rawValue > 0 }

  /// ICU's symbolic name, e.g. `U_BUFFER_OVERFLOW_ERROR`.
  public var description: String { String(cString: _lexiform_icu_error_name(rawValue)) }

  /// No error. The corresponding ICU constant is `U_ZERO_ERROR`.
  public static let zero = ICUStatus(rawValue: 0)
  /// An argument was wrong. `U_ILLEGAL_ARGUMENT_ERROR`.
  public static let illegalArgument = ICUStatus(rawValue: 1)
  /// A resource (locale data) is missing. `U_MISSING_RESOURCE_ERROR`.
  public static let missingResource = ICUStatus(rawValue: 2)
  /// A data file could not be read. `U_FILE_ACCESS_ERROR`.
  public static let fileAccess = ICUStatus(rawValue: 4)
  /// Out of memory. `U_MEMORY_ALLOCATION_ERROR`.
  public static let memoryAllocation = ICUStatus(rawValue: 7)
  /// An index was out of range. `U_INDEX_OUTOFBOUNDS_ERROR`.
  public static let indexOutOfBounds = ICUStatus(rawValue: 8)
  /// A character could not be converted. `U_INVALID_CHAR_FOUND`.
  public static let invalidCharFound = ICUStatus(rawValue: 10)
  /// The output buffer was too small. `U_BUFFER_OVERFLOW_ERROR`.
  public static let bufferOverflow = ICUStatus(rawValue: 15)
  /// The operation is not supported. `U_UNSUPPORTED_ERROR`.
  public static let unsupported = ICUStatus(rawValue: 16)
  /// The output filled its buffer exactly, without a terminating NUL.
  /// `U_STRING_NOT_TERMINATED_WARNING`.
  public static let stringNotTerminated = ICUStatus(rawValue: -124)
  /// A fallback locale was used. `U_USING_FALLBACK_WARNING`.
  public static let usingFallback = ICUStatus(rawValue: -128)
  /// The root locale was used. `U_USING_DEFAULT_WARNING`.
  public static let usingDefault = ICUStatus(rawValue: -127)
}

/// Facts about the ICU library Lexiform runs on.
public enum ICU {
  /// ICU's version, e.g. "72.1".
  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    _lexiform_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Turns an ICU status into a result: the one place where status codes
  /// become errors.
  static func check<T>(_ value: T, _ status: Int32, _ what: @autoclosure () -> String) -> Result<T, UnicodeError> {
    let status = ICUStatus(rawValue: status)
    guard !status.isFailure else {
      return .failure(UnicodeError(.icu, "\(what()) failed: \(status)", icuStatus: status))
    }
    return .success(value)
  }

  /// Runs an ICU function that writes UTF-16 into a buffer, with ICU's
  /// preflight: a first call learns the length, a second fills a buffer of
  /// exactly that size.
  static func withPreflight(
    _ what: @autoclosure () -> String,
    _ call: (_ destination: UnsafeMutablePointer<UInt16>?, _ capacity: Int32, _ status: inout Int32) -> Int32
  ) -> Result<[UInt16], UnicodeError> {
    var status: Int32 = 0
    // Most results fit a small stack-sized guess; try that first.
    var output = [UInt16](repeating: 0, count: 64)
    var length = output.withUnsafeMutableBufferPointer { call($0.baseAddress, Int32($0.count), &status) }
    if status == ICUStatus.bufferOverflow.rawValue {
      output = [UInt16](repeating: 0, count: Int(length))
      status = 0
      length = output.withUnsafeMutableBufferPointer { call($0.baseAddress, Int32($0.count), &status) }
    }
    return check((), status, what()).map {
      output.removeSubrange(Int(length)...)
      return output
    }
  }
}

/// The ICU constants mirrored in Swift with their C names, for tests.
let _icuMirroredConstants: [(name: String, value: Int32)] = [
  ("U_ZERO_ERROR", ICUStatus.zero.rawValue),
  ("U_ILLEGAL_ARGUMENT_ERROR", ICUStatus.illegalArgument.rawValue),
  ("U_MISSING_RESOURCE_ERROR", ICUStatus.missingResource.rawValue),
  ("U_FILE_ACCESS_ERROR", ICUStatus.fileAccess.rawValue),
  ("U_MEMORY_ALLOCATION_ERROR", ICUStatus.memoryAllocation.rawValue),
  ("U_INDEX_OUTOFBOUNDS_ERROR", ICUStatus.indexOutOfBounds.rawValue),
  ("U_INVALID_CHAR_FOUND", ICUStatus.invalidCharFound.rawValue),
  ("U_BUFFER_OVERFLOW_ERROR", ICUStatus.bufferOverflow.rawValue),
  ("U_UNSUPPORTED_ERROR", ICUStatus.unsupported.rawValue),
  ("U_STRING_NOT_TERMINATED_WARNING", ICUStatus.stringNotTerminated.rawValue),
  ("U_USING_FALLBACK_WARNING", ICUStatus.usingFallback.rawValue),
  ("U_USING_DEFAULT_WARNING", ICUStatus.usingDefault.rawValue),
  ("UNORM2_COMPOSE", NormalizationForm.Mode.compose.rawValue),
  ("UNORM2_DECOMPOSE", NormalizationForm.Mode.decompose.rawValue),
  ("UNORM2_FCD", NormalizationForm.Mode.fcd.rawValue),
  ("UNORM2_COMPOSE_CONTIGUOUS", NormalizationForm.Mode.composeContiguous.rawValue),
  ("UBRK_CHARACTER", BreakKind.character.rawValue),
  ("UBRK_WORD", BreakKind.word.rawValue),
  ("UBRK_LINE", BreakKind.line.rawValue),
  ("UBRK_SENTENCE", BreakKind.sentence.rawValue),
  ("UBRK_DONE", WordBreakIterator.done),
  ("UBRK_WORD_NONE", WordBreakStatus.none.rawValue),
  ("UBRK_WORD_NONE_LIMIT", WordBreakStatus.none.limit),
  ("UBRK_WORD_NUMBER", WordBreakStatus.number.rawValue),
  ("UBRK_WORD_NUMBER_LIMIT", WordBreakStatus.number.limit),
  ("UBRK_WORD_LETTER", WordBreakStatus.letter.rawValue),
  ("UBRK_WORD_LETTER_LIMIT", WordBreakStatus.letter.limit),
  ("UBRK_WORD_KANA", WordBreakStatus.kana.rawValue),
  ("UBRK_WORD_KANA_LIMIT", WordBreakStatus.kana.limit),
  ("UBRK_WORD_IDEO", WordBreakStatus.ideographic.rawValue),
  ("UBRK_WORD_IDEO_LIMIT", WordBreakStatus.ideographic.limit),
] + ScriptCode._mirrored.map { ($0.name, $0.code.rawValue) }
  + GeneralCategory._mirrored.map { ($0.name, $0.category.rawValue) }
  + UnicodeProperty._mirrored.map { ($0.name, $0.property.rawValue) }
  + NormalizationQuickCheck._mirrored.map { ($0.name, $0.value.rawValue) }
  + WordBreakProperty._mirrored.map { ($0.name, $0.value.rawValue) }
  + LineBreakProperty._mirrored.map { ($0.name, $0.value.rawValue) }
