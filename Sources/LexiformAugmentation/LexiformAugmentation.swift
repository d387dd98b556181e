/// Lexicon-based synthetic training data (issue 7).
///
/// - Inflection-data hallucination (``Hallucinator``): Anastasopoulos &
///   Neubig 2019, https://aclanthology.org/D19-1091 — the stem shared by a
///   lemma and its form, found by longest common substrings, is replaced by
///   random letters of the language.
///
/// Text is handled as Unicode grapheme clusters after NFC normalization
/// (UAX #15, UAX #29 as implemented by the Swift standard library's
/// `Character`). Randomness comes from ``SeededRandom`` streams derived from
/// the seed and the record's index, so output never depends on threads.
public enum LexiformAugmentation {}
