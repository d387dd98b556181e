// The umbrella module: `import Lexiform` gives every public Lexiform module.
@_exported import LexiformCore
@_exported import LexiformUnicode
@_exported import LexiformXML
@_exported import LexiformTokenization
@_exported import LexiformUniMorph
@_exported import LexiformLexicon
@_exported import LexiformParallelText
@_exported import LexiformAugmentation
@_exported import LexiformEvaluation
@_exported import LexiformInflection
