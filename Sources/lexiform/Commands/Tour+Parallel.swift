import Lexiform

extension TourReport {
  /// Reads the shipped translation memory and filters it.
  mutating func parallelStep(_ samples: String) throws {
    section("Parallel text: TMX, Moses, OPUS and Bible corpora in one stream of aligned segments")
    let reader = try TMXReader(path: samples + "/swh-eng-fra.tmx")
    var rows: [[String]] = [["unit", "languages", "texts (inline markup turned into text)"]]
    var segments: [ParallelSegment] = []
    while let segment = try reader.next() {
      segments.append(segment)
      rows.append([segment.id ?? "-", segment.languages.joined(separator: ","), segment.texts.joined(separator: " | ")])
    }
    table(rows)
    var options = ParallelFilterOptions()
    options.deduplication = .exact
    let filter = ParallelFilter(options: options)
    var kept = 0
    for segment in segments where filter.check(segment.texts.map { Substring($0) }) == nil { kept += 1 }
    lines.append("  exact-duplicate filter: \(kept) of \(segments.count) units kept")
  }
}
