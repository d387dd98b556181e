public import LexiformUniMorph

/// A named column layout of SIGMORPHON inflection files, as accepted by
/// `--columns`.
///
/// | preset | columns | shared task |
/// | --- | --- | --- |
/// | `2017` … `2021`, `lemma-form-tags` | lemma, form, tags | CoNLL–SIGMORPHON 2017 (Cotterell et al. 2017, https://aclanthology.org/K17-2001), 2018, SIGMORPHON 2019–2021 |
/// | `2022`, `2023`, `lemma-tags-form` | lemma, tags, form | SIGMORPHON–UniMorph 2022 (Kodner et al. 2022) and 2023 (Goldman et al. 2023, https://aclanthology.org/2023.sigmorphon-1.13) |
///
/// Covered files leave the form out: 2017's `covered-test` keeps an empty
/// form column (`lemma<TAB><TAB>tags`), 2022/2023's `.covered.tst` drops it
/// (`lemma<TAB>tags`). The reader accepts both with any preset.
public enum SIGMORPHONColumns: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// `lemma<TAB>form<TAB>tags`.
  case lemmaFormTags = "lemma-form-tags"
  /// `lemma<TAB>tags<TAB>form`.
  case lemmaTagsForm = "lemma-tags-form"
  /// CoNLL–SIGMORPHON 2017: lemma, form, tags.
  case sigmorphon2017 = "2017"
  /// CoNLL–SIGMORPHON 2018: lemma, form, tags.
  case sigmorphon2018 = "2018"
  /// SIGMORPHON 2019 task 1: lemma, form, tags.
  case sigmorphon2019 = "2019"
  /// SIGMORPHON 2020 task 0: lemma, form, tags.
  case sigmorphon2020 = "2020"
  /// SIGMORPHON 2021 task 0: lemma, form, tags.
  case sigmorphon2021 = "2021"
  /// SIGMORPHON–UniMorph 2022: lemma, tags, form.
  case sigmorphon2022 = "2022"
  /// SIGMORPHON–UniMorph 2023: lemma, tags, form.
  case sigmorphon2023 = "2023"

  /// The column order this preset names.
  public var order: UniMorphColumnOrder {
    switch self {
    case .lemmaTagsForm, .sigmorphon2022, .sigmorphon2023: return .lemmaTagsForm
    default: return .lemmaFormTags
    }
  }

  /// The preset's name.
  public var description: String { rawValue }
}

/// The layout of one SIGMORPHON file as the reader found it.
public struct SIGMORPHONLayout: Hashable, Sendable, CustomStringConvertible {
  /// The column order, or `nil` when the file cannot tell (a covered file
  /// with two columns only, `lemma<TAB>tags`, which both orders share).
  public var order: UniMorphColumnOrder?
  /// Whether the order was detected from the file (`true`) or given.
  public var detected: Bool
  /// Whether the file has two columns only (the form column absent), as the
  /// 2022/2023 `.covered.tst` files.
  public var formColumnAbsent: Bool

  /// Creates a layout.
  /// - Parameters:
  ///   - order: The column order, or `nil` if unknown.
  ///   - detected: Whether it was detected.
  ///   - formColumnAbsent: Whether rows have two columns only.
  public init(order: UniMorphColumnOrder?, detected: Bool, formColumnAbsent: Bool = false) {
    self.order = order
    self.detected = detected
    self.formColumnAbsent = formColumnAbsent
  }

  /// For reports: `lemma-tags-form (detected)`, `lemma-form-tags (given)`,
  /// `lemma-tags (covered; order unknown)`.
  public var description: String {
    guard let order else { return "lemma-tags (covered; column order unknown)" }
    return "\(order.rawValue) (\(detected ? "detected" : "given")\(formColumnAbsent ? ", form column absent" : ""))"
  }
}
