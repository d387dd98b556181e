import LexiformCore

/// Little-endian reading of a neural model payload, with errors that say
/// what was expected where.
struct PayloadReader {
  let bytes: [UInt8]
  var offset = 0

  mutating func fail(_ what: String) -> InflectionError {
    InflectionError(
      .corruptModel, at: nil, "neural model payload: expected \(what) at byte \(offset) of \(bytes.count)")
  }

  mutating func uint32(_ what: String) throws(InflectionError) -> Int {
    guard offset + 4 <= bytes.count else { throw fail(what) }
    var v: UInt32 = 0
    for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
    offset += 4
    return Int(v)
  }

  mutating func string(_ what: String) throws(InflectionError) -> String {
    let n = try uint32("the length of \(what)")
    guard offset + n <= bytes.count, let s = String(validating: bytes[offset..<offset + n], as: UTF8.self) else {
      throw fail("\(n) bytes of UTF-8 for \(what)")
    }
    offset += n
    return s
  }

  mutating func floats(_ count: Int, _ what: String) throws(InflectionError) -> [Float] {
    guard count >= 0, offset + 4 * count <= bytes.count else { throw fail("\(count) weights of \(what)") }
    var out = [Float](repeating: 0, count: count)
    out.withUnsafeMutableBytes { dst in
      bytes.withUnsafeBytes { src in
        dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<offset + 4 * count]))
      }
    }
    #if _endian(big)
      out = out.map { Float(bitPattern: $0.bitPattern.byteSwapped) }
    #endif
    offset += 4 * count
    return out
  }
}

extension NeuralInflector {
  /// The payload's magic bytes, `LXNN`, and its own version.
  static let payloadMagic: [UInt8] = Array("LXNN".utf8)
  /// The payload layout's version; a different one is refused with a clear error.
  static let payloadVersion = 3

  /// The payload: magic, version, sizes, beam width, the two vocabularies,
  /// then each network's parameters (name, shape, little-endian `Float32`s).
  func encodePayload() -> [UInt8] {
    var out = Self.payloadMagic
    func u32(_ v: Int) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: UInt32(v) >> (8 * UInt32(k)))) } }
    func str(_ s: String) {
      u32(s.utf8.count)
      out += Array(s.utf8)
    }
    u32(Self.payloadVersion)
    let h = hyperparameters
    for v in [h.characterEmbedding, h.featureEmbedding, h.encoderHidden, h.decoderHidden] { u32(v) }
    u32(Int(h.dropout.bitPattern))
    u32(beamWidth)
    u32(NeuralArchitecture.allCases.firstIndex(of: h.architecture) ?? 0)
    u32(h.remarking ? 1 : 0)
    for table in [symbols, features] {
      u32(table.ordinarySymbols.count)
      for s in table.ordinarySymbols { str(s) }
    }
    u32(networks.count)
    for n in networks {
      u32(n.parameters.parameters.count)
      for p in n.parameters.parameters {
        str(p.name)
        u32(p.rows)
        u32(p.cols)
        var values = p.value
        #if _endian(big)
          values = values.map { Float(bitPattern: $0.bitPattern.byteSwapped) }
        #endif
        values.withUnsafeBytes { out += $0 }
      }
    }
    return out
  }

  /// Reads a payload written by ``encodePayload()``.
  static func decodePayload(_ bytes: [UInt8]) throws(InflectionError) -> NeuralInflector {
    var r = PayloadReader(bytes: bytes)
    guard bytes.count >= 4, Array(bytes[0..<4]) == payloadMagic else {
      throw InflectionError(.corruptModel, at: nil, "neural model payload: expected the bytes LXNN at its start")
    }
    r.offset = 4
    let version = try r.uint32("the payload version")
    guard (1...payloadVersion).contains(version) else {
      throw InflectionError(
        .modelVersion, at: nil,
        "neural model payload version \(version); this build reads versions 1 to \(payloadVersion)")
    }
    var h = NeuralHyperparameters()
    h.characterEmbedding = try r.uint32("the character embedding size")
    h.featureEmbedding = try r.uint32("the feature embedding size")
    h.encoderHidden = try r.uint32("the encoder size")
    h.decoderHidden = try r.uint32("the decoder size")
    h.dropout = Float(bitPattern: UInt32(try r.uint32("the dropout rate")))
    let beam = try r.uint32("the beam width")
    // Version 1 had only the attention decoder; version 2 names the architecture.
    if version == 1 {
      h.architecture = .attention
    } else {
      let code = try r.uint32("the architecture")
      guard code < NeuralArchitecture.allCases.count else {
        throw InflectionError(.corruptModel, at: nil, "neural model payload: unknown architecture \(code)")
      }
      h.architecture = NeuralArchitecture.allCases[code]
    }
    // Version 3 says whether the transducer re-marks; earlier ones did not.
    h.remarking = version >= 3 ? try r.uint32("the re-marking flag") != 0 : false
    var tables: [SymbolTable] = []
    for name in ["alphabet", "feature vocabulary"] {
      let n = try r.uint32("the size of the \(name)")
      var t = SymbolTable()
      for k in 0..<n { t.add(try r.string("\(name) entry \(k)")) }
      tables.append(t)
    }
    let sizes = [h.characterEmbedding, h.featureEmbedding, h.encoderHidden, h.decoderHidden]
    guard sizes.allSatisfy({ $0 > 0 && $0 <= 65_536 }) else {
      throw InflectionError(.corruptModel, at: nil, "neural model payload: implausible sizes \(sizes)")
    }
    let count = try r.uint32("the number of networks")
    guard count >= 1 && count <= 64 else {
      throw InflectionError(.corruptModel, at: nil, "neural model payload: \(count) networks, expected 1 to 64")
    }
    var networks: [NeuralNetwork] = []
    for m in 0..<count {
      let network = NeuralNetwork(
        hyperparameters: h, symbols: tables[0].count, features: tables[1].count, seed: 0,
        marks: h.remarking ? SymbolMarks(symbols: tables[0]) : nil)
      let n = try r.uint32("the parameter count of network \(m)")
      guard n == network.parameters.parameters.count else {
        throw InflectionError(
          .corruptModel, at: nil,
          "neural model payload: network \(m) has \(n) parameters, expected \(network.parameters.parameters.count)")
      }
      for p in network.parameters.parameters {
        let name = try r.string("a parameter name")
        let rows = try r.uint32("the rows of \(name)")
        let cols = try r.uint32("the columns of \(name)")
        guard name == p.name, rows == p.rows, cols == p.cols else {
          throw InflectionError(
            .corruptModel, at: nil,
            "neural model payload: found parameter \(name) \(rows)×\(cols), expected \(p.name) \(p.rows)×\(p.cols)")
        }
        p.value = try r.floats(rows * cols, name)
      }
      networks.append(network)
    }
    guard r.offset == bytes.count else {
      throw InflectionError(
        .corruptModel, at: nil, "neural model payload: \(bytes.count - r.offset) bytes after the last weight")
    }
    let model = NeuralInflector(hyperparameters: h, symbols: tables[0], features: tables[1], networks: networks)
    model.beamWidth = max(1, beam)
    return model
  }
}
