import Foundation
import Testing
@testable import DochouseKit

/// Inputs the fuzzers found, kept as fixtures and run through the same entry points as the harnesses.
@Suite("Fuzzer findings")
struct FuzzRegressionTests {
    /// `FuzzPolicy` timed out (10 s) on a YAML policy sample whose flow sequence holds `? *a7`: an explicit key
    /// with no `:`, which makes the alias bomb a mapping key that Yams hashes, expanded, while composing.
    @Test(.timeLimit(.minutes(1)))
    func explicitAliasKeyInFlowSequence() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("limits/fuzz-policy-explicit-key-bomb.bin"))))
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        #expect(YAMLLimits.aliasKey(in: text) != nil)
        guard case .failure = YAMLComposer.compose(text) else {
            Issue.record("the alias key was not refused before composing")
            return
        }
        _ = FuzzEntryPoints.policy(bytes)
    }
}
