import Foundation
import CSystemShims

/// Writes a built site so that readers never see half of it: everything goes into a fresh staging directory
/// beside the output directory, which then takes the output directory's place in one rename.
public enum SiteWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` as the new content of `output`. On failure the previous `output` is left as it was.
    public static func write(_ files: [OutputFile], to output: String) throws(WriteError) {
        let fm = FileManager.default
        let outURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outURL.deletingLastPathComponent()
        let name = outURL.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        removeLeftovers(in: parent, of: name)
        let staging = parent.appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            var created: Set<String> = [""]
            for file in files {
                let directory = (file.path as NSString).deletingLastPathComponent
                if !created.contains(directory) {
                    try fm.createDirectory(at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
                    created.insert(directory)
                }
                let path = staging.appendingPathComponent(file.path).path
                guard fm.createFile(atPath: path, contents: Data(file.bytes)) else {
                    throw WriteError(description: "cannot write \(file.path) in \(staging.path)")
                }
            }
        } catch let error as WriteError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(description: "cannot write the site: \(error.localizedDescription)")
        }
        do {
            try swap(staging: staging, into: outURL)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Staging directories left by a build that was killed; they are never the live site.
    static func removeLeftovers(in parent: URL, of name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private static func swap(staging: URL, into output: URL) throws(WriteError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if !exists {
            guard rename(staging.path, output.path) == 0 else {
                throw WriteError(description: "cannot move the new site into place: \(String(cString: strerror(errno)))")
            }
            return
        }
        guard isDirectory.boolValue else {
            throw WriteError(description: "\(output.path) exists and is not a directory")
        }
        // Linux swaps both directories in one step: there is no moment without a site.
        if dochouse_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        guard rename(output.path, old.path) == 0 else {
            throw WriteError(description: "cannot move the previous site aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, output.path)
            throw WriteError(description: "cannot move the new site into place: \(reason)")
        }
        try? fm.removeItem(at: old)
    }
}
