import XCTest
final class LexiformCoreTestsPlaceholder: XCTestCase { func testNothing() {} }
