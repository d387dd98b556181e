// LexiformEvaluation: scoring of inflection predictions exactly as the shared
// tasks' official scripts do.
//
// Follows CoNLL–SIGMORPHON 2017 evalm.py (task 1: exact-match accuracy and
// mean Levenshtein distance, its line stripping, its map from lemma and bundle
// to form, its empty-string handling of missing predictions, its rounding) and
// the SIGMORPHON–UniMorph 2022 evaluate.py used again in 2023 (the
// partitions by whether the lemma and the bundle were seen in training, NFC
// comparison on request). Adds per part of speech and per bundle scores,
// macro averages over languages, and an SVG chart.
//
// What it does not do: 2017 task 2 (paradigm accuracy), or scoring n-best
// lists (only the first prediction per lemma and bundle counts).

/// Scoring of inflection predictions as the SIGMORPHON shared tasks do it.
public enum LexiformEvaluation {}
