import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, in chunks, keeping their order. The transform must be pure.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        if count < 2 { return map(transform) }
        let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = Swift.max(1, (count + workers * 4 - 1) / (workers * 4))
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let slice = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
