// swift-tools-version: 6.0
//
// Lexiform: linguistic resources for low-resource languages, turned into data
// that models can learn from.
//
// Each library target is listed with its test target right below it. C interop
// lives in small targets, each imported by exactly one Swift module (CZlib by two):
//
//   CLibXML2           system library (pkg-config libxml-2.0), only LexiformXML
//   _LexiformICUShims  C shim over ICU with plain C types, only LexiformUnicode
//   CZlib              system library (pkg-config zlib), LexiformCore (gzip)
//                      and LexiformLexicon (dictzip chunks)
//   _LexiformBLASShims OpenBLAS's cblas_sgemm, opened with dlopen on first
//                      use, only LexiformInflection (the neural model's
//                      matrix products)
//   _LexiformMemoryShims  a cache prefetch hint (LexiformUniMorph) and the
//                      CPU affinity mask's size (LexiformCore)

import PackageDescription

let package = Package(
  name: "Lexiform",
  products: [
    .library(name: "Lexiform", targets: ["Lexiform"]),
    .executable(name: "lexiform", targets: ["lexiform"]),
    .executable(name: "lexiform-benchmark", targets: ["lexiform-benchmark"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // MARK: C interop

    // libxml2 through pkg-config. The module header undefines
    // LIBXML_ICU_ENABLED so that ICU's headers are never pulled into Swift.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // zlib, for transparent `.gz` input.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // OpenBLAS's CBLAS (Debian libopenblas-dev): cblas_sgemm for the neural
    // inflection model, 10–15× faster here than a vectorized loop at the
    // model's sizes (BENCHMARKS.md, inflection). Opened with dlopen on first
    // use, not linked: linking it cost every command ~16,000 relocations
    // and a spinning thread at start-up (BENCHMARKS.md, lexicon).
    .target(name: "_LexiformBLASShims"),
    // ICU behind plain C types. `<unicode/*.h>` is included only in the `.c`
    // files: ICU's functions are renaming macros (`ubrk_open` →
    // `ubrk_open_72`) and its types clash with Foundation's `_FoundationICU`.
    .target(
      name: "_LexiformICUShims",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]
    ),

    // A prefetch hint (`__builtin_prefetch`), which Swift lacks: the UniMorph
    // validator's duplicate-row set probes a table of tens of megabytes once
    // per row (BENCHMARKS.md, UniMorph validation).
    .target(name: "_LexiformMemoryShims"),

    // MARK: Libraries

    .target(name: "LexiformCore", dependencies: ["CZlib", "_LexiformMemoryShims"]),
    .testTarget(
      name: "LexiformCoreTests",
      dependencies: ["LexiformCore", "_LexiformTestSupport"],
      exclude: ["Fixtures"]
    ),

    .target(name: "LexiformUnicode", dependencies: ["LexiformCore", "_LexiformICUShims"]),
    .testTarget(
      name: "LexiformUnicodeTests",
      // The shim is imported here only to check mirrored constants against C.
      dependencies: ["LexiformUnicode", "_LexiformICUShims", "_LexiformTestSupport"]
    ),

    .target(name: "LexiformXML", dependencies: ["LexiformCore", "CLibXML2"]),
    .testTarget(
      name: "LexiformXMLTests",
      // CLibXML2 is imported here only to check mirrored constants against C.
      dependencies: ["LexiformXML", "CLibXML2", "_LexiformTestSupport"]
    ),

    .target(name: "LexiformTokenization", dependencies: ["LexiformCore", "LexiformUnicode"]),
    .testTarget(
      name: "LexiformTokenizationTests",
      // LexiformXML reads the CES XML Bibles in ../shared/data for real-text tests.
      dependencies: ["LexiformTokenization", "LexiformXML", "_LexiformTestSupport"]
    ),

    .target(name: "LexiformUniMorph", dependencies: ["LexiformCore", "LexiformUnicode", "_LexiformMemoryShims"]),
    .testTarget(
      name: "LexiformUniMorphTests",
      dependencies: ["LexiformUniMorph", "_LexiformTestSupport"]
    ),

    // CZlib: dictzip random access inflates single chunks of `.dict.dz` files.
    .target(name: "LexiformLexicon", dependencies: ["LexiformCore", "LexiformXML", "LexiformUnicode", "CZlib"]),
    .testTarget(
      name: "LexiformLexiconTests",
      dependencies: ["LexiformLexicon", "LexiformXML", "_LexiformTestSupport"],
      exclude: ["Fixtures"]
    ),

    .target(
      name: "LexiformParallelText",
      dependencies: ["LexiformCore", "LexiformXML", "LexiformUnicode", "LexiformTokenization", "LexiformLexicon"]
    ),
    .testTarget(
      name: "LexiformParallelTextTests",
      dependencies: ["LexiformParallelText", "_LexiformTestSupport"]
    ),

    // Lexicon-based synthetic data: word-by-word translation, code-switching,
    // labels carried through, inflection-data hallucination.
    .target(
      name: "LexiformAugmentation",
      dependencies: ["LexiformCore", "LexiformUnicode", "LexiformTokenization", "LexiformLexicon", "LexiformUniMorph"]
    ),
    .testTarget(
      name: "LexiformAugmentationTests",
      // LexiformUniMorph reads the fixtures' UniMorph tables for morphology-aware translation;
      // LexiformUnicode checks that hallucinated forms are NFC.
      dependencies: ["LexiformAugmentation", "LexiformUniMorph", "LexiformUnicode", "_LexiformTestSupport"],
      exclude: ["Fixtures"]
    ),

    // Scoring of inflection predictions, matching the shared tasks' official
    // evaluation scripts (CoNLL-SIGMORPHON 2017 evalm.py; 2022/2023 seen/unseen).
    .target(name: "LexiformEvaluation", dependencies: ["LexiformCore", "LexiformUnicode", "LexiformUniMorph"]),
    .testTarget(
      name: "LexiformEvaluationTests",
      dependencies: ["LexiformEvaluation", "_LexiformTestSupport"]
    ),

    // SIGMORPHON-style inflection: data (Data/), the non-neural baseline
    // (Baseline/), and the neural model on a small automatic differentiation
    // (Autodiff/, Model/, Training/, Decoding/).
    .target(
      name: "LexiformInflection",
      dependencies: [
        "LexiformCore", "LexiformUnicode", "LexiformUniMorph", "LexiformAugmentation", "LexiformEvaluation", "_LexiformBLASShims",
      ]
    ),
    .testTarget(
      name: "LexiformInflectionTests",
      dependencies: ["LexiformInflection", "_LexiformTestSupport"],
      exclude: ["Fixtures"]
    ),

    // The umbrella module: `import Lexiform` gives every public module.
    .target(
      name: "Lexiform",
      dependencies: [
        "LexiformCore", "LexiformUnicode", "LexiformXML", "LexiformTokenization", "LexiformUniMorph",
        "LexiformLexicon", "LexiformParallelText", "LexiformAugmentation", "LexiformEvaluation",
        "LexiformInflection",
      ]
    ),

    // MARK: Executables

    .executableTarget(
      name: "lexiform",
      dependencies: [
        "Lexiform",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/lexiform"
    ),
    .testTarget(
      name: "LexiformCLITests",
      dependencies: ["_LexiformTestSupport"]
    ),

    // Throughput measurements driven by tools/benchmark.sh.
    .executableTarget(
      name: "lexiform-benchmark",
      dependencies: ["Lexiform"],
      path: "Sources/lexiform-benchmark"
    ),

    // libFuzzer targets for every reader (tools/fuzz.sh builds it with
    // `-sanitize=fuzzer,address -DLEXIFORM_FUZZ`). A normal build makes a
    // replayer of saved inputs, run by LexiformCLITests.
    .executableTarget(
      name: "lexiform-fuzz",
      // The modules it imports, listed directly: with only the umbrella an
      // incremental build once kept a stale layout of XMLReaderOptions.
      dependencies: [
        "LexiformCore", "LexiformXML", "LexiformTokenization", "LexiformUniMorph", "LexiformLexicon",
        "LexiformParallelText", "LexiformAugmentation", "LexiformInflection",
      ],
      path: "Sources/lexiform-fuzz"
    ),

    // MARK: Test support

    .target(
      name: "_LexiformTestSupport",
      dependencies: ["LexiformCore"],
      path: "Tests/_LexiformTestSupport"
    ),
  ]
)
