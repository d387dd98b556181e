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

  /// The start of a chart: the XML declaration, the `<svg>` element of the
  /// given size on a white background, and the bold title at (`left`, 22).
  static func header(width: Double, height: Double, title: String, left: Double) -> String {
    var s = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    s += #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(number(width))" height="\#(number(height))" viewBox="0 0 \#(number(width)) \#(number(height))" font-family="sans-serif" font-size="11">"# + "\n"
    s += #"<rect width="100%" height="100%" fill="white"/>"# + "\n"
    s += #"<text x="\#(number(left))" y="22" font-size="14" font-weight="bold">\#(escape(title))</text>"# + "\n"
    return s
  }
}
