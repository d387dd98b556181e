import XCTest
@testable import LexiformInflection
