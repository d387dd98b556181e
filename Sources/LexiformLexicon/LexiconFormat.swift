/// The lexicon formats Lexiform reads and writes.
public enum LexiconFormat: String, Sendable, CaseIterable, Codable {
  /// Lexiform's own lossless JSON lines: one ``LexiconEntry`` per line.
  case jsonl
  /// Tab- or space-separated word lists (MUSE, PanLex exports, plain TSV).
  case tsv
  /// Apertium bilingual dictionaries (`.dix`).
  case apertium
  /// FreeDict TEI P5 (`.tei`).
  case tei
  /// SIL LIFT 0.12/0.13 (`.lift`).
  case lift
  /// dictd `.index` with `.dict` or `.dict.dz`.
  case dictd
  /// Kaikki / wiktextract JSON lines.
  case kaikki
}
