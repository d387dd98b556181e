# Chinantec, Mixtec, Zapotec, Otomi, Mazatec and other Otomanguean
# orthographies, which write tone with superscript numbers, tone letters and
# modifier letters (ˆ ˋ ˊ ˉ ꜗ), and the glottal stop with the saltillo Ꞌ ꞌ.
name: otomanguean
languages: chq cso chz cnl cco cpa cuc mix zap ote oto maa mau mxt mig
description: Otomanguean orthographies: tone letters, superscript tone numbers and saltillo stay inside words
normalization: nfc
apostrophe: U+A78C
apostrophe-lookalikes: U+0027 U+2019 U+02BC
letters: U+A78B U+A78C U+02BC U+0027 U+02C6..U+02CB U+02E5..U+02E9 U+A700..U+A71F U+00B9 U+00B2 U+00B3 U+2070..U+2079
hyphens: join
