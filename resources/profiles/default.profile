# The profile for every language that has none of its own.
name: default
description: NFC; modifier-letter apostrophes, ʻokina, saltillo and tone letters are letters; hyphenated words stay whole
normalization: nfc
# U+02BC modifier letter apostrophe, U+02BB ʻokina, U+A78B/U+A78C saltillo,
# U+02C6..U+02CB modifier circumflex, macron, acute, grave (Otomanguean tone
# marks), U+02E5..U+02E9 tone bars, U+A700..U+A71F modifier tone letters.
letters: U+02BC U+02BB U+A78B U+A78C U+02C6..U+02CB U+02E5..U+02E9 U+A700..U+A71F
hyphens: join
