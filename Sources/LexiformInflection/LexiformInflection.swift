// LexiformInflection: SIGMORPHON-style morphological inflection.
//
// Data/: SIGMORPHON files in every layout of the shared tasks since 2017
// (CoNLL–SIGMORPHON 2017, Cotterell et al. 2017, https://aclanthology.org/K17-2001:
// lemma<TAB>form<TAB>tags, as in 2018–2021; SIGMORPHON–UniMorph 2022 and 2023,
// Goldman et al. 2023, https://aclanthology.org/2023.sigmorphon-1.13:
// lemma<TAB>tags<TAB>form), covered files, layered UniMorph 4.0 bundles
// (through LexiformUniMorph), NFC (UAX #15).
// InflectionModel / ModelFile: one interface for every model, and versioned,
// self-describing model files.
// Baseline/: the shared tasks' non-neural baseline (Cotterell et al. 2017 §4;
// the 2020–2023 non-neural baseline).
// Scoring is in LexiformEvaluation.
//
// What it does not do: the 2016 layout (lemma<TAB>key=value tags), paradigm
// completion (2017 task 2), or reinflection from a form other than the lemma.

/// SIGMORPHON-style inflection: data, models, model files.
public enum LexiformInflection {}
