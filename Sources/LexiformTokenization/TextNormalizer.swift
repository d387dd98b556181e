public import LexiformUnicode

/// What ``TextNormalizer`` does to each line, besides its normalization form.
public struct TextNormalizerOptions: Hashable, Sendable {
  /// Case mapping, by the language's rules (Turkish and Azerbaijani dotted
  /// and dotless i, Lithuanian, Greek final sigma).
  public enum CaseMapping: String, Hashable, Sendable, CaseIterable {
    /// Keep the case.
    case keep
    /// Lowercase.
    case lower
    /// Uppercase.
    case upper
    /// Case-fold for caseless matching (Turkic folding for `tr` and `az`).
    case fold
  }

  /// The normalization form. Default ``NormalizationForm/nfc``.
  public var form: NormalizationForm
  /// The language (ISO 639 code), for case mapping and the apostrophe letter.
  /// Default `nil`.
  public var language: String?
  /// Turn apostrophe look-alikes next to a letter into the apostrophe letter
  /// of the language's profile. Default `false`.
  public var unifiesApostrophes: Bool
  /// Remove format characters (General_Category Cf: soft hyphens, bidi
  /// marks, zero-width spaces, BOMs), keeping ZWJ and ZWNJ after a
  /// character of a script that uses them (Arabic, Syriac, Brahmic scripts
  /// and others that join) and ZWJ in emoji sequences. Default `false`.
  public var removesFormatCharacters: Bool
  /// Turn each run of whitespace into one space and trim both ends. Default `false`.
  public var collapsesWhitespace: Bool
  /// Case mapping. Default ``CaseMapping/keep``.
  public var caseMapping: CaseMapping

  /// Creates options.
  /// - Parameters:
  ///   - form: The normalization form.
  ///   - language: The language, an ISO 639 code.
  ///   - unifiesApostrophes: Unify apostrophe look-alikes.
  ///   - removesFormatCharacters: Remove format characters.
  ///   - collapsesWhitespace: Collapse whitespace.
  ///   - caseMapping: Case mapping.
  public init(
    form: NormalizationForm = .nfc, language: String? = nil, unifiesApostrophes: Bool = false,
    removesFormatCharacters: Bool = false, collapsesWhitespace: Bool = false, caseMapping: CaseMapping = .keep
  ) {
    self.form = form
    self.language = language
    self.unifiesApostrophes = unifiesApostrophes
    self.removesFormatCharacters = removesFormatCharacters
    self.collapsesWhitespace = collapsesWhitespace
    self.caseMapping = caseMapping
  }
}

/// Normalizes lines: a Unicode normalization form, then the optional steps
/// of ``TextNormalizerOptions`` in the order format characters, apostrophes,
/// whitespace, case, and the form again if case mapping changed anything.
/// Counts the lines it changed. A ``LineTransformer``.
public final class TextNormalizer: LineTransformer {
  /// What this normalizer does.
  public let options: TextNormalizerOptions
  /// How many lines were changed so far.
  public private(set) var changedLines = 0
  /// How many lines were seen so far.
  public private(set) var lines = 0
  private let normalizer: Normalizer
  private let apostrophe: Unicode.Scalar?
  private let lookalikes: Set<UInt32>
  private let locale: String

  /// Scripts in which ZWJ and ZWNJ change how letters join or conjuncts form.
  static let joiningScripts: Set<ScriptCode> = Set(
    [
      "Arab", "Syrc", "Nkoo", "Mong", "Phag", "Mand", "Mani", "Adlm", "Rohg", "Deva", "Beng", "Guru", "Gujr",
      "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Tibt", "Mymr", "Khmr", "Bali", "Java", "Sund", "Thaa",
    ].compactMap { ScriptCode(iso15924: $0) })

  /// Creates a normalizer.
  /// - Parameter options: What to do.
  /// - Throws: ``TokenizationError`` (`unicode`) if ICU has no data for the form.
  public init(options: TextNormalizerOptions) throws(TokenizationError) {
    self.options = options
    do { normalizer = try Normalizer(options.form) } catch { throw TokenizationError(error) }
    let profile = options.language.flatMap(OrthographyProfile.forLanguage) ?? .default
    apostrophe = profile.apostrophe.flatMap(Unicode.Scalar.init)
    lookalikes = Set(profile.apostropheLookalikes)
    locale = options.language.map(LanguageScripts.baseLanguage) ?? ""
  }

  /// Normalizes one line.
  /// - Parameter line: The line, without its terminator.
  /// - Returns: The normalized line.
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func normalize(_ line: String) throws(TokenizationError) -> String {
    do {
      var text = try normalizer.normalize(line)
      // Format characters go first: a soft hyphen or zero-width space
      // between a letter and an apostrophe look-alike would otherwise hide
      // the letter until the next run (normalizing twice must change nothing).
      if options.removesFormatCharacters { text = removeFormatCharacters(text) }
      if options.unifiesApostrophes, let apostrophe, !lookalikes.isEmpty { text = unify(text, apostrophe) }
      if options.collapsesWhitespace { text = collapseWhitespace(text) }
      let cased: String
      switch options.caseMapping {
      case .keep: cased = text
      case .lower: cased = try LexiformUnicode.CaseMapping.lowercase(text, locale: locale)
      case .upper: cased = try LexiformUnicode.CaseMapping.uppercase(text, locale: locale)
      case .fold: cased = try LexiformUnicode.CaseMapping.fold(text, locale: locale)
      }
      if !cased.utf8.elementsEqual(text.utf8) { text = try normalizer.normalize(cased) }
      return text
    } catch {
      throw TokenizationError(error)
    }
  }

  /// Normalizes one line and appends it with a `\n`, counting it if it changed.
  /// - Parameters:
  ///   - line: The line's bytes, valid UTF-8.
  ///   - output: Receives the normalized line.
  /// - Throws: ``TokenizationError`` if ICU fails.
  public func transform(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
    lines += 1
    let text = try normalize(String(decoding: line, as: UTF8.self))
    let before = output.count
    output.append(contentsOf: text.utf8)
    if !output[before...].elementsEqual(line) { changedLines += 1 }
    output.append(0x0A)
  }

  private func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    let category = GeneralCategory.of(scalar)
    return category.isLetter || category.isMark
  }

  /// Turns look-alikes next to a letter into the apostrophe letter. Since
  /// the apostrophe is itself a letter, a run of look-alikes (`’’`) is
  /// turned as a whole when it touches a letter, or when it is longer than
  /// one and holds a look-alike that is a letter (U+02BC): one pass gives
  /// what repeating the letter-neighbour rule would, so the result is
  /// stable when normalized again.
  private func unify(_ text: String, _ apostrophe: Unicode.Scalar) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      guard lookalikes.contains(scalars[i].value) else {
        out.append(scalars[i])
        i += 1
        continue
      }
      var end = i
      while end < scalars.count, lookalikes.contains(scalars[end].value) { end += 1 }
      let run = scalars[i..<end]
      let touchesLetter = isLetter(i > 0 ? scalars[i - 1] : nil) || isLetter(end < scalars.count ? scalars[end] : nil)
      if touchesLetter || (run.count > 1 && run.contains(where: { isLetter($0) })) {
        out.append(contentsOf: repeatElement(apostrophe, count: run.count))
      } else {
        out.append(contentsOf: run)
      }
      i = end
    }
    return String(out)
  }

  private func removeFormatCharacters(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      guard GeneralCategory.of(scalar) == .format else {
        out.append(scalar)
        previous = scalar
        continue
      }
      if scalar == "\u{200D}" || scalar == "\u{200C}", let previous {
        let scripts = ScriptCode.extensions(of: previous)
        if scripts.contains(where: Self.joiningScripts.contains)
          || (scalar == "\u{200D}" && previous.properties.isEmoji && previous.value > 0xFF)
        {
          out.append(scalar)
        }
      }
    }
    return String(out)
  }

  private func collapseWhitespace(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if UnicodeProperty.whiteSpace.holds(for: scalar) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace { out.append(" ") }
      pendingSpace = false
      out.append(scalar)
    }
    return String(out)
  }
}
