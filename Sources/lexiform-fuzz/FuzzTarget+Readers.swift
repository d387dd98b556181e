import LexiformAugmentation
import LexiformCore
import LexiformLexicon
import LexiformParallelText
import LexiformTokenization
import LexiformUniMorph
import LexiformXML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FuzzTarget {
  /// Stops the process as a finding: libFuzzer saves the input that led here.
  static func violated(_ what: String) -> Never {
    StandardError.write("lexiform-fuzz: invariant violated: \(what)\n")
    abort()
  }

  /// Calls `next` until it returns `nil` or throws; more than
  /// ``recordLimit`` records is a finding.
  static func drain<Record>(_ reader: String, _ next: () throws -> Record?) {
    var count = 0
    while count < recordLimit, (try? next()).flatMap({ $0 }) != nil { count += 1 }
    if count == recordLimit { violated("\(reader) returned \(recordLimit) records from a small input") }
  }

  static func readXML(_ data: [UInt8]) {
    let reader = XMLReader(bytes: data, path: "in.xml")
    drain("XMLReader") { try reader.next() }
  }

  static func compareXMLBackends(_ data: [UInt8]) {
    func trace(_ backend: XMLBackend, chunk: Int = 1 << 18) -> (reader: XMLReader, nodes: [String], error: XMLError?) {
      var options = XMLReaderOptions()
      options.backend = backend
      options.chunkSize = chunk
      options.reportsComments = true
      options.reportsProcessingInstructions = true
      let reader = XMLReader(bytes: data, path: "in.xml", options: options)
      let (nodes, error) = reader._trace(normalizingCDATALineEnds: backend == .libxml2)
      return (reader, nodes, error)
    }
    let reference = trace(.libxml2)
    let native = trace(.automatic)
    switch (reference.error, native.error) {
    case (nil, nil):
      if native.nodes != reference.nodes {
        let i = zip(native.nodes, reference.nodes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
          ?? min(native.nodes.count, reference.nodes.count)
        let show = { (nodes: [String]) in i < nodes.count ? nodes[i] : "(end)" }
        violated("node \(i): native \(show(native.nodes)) vs libxml2 \(show(reference.nodes))")
      }
    case (nil, let error?):
      violated("only the native backend fails: \(error)")
    case (let error?, nil):
      violated("only libxml2 fails: \(error)")
    case (_?, let error?):
      if native.reader.backendInUse == .native, error.location?.line == nil {
        violated("native error without a line: \(error)")
      }
    }
    let bytewise = trace(.automatic, chunk: 1)
    if bytewise.nodes != native.nodes || bytewise.error?.message != native.error?.message {
      violated("one byte at a time: \(bytewise.nodes.count) nodes, \(String(describing: bytewise.error)) vs \(native.nodes.count), \(String(describing: native.error))")
    }
  }

  static func readLexicon<Reader: LexiconReader>(
    _ path: String, _ open: (String, LexiconReaderOptions) throws -> Reader
  ) {
    for lenient in [true, false] {
      guard let reader = try? open(path, LexiconReaderOptions(lenient: lenient)) else { continue }
      drain("\(Reader.self)") { try reader.next() }
    }
  }

  static func readDictd(_ data: [UInt8], scratch: FuzzScratch) {
    let parts = data.fuzzParts(2)
    let index = scratch.write(parts[0], as: "in.index")
    scratch.write(parts[1], as: "in.dict")
    readLexicon(index, DictdReader.init)
    guard let dictionary = try? DictdDictionary(path: index) else { return }
    for line in String(decoding: parts[0], as: UTF8.self).split(separator: "\n").prefix(20) {
      let word = String(line.split(separator: "\t").first ?? "")
      _ = try? dictionary.lookup(word)
      _ = dictionary.positions(of: word)
    }
  }

  static func readDictzip(_ path: String) {
    guard let text = try? DictdText(path: path) else { return }
    let step = max(1, min(text.length, text.chunkLength > 0 ? text.chunkLength : 4096))
    var offset = 0
    var reads = 0
    while offset < text.length, reads < 256 {
      _ = try? text.read(offset: offset, length: min(step, text.length - offset))
      offset += step
      reads += 1
    }
    _ = try? text.read(offset: 0, length: min(text.length, 1 << 16))
    _ = try? text.read(offset: text.length, length: 1)
  }

  static func readUniMorph(_ path: String) {
    for lenient in [true, false] {
      let reader = UniMorphTableReader(paths: [path], options: UniMorphReaderOptions(lenient: lenient))
      drain("UniMorphTableReader") { () throws -> UniMorphEntry? in
        let entry = try reader.next()
        if let entry { _ = try? FeatureBundle(parsing: entry.tags, at: entry.location) }
        return entry
      }
    }
    _ = try? UniMorphValidator().validate(path: path) { _ in }
  }

  static func parseBundles(_ data: [UInt8]) {
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
      guard let bundle = try? FeatureBundle(parsing: String(line)) else { continue }
      let printed = bundle.description
      guard let again = try? FeatureBundle(parsing: printed) else {
        violated("bundle \(String(reflecting: String(line))) prints as \(String(reflecting: printed)), which does not parse")
      }
      if again != bundle || again.description != printed {
        violated("bundle \(String(reflecting: String(line))) prints as \(String(reflecting: printed)), which parses differently")
      }
      _ = bundle.canonicalized()
    }
  }

  static func readParallel<Reader: ParallelReader>(_ open: (Bool) throws -> Reader) {
    for lenient in [true, false] {
      guard let reader = try? open(lenient) else { continue }
      drain("\(Reader.self)") { try reader.next() }
    }
  }

  static func readBible<Reader: BibleVerseReader>(_ open: (Bool) throws -> Reader) {
    for lenient in [true, false] {
      guard let reader = try? open(lenient) else { continue }
      drain("\(Reader.self)") { try reader.next() }
    }
  }

  /// Shared between inputs: building a tokenizer loads ICU data and the profile.
  nonisolated(unsafe) static var tokenizers: [Tokenizer] = []
  nonisolated(unsafe) static var normalizer: TextNormalizer?

  static func tokenize(_ path: String) {
    if tokenizers.isEmpty {
      for options in [
        TokenizerOptions(), TokenizerOptions(splitsAtScriptChanges: true),
        TokenizerOptions(language: "fr", style: .moses, mosesAggressiveHyphens: true),
      ] {
        if let tokenizer = try? Tokenizer(options: options) { tokenizers.append(tokenizer) }
      }
      normalizer = try? TextNormalizer(
        options: TextNormalizerOptions(
          language: "tr", unifiesApostrophes: true, removesFormatCharacters: true, collapsesWhitespace: true,
          caseMapping: .fold))
    }
    guard let reader = try? LineReader(path: path, options: LineReaderOptions(lenient: true)) else { return }
    var output: [UInt8] = []
    while true {
      let more = try? reader.withNextLine { (line: UnsafeBufferPointer<UInt8>, _) -> Bool in
        for tokenizer in tokenizers {
          guard (try? tokenizer.tokenize(utf8: line)) != nil else { continue }
          var previousEnd = 0
          for index in 0..<tokenizer.count {
            let range = tokenizer.utf8Range(ofToken: index)
            if range.lowerBound < previousEnd || range.upperBound > line.count || range.isEmpty {
              violated(
                "tokenizer \(tokenizer.options): token \(index) at \(range) after \(previousEnd) in "
                  + String(reflecting: String(decoding: line, as: UTF8.self)))
            }
            previousEnd = range.upperBound
            output.removeAll(keepingCapacity: true)
            tokenizer.appendText(ofToken: index, line: line, to: &output)
          }
        }
        output.removeAll(keepingCapacity: true)
        try? normalizer?.transform(line, into: &output)
        return true
      }
      guard more == true else { break }
    }
  }

  static func readGzip(_ path: String) {
    guard let source = try? Input.open(path) else { return }
    let reader = LineReader(source: source, options: LineReaderOptions(lenient: true))
    drain("LineReader over gzip") { try reader.nextLine() }
  }
}

extension FuzzTarget {
  /// A small English–Swahili table with multiword sources, built once.
  nonisolated(unsafe) static var augmentation: (Tokenizer, TranslationTable)?

  static func augment(_ path: String, format: AugmentationFormat) {
    if augmentation == nil, let tokenizer = try? Tokenizer() {
      let builder = TranslationTableBuilder(tokenizer: tokenizer, sourceLocale: "en", targetLocale: "sw")
      for (source, translation, score) in [
        ("cat", "paka", 0.9), ("cat", "nyau", 0.1), ("the cat", "paka yule", 1.0), ("New York", "Nairobi", 1.0),
        ("book", "kitabu", 1.0), ("I", "mimi", 1.0), ("İstanbul", "Istanbuli", 1.0),
      ] {
        builder.add(source: source, translation: translation, score: score)
      }
      augmentation = (tokenizer, builder.build(language: "sw", name: "fuzz"))
    }
    guard let (tokenizer, table) = augmentation else { return }
    for (mode, lenient) in [(AugmentationOptions.Mode.translate, true), (.codeswitch(ratio: 0.5, cross: 0.5), false)] {
      guard let reader = try? LineReader(path: path, options: LineReaderOptions(lenient: lenient)) else { continue }
      let augmenter = RecordAugmenter.make(
        format: format, tables: [table], options: AugmentationOptions(mode: mode, choice: .sample, seed: 7),
        tokenizer: tokenizer, recordsSwitches: true)
      augmenter.lenient = lenient
      _ = try? AugmentationRunner(format: format, threads: 1).run(
        readers: [reader], augmenters: [augmenter], write: { _ in }, writeSwitches: { _ in })
    }
  }
}
