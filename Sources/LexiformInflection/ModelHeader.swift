public import LexiformCore

/// The self-description at the start of a model file, stored as JSON so that
/// `head -c 4096 model.lxm | strings` or any JSON tool can read it.
///
/// Fields (keys in the JSON object):
/// - `kind`: the model kind (`baseline`, `neural`), see ``ModelRegistry``;
/// - `alphabet`, `features`: the symbols and features the model knows;
/// - `hyperparameters`: the model's settings;
/// - `trainingData`: `sha256` (see ``TrainingDataHash``), `examples`,
///   `layout` (the column preset of the training file), `source`;
/// - `lexiformVersion`, `created` (ISO 8601 UTC), `command`: creation info;
/// - `payload`: `bytes` and `fnv1a64` of the binary payload that follows.
public struct ModelHeader: Hashable, Sendable {
  /// The model kind, e.g. `baseline`.
  public var kind: String
  /// The symbols the model knows, in its index order.
  public var alphabet: [String]
  /// The features the model knows, in its index order.
  public var features: [String]
  /// The model's settings.
  public var hyperparameters: JSONObject
  /// The SHA-256 of the training examples (``TrainingDataHash``), hex.
  public var trainingDataHash: String
  /// How many training examples the model saw.
  public var trainingExamples: Int
  /// The column layout of the training file (a ``SIGMORPHONLayout`` raw
  /// value), used for output when a covered input cannot tell its own.
  public var trainingLayout: String
  /// The training file's name as given, for the record.
  public var trainingSource: String
  /// The Lexiform version that wrote the file.
  public var lexiformVersion: String
  /// When the file was written, ISO 8601 UTC (`SOURCE_DATE_EPOCH` is honoured
  /// by the command-line tool for reproducible files).
  public var created: String
  /// The command line that trained the model, if known.
  public var command: String

  /// Creates a header.
  /// - Parameters:
  ///   - kind: The model kind.
  ///   - description: The model's alphabet, features and hyperparameters.
  ///   - trainingDataHash: The SHA-256 of the training examples, hex.
  ///   - trainingExamples: The number of training examples.
  ///   - trainingLayout: The training file's column layout.
  ///   - trainingSource: The training file's name.
  ///   - lexiformVersion: The writing Lexiform's version.
  ///   - created: The creation time, ISO 8601.
  ///   - command: The training command line.
  public init(
    kind: String, description: ModelDescription, trainingDataHash: String = "",
    trainingExamples: Int = 0, trainingLayout: String = "", trainingSource: String = "",
    lexiformVersion: String = "", created: String = "", command: String = ""
  ) {
    self.kind = kind
    self.alphabet = description.alphabet
    self.features = description.features
    self.hyperparameters = description.hyperparameters
    self.trainingDataHash = trainingDataHash
    self.trainingExamples = trainingExamples
    self.trainingLayout = trainingLayout
    self.trainingSource = trainingSource
    self.lexiformVersion = lexiformVersion
    self.created = created
    self.command = command
  }

  /// The header as a JSON object (without the payload fields).
  public var json: JSONObject {
    var training = JSONObject()
    training.append("sha256", .string(trainingDataHash))
    training.append("examples", .number(JSONNumber(trainingExamples)))
    training.append("layout", .string(trainingLayout))
    training.append("source", .string(trainingSource))
    var object = JSONObject()
    object.append("kind", .string(kind))
    object.append("lexiformVersion", .string(lexiformVersion))
    object.append("created", .string(created))
    object.append("command", .string(command))
    object.append("trainingData", .object(training))
    object.append("hyperparameters", .object(hyperparameters))
    object.append("alphabet", .array(alphabet.map { .string($0) }))
    object.append("features", .array(features.map { .string($0) }))
    return object
  }

  /// Reads a header from its JSON object.
  /// - Parameters:
  ///   - object: The parsed header.
  ///   - path: The model file, for errors.
  /// - Throws: ``InflectionError`` (`corruptModel`) when a required field is
  ///   missing or has the wrong type.
  public init(json object: JSONObject, path: String) throws(InflectionError) {
    func fail(_ what: String) -> InflectionError {
      InflectionError(
        .corruptModel, at: SourceLocation(path: path),
        "model header: expected \(what)")
    }
    func strings(_ key: String) throws(InflectionError) -> [String] {
      guard let array = object[key]?.arrayValue else { throw fail("an array \"\(key)\"") }
      var result: [String] = []
      result.reserveCapacity(array.count)
      for element in array {
        guard let s = element.stringValue else { throw fail("strings in \"\(key)\"") }
        result.append(s)
      }
      return result
    }
    guard let kind = object["kind"]?.stringValue else { throw fail("a string \"kind\"") }
    let training = object["trainingData"]?.objectValue ?? JSONObject()
    self.kind = kind
    self.alphabet = try strings("alphabet")
    self.features = try strings("features")
    self.hyperparameters = object["hyperparameters"]?.objectValue ?? JSONObject()
    self.trainingDataHash = training["sha256"]?.stringValue ?? ""
    self.trainingExamples = training["examples"]?.intValue ?? 0
    self.trainingLayout = training["layout"]?.stringValue ?? ""
    self.trainingSource = training["source"]?.stringValue ?? ""
    self.lexiformVersion = object["lexiformVersion"]?.stringValue ?? ""
    self.created = object["created"]?.stringValue ?? ""
    self.command = object["command"]?.stringValue ?? ""
  }
}
