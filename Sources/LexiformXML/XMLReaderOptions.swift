/// What an ``XMLReader`` reports and how it reads.
///
/// Whatever the options, the reader never fetches anything over the network,
/// never loads external entities or DTDs from disk, and keeps libxml2's
/// limits on depth and entity expansion (`XML_PARSE_HUGE` is never set).
public struct XMLReaderOptions: Sendable {
  /// Whether text made only of XML whitespace (space, tab, CR, LF) between
  /// tags is reported. Default `true`, so that nothing is lost; readers of
  /// data formats usually switch it off.
  public var reportsWhitespaceText: Bool = true
  /// Whether comments are reported. Default `false`.
  public var reportsComments: Bool = false
  /// Whether processing instructions are reported. Default `false`.
  public var reportsProcessingInstructions: Bool = false
  /// How many bytes are read and parsed at a time. Default 64 KiB; memory
  /// use is a small multiple of this whatever the size of the file.
  public var chunkSize: Int = 1 << 16

  /// The deepest element nesting accepted. Default 256, libxml2's own limit
  /// without `XML_PARSE_HUGE` (its push parser does not check it itself).
  public var maxDepth: Int = 256
  /// How many bytes of text and markup entity references may expand to, in
  /// all, before the document is refused. Default 16 MiB, or 10 times the
  /// document's size when that is larger: a "billion laughs" document fails
  /// at once instead of expanding for minutes.
  public var maxEntityExpansion: Int = 16 << 20
  /// The longest text node (text or CDATA between two tags) accepted, in
  /// bytes. Default 10,000,000, libxml2's `XML_MAX_TEXT_LENGTH` without
  /// `XML_PARSE_HUGE` (which its SAX interface does not check for us): a
  /// gigabyte of text without a tag is an error, not a gigabyte of memory.
  public var maxTextLength: Int = 10_000_000
  /// Which parser reads the document. Default ``XMLBackend/automatic``:
  /// Lexiform's own XML 1.0 parser for UTF-8 documents it fully supports
  /// (10–25% less time than libxml2 on the shared lexicons, BENCHMARKS.md),
  /// libxml2 for the others. Both give the same
  /// nodes; error messages differ in wording.
  public var backend: XMLBackend = .automatic
  /// Whether the native parser parses the document on a second thread,
  /// a few chunks ahead of the caller, when the machine has more than one
  /// processor. Default `true`. The nodes, their order and the errors are
  /// the same either way; memory grows by about three chunks.
  public var readsAhead: Bool = true

  /// Creates options with the documented defaults.
  public init() {}
}

/// Which parser an ``XMLReader`` uses.
public enum XMLBackend: Sendable, Hashable {
  /// Lexiform's own parser when the document is UTF-8 (or ASCII) and needs
  /// nothing it leaves to libxml2, libxml2 otherwise; decided before the
  /// first node is handed out. The default.
  case automatic
  /// libxml2 for every document.
  case libxml2
  /// Lexiform's own parser; a document it leaves to libxml2 (another
  /// encoding, a DOCTYPE with more than plain-text entities, …) is an
  /// ``XMLError`` with code `unexpected`. For tests and comparisons.
  case native
}
