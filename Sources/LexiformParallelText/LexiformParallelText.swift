// LexiformParallelText: parallel corpora read into one stream of aligned
// segments, written back out, filtered, and mined for bilingual lexicons.
//
// Formats read (each reader streams; memory is bounded by one record, except
// where a reader's documentation says otherwise):
//
// - Moses: two line-aligned plain-text files (`MosesReader`).
// - TSV: `SRC<TAB>TGT`, or `ID<TAB>TEXT1<TAB>TEXT2…` (`ParallelTSVReader`).
// - TMX 1.4b (LISA, 2005): `<tu>`/`<tuv xml:lang>`/`<seg>`; TMX 1.1–1.3's
//   `lang` attribute; inline elements `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`
//   (native codes, dropped) and `<hi>` (text, kept) (`TMXReader`).
// - OPUS XCES sentence alignments (`<cesAlign>`, `<linkGrp fromDoc toDoc>`,
//   `<link xtargets="s1 s2;s3">`) with the two OPUS XML documents
//   (`XCESAlignmentReader`).
// - Bible CES XML, verses as `<seg id="b.BOOK.C.V" type="verse">`, as in the
//   multilingual Bible corpus of Christodoulopoulos & Steedman (2015),
//   https://doi.org/10.1007/s10579-014-9287-y (`BibleCESReader`).
// - eBible corpus text with its `vref.txt` (`VrefReader`).
//
// Not done: TMX `<ude>` user-defined encodings, TMX segmentation levels other
// than sentence are read but not checked, XCES `certainty` scores are not
// used, and no sentence aligner is included: input must already be aligned.
