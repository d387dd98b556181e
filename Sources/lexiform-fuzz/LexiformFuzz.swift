// The entry points of `lexiform-fuzz`.
//
// Built normally (`swift build`), it is a replayer: `lexiform-fuzz TARGET
// FILE...` runs each file through the target once, so that saved crash inputs
// and the seed corpus run in CI without sanitizers. Built for fuzzing by
// tools/fuzz.sh (`-sanitize=fuzzer,address -DLEXIFORM_FUZZ`), it is a
// libFuzzer binary whose target is chosen by the environment variable
// LEXIFORM_FUZZ_TARGET.

import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if LEXIFORM_FUZZ

  /// libFuzzer's driver (compiler-rt `FuzzerDriver.cpp`), for programs that
  /// have their own `main`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  nonisolated(unsafe) var fuzzTarget = FuzzTarget.xml
  nonisolated(unsafe) var fuzzScratch: FuzzScratch?

  /// The executable's entry point: SwiftPM links executables with
  /// `main` = `<module>_main`, and libFuzzer's own `main` is not used.
  @_cdecl("lexiform_fuzz_main")
  func lexiformFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    let name = getenv("LEXIFORM_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      StandardError.write(
        "lexiform-fuzz: set LEXIFORM_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))\n"
      )
      return 2
    }
    fuzzTarget = target
    fuzzScratch = FuzzScratch()
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
      guard let scratch = fuzzScratch else { return 0 }
      let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
      fuzzTarget.run(bytes, scratch: scratch)
      return 0
    }
  }

#else

  /// Replays inputs through a fuzz target (the build without sanitizers).
  @main
  enum LexiformFuzzReplay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        StandardError.write(
          """
          usage: lexiform-fuzz TARGET FILE...
          Runs each FILE through TARGET once (a fuzzing build runs libFuzzer instead: tools/fuzz.sh).
          targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))

          """)
        exit(2)
      }
      let scratch = FuzzScratch()
      var replayed = 0
      for path in arguments.dropFirst() {
        guard let bytes = readAll(path) else {
          StandardError.write("lexiform-fuzz: \(path): cannot read\n")
          exit(1)
        }
        target.run(bytes, scratch: scratch)
        replayed += 1
      }
      print("\(target.rawValue): \(replayed) inputs replayed")
    }

    /// The whole file.
    static func readAll(_ path: String) -> [UInt8]? {
      guard let source = try? FileByteSource(path: path) else { return nil }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { raw in (try? source.read(into: raw)) ?? -1 }
        if n < 0 { return nil }
        if n == 0 { return bytes }
        bytes.append(contentsOf: buffer[0..<n])
      }
    }
  }

#endif
