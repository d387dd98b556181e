#!/usr/bin/env python3
"""Builds the multi-script corpus for the tokenization benchmark.

    tools/make-token-corpus.py OUT SIZE_MB BIBLE_DIR

Writes OUT with at least SIZE_MB x 1,000,000 bytes of UTF-8 lines: the verses
of every CES XML Bible in BIBLE_DIR (one verse per line), and lines in scripts
written without spaces (Thai, Lao, Khmer, Myanmar, Chinese, Japanese), which
need ICU's dictionaries. Those lines are made from text that ICU ships: the
names of languages, countries, months and weekdays in each of those
languages (through PyICU), strung into phrases the way each script writes
them. About two thirds of the bytes are verses, one third dictionary
scripts. Deterministic: the same inputs give the same file. Nothing is
downloaded. Needs PyICU (tools/benchmark.sh installs it in tools/.venv).
"""
import html
import random
import re
import sys
from pathlib import Path

import icu

DICTIONARY_LANGUAGES = {
    # language: (phrase joiner, sentence end)
    "th": ("", " "),
    "lo": ("", " "),
    "km": ("", "។ "),
    "my": ("", "။ "),
    "zh": ("", "。"),
    "ja": ("", "。"),
}


def verses(path):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"<seg\b[^>]*>(.*?)</seg>", text, re.S):
        verse = " ".join(html.unescape(match.group(1)).split())
        if verse:
            yield verse


def icu_words(language):
    """Names of languages, countries, months and weekdays in `language`, from ICU's data."""
    target = icu.Locale(language)
    words = set()
    for locale in icu.Locale.getAvailableLocales().values():
        for name in (locale.getDisplayLanguage(target), locale.getDisplayCountry(target)):
            if name and not re.search(r"[A-Za-z0-9()]", name):
                words.add(name)
    symbols = icu.DateFormatSymbols(target)
    for name in list(symbols.getMonths()) + list(symbols.getWeekdays()) + list(symbols.getShortMonths()):
        if name and not re.search(r"[A-Za-z0-9]", name):
            words.add(name)
    return sorted(words)


def dictionary_lines(rng, count_bytes):
    pools = {lang: icu_words(lang) for lang in DICTIONARY_LANGUAGES}
    lines = []
    total = 0
    languages = sorted(pools)
    while total < count_bytes:
        lang = languages[len(lines) % len(languages)]
        joiner, end = DICTIONARY_LANGUAGES[lang]
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(joiner.join(rng.choice(pools[lang]) for _ in range(rng.randint(4, 10))) + end)
        line = "".join(sentences).strip()
        lines.append(line)
        total += len(line.encode()) + 1
    return lines


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    out, size_mb, bible_dir = Path(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3])
    target = int(size_mb * 1_000_000)
    rng = random.Random(15924)
    bible = []
    for path in sorted(bible_dir.glob("*.xml")):
        bible.extend(verses(path))
    if not bible:
        sys.exit(f"make-token-corpus: no verses in {bible_dir}/*.xml")
    bible_bytes = sum(len(v.encode()) + 1 for v in bible)
    dictionary = dictionary_lines(rng, bible_bytes // 2)
    block = bible + dictionary
    temporary = out.with_name(out.name + ".tmp")
    written = 0
    with open(temporary, "w", encoding="utf-8") as handle:
        while written < target:
            rng.shuffle(block)
            for line in block:
                handle.write(line + "\n")
                written += len(line.encode()) + 1
                if written >= target:
                    break
    temporary.replace(out)
    print(f"make-token-corpus: {out}: {written} bytes, {len(bible)} verses and {len(dictionary)} dictionary-script lines per round", file=sys.stderr)


if __name__ == "__main__":
    main()
