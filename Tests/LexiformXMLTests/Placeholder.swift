import XCTest
final class LexiformXMLTestsPlaceholder: XCTestCase { func testNothing() {} }
