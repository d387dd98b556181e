// lexiform-benchmark neural-inflect TRAIN DEV [key=value ...]
//
// Trains the neural inflection model on TRAIN (SIGMORPHON TSV: 2017
// `lemma form tags`, or 2022/2023 `lemma tags form` with `layout=2023`), scores
// exact-match accuracy on DEV (greedy and beam), and times training and
// prediction. Prints one `key=value` line on stdout; epochs go to stderr.
//
// Keys: layout=2017|2023 epochs=N patience=N threads=N seed=N ensemble=N
//       sizes=E,F,HE,HD dropout=R batch=N shard=N lr=R beam=N hallucinate=auto|on|off
//       per_epoch=N unk=R arch=transducer|attention save=PATH show=1 (wrong greedy predictions on stderr)
import Foundation
import Lexiform

func readSIGMORPHON(_ path: String, layout2023: Bool) -> [InflectionExample] {
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
  var out: [InflectionExample] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard f.count >= 3 else { continue }
    out.append(
      layout2023
        ? InflectionExample(lemma: f[0], tags: f[1], form: f[2])
        : InflectionExample(lemma: f[0], tags: f[2], form: f[1]))
  }
  return out
}

func benchmarkNeuralInflection(_ arguments: [String]) {
  guard arguments.count >= 2 else { fail("usage: lexiform-benchmark neural-inflect TRAIN DEV [key=value ...]") }
  var settings: [String: String] = [:]
  for a in arguments.dropFirst(2) {
    let kv = a.split(separator: "=", maxSplits: 1).map(String.init)
    if kv.count == 2 { settings[kv[0]] = kv[1] } else { fail("expected key=value, found \(a)") }
  }
  let layout2023 = settings["layout"] == "2023"
  let train = readSIGMORPHON(arguments[0], layout2023: layout2023)
  let dev = readSIGMORPHON(arguments[1], layout2023: layout2023)
  var options = NeuralTrainingOptions()
  var h = NeuralHyperparameters()
  if let v = settings["epochs"].flatMap(Int.init) { options.maxEpochs = v }
  if let v = settings["patience"].flatMap(Int.init) { options.patience = v }
  if let v = settings["per_epoch"].flatMap(Int.init) { options.minimumExamplesPerEpoch = v }
  if let v = settings["threads"].flatMap(Int.init) { options.threads = v }
  if let v = settings["seed"].flatMap(UInt64.init) { options.seed = v }
  if let v = settings["ensemble"].flatMap(Int.init) { options.ensemble = v }
  if let v = settings["batch"].flatMap(Int.init) { options.batchSize = v }
  if let v = settings["shard"].flatMap(Int.init) { options.shardSize = v }
  if let v = settings["lr"].flatMap(Float.init) { options.learningRate = v }
  if let v = settings["hallucinate"].flatMap(HallucinationMode.init(rawValue:)) { options.hallucination = v }
  if let v = settings["dropout"].flatMap(Float.init) { h.dropout = v }
  if let v = settings["unk"].flatMap(Float.init) { options.characterUnknownRate = v }
  if let v = settings["arch"].flatMap(NeuralArchitecture.init(rawValue:)) { h.architecture = v }
  if let s = settings["sizes"] {
    let v = s.split(separator: ",").compactMap { Int($0) }
    guard v.count == 4 else { fail("sizes=E,F,HE,HD") }
    (h.characterEmbedding, h.featureEmbedding, h.encoderHidden, h.decoderHidden) = (v[0], v[1], v[2], v[3])
  }
  options.progress = { StandardError.writeLine($0) }
  let t0 = Date()
  let model: NeuralInflector
  do {
    model = try NeuralTrainer.train(train: train, dev: dev, hyperparameters: h, options: options)
  } catch {
    fail("\(error)")
  }
  let trainSeconds = Date().timeIntervalSince(t0)
  let gold = dev.map { $0.form ?? "" }
  let inputs = dev.map { (lemma: $0.lemma, tags: $0.tags) }
  let t1 = Date()
  let greedy = model.predictGreedy(inputs, threads: options.threads)
  let greedySeconds = Date().timeIntervalSince(t1)
  let greedyCorrect = zip(greedy, gold).filter { $0 == $1 }.count
  if settings["show"] != nil {
    for (k, (p, g)) in zip(greedy, gold).enumerated() where p != g {
      StandardError.writeLine("wrong: \(dev[k].lemma)\t\(dev[k].tags)\texpected \(g)\tgot \(p)")
    }
  }
  model.beamWidth = settings["beam"].flatMap(Int.init) ?? NeuralDefaults.beamWidth
  let t2 = Date()
  let beam = inputs.map { model.predict(lemma: $0.lemma, tags: $0.tags, nBest: 1).first?.form ?? $0.lemma }
  let beamSeconds = Date().timeIntervalSince(t2)
  let beamCorrect = zip(beam, gold).filter { $0 == $1 }.count
  if let path = settings["save"] {
    do {
      let header = ModelHeader(kind: NeuralInflector.kind, description: model.modelDescription)
      try ModelFile.save(model, header: header, to: path)
    } catch {
      fail("\(error)")
    }
  }
  func pct(_ c: Int) -> String { String(format: "%.2f", Double(c) * 100 / Double(max(1, dev.count))) }
  print(
    "train=\(train.count) dev=\(dev.count) train_s=\(String(format: "%.1f", trainSeconds))"
      + " greedy_acc=\(pct(greedyCorrect)) beam_acc=\(pct(beamCorrect))"
      + " greedy_forms_per_s=\(Int(Double(dev.count) / max(greedySeconds, 1e-9)))"
      + " beam_forms_per_s=\(Int(Double(dev.count) / max(beamSeconds, 1e-9)))"
      + " unknown_chars=\(model.unknownCounts.characters) unknown_features=\(model.unknownCounts.features)"
      + " weights=\(model.weightCount)")
}
