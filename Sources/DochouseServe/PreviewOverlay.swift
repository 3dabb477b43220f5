import DochouseKit

/// What the preview adds to every HTML page it serves: the findings overlay (when the page's source has
/// findings) and the live-reload script. Pure: the built page and its findings in, the served bytes out.
/// The built site itself never carries either.
public enum PreviewOverlay {
    /// One finding as the overlay shows it.
    public struct Finding: Sendable, Equatable {
        public var place: String
        public var severity: String
        public var ruleID: String
        public var message: String
        public var suggestion: String?
        /// The source line the finding points at, when it is known.
        public var sourceLine: String?
    }

    /// What the overlay says above its list: why the page shows what it shows.
    public enum Status: Sendable, Equatable {
        /// The page shows its current source.
        case current
        /// The source no longer compiles: the page shows its last good version.
        case stale
    }

    static let scriptPath = "/__dochouse/live.js"
    static let eventsPath = "/__dochouse/events"

    /// The page with the overlay and the script inserted before `</body>` (or at the end without one), and
    /// its version: a hash of the page and its overlay, which the script compares after a reconnect.
    public static func decorate(_ html: [UInt8], findings: [Finding], status: Status, instance: String) -> (bytes: [UInt8], version: String) {
        // In the preview, samples with findings are outlined (the page marks each sample's status).
        var insertion = "<style>[data-sample-status=\"error\"]{outline:3px solid #e53935;outline-offset:2px}"
            + "[data-sample-status=\"warning\"]{outline:3px solid #fb8c00;outline-offset:2px}</style>\n"
        if !findings.isEmpty || status == .stale {
            insertion += overlayHTML(findings, status: status)
        }
        var hash = FNV1a()
        hash.add(html)
        hash.add(Array(insertion.utf8))
        let version = hash.hex
        insertion += "<script src=\"\(scriptPath)\" data-version=\"\(version)\" data-instance=\"\(instance)\" defer></script>\n"
        let marker = Array("</body>".utf8)
        var cut = html.count
        if html.count >= marker.count {
            var i = html.count - marker.count
            while i >= 0 {
                if html[i] == marker[0], Array(html[i..<(i + marker.count)]) == marker { cut = i; break }
                i -= 1
            }
        }
        return (Array(html[..<cut]) + Array(insertion.utf8) + Array(html[cut...]), version)
    }

    static func overlayHTML(_ findings: [Finding], status: Status) -> String {
        let errors = findings.filter { $0.severity == "error" }.count
        var title = findings.count == 1 ? "1 finding" : "\(findings.count) findings"
        if errors > 0 { title += " (\(errors) error\(errors == 1 ? "" : "s"))" }
        var html = "<aside id=\"dochouse-overlay\" role=\"status\" aria-label=\"dochouse findings\" style=\"\(style)\">"
        html += "<div style=\"display:flex;justify-content:space-between;gap:1em;align-items:baseline\"><strong>dochouse: \(escape(title))</strong>"
        html += "<button type=\"button\" onclick=\"this.closest('aside').remove()\" style=\"font:inherit;cursor:pointer\" aria-label=\"Hide\">×</button></div>"
        if status == .stale {
            html += "<p style=\"margin:.4em 0\">The source no longer compiles: this is its last good version.</p>"
        }
        html += "<ol style=\"margin:.4em 0 0;padding-left:1.4em\">"
        for finding in findings {
            let color = finding.severity == "error" ? "#ff8a80" : (finding.severity == "warning" ? "#ffd180" : "#b3e5fc")
            html += "<li class=\"dochouse-finding\" data-rule=\"\(escape(finding.ruleID))\" style=\"margin:.3em 0\">"
            html += "<code>\(escape(finding.place))</code> <span style=\"color:\(color)\">\(escape(finding.severity))</span> "
            html += "<code>[\(escape(finding.ruleID))]</code> \(escape(finding.message))"
            if let suggestion = finding.suggestion { html += "<br><em>\(escape(suggestion))</em>" }
            if let line = finding.sourceLine {
                html += "<pre style=\"margin:.2em 0;white-space:pre-wrap;background:#0003;padding:.2em .4em\">\(escape(line))</pre>"
            }
            html += "</li>"
        }
        html += "</ol></aside>\n"
        return html
    }

    private static let style = "position:fixed;right:1em;bottom:1em;z-index:2147483647;max-width:min(46em,calc(100vw - 2em));"
        + "max-height:45vh;overflow:auto;background:#1d1f23;color:#eee;border-left:4px solid #ff5252;border-radius:6px;"
        + "padding:.8em 1em;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;box-shadow:0 4px 24px #0008"

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The script every page loads: it follows the event stream and reloads the page when the server says
    /// its output changed, keeping the scroll position. After a reconnect (the server restarted, or the
    /// connection dropped) it asks for the page's current version and reloads if it moved on.
    public static let liveReloadScript = #"""
    (() => {
      "use strict";
      const me = document.currentScript;
      const version = me.dataset.version, instance = me.dataset.instance;
      let path = location.pathname;
      try { path = decodeURIComponent(path); } catch (error) {}
      const page = path.endsWith("/") ? path + "index.html" : path;
      const key = "dochouse-scroll:" + page;
      const saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        const [x, y] = saved.split(",").map(Number);
        const restore = () => window.scrollTo(x, y);
        if (document.readyState === "complete") restore(); else addEventListener("load", restore);
      }
      const reload = () => {
        sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
        location.reload();
      };
      let connectedBefore = false;
      const connect = () => {
        const events = new EventSource("/__dochouse/events");
        events.addEventListener("hello", (event) => {
          const hello = JSON.parse(event.data);
          if (connectedBefore || hello.instance !== instance) {
            fetch(location.href, { method: "HEAD", cache: "no-store" }).then((response) => {
              if (response.headers.get("X-Dochouse-Version") !== version) reload();
            }).catch(() => {});
          }
          connectedBefore = true;
        });
        events.addEventListener("reload", (event) => {
          const changed = JSON.parse(event.data);
          if (changed.pages.includes(page)) reload();
        });
        events.onerror = () => {
          if (events.readyState === EventSource.CLOSED) setTimeout(connect, 500);
        };
      };
      connect();
    })();
    """#
}
