/// Automatic differentiation and the neural inflection model (issue 8).
public enum LexiformNeural {}
