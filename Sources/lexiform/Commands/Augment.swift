import ArgumentParser
import Lexiform

extension LexiformCommand {
  /// `lexiform augment …`: synthetic training data from lexicons and tables.
  struct Augment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "augment",
      abstract: "Make training data with lexicons: word-by-word translation, code-switching, hallucination.",
      discussion: """
        translate and codeswitch read text, CoNLL or MASSIVE records (standard input when no file is \
        given) and write one record per input record, in order, in the same format; labels are carried \
        through. hallucinate makes synthetic inflection triples from a SIGMORPHON/UniMorph table. The \
        same --seed gives byte-identical output whatever the number of threads.
        """,
      subcommands: [Translate.self, Codeswitch.self, Hallucinate.self]
    )
  }
}
