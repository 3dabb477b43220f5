import Foundation
import Testing
@testable import DochouseKit

@Suite("The Snowball stemmers give libstemmer's stems, so the index and the browser agree")
struct StemmerTests {
    /// `word<TAB>stem` lines written by `scripts/lib/make-stemmer-fixtures.py` from libstemmer's `stemwords`.
    static func fixture(_ language: String) throws -> [(word: String, stem: String)] {
        let text = try String(contentsOfFile: TestSupport.fixture("stemmer/\(language).tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    @Test("Every word of the Russian fixture stems as libstemmer stems it")
    func russianMatchesLibstemmer() throws {
        let pairs = try Self.fixture("russian")
        #expect(pairs.count > 4000)
        let wrong = pairs.filter { RussianStemmer.stem($0.word) != $0.stem }.map { "\($0.word) -> \(RussianStemmer.stem($0.word)), libstemmer: \($0.stem)" }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }

    @Test("Every word of the English fixture stems as libstemmer stems it")
    func englishMatchesLibstemmer() throws {
        let pairs = try Self.fixture("english")
        #expect(pairs.count > 8000)
        let wrong = pairs.filter { EnglishStemmer.stem($0.word) != $0.stem }.map { "\($0.word) -> \(EnglishStemmer.stem($0.word)), libstemmer: \($0.stem)" }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }

    @Test("Case forms of one Russian noun share a stem: репозиторию finds репозиторий")
    func russianForms() {
        let stems = Set(["репозиторий", "репозитория", "репозиторию", "репозиториям", "репозиториях"].map(RussianStemmer.stem))
        #expect(stems == ["репозитор"])
        #expect(RussianStemmer.stem("ёлками") == "елк")
    }

    @Test("The tokenizer lowercases, cuts at non-letters, keeps ё as е and stems each word by its script")
    func tokenizer() {
        #expect(SearchTokenizer.words("Настройте ЁЛКУ: ecr:GetAuthorizationToken, it’s AWS's node-role") ==
                ["настройте", "елку", "ecr", "getauthorizationtoken", "it", "aws", "node", "role"])
        #expect(SearchTokenizer.terms("Репозиториям running policies 2026") == ["репозитор", "run", "polici", "2026"])
    }

    @Test("The byte-level tokenizer cuts every text into the same words as the general scalar path")
    func tokenizerPathsAgree() {
        // ASCII, basic Cyrillic in both cases, ё/Ё, the typographic apostrophe, punctuation, and a few scalars
        // outside the fast path (Greek, a combining mark, Ѣ beyond U+045F, a digit of another script, an emoji).
        let alphabet: [String] = ["a", "Z", "s", "'", "’", " ", "-", "9", ":", "Я", "ж", "ё", "Ё", "Ѐ", "ђ", "Ў", "—", "«",
                                  "»", "→", "\u{A0}", "№", "…",
                                  "\u{3A3}", "e\u{301}", "\u{462}", "\u{661}", "😀", "\n", ".", "İ"]
        var state: UInt64 = 7
        for round in 0..<4_000 {
            // Even rounds stay inside the fast path's alphabet (its first 23 symbols).
            let symbols = round % 2 == 0 ? 23 : alphabet.count
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(state >> 33) % symbols]
            }
            #expect(SearchTokenizer.words(text) == SearchTokenizer.scalarWords(text), "\(text.debugDescription)")
        }
        #expect(SearchTokenizer.words("it’s Ёлки's, rock'n'roll 'quoted' ЖУК") == ["it", "елки", "rocknroll", "quoted", "жук"])
    }

    @Test("The tokenizer cuts and stems text as the browser's script does (fixture shared with scripts/lib/check-stemmers.js)")
    func tokenizerMatchesBrowser() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("stemmer/tokenizer.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 5)
        for line in lines where line.count == 2 {
            #expect(SearchTokenizer.terms(line[0]).joined(separator: " ") == line[1], "\(line[0])")
        }
    }
}
