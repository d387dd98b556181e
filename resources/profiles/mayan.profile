# Kʼicheʼ and other Mayan languages of Guatemala and Mexico, in the ALMG and
# similar orthographies: the glottal stop and glottalized consonants are written
# with an apostrophe letter (U+02BC), often typed as ' or ’.
name: mayan
languages: quc cak tzj kek mam yua poh poc acr ixl
description: Mayan orthographies: ʼ (and ' ’ typed for it) is a letter anywhere in a word
normalization: nfc
apostrophe: U+02BC
apostrophe-lookalikes: U+0027 U+2019 U+2018 U+00B4 U+0060 U+02B9 U+02C8 U+A78C
letters: U+02BC U+0027 U+2019 U+02C6..U+02CB U+02E5..U+02E9 U+A700..U+A71F
hyphens: join
