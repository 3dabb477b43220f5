import Testing
@testable import DochouseKit

@Suite("HTML and href escaping on bytes")
struct HTMLEscapingTests {
    @Test("hrefs escaped on bytes by a table equal the escaping by cases they replaced, on random URLs")
    func hrefEscapingOnBytes() {
        func reference(_ url: String) -> String {
            var out = ""
            for byte in url.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                case _ where "-_.+!*(),%#@?=;:/$~".utf8.contains(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
                case UInt8(ascii: "&"): out += "&amp;"
                case UInt8(ascii: "'"): out += "&#x27;"
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" : "") + hex
                }
            }
            return out
        }
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", "/", "#", "%", "&", "'", "\"", "<", " ", "\u{0}", "\u{7F}", "[", "^", "я", "€", "😀", "~", "?"]
        for text in TestSupport.randomTexts(from: alphabet, count: 5_000, maxLength: 31, seed: 11) {
            #expect(HTMLEscaping.escapeHref(text) == reference(text), "\(text.debugDescription)")
            var buffer = HTMLBuffer()
            buffer.href(text)
            #expect(buffer.string == reference(text))
        }
    }

    @Test("Text escaped by runs equals escaping byte by byte, on random text, from Strings, slices and buffers")
    func textEscapingByRuns() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", " ", "\n", "я", "€", "😀", "\u{0}"]
        for string in TestSupport.randomTexts(from: alphabet, count: 5_000, maxLength: 63, seed: 3) {
            #expect(HTMLEscaping.escape(string) == reference(string), "\(string.debugDescription)")
            var buffer = HTMLBuffer()
            buffer.escaped(string)
            #expect(buffer.string == reference(string))
            let bytes = Array(string.utf8)
            var out: [UInt8] = [0x2A]
            HTMLEscaping.appendEscaped(bytes[0..<bytes.count], to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "*" + reference(string))
        }
    }
}
