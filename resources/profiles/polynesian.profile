# Hawaiian, Tahitian, Samoan, Tongan and other Polynesian languages: the
# glottal stop ʻokina (U+02BB) is a letter, often typed as ‘ or '.
name: polynesian
languages: haw ty tah sm smo to ton mi mri rar
description: Polynesian orthographies: ʻokina U+02BB (and ‘ ' typed for it) is a letter anywhere in a word
normalization: nfc
apostrophe: U+02BB
apostrophe-lookalikes: U+2018 U+0027 U+2019 U+0060 U+00B4 U+02BC
letters: U+02BB U+2018 U+0027
hyphens: join
