import XCTest
@testable import LexiformNeural
