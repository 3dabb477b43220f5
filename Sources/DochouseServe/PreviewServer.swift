import DochouseKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// `dochouse serve`: the HTTP side of the preview. Serves the session's in-memory site (GET and HEAD), the
/// live-reload script and event stream, with ETags and 304s and the localized 404 page; never reads the
/// disk to answer a request.
public struct PreviewServer: Sendable {
    public var host: String
    public var port: Int
    public let session: PreviewSession
    public var basePath: String
    public var defaultLanguage: String
    public var languages: [String]
    public var logger: Logger

    public init(session: PreviewSession, host: String = "127.0.0.1", port: Int = 4000, basePath: String = "/",
                defaultLanguage: String = "en", languages: [String] = ["en"], logger: Logger = Logger(label: "dochouse.serve")) {
        self.session = session
        self.host = host
        self.port = port
        self.basePath = basePath
        self.defaultLanguage = defaultLanguage
        self.languages = languages
        self.logger = logger
    }

    /// The application, for running it in a service group. `onRunning` receives the bound port.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let responder = PreviewResponder(store: session.store, hub: session.hub, instance: session.instance, basePath: basePath,
                                         defaultLanguage: defaultLanguage, languages: languages)
        return Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in responder.respond(to: request) },
            configuration: .init(address: .hostname(host, port: port), serverName: "dochouse"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}

/// Answers one request from the store. Pure apart from reading the store's snapshot.
struct PreviewResponder: Sendable {
    let store: SiteStore
    let hub: LiveReloadHub
    let instance: String
    let basePath: String
    let defaultLanguage: String
    let languages: [String]

    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = String(request.uri.path)
        if rawPath == PreviewOverlay.eventsPath { return events() }
        if rawPath == PreviewOverlay.scriptPath {
            return file(ServedFile(bytes: Array(PreviewOverlay.liveReloadScript.utf8), path: "live.js", instance: "script"), request: request)
        }
        switch SitePathResolver.resolve(rawPath, basePath: basePath) {
        case .badRequest(let reason):
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "400 Bad Request: \(reason)\n")))
        case .outsideSite:
            return notFound(rawPath, request: request)
        case .file(let key):
            if key == "index.html", store.file(key) == nil {
                if store.file("\(defaultLanguage)/index.html") != nil { return redirect(to: basePathed("\(defaultLanguage)/")) }
                return pageList(request: request)
            }
            if let served = store.file(key) { return file(served, request: request) }
            if !key.hasSuffix(".html"), store.file(key + "/index.html") != nil {
                return redirect(to: basePathed(key + "/"))
            }
            return notFound(rawPath, request: request)
        }
    }

    private func basePathed(_ key: String) -> String {
        (basePath.hasSuffix("/") ? basePath : basePath + "/") + key
    }

    private func file(_ served: ServedFile, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: served.contentType, .eTag: served.etag, .cacheControl: "no-cache"]
        headers[.xContentTypeOptions] = "nosniff"
        if let version = served.version { headers[HTTPField.Name("X-Dochouse-Version")!] = version }
        if status == .ok, let match = request.headers[.ifNoneMatch],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == served.etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(served.body.readableBytes)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: served.body))
    }

    private func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .contentLength: "0"])
    }

    /// The site's 404 page of the language the path names (`/ru/...`), or a short built-in one.
    private func notFound(_ rawPath: String, request: Request) -> Response {
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        let rest = rawPath.hasPrefix(base) ? rawPath.dropFirst(base.count) : Substring(rawPath.dropFirst())
        let first = rest.split(separator: "/").first.map(String.init) ?? ""
        let language = languages.contains(first) ? first : defaultLanguage
        if let page = store.file("\(language)/404.html") {
            return file(page, request: request, status: .notFound)
        }
        let text = language == "ru" ? "Страница не найдена" : "Page not found"
        let html = "<!doctype html><html lang=\"\(language)\"><meta charset=\"utf-8\"><title>404 · \(text)</title><h1>404</h1><p>\(text).</p>"
            + "<p><a href=\"\(base)\(language)/\">\(language == "ru" ? "На главную" : "Home")</a></p></html>\n"
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The preview's own start page when the site has no home page: every page, by language.
    private func pageList(request: Request) -> Response {
        let pages = store.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") }.sorted()
        var html = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        html += "<title>dochouse preview</title><body style=\"font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em\">"
        html += "<h1>dochouse preview</h1><p>The site has no home page; these are its \(pages.count) pages.</p><ul>"
        for page in pages.prefix(5000) {
            let escaped = PreviewOverlay.escape(page)
            html += "<li><a href=\"\(PreviewOverlay.escape(basePathed(page)))\">\(escaped)</a></li>"
        }
        html += "</ul><script src=\"\(PreviewOverlay.scriptPath)\" data-version=\"list\" data-instance=\"\(instance)\" defer></script></body></html>\n"
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The server-sent event stream: a `hello` with this server's instance, then `reload` events.
    private func events() -> Response {
        let stream = hub.subscribe()
        let hello = "retry: 500\nevent: hello\ndata: {\"instance\":\"\(instance)\"}\n\n"
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                        body: ResponseBody { writer in
                            try await writer.write(ByteBuffer(string: hello))
                            for await record in stream { try await writer.write(ByteBuffer(string: record)) }
                            try await writer.finish(nil)
                        })
    }
}
