import Testing
@testable import DochouseKit

@Suite("UTF-8 decoding of page bytes")
struct UTF8DecoderTests {
    @Test("The standard library's validation and the byte scan agree on what is invalid, on random bytes")
    func agreement() {
        var state: UInt64 = 7
        // Bytes near the edges of the encoding (continuation bytes, lead bytes of 2/3/4-byte forms, overlong and
        // surrogate leads, values past U+10FFFF) most of the time, ASCII otherwise.
        let interesting: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF,
                                    0xF0, 0xF4, 0xF5, 0xFF, 0xD0, 0xB0]
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(interesting[Int(state >> 33) % interesting.count])
            }
            let scanned = UTF8Decoder.firstInvalidOffset(bytes)
            switch UTF8Decoder.decode(bytes) {
            case .success: #expect(scanned == nil, "\(bytes)")
            case .failure(let invalid): #expect(scanned == invalid.offset, "\(bytes)")
            }
        }
    }

    @Test("A byte-order mark is dropped and the first invalid byte is placed by line and column")
    func markAndPlace() throws {
        #expect(try UTF8Decoder.decode([0xEF, 0xBB, 0xBF, 0x61]).get() == "a")
        let bytes = Array("ab\nc".utf8) + [0xFF]
        #expect(UTF8Decoder.decode(bytes) == .failure(.init(offset: 4, line: 2, column: 2)))
    }
}
