import ArgumentParser
import Lexiform

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph validate FILE… [--columns …] [--json]`.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Report every problem in UniMorph tables, with file:line:column.",
      discussion: """
        Errors: a feature not in the UniMorph schema, two features of one dimension \
        without + or /, a repeated feature, unbalanced parentheses, a row without \
        three fields, an empty field, a lemma or form not in NFC, a duplicate row, \
        invalid UTF-8. Warning: a form that shares nothing with its lemma. Each \
        problem goes to stderr as PATH:LINE:COL: error|warning: MESSAGE (with \
        --json, one JSON object per problem goes to stdout instead). Exit status 1 \
        if there was any error, else 0.
        """)

    @OptionGroup var globals: GlobalOptions
    @ParentCommand var root: LexiformCommand

    @Option(help: "The column order; auto detects it per file (reported on stderr).")
    var columns: UniMorphColumnsArgument = .auto

    @Flag(help: "Print one JSON object per problem on stdout (path, line, column, severity, code, message).")
    var json = false

    @Flag(name: .customLong("no-warnings"), help: "Do not check whether forms are built on their lemma.")
    var noWarnings = false

    @Argument(help: "The tables (.gz is read transparently; - is standard input).")
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give at least one table to validate") }
    }

    mutating func run() throws {
      let options = globals.merged(with: root.globals)
      let validator = UniMorphValidator(
        options: UniMorphValidatorOptions(columns: columns.choice, checksUnrelatedForms: !noWarnings))
      var errors = 0
      var warnings = 0
      let output = json ? try AtomicOutput(path: "-") : nil
      var diagnostics: [UInt8] = []
      diagnostics.reserveCapacity(1 << 16 + 1024)
      func flush() {
        guard !diagnostics.isEmpty else { return }
        StandardError.write(String(decoding: diagnostics, as: UTF8.self))
        diagnostics.removeAll(keepingCapacity: true)
      }
      defer { flush() }
      for file in files {
        let summary = try validator.validate(path: file) { problem in
          if let output {
            try? output.write(Self.jsonLine(problem))
          } else {
            Self.appendLine(problem, to: &diagnostics)
            if diagnostics.count >= 1 << 16 { flush() }
          }
        }
        flush()
        errors += summary.errors
        warnings += summary.warnings
        if !options.quiet {
          let order = "columns \(summary.columnOrder) (\(summary.detected ? "detected" : "given"))"
          StandardError.writeLine(
            "\(file): \(summary.rows) rows, \(order), \(plural(summary.errors, "error")), \(plural(summary.warnings, "warning"))")
        }
      }
      try output?.commit()
      if errors > 0 { throw ExitCode(1) }
    }

    /// Appends `problem.description` and a newline as UTF-8, without the
    /// intermediate strings of string interpolation (a large table can have
    /// hundreds of thousands of problems); strings are copied from their
    /// UTF-8 storage.
    static func appendLine(_ problem: UniMorphError, to bytes: inout [UInt8]) {
      if let location = problem.location {
        appendUTF8(location.path, to: &bytes)
        if location.line > 0 {
          bytes.append(UInt8(ascii: ":"))
          appendDecimal(location.line, to: &bytes)
          if let column = location.column {
            bytes.append(UInt8(ascii: ":"))
            appendDecimal(column, to: &bytes)
          }
        }
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
      }
      appendUTF8(problem.severity.rawValue, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      bytes.append(UInt8(ascii: " "))
      appendUTF8(problem.message, to: &bytes)
      bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends a string's UTF-8 bytes in one copy.
    @inline(__always)
    static func appendUTF8(_ string: String, to bytes: inout [UInt8]) {
      var string = string
      string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `String(value)` as ASCII digits.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
      guard value > 0 else {
        appendUTF8(String(value), to: &bytes)
        return
      }
      var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
      var count = 0
      var rest = value
      withUnsafeMutableBytes(of: &digits) { buffer in
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        while rest > 0 {
          count += 1
          base[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + 24 - count, count: count))
      }
    }

    static func jsonLine(_ problem: UniMorphError) -> String {
      let location = problem.location
      let column = location?.column.map(String.init) ?? "null"
      return "{\"path\":\(jsonString(location?.path ?? "")),\"line\":\(location?.line ?? 0),\"column\":\(column),"
        + "\"severity\":\"\(problem.severity.rawValue)\",\"code\":\"\(problem.code.rawValue)\","
        + "\"message\":\(jsonString(problem.message))}\n"
    }
  }
}

/// `1 error`, `3 errors`.
func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
