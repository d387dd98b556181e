import LexiformCore

extension NeuralInflector: InflectionModel {
  /// `neural`.
  public static var kind: String { "neural" }

  /// The alphabet, feature vocabulary (reserved symbols excluded) and sizes.
  public var modelDescription: ModelDescription {
    var h = JSONObject()
    h.append("architecture", .string(hyperparameters.architecture.longName))
    h.append("characterEmbedding", .number(JSONNumber(hyperparameters.characterEmbedding)))
    h.append("featureEmbedding", .number(JSONNumber(hyperparameters.featureEmbedding)))
    h.append("encoderHidden", .number(JSONNumber(hyperparameters.encoderHidden)))
    h.append("decoderHidden", .number(JSONNumber(hyperparameters.decoderHidden)))
    if hyperparameters.architecture == .transducer {
      h.append("remarking", .bool(hyperparameters.remarking))
    }
    h.append("dropout", .number(JSONNumber(text: "\(hyperparameters.dropout)") ?? 0))
    h.append("beamWidth", .number(JSONNumber(beamWidth)))
    h.append("ensemble", .number(JSONNumber(networks.count)))
    h.append("weights", .number(JSONNumber(weightCount)))
    return ModelDescription(
      alphabet: Array(symbols.ordinarySymbols), features: Array(features.ordinarySymbols), hyperparameters: h)
  }

  /// The `nBest` best forms by beam search, best first, scored by log
  /// probability; at least one (the lemma when decoding produced nothing).
  public func predict(lemma: String, tags: String, nBest: Int) -> [InflectionPrediction] {
    let forms = predictForms(lemma: lemma, tags: tags, nBest: max(1, nBest))
    if forms.isEmpty { return [InflectionPrediction(form: lemma, score: -Double.infinity)] }
    return forms.map { InflectionPrediction(form: $0.form, score: $0.score) }
  }

  /// The model's bytes (see ``NeuralInflector/encodePayload()``).
  public func predict(batch: [(lemma: String, tags: String)], nBest: Int, threads: Int) -> [[InflectionPrediction]] {
    predictForms(batch, nBest: max(1, nBest), threads: threads).enumerated().map { k, forms in
      forms.isEmpty
        ? [InflectionPrediction(form: batch[k].lemma, score: -Double.infinity)]
        : forms.map { InflectionPrediction(form: $0.form, score: $0.score) }
    }
  }

  public func payload() throws -> [UInt8] { encodePayload() }

  /// Reads a model written by ``payload()``.
  /// - Throws: ``InflectionError`` `corruptModel` naming what does not decode.
  public static func load(payload: [UInt8], header: ModelHeader) throws -> NeuralInflector {
    try decodePayload(payload)
  }
}
