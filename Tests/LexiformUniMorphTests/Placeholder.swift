import XCTest
final class UniMorphPlaceholderTests: XCTestCase { func testModuleBuilds() {} }
