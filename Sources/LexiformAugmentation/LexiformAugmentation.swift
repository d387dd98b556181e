/// Lexicon-based synthetic training data (issue 7).
///
/// - Word-by-word translation (``RecordAugmenter``, ``TranslationTable``):
///   Wang, Ruder & Neubig 2022, https://aclanthology.org/2022.acl-long.61 —
///   greedy longest match over multiword lexicon entries, lookup ignoring
///   case by the source language's rules, translations cased like the
///   source, punctuation and numbers kept, unknown words kept or dropped.
/// - Code-switching: CoSDA-ML, Qin et al. 2020,
///   https://www.ijcai.org/proceedings/2020/533 — records picked with
///   probability α, words with β, languages drawn from the lexicons.
/// - Labels carried through: CoNLL token-per-line files with BIO/IOB2 labels
///   (Ramshaw & Marcus 1995; Tjong Kim Sang & Veenstra 1999, IOB2) and
///   MASSIVE JSON lines (FitzGerald et al. 2023,
///   https://aclanthology.org/2023.acl-long.235) with `[slot : words]`.
/// - Morphology-aware translation (``MorphologyTables``, ``LemmaInflector``):
///   UniMorph tables (schema of Sylak-Glassman 2016 and UniMorph 4.0)
///   analyse a source word, the lemma is translated and inflected for the
///   same features by the target table or an inflection model.
/// - Inflection-data hallucination (``Hallucinator``): Anastasopoulos &
///   Neubig 2019, https://aclanthology.org/D19-1091 — the stem shared by a
///   lemma and its form, found by longest common substrings, is replaced by
///   random letters of the language.
///
/// Text is handled as Unicode grapheme clusters after NFC normalization
/// (UAX #15, UAX #29 as implemented by the tokenization layer and the Swift
/// standard library's `Character`). Randomness comes from ``SeededRandom``
/// streams derived from the seed and the record's number, so output never
/// depends on threads or shards.
///
/// Not done: reordering, agreement or any syntax (the translation is word by
/// word, as in the paper); BIOES/IOBES labels are copied like other labels;
/// lexicon entries' own inflected-form lists are not sources (UniMorph tables
/// are used for inflection instead).
public enum LexiformAugmentation {}
