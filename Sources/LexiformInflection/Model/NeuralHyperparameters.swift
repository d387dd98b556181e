/// The sizes and rates of the neural inflection model; each starts at its
/// ``NeuralDefaults`` value and is stored in the model file.
public struct NeuralHyperparameters: Sendable, Hashable {
  /// The decoder: a hard monotonic transducer over edit actions or a
  /// soft-attention decoder over symbols.
  public var architecture = NeuralDefaults.architecture
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
  /// Whether the transducer has re-marking copies: copy a cluster's base
  /// with other combining marks (a vowel sign, a tone, an umlaut) as one
  /// action (see ``EditActions``).
  public var remarking = NeuralDefaults.remarking

  /// The defaults.
  public init() {}
}

/// The neural model's decoder.
public enum NeuralArchitecture: String, Sendable, Hashable, CaseIterable {
  /// A hard monotonic transducer predicting copy, delete, insert and end
  /// actions over the lemma (``TransducerDecoder``; Aharoni & Goldberg
  /// 2017, Makarov & Clematide 2018): the class that wins the low-data
  /// settings of the shared tasks.
  case transducer
  /// A soft-attention decoder predicting the form's symbols
  /// (``AttentionDecoder``; Kann & Schütze 2016).
  case attention

  /// The name stored in model descriptions.
  public var longName: String {
    switch self {
    case .transducer: "bilstm-hard-monotonic-transducer"
    case .attention: "bilstm-attention-lstm"
    }
  }
}
