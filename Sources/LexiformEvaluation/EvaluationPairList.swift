import LexiformCore

/// A list of files to score together: one `GOLD PRED [TRAIN]` per line,
/// separated by tabs or spaces; blank lines and lines starting with `#` are
/// skipped. Relative paths are taken relative to the list's folder.
public enum EvaluationPairList {
  /// Reads a list.
  /// - Parameter path: The list file.
  /// - Returns: The pairs, in order.
  /// - Throws: ``EvaluationError`` (`badPairList`, `unreadable`).
  public static func read(_ path: String) throws(EvaluationError) -> [(gold: String, pred: String, train: String?)] {
    let reader: LineReader
    do {
      reader = try LineReader(path: path)
    } catch {
      throw EvaluationError.reading(error)
    }
    let folder: String = {
      guard let slash = path.lastIndex(of: "/") else { return "" }
      return String(path[...slash])
    }()
    func resolve(_ file: Substring) -> String {
      file.hasPrefix("/") || path == "-" ? String(file) : folder + file
    }
    var pairs: [(gold: String, pred: String, train: String?)] = []
    while true {
      let line: String
      do {
        guard let next = try reader.nextLine() else { break }
        line = next
      } catch {
        throw EvaluationError.reading(error)
      }
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if fields.isEmpty || fields[0].hasPrefix("#") { continue }
      guard fields.count == 2 || fields.count == 3 else {
        throw EvaluationError(
          .badPairList, at: SourceLocation(path: path, line: reader.lineNumber, column: 1),
          expectedFound("GOLD PRED [TRAIN]", "\(fields.count) fields"))
      }
      pairs.append((resolve(fields[0]), resolve(fields[1]), fields.count == 3 ? resolve(fields[2]) : nil))
    }
    guard !pairs.isEmpty else {
      throw EvaluationError(.badPairList, at: SourceLocation(path: path), "no GOLD PRED pairs in the list")
    }
    return pairs
  }

  /// The language a gold file is for, from its name: `fin.dev` → `fin`,
  /// `finnish-dev` → `finnish`, `data/swa.tst.gz` → `swa`.
  /// - Parameter path: A gold file.
  /// - Returns: The name.
  public static func languageName(_ path: String) -> String {
    var name = Substring(path.split(separator: "/").last ?? Substring(path))
    if let dot = name.firstIndex(of: ".") { name = name[..<dot] }
    for suffix in ["-uncovered-test", "-covered-test", "-test", "-dev", "-train-low", "-train-medium", "-train-high"]
    where name.hasSuffix(suffix) && name.count > suffix.count {
      name = name.dropLast(suffix.count)
      break
    }
    return name.isEmpty ? path : String(name)
  }
}
