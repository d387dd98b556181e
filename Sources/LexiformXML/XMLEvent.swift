public import LexiformCore

/// An element or attribute name with its namespace.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
  /// The local part (`orth` in `<tei:orth>`).
  public var localName: String
  /// The prefix as written (`tei`), or `nil`.
  public var prefix: String?
  /// The namespace URI the name is in, or `nil` for no namespace.
  public var namespaceURI: String?

  /// Creates a name.
  /// - Parameters:
  ///   - localName: The local part.
  ///   - prefix: The prefix as written, if any.
  ///   - namespaceURI: The namespace, if any.
  public init(_ localName: String, prefix: String? = nil, namespaceURI: String? = nil) {
    self.localName = localName
    self.prefix = prefix
    self.namespaceURI = namespaceURI
  }

  /// The name as written: `prefix:local` or `local`.
  public var qualifiedName: String {
    if let prefix { return "\(prefix):\(localName)" }
    return localName
  }

  public var description: String { qualifiedName }
}

/// An attribute of a start tag, with entity and character references
/// replaced and whitespace normalized as XML 1.0 §3.3.3 requires.
public struct XMLAttribute: Hashable, Sendable {
  /// The attribute's name (`xml:lang` has prefix `xml` and the XML namespace).
  public var name: XMLName
  /// The attribute's value.
  public var value: String
  /// Whether the value comes from a default in the DTD rather than the tag.
  public var isDefaulted: Bool

  /// Creates an attribute.
  public init(name: XMLName, value: String, isDefaulted: Bool = false) {
    self.name = name
    self.value = value
    self.isDefaulted = isDefaulted
  }
}

/// A namespace declaration (`xmlns:p="uri"` or `xmlns="uri"`) on a start tag.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
  /// The declared prefix, or `nil` for the default namespace.
  public var prefix: String?
  /// The namespace URI (empty to undeclare the default namespace).
  public var uri: String
}

/// A start tag: its name, attributes and namespace declarations.
public struct XMLStartElement: Hashable, Sendable {
  /// The element's name.
  public var name: XMLName
  /// The attributes in document order, defaulted ones last.
  public var attributes: [XMLAttribute]
  /// The namespace declarations written on this tag.
  public var namespaceDeclarations: [XMLNamespaceDeclaration]

  /// The value of the attribute with this local name (in no namespace, or in
  /// the XML namespace for `lang`, `space`, `id` and `base`), or `nil`.
  /// - Parameter localName: The attribute's local name.
  /// - Returns: Its value, if present.
  /// - Complexity: O(*n*) in the number of attributes.
  public func attribute(_ localName: String) -> String? {
    for attribute in attributes where attribute.name.localName == localName {
      if attribute.name.namespaceURI == nil || attribute.name.prefix == "xml" {
        return attribute.value
      }
    }
    return nil
  }

  /// The value of the attribute with this local name in this namespace.
  /// - Parameters:
  ///   - localName: The attribute's local name.
  ///   - namespaceURI: The attribute's namespace.
  /// - Returns: Its value, if present.
  public func attribute(_ localName: String, namespaceURI: String) -> String? {
    attributes.first { $0.name.localName == localName && $0.name.namespaceURI == namespaceURI }?
      .value
  }
}

/// One event of a streamed XML document, with where it starts.
public struct XMLEvent: Sendable {
  /// What the event is.
  public enum Kind: Sendable {
    /// A start tag (`<e r="LR">`, or the start of `<b/>`).
    case startElement(XMLStartElement)
    /// An end tag (`</e>`, or the end of `<b/>`).
    case endElement(XMLName)
    /// Character data between tags, with references replaced. A run of text is
    /// one event, however libxml2 delivered it.
    case text(String)
    /// The content of a CDATA section.
    case cdata(String)
    /// A comment, when ``XMLReaderOptions/reportsComments`` is on.
    case comment(String)
    /// A processing instruction, when
    /// ``XMLReaderOptions/reportsProcessingInstructions`` is on.
    case processingInstruction(target: String, data: String)
  }

  /// What the event is.
  public var kind: Kind
  /// Where it starts: the `<` of a tag, the first character of text.
  public var location: SourceLocation
  /// The element depth: 0 for the root element's start and end tags, 1 for
  /// its children and for text directly inside the root.
  public var depth: Int
}
