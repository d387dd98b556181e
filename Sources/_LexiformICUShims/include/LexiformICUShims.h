// A thin C layer over ICU that exposes only plain C types.
//
// Swift never includes <unicode/*.h>: ICU's functions are version-renaming
// macros (`ubrk_open` → `ubrk_open_72`) that Swift cannot import, and ICU's
// types clash with Foundation's bundled `_FoundationICU`. Every function here
// is named `_lexiform_icu_*`; status codes are ICU's `UErrorCode` values passed
// as `int32_t` (0 is success, positive values are failures, negative warnings).
// This is not API: LexiformUnicode is the only module that imports it.
#ifndef LEXIFORM_ICU_SHIMS_H
#define LEXIFORM_ICU_SHIMS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Library

/// Writes ICU's version ("72.1") into `buffer`, NUL-terminated.
void _lexiform_icu_version(char *_Nonnull buffer, int32_t capacity);

/// The symbolic name of an ICU status code ("U_BUFFER_OVERFLOW_ERROR").
const char *_Nonnull _lexiform_icu_error_name(int32_t status);

// MARK: Normalization (unorm2)

/// An ICU `UNormalizer2`, owned by ICU (never freed).
struct _lexiform_icu_normalizer;

/// `unorm2_getInstance(NULL, name, mode)`: `name` is "nfc", "nfkc" or
/// "nfkc_cf"; `mode` is a `UNormalization2Mode`.
const struct _lexiform_icu_normalizer *_Nullable _lexiform_icu_normalizer_get(
    const char *_Nonnull name, int32_t mode, int32_t *_Nonnull status);

/// `unorm2_normalize`: preflight with `capacity` 0 to learn the length.
int32_t _lexiform_icu_normalize(
    const struct _lexiform_icu_normalizer *_Nonnull normalizer,
    const uint16_t *_Nonnull source, int32_t length,
    uint16_t *_Nullable destination, int32_t capacity, int32_t *_Nonnull status);

/// `unorm2_spanQuickCheckYes`: the length of the prefix that is surely normalized.
int32_t _lexiform_icu_normalized_prefix_length(
    const struct _lexiform_icu_normalizer *_Nonnull normalizer,
    const uint16_t *_Nonnull source, int32_t length, int32_t *_Nonnull status);

/// `unorm2_hasBoundaryBefore`: whether normalization never combines `codePoint`
/// with what comes before it, so text can be normalized in pieces split there.
int32_t _lexiform_icu_normalizer_has_boundary_before(
    const struct _lexiform_icu_normalizer *_Nonnull normalizer, uint32_t codePoint);

// MARK: Scripts (uscript)

/// `uscript_getScript`: the `UScriptCode` of a code point.
int32_t _lexiform_icu_script(uint32_t codePoint, int32_t *_Nonnull status);

/// `uscript_getScriptExtensions`: writes up to `capacity` codes, returns the count
/// (preflight with capacity 0).
int32_t _lexiform_icu_script_extensions(
    uint32_t codePoint, int32_t *_Nullable scripts, int32_t capacity,
    int32_t *_Nonnull status);

/// `uscript_getShortName`: the ISO 15924 code ("Latn"), or NULL.
const char *_Nullable _lexiform_icu_script_short_name(int32_t script);

/// `u_getIntPropertyMaxValue(UCHAR_SCRIPT)`: the largest script code.
int32_t _lexiform_icu_script_max(void);

// MARK: Code point properties (uchar)

/// `u_charType`: the `UCharCategory` of a code point.
int32_t _lexiform_icu_general_category(uint32_t codePoint);

/// `u_hasBinaryProperty`: 1 when `codePoint` has the binary `UProperty`
/// `property` (e.g. `UCHAR_WHITE_SPACE`), else 0.
int32_t _lexiform_icu_has_binary_property(uint32_t codePoint, int32_t property);

/// `u_getIntPropertyValue`: the value of the enumerated or integer `UProperty`
/// `property` (e.g. `UCHAR_NFC_QUICK_CHECK`, `UCHAR_WORD_BREAK`) for `codePoint`.
int32_t _lexiform_icu_int_property_value(uint32_t codePoint, int32_t property);

// MARK: Locales (uloc)

/// The likely script of a language (`uloc_addLikelySubtags` then
/// `uloc_getScript`): writes the ISO 15924 code ("Cyrl") NUL-terminated into
/// `buffer` and returns its length, 0 when ICU knows no script for it.
int32_t _lexiform_icu_likely_script(
    const char *_Nonnull language, char *_Nonnull buffer, int32_t capacity,
    int32_t *_Nonnull status);

// MARK: Case mapping (ustring)

/// `u_strToLower` (`kind` 0), `u_strToUpper` (1) or `u_strFoldCase` (2, with
/// Turkic dotless-i handling when `locale` is "tr" or "az"). Preflight with
/// `capacity` 0.
int32_t _lexiform_icu_case_map(
    int32_t kind, const char *_Nonnull locale,
    const uint16_t *_Nonnull source, int32_t length,
    uint16_t *_Nullable destination, int32_t capacity, int32_t *_Nonnull status);

// MARK: Break iteration (ubrk)

/// An ICU `UBreakIterator`, owned by the caller: close it.
struct _lexiform_icu_break;

/// `ubrk_open(type, locale, NULL, 0, status)`; `type` is a `UBreakIteratorType`.
struct _lexiform_icu_break *_Nullable _lexiform_icu_break_open(
    int32_t type, const char *_Nonnull locale, int32_t *_Nonnull status);

/// `ubrk_setText`. The text must outlive its use by the iterator.
void _lexiform_icu_break_set_text(
    struct _lexiform_icu_break *_Nonnull iterator,
    const uint16_t *_Nonnull text, int32_t length, int32_t *_Nonnull status);

/// `ubrk_first`.
int32_t _lexiform_icu_break_first(struct _lexiform_icu_break *_Nonnull iterator);

/// `ubrk_next`: the next boundary, or -1 (`UBRK_DONE`) at the end.
int32_t _lexiform_icu_break_next(struct _lexiform_icu_break *_Nonnull iterator);

/// `ubrk_getRuleStatus`: for word breaks, the `UWordBreak` tag of the
/// segment that ends at the current boundary.
int32_t _lexiform_icu_break_rule_status(struct _lexiform_icu_break *_Nonnull iterator);

/// Advances by up to `capacity` boundaries with `ubrk_next`, writing each
/// boundary and (when `statuses` is given) its `ubrk_getRuleStatus`; returns
/// how many were written, fewer than `capacity` only at the end of the text.
int32_t _lexiform_icu_break_next_many(
    struct _lexiform_icu_break *_Nonnull iterator, int32_t *_Nonnull boundaries,
    int32_t *_Nullable statuses, int32_t capacity);

/// `ubrk_close`.
void _lexiform_icu_break_close(struct _lexiform_icu_break *_Nonnull iterator);

// MARK: Constants, for tests that check what Swift mirrors

/// The number of ICU constants listed for tests.
int32_t _lexiform_icu_constant_count(void);

/// The C name of the constant at `index` ("USCRIPT_LATIN"), or NULL past the end.
const char *_Nullable _lexiform_icu_constant_name(int32_t index);

/// The value of the constant at `index`.
int32_t _lexiform_icu_constant_value(int32_t index);

#ifdef __cplusplus
}
#endif

#endif
