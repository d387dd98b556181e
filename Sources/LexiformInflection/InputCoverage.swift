/// Counts what a model has not seen in the inputs it is asked to inflect:
/// characters outside its alphabet (copied through by every model) and
/// feature bundles with a feature, or for the baseline a whole bundle, it
/// does not know.
///
/// Works from a model file's header, so it applies to every kind of model:
/// a character is known if it is in the alphabet as a symbol, or all of its
/// Unicode scalars are; a bundle is known if it is in the feature list as a
/// whole, or every feature of it (split at `;` and `,` outside and inside
/// layers, with layer heads such as `NOM(` counted as `NOM`) is.
public struct InputCoverage: Sendable {
  /// Inputs checked.
  public private(set) var inputs = 0
  /// Inputs with at least one unknown character.
  public private(set) var inputsWithUnknownCharacters = 0
  /// Unknown characters, counted once each, in order of appearance.
  public private(set) var unknownCharacters: [String] = []
  /// Inputs whose bundle has an unknown feature.
  public private(set) var inputsWithUnknownFeatures = 0
  /// Unknown features (or bundles), counted once each, in order of appearance.
  public private(set) var unknownFeatures: [String] = []

  private let alphabet: Set<String>
  private let features: Set<String>
  /// Whether the model's features are whole bundles (the baseline's).
  private let featuresAreBundles: Bool
  private var seenCharacters: Set<String> = []
  private var seenFeatures: Set<String> = []

  /// Creates a counter for a model.
  /// - Parameter header: The model's header.
  public init(header: ModelHeader) {
    alphabet = Set(header.alphabet)
    features = Set(header.features)
    featuresAreBundles = header.features.contains { $0.contains(";") }
  }

  /// Checks one input.
  /// - Parameters:
  ///   - lemma: The lemma.
  ///   - tags: The bundle as written.
  public mutating func check(lemma: String, tags: String) {
    inputs += 1
    var unknownHere = false
    for c in lemma {
      let s = String(c)
      if alphabet.contains(s) || c.unicodeScalars.allSatisfy({ alphabet.contains(String($0)) }) { continue }
      unknownHere = true
      if seenCharacters.insert(s).inserted { unknownCharacters.append(s) }
    }
    if unknownHere { inputsWithUnknownCharacters += 1 }
    guard !features.contains(tags) else { return }
    var missing: [String] = []
    var current = ""
    for c in tags {
      if c == ";" || c == "," || c == "(" || c == ")" {
        if !current.isEmpty && !features.contains(current) { missing.append(current) }
        current = ""
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty && !features.contains(current) { missing.append(current) }
    // A baseline knows bundles only: an unknown bundle is one unknown item.
    if missing.isEmpty { return }
    inputsWithUnknownFeatures += 1
    let items = featuresAreBundles ? [tags] : missing
    for item in items where seenFeatures.insert(item).inserted { unknownFeatures.append(item) }
  }

  /// A one-line summary for stderr, or `nil` when everything was known.
  public var summary: String? {
    guard inputsWithUnknownCharacters > 0 || inputsWithUnknownFeatures > 0 else { return nil }
    var parts: [String] = []
    if inputsWithUnknownCharacters > 0 {
      parts.append(
        "\(inputsWithUnknownCharacters) of \(inputs) inputs have characters the model has not seen, copied through ("
          + unknownCharacters.prefix(10).joined(separator: " ") + (unknownCharacters.count > 10 ? " …" : "") + ")")
    }
    if inputsWithUnknownFeatures > 0 {
      parts.append(
        "\(inputsWithUnknownFeatures) of \(inputs) inputs have features the model has not seen ("
          + unknownFeatures.prefix(5).joined(separator: " ") + (unknownFeatures.count > 5 ? " …" : "") + ")")
    }
    return parts.joined(separator: "; ")
  }
}
