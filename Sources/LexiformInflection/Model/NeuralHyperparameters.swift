/// The sizes and rates of the neural inflection model; each starts at its
/// ``NeuralDefaults`` value and is stored in the model file.
public struct NeuralHyperparameters: Sendable, Hashable {
  /// Character embedding size.
  public var characterEmbedding = NeuralDefaults.characterEmbedding
  /// Feature embedding size.
  public var featureEmbedding = NeuralDefaults.featureEmbedding
  /// Encoder LSTM size per direction.
  public var encoderHidden = NeuralDefaults.encoderHidden
  /// Decoder LSTM size (and attention and output layer size).
  public var decoderHidden = NeuralDefaults.decoderHidden
  /// Dropout rate on embeddings and the attentional output layer.
  public var dropout = NeuralDefaults.dropout

  /// The defaults.
  public init() {}
}
