public import LexiformCore
import LexiformUnicode
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How ``UniMorphValidator`` checks.
public struct UniMorphValidatorOptions: Sendable {
  /// The column order, or `.auto` (the default) to detect it per file.
  public var columns: UniMorphColumnChoice
  /// The schema features are checked against. Default ``UniMorphSchema/standard``.
  public var schema: UniMorphSchema
  /// Whether forms that share nothing with their lemma are reported
  /// (warnings). Default `true`.
  public var checksUnrelatedForms: Bool
  /// How many rows column detection looks at. Default 200.
  public var detectionSampleSize: Int
  /// Whether rows are read and checked on a second thread while the calling
  /// thread finds duplicates, checks paradigms and reports, when the machine
  /// has more than one processor. Default `true`. The problems reported and
  /// their order are the same either way.
  public var concurrent: Bool

  /// Creates options.
  /// - Parameters:
  ///   - columns: The column order, or `.auto`.
  ///   - schema: The schema.
  ///   - checksUnrelatedForms: Whether to warn about forms unrelated to their lemma.
  ///   - detectionSampleSize: How many rows column detection looks at.
  ///   - concurrent: Whether to read and check rows on a second thread.
  public init(
    columns: UniMorphColumnChoice = .auto, schema: UniMorphSchema = .standard, checksUnrelatedForms: Bool = true,
    detectionSampleSize: Int = 200, concurrent: Bool = true
  ) {
    self.concurrent = concurrent
    self.columns = columns
    self.schema = schema
    self.checksUnrelatedForms = checksUnrelatedForms
    self.detectionSampleSize = max(1, detectionSampleSize)
  }
}

/// What ``UniMorphValidator/validate(path:report:)`` found in one file.
public struct UniMorphValidationSummary: Sendable, Hashable {
  /// The file.
  public var path: String
  /// The column order used.
  public var columnOrder: UniMorphColumnOrder
  /// Whether the order was detected (`false`: given, or the file is empty).
  public var detected: Bool
  /// Data rows read (not counting empty and comment lines).
  public var rows = 0
  /// Problems of severity `error`.
  public var errors = 0
  /// Problems of severity `warning`.
  public var warnings = 0
  /// Problems by code.
  public var counts: [UniMorphError.Code: Int] = [:]
}

/// Checks UniMorph tables and reports every problem, located to the column.
///
/// Errors: a feature not in the schema (``UniMorphError/Code/unknownFeature``),
/// two features of one dimension without `+` or `/` (`conflictingFeatures`),
/// a repeated feature, unbalanced parentheses and other malformed bundles,
/// a row without three fields, an empty field, a lemma or form not in NFC
/// (UAX #15, Unicode 15.1), a duplicate row, invalid UTF-8.
///
/// Warning (`unrelatedForm`): a form that shares (almost) nothing with its
/// lemma. The measure is the longest common substring of lemma and form,
/// lower-cased, without diacritics (NFD, marks removed) and counting letters
/// and digits only. A form is reported when that is shorter than half the
/// lemma *and* at most half the median for the forms of the same paradigm
/// (the run of consecutive rows with the lemma), where that median is at
/// least 4, so that languages whose stems change throughout (ablaut,
/// templatic morphology) and short stems (*run*, *ran*) are judged against
/// themselves; in a paradigm of fewer than 4 rows, only a form that shares no
/// letter at all is reported.
///
/// Speed: rows are checked as bytes; each distinct feature string is parsed
/// and checked once and cached; lemmas and forms are checked for NFC on their
/// bytes (the quick check of UAX #15 §9) and go to ICU's normalizer only when they contain
/// a character that may combine or decompose. With more than one processor,
/// one thread reads lines and checks each row on its own (UTF-8, fields,
/// features, the row's fingerprint) while the calling thread checks NFC,
/// duplicates and paradigms and reports, in batches of about 2,000 rows;
/// what is reported, and in what order, does not depend on it.
///
/// - Complexity: O(*n*) in the input's bytes, plus O(*L*·*F*) per row of a
///   paradigm that fails the quick relatedness test. Memory is O(distinct
///   rows) for duplicate detection.
public final class UniMorphValidator {
  /// How the validator checks.
  public let options: UniMorphValidatorOptions
  private let normalizer: Normalizer?
  private let decomposer: Normalizer?
  /// The byte-level NFC test, with what it learned about code points.
  let quickCheck: NFCQuickCheck

  /// Creates a validator.
  /// - Parameter options: How to check.
  public init(options: UniMorphValidatorOptions = UniMorphValidatorOptions()) {
    self.options = options
    self.normalizer = try? Normalizer(.nfc)
    self.decomposer = try? Normalizer(.nfd)
    self.quickCheck = NFCQuickCheck(normalizer: normalizer)
  }

  /// Checks one file, reporting each problem as it is found.
  /// - Parameters:
  ///   - path: The file (gzip or not), or `-` for standard input.
  ///   - report: Called with each problem (errors and warnings), in the order
  ///     found; warnings about a paradigm come when the paradigm ends.
  /// - Returns: The counts.
  /// - Throws: ``UniMorphError`` (`unreadable`) when the file cannot be
  ///   opened or read; problems in the data are reported, not thrown.
  public func validate(
    path: String, report: (UniMorphError) -> Void
  ) throws(UniMorphError) -> UniMorphValidationSummary {
    let result = withoutActuallyEscaping(report) { report in
      Result { () throws(UniMorphError) in try validate(path: path, escaping: report) }
    }
    return try result.get()
  }

  private func validate(
    path: String, escaping report: @escaping (UniMorphError) -> Void
  ) throws(UniMorphError) -> UniMorphValidationSummary {
    let checker = try RowChecker(validator: self, path: path)
    let run = ValidationRun(validator: self, path: path, report: report)
    let failure =
      options.concurrent && activeProcessorCount() > 1
      ? Self.pipeline(checker, run) : Self.sequence(checker, run)
    run.summary.columnOrder = checker.columnOrder
    run.summary.detected = checker.detected
    run.summary.rows = checker.rows
    run.finish()
    if let failure { throw failure }
    return run.summary
  }

  /// Checks and reports batch after batch on the calling thread.
  /// - Returns: The error that ended the input early, if any.
  private static func sequence(_ checker: RowChecker, _ run: ValidationRun) -> UniMorphError? {
    let batch = CheckedRows()
    repeat {
      checker.fill(batch)
      run.consume(batch)
    } while !batch.isLast
    return batch.failure
  }

  /// Checks rows on a thread of its own while the calling thread reports
  /// them, through a ring of batches.
  /// - Returns: The error that ended the input early, if any.
  private static func pipeline(_ checker: RowChecker, _ run: ValidationRun) -> UniMorphError? {
    let ring = (0..<3).map { _ in CheckedRows() }
    // Both start at 0 (libdispatch traps when a semaphore is released
    // below the value it was made with).
    let free = DispatchSemaphore(value: 0)
    let full = DispatchSemaphore(value: 0)
    for _ in ring { free.signal() }
    let reading = BackgroundThread {
      var next = 0
      repeat {
        free.wait()
        checker.fill(ring[next % ring.count])
        full.signal()
        next += 1
      } while !ring[(next - 1) % ring.count].isLast
    }
    guard let reading else { return sequence(checker, run) }
    var next = 0
    var failure: UniMorphError?
    while true {
      full.wait()
      let batch = ring[next % ring.count]
      run.consume(batch)
      next += 1
      if batch.isLast {
        failure = batch.failure
        break
      }
      free.signal()
    }
    reading.join()
    return failure
  }

  static func isData(_ line: String) -> Bool {
    !line.isEmpty && !line.hasPrefix("#") && !line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0D }
  }

  /// Lower-cased letters and digits of `text`, diacritics removed.
  func folded(_ text: String) -> [Unicode.Scalar] {
    let decomposed = (try? decomposer?.normalize(text)) ?? text
    var result: [Unicode.Scalar] = []
    for scalar in decomposed.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      default:
        continue
      }
    }
    return result
  }
}
