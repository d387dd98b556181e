// The only place where ICU's headers are included. See LexiformICUShims.h.
#include "LexiformICUShims.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

void _lexiform_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (capacity <= 0) return;
  strncpy(buffer, text, (size_t)capacity - 1);
  buffer[capacity - 1] = '\0';
}

const char *_lexiform_icu_error_name(int32_t status) {
  return u_errorName((UErrorCode)status);
}

const struct _lexiform_icu_normalizer *_lexiform_icu_normalizer_get(
    const char *name, int32_t mode, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = unorm2_getInstance(NULL, name, (UNormalization2Mode)mode, &code);
  *status = code;
  return (const struct _lexiform_icu_normalizer *)n;
}

int32_t _lexiform_icu_normalize(
    const struct _lexiform_icu_normalizer *normalizer, const uint16_t *source,
    int32_t length, uint16_t *destination, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = unorm2_normalize(
      (const UNormalizer2 *)normalizer, (const UChar *)source, length,
      (UChar *)destination, capacity, &code);
  *status = code;
  return n;
}

int32_t _lexiform_icu_normalized_prefix_length(
    const struct _lexiform_icu_normalizer *normalizer, const uint16_t *source,
    int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = unorm2_spanQuickCheckYes(
      (const UNormalizer2 *)normalizer, (const UChar *)source, length, &code);
  *status = code;
  return n;
}

int32_t _lexiform_icu_normalizer_has_boundary_before(
    const struct _lexiform_icu_normalizer *normalizer, uint32_t codePoint) {
  return unorm2_hasBoundaryBefore((const UNormalizer2 *)normalizer, (UChar32)codePoint) ? 1 : 0;
}

int32_t _lexiform_icu_script(uint32_t codePoint, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)codePoint, &code);
  *status = code;
  return (int32_t)script;
}

int32_t _lexiform_icu_script_extensions(
    uint32_t codePoint, int32_t *scripts, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = uscript_getScriptExtensions(
      (UChar32)codePoint, (UScriptCode *)scripts, capacity, &code);
  *status = code;
  return n;
}

const char *_lexiform_icu_script_short_name(int32_t script) {
  return uscript_getShortName((UScriptCode)script);
}

int32_t _lexiform_icu_script_max(void) {
  return u_getIntPropertyMaxValue(UCHAR_SCRIPT);
}

int32_t _lexiform_icu_general_category(uint32_t codePoint) {
  return (int32_t)u_charType((UChar32)codePoint);
}

int32_t _lexiform_icu_has_binary_property(uint32_t codePoint, int32_t property) {
  return u_hasBinaryProperty((UChar32)codePoint, (UProperty)property) ? 1 : 0;
}

int32_t _lexiform_icu_int_property_value(uint32_t codePoint, int32_t property) {
  return u_getIntPropertyValue((UChar32)codePoint, (UProperty)property);
}

int32_t _lexiform_icu_likely_script(
    const char *language, char *buffer, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  char full[ULOC_FULLNAME_CAPACITY];
  uloc_addLikelySubtags(language, full, (int32_t)sizeof full, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  int32_t n = uloc_getScript(full, buffer, capacity, &code);
  *status = code;
  if (U_FAILURE(code) || capacity <= 0) return 0;
  if (n >= capacity) n = capacity - 1;
  buffer[n] = '\0';
  return n;
}

int32_t _lexiform_icu_case_map(
    int32_t kind, const char *locale, const uint16_t *source, int32_t length,
    uint16_t *destination, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = 0;
  switch (kind) {
  case 0:
    n = u_strToLower((UChar *)destination, capacity, (const UChar *)source, length, locale, &code);
    break;
  case 1:
    n = u_strToUpper((UChar *)destination, capacity, (const UChar *)source, length, locale, &code);
    break;
  default: {
    uint32_t options = U_FOLD_CASE_DEFAULT;
    if (strncmp(locale, "tr", 2) == 0 || strncmp(locale, "az", 2) == 0) {
      options = U_FOLD_CASE_EXCLUDE_SPECIAL_I;
    }
    n = u_strFoldCase((UChar *)destination, capacity, (const UChar *)source, length, options, &code);
    break;
  }
  }
  *status = code;
  return n;
}

struct _lexiform_icu_break *_lexiform_icu_break_open(
    int32_t type, const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *b = ubrk_open((UBreakIteratorType)type, locale, NULL, 0, &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (b != NULL) ubrk_close(b);
    return NULL;
  }
  return (struct _lexiform_icu_break *)b;
}

void _lexiform_icu_break_set_text(
    struct _lexiform_icu_break *iterator, const uint16_t *text, int32_t length,
    int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &code);
  *status = code;
}

int32_t _lexiform_icu_break_first(struct _lexiform_icu_break *iterator) {
  return ubrk_first((UBreakIterator *)iterator);
}

int32_t _lexiform_icu_break_next(struct _lexiform_icu_break *iterator) {
  return ubrk_next((UBreakIterator *)iterator);
}

int32_t _lexiform_icu_break_rule_status(struct _lexiform_icu_break *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

int32_t _lexiform_icu_break_next_many(
    struct _lexiform_icu_break *iterator, int32_t *boundaries, int32_t *statuses,
    int32_t capacity) {
  UBreakIterator *b = (UBreakIterator *)iterator;
  int32_t n = 0;
  while (n < capacity) {
    int32_t next = ubrk_next(b);
    if (next == UBRK_DONE) break;
    boundaries[n] = next;
    if (statuses != NULL) statuses[n] = ubrk_getRuleStatus(b);
    n++;
  }
  return n;
}

void _lexiform_icu_break_close(struct _lexiform_icu_break *iterator) {
  ubrk_close((UBreakIterator *)iterator);
}

// Every ICU constant that Swift mirrors, so that a test can compare each one.
static const struct {
  const char *name;
  int32_t value;
} constants[] = {
#define C(x) {#x, (int32_t)(x)}
    C(U_ZERO_ERROR), C(U_ILLEGAL_ARGUMENT_ERROR), C(U_MEMORY_ALLOCATION_ERROR),
    C(U_INDEX_OUTOFBOUNDS_ERROR), C(U_INVALID_CHAR_FOUND), C(U_BUFFER_OVERFLOW_ERROR),
    C(U_UNSUPPORTED_ERROR), C(U_STRING_NOT_TERMINATED_WARNING), C(U_USING_DEFAULT_WARNING),
    C(U_USING_FALLBACK_WARNING), C(U_FILE_ACCESS_ERROR), C(U_MISSING_RESOURCE_ERROR),
    C(UNORM2_COMPOSE), C(UNORM2_DECOMPOSE), C(UNORM2_FCD), C(UNORM2_COMPOSE_CONTIGUOUS),
    C(UBRK_CHARACTER), C(UBRK_WORD), C(UBRK_LINE), C(UBRK_SENTENCE), C(UBRK_DONE),
    C(UBRK_WORD_NONE), C(UBRK_WORD_NONE_LIMIT), C(UBRK_WORD_NUMBER), C(UBRK_WORD_NUMBER_LIMIT),
    C(UBRK_WORD_LETTER), C(UBRK_WORD_LETTER_LIMIT), C(UBRK_WORD_KANA), C(UBRK_WORD_KANA_LIMIT),
    C(UBRK_WORD_IDEO), C(UBRK_WORD_IDEO_LIMIT),
    C(USCRIPT_INVALID_CODE), C(USCRIPT_COMMON), C(USCRIPT_INHERITED), C(USCRIPT_ARABIC),
    C(USCRIPT_ARMENIAN), C(USCRIPT_BENGALI), C(USCRIPT_CHEROKEE), C(USCRIPT_CYRILLIC),
    C(USCRIPT_DEVANAGARI), C(USCRIPT_ETHIOPIC), C(USCRIPT_GEORGIAN), C(USCRIPT_GREEK),
    C(USCRIPT_GUJARATI), C(USCRIPT_HAN), C(USCRIPT_HANGUL), C(USCRIPT_HEBREW),
    C(USCRIPT_HIRAGANA), C(USCRIPT_KATAKANA), C(USCRIPT_KHMER), C(USCRIPT_LAO),
    C(USCRIPT_LATIN), C(USCRIPT_MYANMAR), C(USCRIPT_SYRIAC), C(USCRIPT_TAMIL),
    C(USCRIPT_THAI), C(USCRIPT_TIBETAN), C(USCRIPT_UCAS), C(USCRIPT_UNKNOWN),
    C(U_UNASSIGNED), C(U_UPPERCASE_LETTER), C(U_LOWERCASE_LETTER), C(U_TITLECASE_LETTER),
    C(U_MODIFIER_LETTER), C(U_OTHER_LETTER), C(U_NON_SPACING_MARK), C(U_ENCLOSING_MARK),
    C(U_COMBINING_SPACING_MARK), C(U_DECIMAL_DIGIT_NUMBER), C(U_LETTER_NUMBER),
    C(U_OTHER_NUMBER), C(U_SPACE_SEPARATOR), C(U_LINE_SEPARATOR), C(U_PARAGRAPH_SEPARATOR),
    C(U_CONTROL_CHAR), C(U_FORMAT_CHAR), C(U_PRIVATE_USE_CHAR), C(U_SURROGATE),
    C(U_DASH_PUNCTUATION), C(U_START_PUNCTUATION), C(U_END_PUNCTUATION),
    C(U_CONNECTOR_PUNCTUATION), C(U_OTHER_PUNCTUATION), C(U_MATH_SYMBOL),
    C(U_CURRENCY_SYMBOL), C(U_MODIFIER_SYMBOL), C(U_OTHER_SYMBOL),
    C(U_INITIAL_PUNCTUATION), C(U_FINAL_PUNCTUATION),
    C(UCHAR_WHITE_SPACE), C(UCHAR_DEFAULT_IGNORABLE_CODE_POINT), C(UCHAR_CANONICAL_COMBINING_CLASS),
    C(UCHAR_NFC_QUICK_CHECK), C(UCHAR_WORD_BREAK), C(UNORM_NO), C(UNORM_YES), C(UNORM_MAYBE),
    C(UCHAR_LINE_BREAK), C(UCHAR_EXTENDED_PICTOGRAPHIC), C(UCHAR_IDEOGRAPHIC),
    C(U_WB_OTHER), C(U_WB_ALETTER), C(U_WB_FORMAT), C(U_WB_KATAKANA), C(U_WB_MIDLETTER),
    C(U_WB_MIDNUM), C(U_WB_NUMERIC), C(U_WB_EXTENDNUMLET), C(U_WB_CR), C(U_WB_EXTEND), C(U_WB_LF),
    C(U_WB_MIDNUMLET), C(U_WB_NEWLINE), C(U_WB_REGIONAL_INDICATOR), C(U_WB_HEBREW_LETTER),
    C(U_WB_SINGLE_QUOTE), C(U_WB_DOUBLE_QUOTE), C(U_WB_ZWJ), C(U_WB_WSEGSPACE),
    C(U_LB_COMPLEX_CONTEXT),
#undef C
};

int32_t _lexiform_icu_constant_count(void) {
  return (int32_t)(sizeof constants / sizeof constants[0]);
}

const char *_lexiform_icu_constant_name(int32_t index) {
  if (index < 0 || index >= _lexiform_icu_constant_count()) return NULL;
  return constants[index].name;
}

int32_t _lexiform_icu_constant_value(int32_t index) {
  if (index < 0 || index >= _lexiform_icu_constant_count()) return 0;
  return constants[index].value;
}
