public import LexiformCore

/// One row of a SIGMORPHON inflection file: a lemma, a feature bundle, and the
/// inflected form (absent in a covered file).
///
/// Strings are in Unicode Normalization Form C once read by
/// ``SIGMORPHONReader``. Lemmas and forms may contain spaces (multiword
/// expressions such as `give up`).
public struct InflectionExample: Hashable, Sendable {
  /// The citation form, e.g. `kävellä`.
  public var lemma: String
  /// The feature bundle as written in the file, e.g. `V;IND;PST;3;SG` or the
  /// layered `V;IND;PRS;NOM(1,SG)` of the 2022/2023 tasks.
  public var tags: String
  /// The inflected form, or `nil` in a covered file (empty or absent column).
  public var form: String?
  /// The 1-based line of the row in its file (0 for examples made in code).
  public var line: Int

  /// Creates an example.
  /// - Parameters:
  ///   - lemma: The citation form.
  ///   - tags: The feature bundle as written.
  ///   - form: The inflected form, or `nil` when unknown.
  ///   - line: The 1-based line in its file, 0 if none.
  public init(lemma: String, tags: String, form: String?, line: Int = 0) {
    self.lemma = lemma
    self.tags = tags
    self.form = form
    self.line = line
  }
}

/// One candidate inflected form with its score.
public struct InflectionPrediction: Hashable, Sendable {
  /// The predicted form.
  public var form: String
  /// The model's score, higher is better: a log-probability for the neural
  /// model, a rule-support score for the baseline (see each model's docs).
  public var score: Double

  /// Creates a prediction.
  /// - Parameters:
  ///   - form: The predicted form.
  ///   - score: The model's score, higher is better.
  public init(form: String, score: Double) {
    self.form = form
    self.score = score
  }
}

/// A trained inflection model: given a lemma and a feature bundle, it predicts
/// the inflected form.
///
/// The contract, shared by every kind of model:
/// - ``predict(lemma:tags:nBest:)`` never traps: unknown characters are
///   copied through and unknown features are ignored or mapped to an
///   "unknown" symbol; it returns at least one prediction for `nBest ≥ 1`
///   (the lemma itself when the model knows nothing better), best first.
/// - ``payload()`` and ``load(payload:header:)`` round-trip: the loaded model
///   predicts exactly what the saved one did. ``ModelFile`` adds the magic
///   bytes, the format version and the JSON ``ModelHeader`` around the payload.
/// - Models are immutable once trained, so one model may predict from many
///   threads at once.
///
/// To add a kind of model, conform to this protocol and list the type in
/// ``ModelRegistry/kinds``.
public protocol InflectionModel: Sendable {
  /// The kind written in model files and accepted by `--model`:
  /// `"baseline"` or `"neural"`.
  static var kind: String { get }

  /// What the header of a saved model says about this one: its alphabet,
  /// feature vocabulary and hyperparameters. ``ModelFile`` fills in the
  /// kind, format version, data hash, Lexiform version and creation time.
  var modelDescription: ModelDescription { get }

  /// Predicts up to `nBest` forms for a lemma and a feature bundle.
  /// - Parameters:
  ///   - lemma: The citation form (NFC).
  ///   - tags: The feature bundle as written in the file.
  ///   - nBest: How many candidates to return (at least 1).
  /// - Returns: Between 1 and `nBest` predictions, best first, distinct forms.
  func predict(lemma: String, tags: String, nBest: Int) -> [InflectionPrediction]

  /// Predicts many rows at once, on up to `threads` threads: the same
  /// candidates as ``predict(lemma:tags:nBest:)`` for each row, in order.
  /// Models that can decode rows together (the neural model) do so; the
  /// default predicts the rows one by one.
  func predict(batch: [(lemma: String, tags: String)], nBest: Int, threads: Int) -> [[InflectionPrediction]]

  /// The model's parameters in the model's own binary encoding.
  /// - Returns: The bytes that ``load(payload:header:)`` reads back.
  /// - Throws: ``InflectionError`` if the model cannot be encoded.
  func payload() throws -> [UInt8]

  /// Rebuilds a model from the bytes ``payload()`` wrote.
  /// - Parameters:
  ///   - payload: The bytes after the header in the model file.
  ///   - header: The file's header (alphabet, features, hyperparameters).
  /// - Returns: The model.
  /// - Throws: ``InflectionError`` (`corruptModel`) when the payload does not
  ///   decode.
  static func load(payload: [UInt8], header: ModelHeader) throws -> Self
}

/// What a model says about itself for the header of its file.
public struct ModelDescription: Hashable, Sendable {
  /// The output/input symbols the model knows (grapheme clusters by default),
  /// in the model's index order.
  public var alphabet: [String]
  /// The features the model knows (`V`, `PST`, `NOM(1,SG)` components…), in
  /// the model's index order.
  public var features: [String]
  /// Hyperparameters and other settings, as a JSON object.
  public var hyperparameters: JSONObject

  /// Creates a description.
  /// - Parameters:
  ///   - alphabet: The known symbols.
  ///   - features: The known features.
  ///   - hyperparameters: Settings as JSON.
  public init(alphabet: [String], features: [String], hyperparameters: JSONObject = JSONObject()) {
    self.alphabet = alphabet
    self.features = features
    self.hyperparameters = hyperparameters
  }
}

extension InflectionModel {
  /// The best prediction alone.
  /// - Parameters:
  ///   - lemma: The citation form.
  ///   - tags: The feature bundle as written.
  /// - Returns: The best form (the lemma if the model returned nothing).
  public func predict(lemma: String, tags: String) -> String {
    predict(lemma: lemma, tags: tags, nBest: 1).first?.form ?? lemma
  }
}

extension InflectionModel {
  public func predict(batch: [(lemma: String, tags: String)], nBest: Int, threads: Int) -> [[InflectionPrediction]] {
    batch.map { predict(lemma: $0.lemma, tags: $0.tags, nBest: nBest) }
  }
}
