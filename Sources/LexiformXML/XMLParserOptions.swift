internal import CLibXML2

/// libxml2's parser options (`xmlParserOption`), mirrored with Swift names.
///
/// Only the options Lexiform uses or deliberately leaves off are listed; each
/// is tested against the C value.
struct XMLParserOptions: OptionSet, Sendable {
  var rawValue: Int32

  /// Replace entity references by their content. The corresponding libxml2
  /// constant is `XML_PARSE_NOENT`.
  static let substituteEntities = XMLParserOptions(rawValue: 1 << 1)
  /// Load the external DTD (never set). `XML_PARSE_DTDLOAD`.
  static let loadExternalDTD = XMLParserOptions(rawValue: 1 << 2)
  /// Suppress error reports on stderr. `XML_PARSE_NOERROR`.
  static let noErrorOutput = XMLParserOptions(rawValue: 1 << 5)
  /// Suppress warning reports on stderr. `XML_PARSE_NOWARNING`.
  static let noWarningOutput = XMLParserOptions(rawValue: 1 << 6)
  /// Forbid network access. `XML_PARSE_NONET`.
  static let noNetwork = XMLParserOptions(rawValue: 1 << 11)
  /// Lift libxml2's hard-coded limits (never set). `XML_PARSE_HUGE`.
  static let huge = XMLParserOptions(rawValue: 1 << 19)
  /// Keep line numbers above 65535 in nodes. `XML_PARSE_BIG_LINES`.
  static let bigLines = XMLParserOptions(rawValue: 1 << 22)

  /// What ``XMLReader`` uses: entities substituted (internal ones only: the
  /// entity loader refuses external ones), no network, no output on stderr,
  /// libxml2's limits kept.
  static let readerDefaults: XMLParserOptions = [
    .substituteEntities, .noNetwork, .noErrorOutput, .noWarningOutput, .bigLines,
  ]
}

/// The C values of ``XMLParserOptions``, by C name, for tests.
let _xmlParserOptionConstants: [(name: String, swift: Int32, c: Int32)] = [
  ("XML_PARSE_NOENT", XMLParserOptions.substituteEntities.rawValue, Int32(XML_PARSE_NOENT.rawValue)),
  ("XML_PARSE_DTDLOAD", XMLParserOptions.loadExternalDTD.rawValue, Int32(XML_PARSE_DTDLOAD.rawValue)),
  ("XML_PARSE_NOERROR", XMLParserOptions.noErrorOutput.rawValue, Int32(XML_PARSE_NOERROR.rawValue)),
  ("XML_PARSE_NOWARNING", XMLParserOptions.noWarningOutput.rawValue, Int32(XML_PARSE_NOWARNING.rawValue)),
  ("XML_PARSE_NONET", XMLParserOptions.noNetwork.rawValue, Int32(XML_PARSE_NONET.rawValue)),
  ("XML_PARSE_HUGE", XMLParserOptions.huge.rawValue, Int32(XML_PARSE_HUGE.rawValue)),
  ("XML_PARSE_BIG_LINES", XMLParserOptions.bigLines.rawValue, Int32(XML_PARSE_BIG_LINES.rawValue)),
]

/// libxml2's error levels (`xmlErrorLevel`), mirrored.
enum XMLErrorLevel: Int32 {
  /// `XML_ERR_NONE`.
  case none = 0
  /// `XML_ERR_WARNING`.
  case warning = 1
  /// `XML_ERR_ERROR`: recoverable, e.g. a namespace error.
  case error = 2
  /// `XML_ERR_FATAL`: the document is not well-formed.
  case fatal = 3
}

/// The C values of ``XMLErrorLevel``, by C name, for tests.
let _xmlErrorLevelConstants: [(name: String, swift: Int32, c: Int32)] = [
  ("XML_ERR_NONE", XMLErrorLevel.none.rawValue, Int32(XML_ERR_NONE.rawValue)),
  ("XML_ERR_WARNING", XMLErrorLevel.warning.rawValue, Int32(XML_ERR_WARNING.rawValue)),
  ("XML_ERR_ERROR", XMLErrorLevel.error.rawValue, Int32(XML_ERR_ERROR.rawValue)),
  ("XML_ERR_FATAL", XMLErrorLevel.fatal.rawValue, Int32(XML_ERR_FATAL.rawValue)),
]
