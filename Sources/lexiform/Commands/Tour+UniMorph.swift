import Lexiform

extension TourReport {
  /// The UniMorph step: reads the Swahili sample table, round-trips a layered
  /// bundle, and validates the table (four rows of it are wrong on purpose).
  mutating func uniMorphStep(_ samples: String) throws {
    section("UniMorph: layered feature bundles, both SIGMORPHON column orders, a validator that reports everything")
    let path = samples + "/swh.unimorph.tsv"
    let reader = UniMorphTableReader(paths: [path], options: UniMorphReaderOptions(lenient: true))
    var stats = UniMorphStatistics()
    while let entry = try reader.next() { stats.add(entry) }
    let order = reader.detections.first.map { "\($0.order)\($0.detected ? " (detected)" : "")" } ?? "?"
    lines.append(
      "  swh.unimorph.tsv: \(stats.rows) rows, \(stats.lemmas) lemmas, \(stats.distinctBundles) bundles, columns \(order)")
    let bundle = try FeatureBundle(parsing: "V;IND;PST;NEG;NOM(3,PL)")
    let reordered = try FeatureBundle(parsing: "NOM(PL,3);NEG;PST;IND;V")
    lines.append(
      "  \(bundle) parses into \(bundle.elements.count) elements, the last a layer (\(bundle.elements.last?.head ?? "")"
        + " with \(bundle.elements.last?.layer?.description ?? "")); \(reordered) is the same set: \(bundle == reordered)")
    lines.append("  Canonical order (by dimension) of \(reordered): \(reordered.canonicalized())")
    var problems: [String] = []
    let summary = try UniMorphValidator().validate(path: path) { problem in
      problems.append(problem.description.replacing(samples + "/", with: ""))
    }
    lines.append("  lexiform unimorph validate: \(summary.errors) errors, \(summary.warnings) warning(s), each located:")
    for problem in problems { lines.append("    \(problem)") }
  }
}
