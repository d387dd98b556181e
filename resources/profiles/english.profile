# English contractions split as in the Penn Treebank: don't → do n't, John's → John 's.
name: english
languages: eng en
description: English: contractions split as in the Penn Treebank (do n't, John 's)
normalization: nfc
suffix-clitics: n't 's 're 've 'll 'd 'm
hyphens: join
