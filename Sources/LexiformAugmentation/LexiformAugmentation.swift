/// Lexicon-based synthetic training data (issue 7).
public enum LexiformAugmentation {}
