#!/usr/bin/env python3
"""Builds the corpus and the lexicon for the augmentation benchmark.

    tools/make-augment-corpus.py CORPUS SIZE_MB LEXICON ENTRIES

Writes CORPUS, at least SIZE_MB x 1,000,000 bytes of English-like sentences
(one per line: a capitalized first word, Zipf-distributed words, commas,
numbers, a final stop), and LEXICON, a TSV bilingual lexicon
(`source<TAB>target<TAB>score` with a header) of ENTRIES lines: the most
frequent source words with made-up translations, about a tenth of them
multiword headwords (pairs and triples of frequent words), about a fifth of
the words with two or three scored translations. Words are strings of
syllables, so that the lexicon covers the frequent words and misses the rare
ones, as real lexicons do (token coverage about 90%).

Deterministic: the same arguments give the same files. Standard library only.
"""
import random
import sys

ONSETS = ["", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "br", "ch", "st", "tr", "sh", "th", "pl", "gr"]
NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st"]


def make_words(rng, count):
    seen = set()
    words = []
    while len(words) < count:
        syllables = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
        word = "".join(rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(syllables))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    corpus_path, size_mb, lexicon_path, entries = sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    rng = random.Random(20221)
    vocabulary_size = max(entries * 2, 1000)
    source = make_words(rng, vocabulary_size)
    target = make_words(random.Random(7), vocabulary_size + entries)
    # Zipf weights, s = 1.
    cumulative = []
    total = 0.0
    for rank in range(1, vocabulary_size + 1):
        total += 1.0 / rank
        cumulative.append(total)

    phrases = max(entries // 10, 1)
    singles = entries - phrases
    with open(lexicon_path, "w", encoding="utf-8") as out:
        out.write("source\ttarget\tscore\n")
        lines = 0
        t = 0
        for i in range(singles):
            if lines >= singles:
                break
            alternatives = 1 if rng.random() < 0.8 else rng.choice([2, 3])
            for a in range(alternatives):
                if lines >= singles:
                    break
                score = round(rng.uniform(0.1, 1.0), 3)
                out.write(f"{source[i]}\t{target[t]}\t{score}\n")
                t += 1
                lines += 1
        for p in range(phrases):
            length = 2 if rng.random() < 0.8 else 3
            words = [source[rng.randrange(300)] for _ in range(length)]
            translation = " ".join(target[(t + k) % len(target)] for k in range(rng.choice([1, 2])))
            t += 1
            out.write(f"{' '.join(words)}\t{translation}\t\n")

    limit = int(size_mb * 1_000_000)
    written = 0
    import bisect
    with open(corpus_path, "w", encoding="utf-8") as out:
        while written < limit:
            length = rng.randint(5, 22)
            words = []
            for k in range(length):
                r = rng.random()
                if r < 0.03:
                    words.append(str(rng.randint(1, 2030)))
                    continue
                word = source[bisect.bisect_left(cumulative, rng.random() * total)]
                if r > 0.995:
                    word = word.upper()
                elif r > 0.97:
                    word = word.capitalize()
                words.append(word)
                if k < length - 1 and rng.random() < 0.06:
                    words[-1] += ","
            words[0] = words[0][:1].upper() + words[0][1:]
            line = " ".join(words) + rng.choice([".", ".", ".", "?", "!"]) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
