import Foundation

/// Writes a built site so that readers never see half of it: everything goes into a fresh staging directory
/// beside the output directory, which then takes the output directory's place in one rename.
///
/// A build killed at any moment (SIGINT, SIGTERM, SIGKILL) leaves the previous site as it was plus, at worst,
/// a `.NAME.tmp-PID-RANDOM` (or, between the two renames of the fallback, `.NAME.old-PID`) directory beside
/// it; the next build removes those before it starts writing.
public enum SiteWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` as the new content of `output`. On failure the previous `output` is left as it was and
    /// the staging directory is removed.
    public static func write(_ files: [OutputFile], to output: String,
                             fileSystem: some SiteFileSystem = LocalSiteFileSystem()) throws(WriteError) {
        let outURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outURL.deletingLastPathComponent().path
        let name = outURL.lastPathComponent
        do {
            try fileSystem.createDirectory(parent)
        } catch {
            throw WriteError(description: error.description)
        }
        removeLeftovers(in: parent, of: name, fileSystem: fileSystem)
        let staging = ContentLoader.join(parent, ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do throws(SiteFileSystemError) {
            try fileSystem.createDirectory(staging)
            var created: Set<String> = [""]
            for file in files {
                let directory = (file.path as NSString).deletingLastPathComponent
                if !created.contains(directory) {
                    try fileSystem.createDirectory(ContentLoader.join(staging, directory))
                    created.insert(directory)
                }
                try fileSystem.writeFile(ContentLoader.join(staging, file.path), bytes: file.bytes)
            }
        } catch {
            fileSystem.removeItem(staging)
            throw WriteError(description: "the site was not written, the previous one is kept: \(error.description)")
        }
        do {
            try swap(staging: staging, into: outURL.path, fileSystem: fileSystem)
        } catch {
            fileSystem.removeItem(staging)
            throw error
        }
    }

    /// Staging directories left by a build that was killed; they are never the live site.
    static func removeLeftovers(in parent: String, of name: String, fileSystem: some SiteFileSystem = LocalSiteFileSystem()) {
        for entry in fileSystem.contentsOfDirectory(parent) where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            fileSystem.removeItem(ContentLoader.join(parent, entry))
        }
    }

    private static func swap(staging: String, into output: String, fileSystem: some SiteFileSystem) throws(WriteError) {
        switch fileSystem.kind(of: output) {
        case .missing:
            do {
                try fileSystem.rename(staging, to: output)
            } catch {
                throw WriteError(description: "cannot move the new site into place: \(error.description)")
            }
            return
        case .other:
            throw WriteError(description: "\(output) exists and is not a directory; the site was not written")
        case .directory:
            break
        }
        // Linux swaps both directories in one step: there is no moment without a site.
        if (try? fileSystem.exchange(staging, output)) != nil {
            fileSystem.removeItem(staging)
            return
        }
        let url = URL(fileURLWithPath: output)
        let old = ContentLoader.join(url.deletingLastPathComponent().path, ".\(url.lastPathComponent).old-\(getpid())")
        do {
            try fileSystem.rename(output, to: old)
        } catch {
            throw WriteError(description: "cannot move the previous site aside: \(error.description)")
        }
        do {
            try fileSystem.rename(staging, to: output)
        } catch {
            try? fileSystem.rename(old, to: output)
            throw WriteError(description: "cannot move the new site into place: \(error.description)")
        }
        fileSystem.removeItem(old)
    }
}
