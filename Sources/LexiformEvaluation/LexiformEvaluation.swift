/// Scoring of inflection predictions as the SIGMORPHON shared tasks do it (issue 8).
public enum LexiformEvaluation {}
