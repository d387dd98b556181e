import Foundation

/// A fixture that does not exist: a bug in the test, not a reason to skip.
public struct MissingFixtureError: Error, CustomStringConvertible {
  /// The path that was looked for.
  public var path: String
  /// `missing fixture: PATH`.
  public var description: String { "missing fixture: \(path)" }
}

/// The directory of the test target that contains `filePath`:
/// `Tests/<Target>/`, found by walking up to the directory whose parent is
/// `Tests`, so that test files in subdirectories work too.
/// - Parameter filePath: A test source file, normally `#filePath`.
/// - Returns: The test target's directory, without a trailing `/`.
public func testTargetDirectory(containing filePath: String) -> String {
  var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
  while directory.path != "/" {
    if directory.deletingLastPathComponent().lastPathComponent == "Tests" {
      return directory.path
    }
    directory = directory.deletingLastPathComponent()
  }
  return URL(fileURLWithPath: filePath).deletingLastPathComponent().path
}

/// The path of a fixture file in `Tests/<Target>/Fixtures/`, where
/// `<Target>` is the test target of the calling file.
///
/// ```swift
/// let path = try fixturePath("crlf.tsv")  // Tests/LexiformCoreTests/Fixtures/crlf.tsv
/// ```
/// - Parameters:
///   - name: The fixture's path relative to `Fixtures/`.
///   - filePath: The calling test file; leave the default.
/// - Returns: The fixture's absolute path.
/// - Throws: ``MissingFixtureError`` when the fixture does not exist.
public func fixturePath(_ name: String, filePath: StaticString = #filePath) throws -> String {
  let path = testTargetDirectory(containing: "\(filePath)") + "/Fixtures/" + name
  guard FileManager.default.fileExists(atPath: path) else { throw MissingFixtureError(path: path) }
  return path
}

/// The bytes of a fixture file in `Tests/<Target>/Fixtures/`.
/// - Parameters:
///   - name: The fixture's path relative to `Fixtures/`.
///   - filePath: The calling test file; leave the default.
/// - Returns: The file's contents.
/// - Throws: ``MissingFixtureError`` when the fixture does not exist, or the
///   error from reading it.
public func fixtureBytes(_ name: String, filePath: StaticString = #filePath) throws -> [UInt8] {
  let path = try fixturePath(name, filePath: filePath)
  return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
