/// The reserved symbols of the neural model's vocabularies and their fixed
/// indices (after yoyodyne `yoyodyne/special.py`).
///
/// Every ``SymbolTable`` starts with these, in this order, so that index 0 is
/// always padding and a model file never needs to say where they are.
public enum SpecialSymbols {
  /// Padding, index 0: fills batches to a common length; never predicted.
  public static let padding: Int32 = 0
  /// Start of sequence, index 1: the decoder's first input; around the lemma.
  public static let start: Int32 = 1
  /// End of sequence, index 2: ends the lemma and the predicted form.
  public static let end: Int32 = 2
  /// Unknown, index 3: a character or feature not seen in training.
  public static let unknown: Int32 = 3
  /// How many indices are reserved.
  public static let count = 4
  /// The reserved symbols' names, by index, as shown in diagnostics.
  public static let names = ["<pad>", "<s>", "</s>", "<unk>"]
}
