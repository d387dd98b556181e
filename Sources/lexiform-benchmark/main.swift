// lexiform-benchmark: the Lexiform side of tools/benchmark.sh.
//
//   lexiform-benchmark xml FILE          read FILE with XMLReader.read() (the
//                                        cursor API); print
//                                        `elements=N attributes=M textbytes=T`
//   lexiform-benchmark xml-events FILE   the same through XMLReader.next(),
//                                        which builds an XMLEvent per node
//
// Output is checked against the peers' (same counts), so each benchmark does
// the same work as the peer it is compared with.
import Lexiform

#if canImport(Glibc)
  import Glibc
#endif

func fail(_ message: String) -> Never {
  StandardError.writeLine("lexiform-benchmark: \(message)")
  exit(1)
}

/// Reads with the cursor API (what Lexiform's own format readers use).
func benchmarkXML(_ path: String) {
  var elements = 0
  var attributes = 0
  var textBytes = 0
  do {
    let reader = try XMLReader(path: path)
    while let kind = try reader.read() {
      switch kind {
      case .startElement:
        elements += 1
        attributes += reader.attributeCount
        _ = reader.name
      case .text, .cdata:
        textBytes += reader.withUTF8Text { $0.count }
      default:
        break
      }
    }
  } catch {
    fail("\(error)")
  }
  print("elements=\(elements) attributes=\(attributes) textbytes=\(textBytes)")
}

/// Reads with the event API, building an `XMLEvent` (with strings) per node.
func benchmarkXMLEvents(_ path: String) {
  var elements = 0
  var attributes = 0
  var textBytes = 0
  do {
    let reader = try XMLReader(path: path)
    while let event = try reader.next() {
      switch event.kind {
      case .startElement(let element):
        elements += 1
        attributes += element.attributes.count
      case .text(let text), .cdata(let text):
        textBytes += text.utf8.count
      default:
        break
      }
    }
  } catch {
    fail("\(error)")
  }
  print("elements=\(elements) attributes=\(attributes) textbytes=\(textBytes)")
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("xml", 2):
  benchmarkXML(arguments[arguments.startIndex + 1])
case ("xml-events", 2):
  benchmarkXMLEvents(arguments[arguments.startIndex + 1])
default:
  fail("usage: lexiform-benchmark xml|xml-events FILE")
}
