# Ukrainian and Belarusian: the apostrophe between a consonant and a iotated
# vowel is a letter (п'ять); Unicode recommends U+02BC, writers use ' and ’.
name: ukrainian
languages: ukr uk bel be
description: Ukrainian and Belarusian: apostrophe look-alikes unify to ʼ U+02BC; ʼ inside words stays
normalization: nfc
apostrophe: U+02BC
apostrophe-lookalikes: U+0027 U+2019 U+2018 U+00B4 U+0060 U+02B9
letters: U+02BC
hyphens: join
