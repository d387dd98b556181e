import XCTest
@testable import LexiformAugmentation
