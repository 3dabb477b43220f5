import Testing
import Yams
@testable import DochouseKit

@Suite("YAML plain scalars")
struct YAMLPlainScalarTests {
    private func expected(_ text: String) -> YAMLPlainScalar.Meaning {
        switch Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text))) {
        case .null: .null
        case .bool: .bool
        case .int, .float: .number
        default: .string
        }
    }

    @Test("Hand-written resolution agrees with Yams' default resolver on chosen scalars")
    func chosen() {
        let samples = ["", "~", "null", "NULL", "Null", "nULL", "yes", "No", "ON", "oFF", "y", "n", "0", "-0", "+1", "007", "08", "0o17",
                       "0o", "0b101", "0b", "0b2", "0x1F", "0xg", "1_000", "1:30", "1:60", "190:20:30", "0:30", "1.5", "1.", ".5", "._",
                       "-.5", "1e5", "1.5E-3", ".5e+3", ".5e3", "1e", "1:30.5", "1:30.", "0:30.5", ".inf", "-.Inf", "+.INF", ".nan",
                       "-.nan", ".NaN", "2026-10-27", "1.2.3", "ec2:DescribeTags", "1_", "+", "-", ".", "e5", "12:", "1::2", "3:7a"]
        for text in samples { #expect(YAMLPlainScalar.meaning(of: text) == expected(text), "\(text.debugDescription)") }
    }

    @Test("Hand-written resolution agrees with Yams' default resolver on 5,000 random scalars")
    func random() {
        let alphabet = Array("0123456789_-+.:eEbxoOaAfFinIlNnNtTyYsru~")
        var state: UInt64 = 11
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Digits and punctuation most of the time, so numbers come up often.
                let pick = Int(state >> 33)
                text.append(pick % 3 == 0 ? alphabet[pick % alphabet.count] : alphabet[pick % 15])
            }
            #expect(YAMLPlainScalar.meaning(of: text) == expected(text), "\(text.debugDescription)")
        }
    }
}
