#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal HTTP/1.1 client over a plain socket, for the preview's tests and latency benchmark. It sends
/// the request line exactly as given (no URL normalisation, so traversal attempts reach the server as
/// written) and reads the answer until the server closes the connection.
public enum LoopbackHTTPClient {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends `method target` with extra headers and returns the parsed response.
    public static func request(port: Int, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        try send(fd, Array(head.utf8))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return try parse(data, method: method)
    }

    static func parse(_ data: [UInt8], method: String) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = data.indices.first(where: { data.count >= $0 + 4 && Array(data[$0..<($0 + 4)]) == separator }) else {
            throw Failure(description: "no complete response head")
        }
        let headText = String(decoding: data[..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: method == "HEAD" ? [] : body)
    }

    static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            guard let lineEnd = (i..<(data.count - 1)).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }) else { break }
            let sizeText = String(decoding: data[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= data.count else { break }
            out += data[start..<(start + size)]
            i = start + size + 2
        }
        return out
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "write failed") }
            sent += count
        }
    }

    /// One server-sent event.
    public struct Event: Sendable {
        public var name: String
        public var data: String
        /// When it was read off the socket.
        public var received: ContinuousClock.Instant
    }

    /// Follows an event stream on its own thread; events arrive on `events` until `close()`.
    public final class EventStream: Sendable {
        public let events: AsyncStream<Event>
        private let fd: Int32

        public init(port: Int, path: String = "/__dochouse/events") throws {
            fd = try LoopbackHTTPClient.connect(port: port)
            try LoopbackHTTPClient.send(fd, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
            let (stream, continuation) = AsyncStream<Event>.makeStream()
            events = stream
            let socket = fd
            let thread = Thread {
                var pending: [UInt8] = []
                var inBody = false
                var buffer = [UInt8](repeating: 0, count: 16384)
                var name = "message", data = ""
                while true {
                    let count = read(socket, &buffer, buffer.count)
                    if count <= 0 { break }
                    let now = ContinuousClock.now
                    pending += buffer[0..<count]
                    if !inBody {
                        guard let end = pending.indices.first(where: { pending.count >= $0 + 4 && pending[$0] == 13 && pending[$0 + 1] == 10 && pending[$0 + 2] == 13 && pending[$0 + 3] == 10 }) else { continue }
                        pending.removeFirst(end + 4)
                        inBody = true
                    }
                    // Chunked framing lines (hex sizes) are skipped: they never start with a field name.
                    while let newline = pending.firstIndex(of: 10) {
                        var line = String(decoding: pending[..<newline], as: UTF8.self)
                        pending.removeFirst(newline + 1)
                        if line.hasSuffix("\r") { line.removeLast() }
                        if line.hasPrefix("event:") {
                            name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                        } else if line.hasPrefix("data:") {
                            data += (data.isEmpty ? "" : "\n") + line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                        } else if line.isEmpty, !data.isEmpty {
                            continuation.yield(Event(name: name, data: data, received: now))
                            name = "message"
                            data = ""
                        }
                    }
                }
                continuation.finish()
                Glibc.close(socket)
            }
            thread.start()
        }

        public func close() {
            shutdown(fd, Int32(SHUT_RDWR))
        }
    }
}
