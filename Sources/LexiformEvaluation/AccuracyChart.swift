/// An SVG bar chart of per-language accuracy, written by hand (SVG 1.1, no
/// scripts, no external fonts): one bar per language in the order given, a
/// dashed line at the macro-average, the figures printed on the bars.
public struct AccuracyChart: Sendable {
  /// The bars: a label and an accuracy in percent (0–100).
  public var bars: [(label: String, accuracy: Double)]
  /// The title at the top.
  public var title: String
  /// A reference line (e.g. the macro-average), if any.
  public var reference: (label: String, accuracy: Double)?

  /// Creates a chart.
  /// - Parameters:
  ///   - bars: Labels and accuracies in percent.
  ///   - title: The title.
  ///   - reference: A labelled horizontal line, if any.
  public init(bars: [(label: String, accuracy: Double)], title: String, reference: (label: String, accuracy: Double)? = nil) {
    self.bars = bars
    self.title = title
    self.reference = reference
  }

  /// A chart of a macro average's languages with its average as the reference.
  /// - Parameters:
  ///   - average: The per-language reports.
  ///   - title: The title.
  public init(_ average: MacroAverage, title: String = "Exact-match accuracy per language") {
    self.init(
      bars: average.reports.map { ($0.name, $0.overall.accuracy) }, title: title,
      reference: ("macro-average \(fixed(pythonRound(average.accuracy, digits: 2)))%", average.accuracy))
  }

  /// The SVG document.
  public var svg: String {
    let barWidth = 22.0
    let gap = 6.0
    let left = 48.0
    let top = 40.0
    let plotHeight = 240.0
    let bottom = 90.0
    let width = left + Double(max(bars.count, 1)) * (barWidth + gap) + 24
    let height = top + plotHeight + bottom
    func y(_ accuracy: Double) -> Double { top + plotHeight * (1 - min(max(accuracy, 0), 100) / 100) }
    var s = SVGText.header(width: width, height: height, title: title, left: left)
    for tick in stride(from: 0, through: 100, by: 20) {
      let ty = y(Double(tick))
      s += #"<line x1="\#(f(left))" y1="\#(f(ty))" x2="\#(f(width - 16))" y2="\#(f(ty))" stroke="rgb(221,221,221)"/>"# + "\n"
      s += #"<text x="\#(f(left - 6))" y="\#(f(ty + 4))" text-anchor="end">\#(tick)</text>"# + "\n"
    }
    for (k, bar) in bars.enumerated() {
      let x = left + Double(k) * (barWidth + gap) + gap / 2
      let by = y(bar.accuracy)
      s += #"<rect x="\#(f(x))" y="\#(f(by))" width="\#(f(barWidth))" height="\#(f(top + plotHeight - by))" fill="rgb(78,121,167)"><title>\#(escape(bar.label)): \#(fixed(bar.accuracy))%</title></rect>"# + "\n"
      s += #"<text x="\#(f(x + barWidth / 2))" y="\#(f(by - 3))" text-anchor="middle" font-size="8">\#(Int(bar.accuracy.rounded()))</text>"# + "\n"
      let lx = x + barWidth / 2
      let ly = top + plotHeight + 8
      s += #"<text x="\#(f(lx))" y="\#(f(ly))" text-anchor="end" transform="rotate(-60 \#(f(lx)) \#(f(ly)))">\#(escape(bar.label))</text>"# + "\n"
    }
    if let reference {
      let ry = y(reference.accuracy)
      s += #"<line x1="\#(f(left))" y1="\#(f(ry))" x2="\#(f(width - 16))" y2="\#(f(ry))" stroke="rgb(225,87,89)" stroke-dasharray="5,3"/>"# + "\n"
      s += #"<text x="\#(f(width - 16))" y="\#(f(ry - 4))" text-anchor="end" fill="rgb(225,87,89)">\#(escape(reference.label))</text>"# + "\n"
    }
    s += #"<line x1="\#(f(left))" y1="\#(f(top))" x2="\#(f(left))" y2="\#(f(top + plotHeight))" stroke="black"/>"# + "\n"
    s += #"<line x1="\#(f(left))" y1="\#(f(top + plotHeight))" x2="\#(f(width - 16))" y2="\#(f(top + plotHeight))" stroke="black"/>"# + "\n"
    s += "</svg>\n"
    return s
  }

  private func f(_ v: Double) -> String { SVGText.number(v) }

  private func escape(_ text: String) -> String { SVGText.escape(text) }
}
