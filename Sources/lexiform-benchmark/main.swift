// lexiform-benchmark: the Lexiform side of tools/benchmark.sh.
//
//   lexiform-benchmark xml FILE          read FILE with XMLReader.read() (the
//                                        cursor API); print
//                                        `elements=N attributes=M textbytes=T`
//   lexiform-benchmark xml-libxml2 FILE  the same with the libxml2 backend
//                                        (XMLReaderOptions.backend = .libxml2)
//   lexiform-benchmark xml-events FILE   the same through XMLReader.next(),
//                                        which builds an XMLEvent per node
//   lexiform-benchmark dictd-lookup FILE N  time N seeded random lookups in a
//                                        dictd dictionary (random access)
//   lexiform-benchmark neural-inflect TRAIN DEV [key=value…]  train the neural
//                                        inflection model, score and time it
//                                        (NeuralInflection.swift)
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

/// What the XML benchmarks count; the peers print the same line.
struct XMLCounts {
  var elements = 0
  var attributes = 0
  var textBytes = 0

  /// Runs `body` on a reader for `path`, then prints the counts (or fails).
  static func measure(
    _ path: String, backend: XMLBackend = .automatic, _ body: (XMLReader, inout XMLCounts) throws -> Void
  ) {
    var counts = XMLCounts()
    var options = XMLReaderOptions()
    options.backend = backend
    do {
      try body(try XMLReader(path: path, options: options), &counts)
    } catch {
      fail("\(error)")
    }
    print("elements=\(counts.elements) attributes=\(counts.attributes) textbytes=\(counts.textBytes)")
  }
}

/// Reads with the cursor API (what Lexiform's own format readers use).
func benchmarkXML(_ path: String, backend: XMLBackend = .automatic) {
  XMLCounts.measure(path, backend: backend) { reader, counts in
    while let kind = try reader.read() {
      switch kind {
      case .startElement:
        counts.elements += 1
        counts.attributes += reader.attributeCount
        _ = reader.name
      case .text, .cdata:
        counts.textBytes += reader.withUTF8Text { $0.count }
      default:
        break
      }
    }
  }
}

/// Reads with the event API, building an `XMLEvent` (with strings) per node.
func benchmarkXMLEvents(_ path: String) {
  XMLCounts.measure(path) { reader, counts in
    while let event = try reader.next() {
      switch event.kind {
      case .startElement(let element):
        counts.elements += 1
        counts.attributes += element.attributes.count
      case .text(let text), .cdata(let text):
        counts.textBytes += text.utf8.count
      default:
        break
      }
    }
  }
}

/// Opens a dictd dictionary once, then times `count` lookups of headwords
/// drawn from its index with a seeded generator (each lookup reads and
/// inflates only the dictzip chunk its definition is in). Prints the mean
/// and the slowest lookup in milliseconds.
func benchmarkDictdLookup(_ path: String, _ count: Int) {
  do {
    let start = ContinuousClock.now
    let dictionary = try DictdDictionary(path: path)
    let opened = ContinuousClock.now - start
    var random = SeededRandom(seed: 1)
    var total = Duration.zero
    var slowest = Duration.zero
    var found = 0
    for _ in 0..<count {
      let word = dictionary.index[random.uniform(below: dictionary.index.count)].key
      let t0 = ContinuousClock.now
      found += try dictionary.lookup(word).count
      let took = ContinuousClock.now - t0
      total += took
      slowest = max(slowest, took)
    }
    func ms(_ d: Duration) -> String {
      let (seconds, attoseconds) = d.components
      return String(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
    print("lookups=\(count) found=\(found) open_ms=\(ms(opened)) mean_ms=\(ms(total / count)) max_ms=\(ms(slowest))")
  } catch {
    fail("\(error)")
  }
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("xml", 2):
  benchmarkXML(arguments[arguments.startIndex + 1])
case ("dictd-lookup", 3):
  benchmarkDictdLookup(arguments[arguments.startIndex + 1], Int(arguments[arguments.startIndex + 2]) ?? 200)
case ("neural-inflect", _) where arguments.count >= 3:
  benchmarkNeuralInflection(Array(arguments.dropFirst()))
case ("xml-libxml2", 2):
  benchmarkXML(arguments[arguments.startIndex + 1], backend: .libxml2)
case ("xml-events", 2):
  benchmarkXMLEvents(arguments[arguments.startIndex + 1])
default:
  fail("usage: lexiform-benchmark xml|xml-libxml2|xml-events FILE | dictd-lookup FILE COUNT")
}
