/* The floor for ICU-based tokenization: for each line of FILE, UTF-8 to
 * UTF-16 (u_strFromUTF8), NFC (unorm2_normalize), word boundaries (ubrk_next),
 * counting the segments that are not all whitespace. Prints tokens=N lines=M.
 * It writes no tokens: what Lexiform does beyond this is its own cost.
 *
 *   gcc -O2 -o tokenize_floor tokenize_floor.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: tokenize_floor FILE\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
  UBreakIterator *words = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
  if (U_FAILURE(status)) {
    fprintf(stderr, "ICU: %s\n", u_errorName(status));
    return 1;
  }
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  int32_t utf16Capacity = 1 << 16;
  UChar *utf16 = malloc(sizeof(UChar) * utf16Capacity);
  UChar *normalized = malloc(sizeof(UChar) * utf16Capacity * 3);
  long long tokens = 0, lines = 0;
  while ((length = getline(&line, &capacity, in)) != -1) {
    if (length > 0 && line[length - 1] == '\n') length--;
    lines++;
    if (length + 1 > utf16Capacity) {
      utf16Capacity = (int32_t)length * 2 + 1;
      utf16 = realloc(utf16, sizeof(UChar) * utf16Capacity);
      normalized = realloc(normalized, sizeof(UChar) * utf16Capacity * 3);
    }
    int32_t n = 0;
    status = U_ZERO_ERROR;
    u_strFromUTF8(utf16, utf16Capacity, &n, line, (int32_t)length, &status);
    int32_t m = unorm2_normalize(nfc, utf16, n, normalized, utf16Capacity * 3, &status);
    ubrk_setText(words, normalized, m, &status);
    if (U_FAILURE(status)) {
      fprintf(stderr, "ICU: %s on line %lld\n", u_errorName(status), lines);
      return 1;
    }
    int32_t start = ubrk_first(words);
    for (int32_t end = ubrk_next(words); end != UBRK_DONE; start = end, end = ubrk_next(words)) {
      int32_t i = start;
      while (i < end && u_isUWhiteSpace(normalized[i])) i++;
      if (i < end) tokens++;
    }
  }
  printf("tokens=%lld lines=%lld\n", tokens, lines);
  return 0;
}
