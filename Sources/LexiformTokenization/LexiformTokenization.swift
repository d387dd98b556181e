// LexiformTokenization: Unicode normalization, script identification and
// script-aware tokenization for any language.
//
// Follows UAX #29 (Unicode Text Segmentation, revision 41, Unicode 15.0 as in
// ICU 72) for word boundaries, with ICU's dictionaries for Thai, Lao, Khmer,
// Myanmar, Chinese and Japanese; UAX #15 (revision 53) for normalization; UAX
// #24 (Script property and Script_Extensions) for scripts. Orthography
// profiles (resources/profiles) add what UAX #29 cannot know about a
// language: apostrophe and tone letters, hyphenated words, clitics.
//
// What it does not do: sentence splitting, subword units (BPE, unigram),
// transliteration, or language identification (it checks scripts against the
// scripts a language is expected to use, nothing more).
