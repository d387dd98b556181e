/// The schema's open families of features (Sylak-Glassman 2016 §5.3, §5.14,
/// §5.21), matched by shape rather than listed.
extension UniMorphSchema {
  /// Argument roles in `ARG…` labels: the two-letter abbreviations of the
  /// 2016 document (`ARGNO1S`), plus `IO` (indirect object) as UniMorph's
  /// Basque tables use it.
  static let argumentRoleAbbreviations = ["NO", "AC", "AB", "ER", "DA", "BE", "IO"]

  /// The parts that may follow the role in `ARG…` labels: person, number
  /// (short and full), gender, politeness and clusivity.
  static let argumentParts = [
    "INCL", "EXCL", "MASC", "NEUT", "INFM", "FORM", "FEM", "TRI", "SG", "DU", "PL",
    "0", "1", "2", "3", "4", "S", "D", "P",
  ]

  /// Whether `rest`, the label after the template's prefix, fits the template.
  static func matchesTemplate(_ prefix: String, rest: Substring, schema: UniMorphSchema) -> Bool {
    switch prefix {
    case "LGSPEC":
      // LGSPEC1, LGSPEC2, … (leading zeros as in LGSPEC01 are tolerated).
      return !rest.isEmpty && rest.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        && rest.utf8.contains { $0 != 0x30 }
    case "ARG":
      return matchesArgument(rest, schema: schema)
    case "PSS":
      return matchesPossessor(rest)
    default:
      return false
    }
  }

  /// `ARG` + optional role + one or more parts: ARGNO1S, ARGAC3S, ARGERG3,
  /// ARGABSSG, ARGIOFEM, ARG1, ARGINCL.
  private static func matchesArgument(_ rest: Substring, schema: UniMorphSchema) -> Bool {
    guard !rest.isEmpty else { return false }
    if splitsIntoParts(rest) { return true }
    for role in schema.argumentRoles where rest.hasPrefix(role) {
      let after = rest.dropFirst(role.count)
      if !after.isEmpty && splitsIntoParts(after) { return true }
    }
    return false
  }

  /// Whether `text` is a sequence of ``argumentParts`` (with backtracking:
  /// `SG` and `S`+`G` are both tried).
  private static func splitsIntoParts(_ text: Substring) -> Bool {
    if text.isEmpty { return true }
    for part in argumentParts where text.hasPrefix(part) {
      if splitsIntoParts(text.dropFirst(part.count)) { return true }
    }
    return false
  }

  /// `PSS` + person (0–4) + optional number (S, D, P) + optional clusivity
  /// (I, E), gender (M, F) or politeness (INFM, FORM): PSS1S, PSS1PE,
  /// PSS2SINFM, PSS3.
  private static func matchesPossessor(_ rest: Substring) -> Bool {
    var text = rest
    guard let person = text.first, "01234".contains(person) else { return false }
    text = text.dropFirst()
    if let number = text.first, "SDP".contains(number) { text = text.dropFirst() }
    if text.isEmpty { return true }
    return ["I", "E", "M", "F", "INFM", "FORM"].contains(String(text))
  }
}
