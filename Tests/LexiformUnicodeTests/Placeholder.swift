import XCTest
final class LexiformUnicodeTestsPlaceholder: XCTestCase { func testNothing() {} }
