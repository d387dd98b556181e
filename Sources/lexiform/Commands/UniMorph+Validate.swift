import ArgumentParser
import Lexiform

extension LexiformCommand.UniMorph {
  /// `lexiform unimorph validate FILE… [--columns …] [--json]`.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      var diagnostics = ""
      defer { StandardError.write(diagnostics) }
      for file in files {
        let summary = try validator.validate(path: file) { problem in
          if let output {
            try? output.write(Self.jsonLine(problem))
          } else {
            diagnostics += problem.description
            diagnostics += "\n"
            if diagnostics.utf8.count >= 1 << 16 {
              StandardError.write(diagnostics)
              diagnostics = ""
            }
          }
        }
        StandardError.write(diagnostics)
        diagnostics = ""
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
