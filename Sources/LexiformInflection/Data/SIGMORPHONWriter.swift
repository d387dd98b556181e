public import LexiformUniMorph

extension InflectionExample {
  /// The example as a line of a SIGMORPHON file, without a line terminator.
  /// - Parameters:
  ///   - order: The column order to write.
  ///   - form: The form to write (by default the example's own; empty if none).
  /// - Returns: `lemma<TAB>form<TAB>tags` or `lemma<TAB>tags<TAB>form`.
  public func line(_ order: UniMorphColumnOrder, form: String? = nil) -> String {
    let f = form ?? self.form ?? ""
    return order == .lemmaFormTags ? "\(lemma)\t\(f)\t\(tags)" : "\(lemma)\t\(tags)\t\(f)"
  }
}

/// Chooses the layout predictions are written in: the input's own order,
/// or, when the input cannot tell (a two-column covered file), the training
/// data's order recorded in the model file, or else the 2022/2023 order.
/// - Parameters:
///   - input: The input file's layout.
///   - header: The model's header.
/// - Returns: The order to write and whether it came from the input.
public func predictionOrder(input: SIGMORPHONLayout, header: ModelHeader) -> (order: UniMorphColumnOrder, fromInput: Bool) {
  if let order = input.order { return (order, true) }
  if let order = UniMorphColumnOrder(rawValue: header.trainingLayout) { return (order, false) }
  return (.lemmaTagsForm, false)
}
