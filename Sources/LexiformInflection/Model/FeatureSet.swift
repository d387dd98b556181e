/// A UniMorph feature bundle as the neural model sees it: a set of features.
///
/// The bundle `V;IND;PRS;NOM(1,SG)` (UniMorph schema 3.0 with the layered
/// features of the 2022/2023 shared tasks, Batsuren et al. 2022) gives
/// `V`, `IND`, `PRS`, `NOM(1,SG)`, `NOM`, `NOM:1`, `1`, `NOM:SG` and `SG`: a
/// layered feature stands for itself, its head, and each of its arguments
/// both under its head and alone, recursively (`AT+ABL(SG;PSS(1,SG))` also
/// gives `PSS(1,SG)`, `PSS:1`, …), and `+`-joined values such as `PL+EXCL`
/// stand for themselves and each part, so that a combination unseen in
/// training is still made of seen parts. Order does not matter and repeats
/// are dropped.
public enum FeatureSet {
  /// The features of a tag string.
  /// - Parameter tags: A UniMorph bundle, `;`-separated.
  /// - Returns: The distinct features in order of first appearance.
  /// - Complexity: O(n · d) for a bundle of length n nested d deep.
  public static func features(of tags: String) -> [String] {
    var result: [String] = []
    var seen: Set<String> = []
    func add(_ f: String) {
      if !f.isEmpty, seen.insert(f).inserted { result.append(f) }
    }
    func visit(_ piece: String, head: String?) {
      let feature = piece.trimmingSpaces
      guard !feature.isEmpty else { return }
      add(feature)
      if let head { add(head + ":" + feature) }
      if let open = feature.firstIndex(of: "("), feature.hasSuffix(")") {
        let inner = String(feature[feature.index(after: open)..<feature.index(before: feature.endIndex)])
        let name = String(feature[..<open])
        add(name)
        if let head { add(head + ":" + name) }
        if name.contains("+") { for part in name.split(separator: "+") { add(String(part)) } }
        for argument in splitTopLevel(inner, separators: [",", ";"]) { visit(argument, head: name) }
      } else if feature.contains("+") {
        for part in feature.split(separator: "+") { add(String(part)) }
      }
    }
    for piece in splitTopLevel(tags, separators: [";"]) { visit(piece, head: nil) }
    return result
  }

  /// Splits at any of `separators` outside parentheses and braces.
  static func splitTopLevel(_ text: String, separators: Set<Character>) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      switch ch {
      case "(", "{", "[": depth += 1
      case ")", "}", "]": depth = max(0, depth - 1)
      default: break
      }
      if separators.contains(ch) && depth == 0 {
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
