import XCTest
@testable import LexiformEvaluation
