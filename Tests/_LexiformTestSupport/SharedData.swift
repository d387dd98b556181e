import Foundation
import XCTest

/// The environment variable that points at the shared data directory,
/// overriding `../shared/data` next to the package.
public let sharedDataEnvironmentVariable = "LEXIFORM_SHARED_DATA"

/// The package's root directory: the nearest directory above this file
/// that contains `Package.swift`.
/// - Parameter filePath: Where to start looking; leave the default.
/// - Returns: The root's path, or `nil` if none is found.
public func packageRootDirectory(filePath: StaticString = #filePath) -> String? {
  var directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent()
  while directory.path != "/" {
    if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
      return directory.path
    }
    directory = directory.deletingLastPathComponent()
  }
  return nil
}

/// The path of a file or directory in the shared data directory: the
/// directory named by `LEXIFORM_SHARED_DATA`, or else `../shared/data`
/// relative to the package root.
///
/// Large corpora are not part of the repository, so a test that needs one
/// is skipped, not failed, on machines without it:
///
/// ```swift
/// let path = try sharedDataURL("sigmorphon2023/eng.trn")
/// ```
/// - Parameter relative: The path inside the shared data directory.
/// - Returns: The absolute path of the existing file or directory.
/// - Throws: `XCTSkip`, saying what is absent and where it was looked for,
///   when the data directory or the file does not exist.
public func sharedDataURL(_ relative: String) throws -> String {
  let directory: String
  let origin: String
  if let fromEnvironment = ProcessInfo.processInfo.environment[sharedDataEnvironmentVariable],
    !fromEnvironment.isEmpty
  {
    directory = fromEnvironment
    origin = "\(sharedDataEnvironmentVariable)=\(fromEnvironment)"
  } else if let root = packageRootDirectory() {
    directory =
      URL(fileURLWithPath: root).deletingLastPathComponent()
      .appendingPathComponent("shared/data").standardizedFileURL.path
    origin = "../shared/data next to the package"
  } else {
    throw XCTSkip(
      "shared data absent: the package root was not found above \(#filePath); "
        + "set \(sharedDataEnvironmentVariable) to the data directory")
  }
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
  else {
    throw XCTSkip(
      "shared data directory \(directory) is absent (from \(origin)); "
        + "set \(sharedDataEnvironmentVariable) to run this test")
  }
  let path = URL(fileURLWithPath: directory).appendingPathComponent(relative).path
  guard FileManager.default.fileExists(atPath: path) else {
    throw XCTSkip("shared data file \(relative) is absent from \(directory) (from \(origin))")
  }
  return path
}
