public import LexiformCore
internal import LexiformXML

/// What the XML-based readers share: opening the file, turning XML errors
/// into ``LexiconError``s, and lenient skipping.
final class XMLLexiconInput {
  let path: String
  let options: LexiconReaderOptions
  let reader: XMLReader
  var skipped = SkipCounter()
  /// Holds the current entry's subtree, refilled for each entry.
  private var tree = XMLTree()

  init(path: String, options: LexiconReaderOptions) throws(LexiconError) {
    self.path = path
    self.options = options
    do {
      reader = try XMLReader(path: path)
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
  }

  /// The next node kind, with XML errors as lexicon errors.
  func read() throws(LexiconError) -> XMLNodeKind? {
    do {
      return try reader.read()
    } catch {
      throw LexiconError.wrapping(error)
    }
  }

  /// The subtree at the current start tag, with XML errors as lexicon errors.
  func subtree() throws(LexiconError) -> XMLNode {
    do {
      return try reader.readSubtree(into: &tree)
    } catch {
      throw LexiconError.wrapping(error)
    }
  }

  /// Converts one entry; in lenient mode a failure is counted and `nil`
  /// returned, otherwise it is thrown.
  func convert(_ body: () throws(LexiconError) -> LexiconEntry) throws(LexiconError) -> LexiconEntry? {
    do {
      return try body()
    } catch {
      guard options.lenient, error.code != .io else { throw error }
      skipped.record(reason: error.message, at: error.location ?? SourceLocation(path: path))
      return nil
    }
  }

  /// An error at a node.
  func error(_ code: LexiconError.Code, _ node: XMLNode, _ message: String) -> LexiconError {
    LexiconError(code, at: node.location(in: path), message)
  }
}
