import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. The transform must be pure.
    ///
    /// One task per core takes the next element from a shared counter until none is left, so a core that drew
    /// cheap pages goes on with the rest instead of waiting for a fixed chunk of expensive ones.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        if count < 2 { return map(transform) }
        let workers = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        let next = WorkCounter()
        let elements = self
        return await withTaskGroup(of: [(Int, T)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, T)] = []
                    while true {
                        let index = next.take()
                        guard index < elements.count else { break }
                        done.append((index, transform(elements[index])))
                    }
                    return done
                }
            }
            var slots = [T?](repeating: nil, count: elements.count)
            for await part in group {
                for (index, value) in part { slots[index] = value }
            }
            return slots.map { $0! }
        }
    }
}

/// Hands out 0, 1, 2, ... to concurrent takers.
private final class WorkCounter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
