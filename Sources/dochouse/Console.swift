import DochouseKit
import Foundation
import Synchronization

/// Terminal output of the command layer.
enum Console {
    static func output(_ text: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((text + (newline ? "\n" : "")).utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], color: Bool) {
        let cache = SourceCache()
        let formatter = TextDiagnosticFormatter(color: color, source: { cache.file($0) })
        // Formatted in chunks on every core (quoting reads each page once, through the cache), written in order,
        // one write per chunk: a baselined tree prints thousands of findings.
        let chunkSize = 256
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let texts = Mutex([String](repeating: "", count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var text = ""
            for diagnostic in diagnostics[(chunk * chunkSize)..<min(diagnostics.count, (chunk + 1) * chunkSize)] {
                text += formatter.format(diagnostic)
            }
            texts.withLock { $0[chunk] = text }
        }
        for text in texts.withLock({ $0 }) where !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

/// Reads the files diagnostics point into, once each, to quote their lines.
final class SourceCache: Sendable {
    private let files = Mutex<[String: SourceFile?]>([:])

    func file(_ path: String) -> SourceFile? {
        if let cached = files.withLock({ $0[path] }) { return cached }
        // Bounded and regular files only: a finding about a 50 MB page must not read it to quote line 1.
        let loaded = SourceFile.read(atPath: path)
        files.withLock { $0[path] = loaded }
        return loaded
    }
}

/// A progress line on standard error, shown only on a terminal and only for builds long enough to need one.
final class ProgressLine: Sendable {
    private let state = Mutex<(shown: Bool, last: ContinuousClock.Instant)>((false, ContinuousClock.now))
    private let started = ContinuousClock.now
    private let enabled = isatty(STDERR_FILENO) == 1

    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            guard now - started > .milliseconds(500), now - state.last > .milliseconds(100) || done == total else { return }
            state.last = now
            state.shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[2Kcompiling pages: \(done)/\(total)".utf8))
        }
    }

    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
