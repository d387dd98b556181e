/// Lexiform's version, printed by `lexiform --version`.
enum LexiformVersion {
  static let string = "0.1.0"
}
