// LexiformTokenization: script-aware tokenization (see issue 3).
