import LexiformCore
public import LexiformUniMorph

/// Inflects a lemma for a feature bundle: the bridge to a trained
/// inflection model (LexiformInflection's models conform in the CLI), used by
/// morphology-aware translation when the target table lacks a form.
///
/// One inflector is used by one thread at a time.
public protocol LemmaInflector: AnyObject {
  /// The form of `lemma` for `tags`.
  /// - Parameters:
  ///   - lemma: The target-language lemma.
  ///   - tags: The UniMorph features as written in the source table (`V;PST`).
  /// - Returns: The inflected form, or `nil` when the inflector has none.
  func inflect(lemma: String, tags: String) -> String?
}

/// UniMorph tables for morphology-aware translation: the source language's,
/// to analyse a word into lemma + features, and optionally the target
/// language's, to inflect a translated lemma for the same features.
///
/// Features are compared in canonical order (``FeatureBundle/canonicalized(schema:)``),
/// so `PST;V` in one table meets `V;PST` in the other; a bundle that does not
/// parse is compared as written. Lemmas and forms are matched by their
/// folded keys (``KeyFolder``), so case does not matter.
///
/// Immutable once built; threads share it. Memory holds both tables.
public final class MorphologyTables: @unchecked Sendable {
  /// One reading of a source word.
  struct Analysis {
    var lemma: String
    var tags: String
    var canonicalTags: String
  }

  private let analysisIndex = ByteKeyTable(capacity: 1 << 14)
  private var analysisLists: [[Analysis]] = []
  private var targetForms: [String: String] = [:]
  /// Rows read from the source table.
  public private(set) var sourceRows = 0
  /// Rows read from the target table.
  public private(set) var targetRows = 0
  /// Whether a target table was given.
  public let hasTargetTable: Bool
  let sourceFolder: KeyFolder
  let targetFolder: KeyFolder

  /// Reads the tables.
  /// - Parameters:
  ///   - source: The source language's table.
  ///   - target: The target language's table, if any.
  ///   - sourceLocale: The source language (case folding).
  ///   - targetLocale: The target language (case folding).
  /// - Throws: ``UniMorphError`` from reading a table.
  public init(
    source: UniMorphTableReader, target: UniMorphTableReader?, sourceLocale: String, targetLocale: String
  ) throws(UniMorphError) {
    sourceFolder = KeyFolder(locale: sourceLocale)
    targetFolder = KeyFolder(locale: targetLocale)
    hasTargetTable = target != nil
    var canonical: [String: String] = [:]
    func canonicalTags(_ tags: String) -> String {
      if let known = canonical[tags] { return known }
      let made = (try? FeatureBundle(parsing: tags))?.canonicalized().description ?? tags
      canonical[tags] = made
      return made
    }
    while let entry = try source.next() {
      sourceRows += 1
      let key = Array(sourceFolder.key(entry.form).utf8)
      let analysis = Analysis(lemma: entry.lemma, tags: entry.tags, canonicalTags: canonicalTags(entry.tags))
      key.withUnsafeBytes { bytes in
        if let list = analysisIndex.value(for: bytes) {
          analysisLists[list].append(analysis)
        } else {
          analysisIndex.insert(bytes, value: analysisLists.count)
          analysisLists.append([analysis])
        }
      }
    }
    if let target {
      while let entry = try target.next() {
        targetRows += 1
        let key = targetFolder.key(entry.lemma) + "\t" + canonicalTags(entry.tags)
        if targetForms[key] == nil { targetForms[key] = entry.form }
      }
    }
  }

  /// The readings of a source word given by its folded key, in table order.
  func analyses(ofKey key: UnsafeRawBufferPointer) -> [Analysis]? {
    analysisIndex.value(for: key).map { analysisLists[$0] }
  }

  /// The readings of a source word.
  /// - Parameter word: The word, any case.
  /// - Returns: (lemma, features) pairs in table order; empty when the table lacks the word.
  public func analyses(of word: String) -> [(lemma: String, tags: String)] {
    let key = Array(sourceFolder.key(word).utf8)
    return key.withUnsafeBytes { analyses(ofKey: $0) ?? [] }.map { ($0.lemma, $0.tags) }
  }

  /// The target table's form of a lemma for canonical features.
  func targetForm(lemma: String, canonicalTags: String) -> String? {
    targetForms[targetFolder.key(lemma) + "\t" + canonicalTags]
  }

  /// The target table's form of a lemma for some features.
  /// - Parameters:
  ///   - lemma: The target lemma, any case.
  ///   - tags: The features, in any order.
  /// - Returns: The form, or `nil` when the table does not have it.
  public func targetForm(lemma: String, tags: String) -> String? {
    let canonical = (try? FeatureBundle(parsing: tags))?.canonicalized().description ?? tags
    return targetForm(lemma: lemma, canonicalTags: canonical)
  }
}
