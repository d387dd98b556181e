/// An SVG line chart of a training run, written by hand (SVG 1.1, no
/// scripts, no external fonts): the development accuracy per epoch on the
/// left axis (0–100%) and the training loss on the right axis (0 to the
/// largest loss), one pair of lines per series (the members of an
/// ensemble), each series' best epoch marked and labelled.
public struct LearningCurveChart: Sendable {
  /// One epoch of one series.
  public struct Point: Sendable, Hashable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean training loss.
    public var loss: Double
    /// The development accuracy in percent, when there was a development set.
    public var accuracy: Double?

    /// Creates a point.
    public init(epoch: Int, loss: Double, accuracy: Double?) {
      self.epoch = epoch
      self.loss = loss
      self.accuracy = accuracy
    }
  }

  /// The series: a label and its points in epoch order.
  public var series: [(label: String, points: [Point])]
  /// The title at the top.
  public var title: String

  /// Creates a chart.
  /// - Parameters:
  ///   - series: Labels and points (epochs in increasing order).
  ///   - title: The title.
  public init(series: [(label: String, points: [Point])], title: String) {
    self.series = series
    self.title = title
  }

  /// Accuracy lines in blues, loss lines in oranges, one shade per series.
  private static let accuracyColours = ["rgb(78,121,167)", "rgb(118,183,178)", "rgb(89,161,79)", "rgb(176,122,161)"]
  private static let lossColours = ["rgb(242,142,43)", "rgb(225,87,89)", "rgb(237,201,72)", "rgb(156,117,95)"]

  /// The best point of `points`: the first with the highest accuracy.
  public static func best(_ points: [Point]) -> Point? {
    var best: Point?
    for p in points {
      guard let a = p.accuracy else { continue }
      if a > (best?.accuracy ?? -1) { best = p }
    }
    return best
  }

  /// The SVG document.
  public var svg: String {
    let left = 52.0
    let right = 64.0
    let top = 48.0
    let bottom = 44.0
    let plotWidth = 560.0
    let plotHeight = 260.0
    let width = left + plotWidth + right
    let height = top + plotHeight + bottom
    let lastEpoch = series.flatMap { $0.points.map(\.epoch) }.max() ?? 1
    let maxLoss = max(series.flatMap { $0.points.map(\.loss) }.filter(\.isFinite).max() ?? 1, 1e-9)
    func x(_ epoch: Int) -> Double {
      lastEpoch <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(epoch - 1) / Double(lastEpoch - 1)
    }
    func yAccuracy(_ a: Double) -> Double { top + plotHeight * (1 - min(max(a, 0), 100) / 100) }
    func yLoss(_ l: Double) -> Double { top + plotHeight * (1 - min(max(l.isFinite ? l : maxLoss, 0), maxLoss) / maxLoss) }
    let n = SVGText.number
    var s = SVGText.header(width: width, height: height, title: title, left: left)
    // Grid and the two vertical axes' ticks.
    for tick in stride(from: 0, through: 100, by: 20) {
      let ty = yAccuracy(Double(tick))
      s += #"<line x1="\#(n(left))" y1="\#(n(ty))" x2="\#(n(left + plotWidth))" y2="\#(n(ty))" stroke="rgb(221,221,221)"/>"# + "\n"
      s += #"<text x="\#(n(left - 6))" y="\#(n(ty + 4))" text-anchor="end">\#(tick)</text>"# + "\n"
      let loss = maxLoss * Double(tick) / 100
      s += #"<text x="\#(n(left + plotWidth + 6))" y="\#(n(ty + 4))">\#(Self.shortNumber(loss))</text>"# + "\n"
    }
    let step = max(1, Int((Double(lastEpoch) / 10).rounded(.up)))
    for epoch in stride(from: 1, through: lastEpoch, by: step) {
      s += #"<text x="\#(n(x(epoch)))" y="\#(n(top + plotHeight + 16))" text-anchor="middle">\#(epoch)</text>"# + "\n"
    }
    s += #"<text x="\#(n(left + plotWidth / 2))" y="\#(n(top + plotHeight + 34))" text-anchor="middle">epoch</text>"# + "\n"
    s += #"<text x="14" y="\#(n(top + plotHeight / 2))" text-anchor="middle" transform="rotate(-90 14 \#(n(top + plotHeight / 2)))">dev accuracy (%)</text>"# + "\n"
    s += #"<text x="\#(n(width - 12))" y="\#(n(top + plotHeight / 2))" text-anchor="middle" transform="rotate(90 \#(n(width - 12)) \#(n(top + plotHeight / 2)))">training loss</text>"# + "\n"
    // The lines, then the best epochs on top.
    for (k, (label, points)) in series.enumerated() {
      let accuracyColour = Self.accuracyColours[k % Self.accuracyColours.count]
      let lossColour = Self.lossColours[k % Self.lossColours.count]
      let lossPath = points.map { "\(n(x($0.epoch))),\(n(yLoss($0.loss)))" }.joined(separator: " ")
      if !points.isEmpty {
        s += #"<polyline points="\#(lossPath)" fill="none" stroke="\#(lossColour)" stroke-width="1.5" stroke-dasharray="5,3"><title>\#(SVGText.escape(label)): training loss</title></polyline>"# + "\n"
      }
      let measured = points.filter { $0.accuracy != nil }
      if !measured.isEmpty {
        let path = measured.map { "\(n(x($0.epoch))),\(n(yAccuracy($0.accuracy ?? 0)))" }.joined(separator: " ")
        s += #"<polyline points="\#(path)" fill="none" stroke="\#(accuracyColour)" stroke-width="2"><title>\#(SVGText.escape(label)): dev accuracy</title></polyline>"# + "\n"
      }
      if let best = Self.best(points), let a = best.accuracy {
        let bx = x(best.epoch)
        let by = yAccuracy(a)
        let text = "\(series.count > 1 ? label + ": " : "")best \(Self.fixed(a))% (epoch \(best.epoch))"
        s += #"<circle cx="\#(n(bx))" cy="\#(n(by))" r="4" fill="\#(accuracyColour)"/>"# + "\n"
        let anchor = bx > left + plotWidth * 0.7 ? "end" : "start"
        let dx = anchor == "end" ? -6.0 : 6.0
        s += #"<text x="\#(n(bx + dx))" y="\#(n(by - 8 - 13 * Double(k)))" text-anchor="\#(anchor)" fill="\#(accuracyColour)">\#(SVGText.escape(text))</text>"# + "\n"
      }
    }
    // Legend (one line for each kind), top right.
    let lx = left + plotWidth - 190
    s += #"<line x1="\#(n(lx))" y1="36" x2="\#(n(lx + 24))" y2="36" stroke="\#(Self.accuracyColours[0])" stroke-width="2"/>"# + "\n"
    s += #"<text x="\#(n(lx + 28))" y="40">dev accuracy</text>"# + "\n"
    s += #"<line x1="\#(n(lx + 108))" y1="36" x2="\#(n(lx + 132))" y2="36" stroke="\#(Self.lossColours[0])" stroke-width="1.5" stroke-dasharray="5,3"/>"# + "\n"
    s += #"<text x="\#(n(lx + 136))" y="40">loss</text>"# + "\n"
    s += #"<line x1="\#(n(left))" y1="\#(n(top))" x2="\#(n(left))" y2="\#(n(top + plotHeight))" stroke="black"/>"# + "\n"
    s += #"<line x1="\#(n(left + plotWidth))" y1="\#(n(top))" x2="\#(n(left + plotWidth))" y2="\#(n(top + plotHeight))" stroke="black"/>"# + "\n"
    s += #"<line x1="\#(n(left))" y1="\#(n(top + plotHeight))" x2="\#(n(left + plotWidth))" y2="\#(n(top + plotHeight))" stroke="black"/>"# + "\n"
    s += "</svg>\n"
    return s
  }

  /// Two decimals (`87.10`).
  static func fixed(_ v: Double) -> String {
    let r = Int((v * 100).rounded())
    let fraction = abs(r % 100)
    return "\(r / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A loss tick: two significant decimals below 10, whole numbers above.
  static func shortNumber(_ v: Double) -> String {
    v >= 10 ? String(Int(v.rounded())) : fixed(v)
  }
}
