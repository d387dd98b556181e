internal import LexiformCore
internal import LexiformXML

/// How the XML-based readers (TMX, XCES, CES Bibles) open files and report
/// errors: every failure becomes a located ``ParallelTextError``.
enum XMLInput {
  /// Opens an XML file (gzip or `-`).
  static func open(_ path: String) throws(ParallelTextError) -> XMLReader {
    do {
      return try XMLReader(path: path)
    } catch {
      throw ParallelTextError(error)
    }
  }

  /// Runs a reading step, turning XML errors (and any other) into
  /// ``ParallelTextError``s located at the reader's current node.
  static func reading<T>(_ reader: XMLReader, _ body: () throws -> T) throws(ParallelTextError) -> T {
    do {
      return try body()
    } catch let error as ParallelTextError {
      throw error
    } catch let error as XMLError {
      throw ParallelTextError(error)
    } catch {
      throw ParallelTextError(.malformed, at: reader.location, "\(error)")
    }
  }
}

extension ParallelTextError {
  /// Wraps an XML reader's error, keeping its location and message.
  init(_ error: XMLError) {
    self.init(error.code == .unreadable ? .io : .malformed, at: error.location, error.message, underlyingError: error)
  }
}
