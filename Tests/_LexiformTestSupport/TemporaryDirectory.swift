import Foundation

/// A fresh directory under the system's temporary directory, removed with
/// everything in it when the object goes away.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// let input = try directory.write("a\tb\n", to: "in.tsv")
/// ```
public final class TemporaryDirectory {
  /// The directory's absolute path.
  public let path: String

  /// Creates the directory with `mkdtemp(3)`.
  /// - Parameter prefix: The start of the directory's name.
  /// - Throws: `CocoaError` when the directory cannot be created.
  public init(prefix: String = "lexiform-test") throws {
    let base = NSTemporaryDirectory()
    var template = Array((URL(fileURLWithPath: base).appendingPathComponent("\(prefix).XXXXXX").path).utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
      return String(cString: base)
    }
    guard let created else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base])
    }
    path = created
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the directory (the file need not exist).
  /// - Parameter name: A relative path.
  /// - Returns: The absolute path.
  public func file(_ name: String) -> String {
    path + "/" + name
  }

  /// Writes bytes to a file in the directory, replacing it.
  /// - Parameters:
  ///   - bytes: The contents.
  ///   - name: The file's relative path; its parent must exist.
  /// - Returns: The file's absolute path.
  /// - Throws: The error from writing.
  @discardableResult
  public func write(bytes: [UInt8], to name: String) throws -> String {
    let target = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }

  /// Writes text as UTF-8 to a file in the directory, replacing it.
  /// - Parameters:
  ///   - text: The contents.
  ///   - name: The file's relative path; its parent must exist.
  /// - Returns: The file's absolute path.
  /// - Throws: The error from writing.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    try write(bytes: Array(text.utf8), to: name)
  }

  /// The names in the directory (not recursive), sorted.
  /// - Returns: The file names, including hidden ones.
  /// - Throws: The error from listing.
  public func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }
}

/// Runs `body` with a fresh temporary directory, then removes it.
/// - Parameter body: Receives the directory.
/// - Returns: What `body` returned.
/// - Throws: The error from creating the directory, or what `body` throws.
public func withTemporaryDirectory<R>(_ body: (TemporaryDirectory) throws -> R) throws -> R {
  let directory = try TemporaryDirectory()
  return try withExtendedLifetime(directory) { try body(directory) }
}
