internal import LexiformUnicode

/// Counts over a parallel corpus: segments, tokens per side, length
/// distributions (in whitespace tokens) and the script mix of each side.
///
/// - Complexity: O(*n*) per segment; memory O(sides × distinct lengths and scripts).
public struct ParallelStatistics: Sendable {
  /// Segments counted.
  public private(set) var segments = 0
  /// Per side: whitespace tokens.
  public private(set) var tokens: [Int] = []
  /// Per side: Unicode scalars.
  public private(set) var characters: [Int] = []
  /// Per side: how many segments have each length in tokens.
  public private(set) var lengths: [[Int: Int]] = []
  /// Per side: letters per script (ISO 15924 code).
  public private(set) var scripts: [[String: Int]] = []
  /// Per side: segments that are empty or whitespace only.
  public private(set) var empty: [Int] = []

  /// Creates empty statistics.
  public init() {}

  /// Counts one segment.
  /// - Parameter segment: The segment.
  public mutating func add(_ segment: ParallelSegment) {
    segments += 1
    while tokens.count < segment.texts.count {
      tokens.append(0)
      characters.append(0)
      lengths.append([:])
      scripts.append([:])
      empty.append(0)
    }
    for (side, text) in segment.texts.enumerated() {
      let count = text.split(whereSeparator: \.isWhitespace).count
      tokens[side] += count
      lengths[side][count, default: 0] += 1
      if count == 0 { empty[side] += 1 }
      var latin = 0
      for scalar in text.unicodeScalars {
        characters[side] += 1
        if scalar.isASCII {
          if scalar.properties.isAlphabetic { latin += 1 }
          continue
        }
        let script = ScriptCode.of(scalar)
        if script == .common || script == .inherited { continue }
        scripts[side][script.iso15924, default: 0] += 1
      }
      if latin > 0 { scripts[side]["Latn", default: 0] += latin }
    }
  }

  /// The length (in tokens) below which `share` of a side's segments fall.
  /// - Parameters:
  ///   - side: The side.
  ///   - share: Between 0 and 1 (0.5 for the median).
  /// - Returns: The length.
  public func percentile(side: Int, _ share: Double) -> Int {
    guard side < lengths.count else { return 0 }
    let target = Int((Double(segments) * share).rounded(.up))
    var running = 0
    for (length, count) in lengths[side].sorted(by: { $0.key < $1.key }) {
      running += count
      if running >= max(1, target) { return length }
    }
    return 0
  }

  /// A short text report, one line per fact.
  /// - Parameter languages: The sides' languages, for the labels.
  /// - Returns: The lines.
  public func report(languages: [String]) -> [String] {
    var lines = ["segments\t\(segments)"]
    for side in tokens.indices {
      let label = side < languages.count && !languages[side].isEmpty ? languages[side] : "side \(side + 1)"
      let mean = segments > 0 ? Double(tokens[side]) / Double(segments) : 0
      let meanText = String(Int((mean * 10).rounded()) / 10) + "." + String(Int((mean * 10).rounded()) % 10)
      lines.append("\(label)\ttokens \(tokens[side])\tcharacters \(characters[side])\tempty \(empty[side])")
      lines.append(
        "\(label)\tlength in tokens: mean \(meanText), min \(percentile(side: side, 0)), median \(percentile(side: side, 0.5)), 90% \(percentile(side: side, 0.9)), max \(percentile(side: side, 1))"
      )
      let total = max(1, scripts[side].values.reduce(0, +))
      let mix = scripts[side].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { "\($0.key) \(Int((Double($0.value) * 1000 / Double(total)).rounded()) / 10).\(Int((Double($0.value) * 1000 / Double(total)).rounded()) % 10)%" }
      lines.append("\(label)\tscripts: \(mix.isEmpty ? "none" : mix.joined(separator: ", "))")
    }
    return lines
  }
}
