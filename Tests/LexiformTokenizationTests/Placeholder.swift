import XCTest
final class TokenizationPlaceholderTests: XCTestCase { func testModuleBuilds() {} }
