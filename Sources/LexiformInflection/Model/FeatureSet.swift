/// A UniMorph feature bundle as the neural model sees it: a set of features.
///
/// The bundle `V;IND;PRS;NOM(1,SG)` (UniMorph schema 3.0 with the layered
/// features of the 2022/2023 shared tasks, Batsuren et al. 2022) gives
/// `V`, `IND`, `PRS`, `NOM(1,SG)`, `NOM`, `NOM:1` and `NOM:SG`: a layered
/// feature stands for itself and for each of its arguments under its head,
/// and `+`-joined values such as `PL+EXCL` stand for themselves and each
/// part, so that a combination unseen in training is still made of seen
/// parts. Order does not matter and repeats are dropped.
public enum FeatureSet {
  /// The features of a tag string.
  /// - Parameter tags: A UniMorph bundle, `;`-separated.
  /// - Returns: The distinct features in order of first appearance.
  /// - Complexity: O(n) in the length of `tags`.
  public static func features(of tags: String) -> [String] {
    var result: [String] = []
    var seen: Set<String> = []
    func add(_ f: String) {
      if !f.isEmpty, seen.insert(f).inserted { result.append(f) }
    }
    for piece in splitTopLevel(tags, separator: ";") {
      let feature = piece.trimmingSpaces
      guard !feature.isEmpty else { continue }
      add(feature)
      if let open = feature.firstIndex(of: "("), feature.hasSuffix(")") {
        let head = String(feature[..<open])
        let inner = feature[feature.index(after: open)..<feature.index(before: feature.endIndex)]
        add(head)
        for argument in splitTopLevel(String(inner), separator: ",") {
          let a = argument.trimmingSpaces
          if !a.isEmpty { add(head + ":" + a) }
        }
      } else if feature.contains("+") {
        for part in feature.split(separator: "+") { add(String(part)) }
      }
    }
    return result
  }

  /// Splits at `separator` outside parentheses and braces.
  static func splitTopLevel(_ text: String, separator: Character) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      switch ch {
      case "(", "{", "[": depth += 1
      case ")", "}", "]": depth = max(0, depth - 1)
      default: break
      }
      if ch == separator && depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    parts.append(current)
    return parts
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
