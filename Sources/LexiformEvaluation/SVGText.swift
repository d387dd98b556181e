/// Text helpers shared by the hand-written SVG charts.
enum SVGText {
  /// A coordinate with at most one decimal (`12`, `12.5`).
  static func number(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// `text` with `&`, `<`, `>` and `"` escaped for SVG text and attributes.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
