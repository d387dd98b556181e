import LexiformAugmentation
import LexiformCore
import LexiformInflection
import LexiformLexicon
import LexiformParallelText
import LexiformTokenization
import LexiformUniMorph
import LexiformXML

/// One reader under test. Each target turns the fuzzer's bytes into the
/// file(s) its reader opens, reads every record in lenient mode and then in
/// strict mode, and checks the few invariants a reader must keep whatever
/// the input (offsets inside the text, a feature bundle printing to text
/// that parses back to it). Thrown errors are the expected outcome for bad
/// input; a trap, a sanitizer report or a hang is a bug.
///
/// Targets that read several files take the input cut at NUL bytes (XML and
/// text formats never hold NUL): the first part is the first file, and so on.
enum FuzzTarget: String, CaseIterable {
  /// `XMLReader` events over the bytes as one XML document.
  case xml
  /// The native XML backend against libxml2 on the bytes as one document:
  /// the same nodes, or an error from both (and the same nodes when the
  /// native backend reads one byte at a time).
  case xmldiff
  /// Apertium `.dix`.
  case dix
  /// FreeDict TEI.
  case tei
  /// LIFT.
  case lift
  /// A dictd `.index` with its `.dict` (the input cut at the first NUL:
  /// index, then definitions), read through and looked up.
  case dictd
  /// A `.dict.dz` (dictzip chunk table and chunks), read chunk by chunk.
  case dictzip
  /// Kaikki (wiktextract) JSON lines.
  case kaikki
  /// Lexiform's own JSON lines.
  case jsonl
  /// TSV word lists (separator and header detected).
  case tsv
  /// A UniMorph table, read and validated.
  case unimorph
  /// UniMorph feature bundles, one per line: parse, print, parse again.
  case bundle
  /// A Moses pair (input cut at the first NUL: one side, the other side).
  case moses
  /// TMX.
  case tmx
  /// An XCES alignment with its two documents (cut at NULs: alignment,
  /// `a.xml`, `b.xml`).
  case xces
  /// A CES XML Bible.
  case bible
  /// A verse-per-line Bible with its `vref.txt` (cut at the first NUL).
  case vref
  /// Parallel TSV (id column detected).
  case ptsv
  /// The tokenizer (standard and Moses styles) and the normalizer on
  /// arbitrary bytes, line by line as the CLI reads them.
  case tokenize
  /// Gzip input (`Input.open`) through `LineReader`.
  case gzip
  /// SIGMORPHON inflection data (every year's layout, detected).
  case sigmorphon
  /// CoNLL token-per-line files through `augment translate` and
  /// `codeswitch` with a small built-in lexicon.
  case conll
  /// MASSIVE JSON lines through `augment translate` and `codeswitch`.
  case massive

  /// Records read per pass at most: a reader that goes on longer on an input
  /// of at most a few kilobytes is looping.
  static let recordLimit = 1_000_000

  /// Runs the target on one input.
  func run(_ data: [UInt8], scratch: FuzzScratch) {
    switch self {
    case .xml: Self.readXML(data)
    case .xmldiff: Self.compareXMLBackends(data)
    case .dix: Self.readLexicon(scratch.write(data, as: "in.dix"), ApertiumDixReader.init)
    case .tei: Self.readLexicon(scratch.write(data, as: "in.tei"), FreeDictTEIReader.init)
    case .lift: Self.readLexicon(scratch.write(data, as: "in.lift"), LIFTReader.init)
    case .kaikki: Self.readLexicon(scratch.write(data, as: "in.jsonl"), KaikkiReader.init)
    case .jsonl: Self.readLexicon(scratch.write(data, as: "in.jsonl"), JSONLinesReader.init)
    case .tsv: Self.readLexicon(scratch.write(data, as: "in.tsv")) { path, options in try TSVReader(path: path, options: options) }
    case .dictd: Self.readDictd(data, scratch: scratch)
    case .dictzip: Self.readDictzip(scratch.write(data, as: "in.dict.dz"))
    case .unimorph: Self.readUniMorph(scratch.write(data, as: "in.tsv"))
    case .bundle: Self.parseBundles(data)
    case .moses:
      let parts = data.fuzzParts(2)
      let paths = [scratch.write(parts[0], as: "in.en"), scratch.write(parts[1], as: "in.sw")]
      Self.readParallel { lenient in try MosesReader(paths: paths, options: ParallelReaderOptions(lenient: lenient)) }
    case .tmx:
      let path = scratch.write(data, as: "in.tmx")
      Self.readParallel { lenient in try TMXReader(path: path, options: ParallelReaderOptions(lenient: lenient)) }
    case .xces:
      let parts = data.fuzzParts(3)
      let path = scratch.write(parts[0], as: "align.xml")
      scratch.write(parts[1], as: "a.xml")
      scratch.write(parts[2], as: "b.xml")
      Self.readParallel { lenient in try XCESAlignmentReader(path: path, options: ParallelReaderOptions(lenient: lenient)) }
    case .ptsv:
      let path = scratch.write(data, as: "in.tsv")
      Self.readParallel { lenient in try ParallelTSVReader(path: path, options: ParallelReaderOptions(lenient: lenient)) }
    case .bible:
      let path = scratch.write(data, as: "bible.xml")
      Self.readBible { lenient in try BibleCESReader(path: path, lenient: lenient) }
    case .vref:
      let parts = data.fuzzParts(2)
      let text = scratch.write(parts[0], as: "bible.txt")
      let vref = scratch.write(parts[1], as: "vref.txt")
      Self.readBible { lenient in try VrefReader(path: text, vrefPath: vref, lenient: lenient) }
    case .tokenize: Self.tokenize(scratch.write(data, as: "in.txt"))
    case .gzip: Self.readGzip(scratch.write(data, as: "in.gz"))
    case .sigmorphon:
      let path = scratch.write(data, as: "in.trn")
      for lenient in [true, false] {
        guard let reader = try? SIGMORPHONReader(path: path, options: SIGMORPHONReaderOptions(lenient: lenient))
        else { continue }
        Self.drain("SIGMORPHONReader") { try reader.next() }
      }
    case .conll: Self.augment(scratch.write(data, as: "in.conll"), format: .conll)
    case .massive: Self.augment(scratch.write(data, as: "in.jsonl"), format: .massive)
    }
  }
}
