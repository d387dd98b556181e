import XCTest
final class LexiformCLITestsPlaceholder: XCTestCase { func testNothing() {} }
