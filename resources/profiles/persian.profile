# Persian, Dari, Tajik in Arabic script, Urdu, Pashto, Kurdish (Sorani): the
# zero-width non-joiner is part of the word (می‌خواهم) and must not be removed.
name: persian
languages: fas fa pes prs urd ur pus ps ckb
description: Persian and related orthographies: ZWNJ stays inside words, Arabic-script normalization NFC
normalization: nfc
hyphens: join
