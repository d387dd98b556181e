/// SIGMORPHON-style inflection: data, evaluation, models (issue 8).
public enum LexiformInflection {}
