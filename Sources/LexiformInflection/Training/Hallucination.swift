import LexiformAugmentation
import LexiformCore

/// Data hallucination for low-resource training (Anastasopoulos & Neubig
/// 2019, EMNLP, "Pushing the Limits of Low-Resource Morphological
/// Inflection"), through ``Hallucinator`` of `LexiformAugmentation`.
enum Hallucination {
  /// About `count` synthetic triples made from `examples`: each real triple
  /// gives ⌈count / n⌉ (capped at 50) whose stems are replaced by random
  /// letters; a seeded shuffle keeps `count` of them when there are more.
  /// - Returns: The synthetic triples (none when no triple has a stem).
  static func hallucinate(_ examples: [InflectionExample], count: Int, seed: UInt64) -> [InflectionExample] {
    guard count > 0, !examples.isEmpty else { return [] }
    let perTriple = min(50, (count + examples.count - 1) / examples.count)
    let triples = examples.map { InflectionTriple(lemma: $0.lemma, form: $0.form ?? "", tags: $0.tags) }
    let options = HallucinationOptions(count: perTriple, seed: seed)
    guard let hallucinator = try? Hallucinator(learningFrom: triples, options: options) else { return [] }
    var made = hallucinator.hallucinate(triples).triples.map {
      InflectionExample(lemma: $0.lemma, tags: $0.tags, form: $0.form)
    }
    if made.count > count {
      var random = SeededRandom(seed: seed, stream: 0x4841_4C4C)
      random.shuffle(&made)
      made.removeLast(made.count - count)
    }
    return made
  }
}
