#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The unrelated-form check over a paradigm: the run of consecutive rows
/// with one lemma (see ``UniMorphValidator``).
final class ParadigmCheck {
  private let validator: UniMorphValidator
  @exclusivity(unchecked) private var lemma: [UInt8] = []
  /// The bytes of the lemma's first ⌈L/2⌉ characters.
  @exclusivity(unchecked) private var lemmaHalfPrefix = 0
  @exclusivity(unchecked) private var lemmaLength = 0
  @exclusivity(unchecked) private var forms: [UInt8] = []
  @exclusivity(unchecked) private var entries: [(range: Range<Int>, line: Int, column: Int)] = []
  /// Whether some form failed the quick test (contains the lemma's first half).
  @exclusivity(unchecked) private var needsFullCheck = false

  init(validator: UniMorphValidator) {
    self.validator = validator
  }

  func add(
    lemma newLemma: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>, line: Int, formColumn: Int,
    run: ValidationRun
  ) {
    if !ValidationRun.same(newLemma, lemma) {
      flush(run)
      lemma = Array(newLemma)
      lemmaLength = 0
      for byte in lemma where byte & 0xC0 != 0x80 { lemmaLength += 1 }
      let half = (lemmaLength + 1) / 2
      var characters = 0
      lemmaHalfPrefix = lemma.count
      for (index, byte) in lemma.enumerated() where byte & 0xC0 != 0x80 {
        if characters == half {
          lemmaHalfPrefix = index
          break
        }
        characters += 1
      }
    }
    let start = forms.count
    forms.append(contentsOf: form)
    entries.append((start..<forms.count, line, formColumn))
    if !needsFullCheck && !contains(form, lemma[0..<lemmaHalfPrefix]) { needsFullCheck = true }
  }

  /// Judges the paradigm collected so far and starts a new one.
  func flush(_ run: ValidationRun) {
    defer {
      forms.removeAll(keepingCapacity: true)
      entries.removeAll(keepingCapacity: true)
      needsFullCheck = false
    }
    guard needsFullCheck, !entries.isEmpty else { return }
    let lemmaText = String(decoding: lemma, as: UTF8.self)
    let foldedLemma = validator.folded(lemmaText)
    guard !foldedLemma.isEmpty else { return }
    let shared = entries.map { entry in
      Self.longestCommonSubstring(foldedLemma, validator.folded(String(decoding: forms[entry.range], as: UTF8.self)))
    }
    let sorted = shared.sorted()
    let median = entries.count >= 4 ? Double(sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2 : nil
    let half = (foldedLemma.count + 1) / 2
    for (entry, length) in zip(entries, shared) {
      let unrelated: Bool
      if let median {
        unrelated = median >= 4 && length < half && Double(2 * length) <= median
      } else {
        unrelated = length == 0
      }
      guard unrelated else { continue }
      let form = String(decoding: forms[entry.range], as: UTF8.self)
      let detail =
        median.map {
          "its longest common part with the lemma is \(length) letter\(length == 1 ? "" : "s"), against a median of \($0.formatted) in this paradigm"
        }
        ?? "they have no letter in common"
      run.problem(
        .unrelatedForm, line: entry.line, column: entry.column,
        "form \(form) shares nothing with its lemma \(lemmaText): \(detail); is it built on another lemma?",
        severity: .warning)
    }
  }

  private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: ArraySlice<UInt8>) -> Bool {
    guard !needle.isEmpty else { return true }
    guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
    return needle.withUnsafeBytes { pattern in
      guard let pointer = pattern.baseAddress, let first = pattern.first else { return true }
      var start = 0
      let last = haystack.count - pattern.count
      while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
        let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        if memcmp(base + index, pointer, pattern.count) == 0 { return true }
        start = index + 1
      }
      return false
    }
  }

  /// The length of the longest common substring.
  /// - Complexity: O(*n* · *m*) time, O(*m*) memory.
  static func longestCommonSubstring(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    var best = 0
    for i in 1...a.count {
      for j in 1...b.count {
        current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0
        best = max(best, current[j])
      }
      swap(&previous, &current)
    }
    return best
  }
}

extension Double {
  /// `3` or `2.5`.
  fileprivate var formatted: String {
    self == rounded() ? String(Int(self)) : String(self)
  }
}
