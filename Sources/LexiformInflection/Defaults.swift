/// Every default of the neural inflection model, in one place (after
/// yoyodyne `yoyodyne/defaults.py`). ``NeuralHyperparameters`` and
/// ``NeuralTrainingOptions`` start from these.
public enum NeuralDefaults {
  /// The decoder.
  public static let architecture = NeuralArchitecture.transducer
  /// Character embedding size.
  public static let characterEmbedding = 64
  /// Feature embedding size.
  public static let featureEmbedding = 64
  /// Encoder LSTM size, per direction.
  public static let encoderHidden = 128
  /// Decoder LSTM size (also the attention and output layer size).
  public static let decoderHidden = 128
  /// Dropout rate on embeddings and the attentional output layer.
  public static let dropout: Float = 0.3
  /// Whether the transducer copies a cluster's base with other marks as one action.
  public static let remarking = true
  /// Adam's learning rate (Kingma & Ba 2015).
  public static let learningRate: Float = 0.002
  /// Examples per minibatch.
  public static let batchSize = 32
  /// Examples per shard: a batch is cut into shards of this size whose
  /// gradients are computed independently (on any thread) and added up in
  /// shard order, so results do not depend on the thread count.
  public static let shardSize = 16
  /// An epoch covers at least this many examples: a small training set is
  /// passed over several times (each pass shuffled) between two dev
  /// evaluations, so that patience and the learning-rate schedule count
  /// comparable amounts of training whatever the data size.
  public static let minimumExamplesPerEpoch = 5_000
  /// The most epochs to train.
  public static let maxEpochs = 60
  /// Epochs without a better dev accuracy before training stops.
  public static let patience = 10
  /// Epochs without a better dev accuracy before the learning rate is halved.
  public static let learningRatePatience = 4
  /// Gradients are scaled down to this global L2 norm when larger.
  public static let gradientClip: Float = 5
  /// The most characters a prediction may have: the lemma's length times
  /// this, plus ``maxOutputExtra``.
  public static let maxOutputFactor = 2
  /// See ``maxOutputFactor``.
  public static let maxOutputExtra = 10
  /// Beam width for prediction.
  public static let beamWidth = 4
  /// Below this many training triples, data hallucination is switched on.
  /// 2,000 so that the shared tasks' 1,000-triple sets (2017–2019 medium)
  /// get it: on six 2017 medium languages, dev accuracy went from 40.2 to
  /// 53.7 (Lithuanian), 79.5 to 87.2 (Latvian), 75.9 to 83.3 (Czech) and
  /// 86.0 to 88.7 (Spanish), and from 82.1 to 79.8 (Hebrew) and 80.2 to 79.0
  /// (Turkish) — see BENCHMARKS.md.
  public static let hallucinationThreshold = 2_000
  /// With hallucination on, hallucinated triples are added until the
  /// training set has this many.
  public static let hallucinationTarget = 5_000
  /// With hallucination on, the real triples are repeated until they are
  /// about this share of the training data (once at least), so that the
  /// few real examples are not drowned by the synthetic ones.
  public static let realShare = 0.5
  /// The probability that a training example's feature is replaced by the
  /// unknown feature, so that its embedding means something at prediction.
  public static let featureUnknownRate: Float = 0.02
  /// The probability that, in a training example, one lemma character is
  /// replaced by the unknown symbol in the lemma and the form alike, so that
  /// unknown characters are copied through at prediction.
  public static let characterUnknownRate: Float = 0.03
  /// The seed when none is given.
  public static let seed: UInt64 = 1
}
