import LexiformCore

/// A trained model on disk: a versioned, self-describing container.
///
/// Layout (all integers little-endian):
///
/// | bytes | content |
/// | --- | --- |
/// | 8 | magic `89 4C 58 46 4D 0D 0A 1A` (`\x89LXFM\r\n\x1a`, after PNG's: catches text-mode and 7-bit damage) |
/// | 4 | format version, ``formatVersion`` |
/// | 4 | header length *h* |
/// | *h* | the ``ModelHeader`` as UTF-8 JSON, plus `payload` `{bytes, fnv1a64}` |
/// | 8 | payload length *p* |
/// | *p* | the model's own binary payload (``InflectionModel/payload()``) |
///
/// Loading reads the file once and decodes the header; the payload is handed
/// to the model kind named in the header (``ModelRegistry``). A file with other
/// magic bytes, another format version, a damaged header, a truncated or
/// altered payload, or an unknown kind gives an ``InflectionError`` naming
/// the file and what was expected.
public enum ModelFile {
  /// The format version this build writes and reads.
  public static let formatVersion: UInt32 = 1

  /// The eight magic bytes at the start of every model file.
  public static let magic: [UInt8] = [0x89, 0x4C, 0x58, 0x46, 0x4D, 0x0D, 0x0A, 0x1A]

  /// Serializes a model with its header.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - header: The header; its `kind`, `alphabet`, `features` and
  ///     `hyperparameters` are replaced by the model's own.
  /// - Returns: The file's bytes.
  /// - Throws: ``InflectionError`` from the model's ``InflectionModel/payload()``.
  public static func encode(_ model: some InflectionModel, header: ModelHeader) throws -> [UInt8] {
    var header = header
    let description = model.modelDescription
    header.kind = type(of: model).kind
    header.alphabet = description.alphabet
    header.features = description.features
    header.hyperparameters = description.hyperparameters
    let payload = try model.payload()
    var json = header.json
    var payloadInfo = JSONObject()
    payloadInfo.append("bytes", .number(JSONNumber(payload.count)))
    payloadInfo.append("fnv1a64", .string(hex(fnv1a64(payload))))
    json.append("payload", .object(payloadInfo))
    var writer = JSONWriter()
    writer.value(.object(json))
    let headerBytes = writer.bytes
    var bytes = magic
    bytes.reserveCapacity(32 + headerBytes.count + payload.count)
    append(UInt64(formatVersion), width: 4, to: &bytes)
    append(UInt64(headerBytes.count), width: 4, to: &bytes)
    bytes += headerBytes
    append(UInt64(payload.count), width: 8, to: &bytes)
    bytes += payload
    return bytes
  }

  /// Writes a model file atomically (temporary file, then rename).
  /// - Parameters:
  ///   - model: The trained model.
  ///   - header: The header (creation info, training data).
  ///   - path: The target file.
  /// - Throws: ``CoreError`` (`unwritable`) or the model's encoding error.
  public static func save(_ model: some InflectionModel, header: ModelHeader, to path: String) throws {
    let bytes = try encode(model, header: header)
    try AtomicOutput.write(to: path) { out in
      try bytes.withUnsafeBytes { try out.write(bytes: $0) }
    }
  }

  /// Reads the header and payload of a model file without building the model.
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - path: The file's name, for errors.
  /// - Returns: The header and the payload bytes.
  /// - Throws: ``InflectionError``: `notAModel` (magic bytes, truncation),
  ///   `modelVersion`, `corruptModel`.
  public static func decode(_ bytes: [UInt8], path: String) throws(InflectionError) -> (
    header: ModelHeader, payload: [UInt8]
  ) {
    let location = SourceLocation(path: path)
    guard bytes.count >= 16, Array(bytes[0..<8]) == magic else {
      let found = bytes.isEmpty ? "an empty file" : "\(describe(bytes.prefix(8)))"
      throw InflectionError(
        .notAModel, at: location,
        "not a Lexiform model file: " + expectedFound("the magic bytes \\x89LXFM\\r\\n\\x1a", found)
          + " (train one with `lexiform inflect train TRAIN -o MODEL`)")
    }
    let version = read(bytes, at: 8, width: 4)
    let headerLength = Int(read(bytes, at: 12, width: 4))
    guard version == UInt64(formatVersion) else {
      var writer = ""
      if 16 + headerLength <= bytes.count,
        let json = try? parseHeader(bytes[16..<(16 + headerLength)], path: path),
        let v = json["lexiformVersion"]?.stringValue
      {
        writer = ", written by Lexiform \(v)"
      }
      throw InflectionError(
        .modelVersion, at: location,
        "model file format version \(version)\(writer); this Lexiform reads version \(formatVersion): "
          + "retrain the model with this version")
    }
    guard 16 + headerLength + 8 <= bytes.count else {
      throw InflectionError(
        .notAModel, at: location,
        "truncated model file: " + expectedFound("a \(headerLength)-byte header and a payload", "\(bytes.count) bytes in all"))
    }
    let json: JSONValue
    do {
      json = try parseHeader(bytes[16..<(16 + headerLength)], path: path)
    } catch {
      throw InflectionError(.corruptModel, at: location, "model header is not JSON: \(error.message)", underlyingError: error)
    }
    guard let object = json.objectValue else {
      throw InflectionError(.corruptModel, at: location, "model header: " + expectedFound("a JSON object", json.kindDescription))
    }
    let header = try ModelHeader(json: object, path: path)
    let payloadStart = 16 + headerLength + 8
    let payloadLength = read(bytes, at: 16 + headerLength, width: 8)
    guard payloadLength == UInt64(bytes.count - payloadStart) else {
      throw InflectionError(
        .corruptModel, at: location,
        "model payload: " + expectedFound("\(payloadLength) bytes", "\(bytes.count - payloadStart)") + " (truncated or damaged file)")
    }
    let payload = Array(bytes[payloadStart...])
    if let expected = object["payload"]?["fnv1a64"]?.stringValue, expected != hex(fnv1a64(payload)) {
      throw InflectionError(
        .corruptModel, at: location, "model payload checksum: " + expectedFound(expected, hex(fnv1a64(payload))) + " (damaged file)")
    }
    return (header, payload)
  }

  /// Reads a model file's header only (for `lexiform inflect info`-style use).
  /// - Parameter path: The model file.
  /// - Returns: The header.
  /// - Throws: ``InflectionError`` as ``decode(_:path:)`` does, or `unreadable`.
  public static func header(at path: String) throws(InflectionError) -> ModelHeader {
    try decode(readAll(path), path: path).header
  }

  /// Loads a model of any registered kind.
  /// - Parameter path: The model file.
  /// - Returns: The model.
  /// - Throws: ``InflectionError``: `unreadable`, `notAModel`, `modelVersion`,
  ///   `corruptModel`, or `unknownModelKind` when this build has no model of
  ///   the header's kind.
  public static func load(_ path: String) throws -> (model: any InflectionModel, header: ModelHeader) {
    let (header, payload) = try decode(readAll(path), path: path)
    guard let type = ModelRegistry.type(forKind: header.kind) else {
      let known = ModelRegistry.kinds.map { $0.kind }.joined(separator: ", ")
      throw InflectionError(
        .unknownModelKind, at: SourceLocation(path: path),
        "model kind \"\(header.kind)\" is not built into this Lexiform (known: \(known.isEmpty ? "none" : known))")
    }
    do {
      let model = try type.load(payload: payload, header: header)
      return (model, header)
    } catch let error as InflectionError {
      var error = error
      if error.location == nil { error.location = SourceLocation(path: path) }
      throw error
    }
  }

  /// Loads a model of a known kind.
  /// - Parameters:
  ///   - type: The expected model type.
  ///   - path: The model file.
  /// - Returns: The model.
  /// - Throws: As ``load(_:)``, and `unknownModelKind` when the file holds
  ///   another kind.
  public static func load<M: InflectionModel>(_ type: M.Type, from path: String) throws -> M {
    let (header, payload) = try decode(readAll(path), path: path)
    guard header.kind == M.kind else {
      throw InflectionError(
        .unknownModelKind, at: SourceLocation(path: path),
        expectedFound("a \(M.kind) model", "a \(header.kind) model"))
    }
    return try M.load(payload: payload, header: header)
  }

  // MARK: Internals

  static func parseHeader(_ bytes: ArraySlice<UInt8>, path: String) throws(CoreError) -> JSONValue {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(CoreError) in try JSONParser.parse(buffer, path: path) }
    }
    return try result.get()
  }

  /// Reads a whole file (model files are read at once: they load in milliseconds).
  static func readAll(_ path: String) throws(InflectionError) -> [UInt8] {
    do {
      let source = try FileByteSource(path: path)
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 1 << 20)
      while true {
        let n = try chunk.withUnsafeMutableBytes { (buffer) throws(CoreError) -> Int in
          try source.read(into: buffer)
        }
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
      }
      return bytes
    } catch let error as CoreError {
      throw InflectionError.reading(error)
    } catch {
      throw InflectionError(.unreadable, at: SourceLocation(path: path), "\(error)")
    }
  }

  static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
    for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
  }

  static func read(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
    var value: UInt64 = 0
    for k in 0..<width where offset + k < bytes.count {
      value |= UInt64(bytes[offset + k]) << (8 * UInt64(k))
    }
    return value
  }

  /// FNV-1a, 64 bits (Fowler, Noll & Vo): a fast checksum against damage,
  /// not a cryptographic hash.
  static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  static func describe(_ bytes: ArraySlice<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self), text.allSatisfy({ !$0.isNewline && $0 != "\0" }) {
      return "\"\(text)\""
    }
    return bytes.map { b in
      let d = String(b, radix: 16)
      return d.count == 1 ? "0" + d : d
    }.joined(separator: " ")
  }
}

/// The model kinds this build can train and load.
///
/// `lexiform inflect predict` and ``ModelFile/load(_:)`` dispatch on the
/// `kind` in a model file's header. To add a kind, append its type here.
public enum ModelRegistry {
  /// Every model type built in, by kind.
  public static let kinds: [any InflectionModel.Type] = [BaselineModel.self, NeuralInflector.self]

  /// The model type for a kind.
  /// - Parameter kind: A kind such as `baseline`.
  /// - Returns: The type, or `nil` if this build has none.
  public static func type(forKind kind: String) -> (any InflectionModel.Type)? {
    kinds.first { $0.kind == kind }
  }
}
