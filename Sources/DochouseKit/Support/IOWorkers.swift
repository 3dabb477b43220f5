import Foundation

/// Threads for blocking file work (reading pages, comparing and writing site files). On a machine that reclaims
/// page cache eagerly those reads often go to the disk, and a thread waiting in `read` uses no core, so there are
/// more threads than cores. Dispatch's `concurrentPerform` would run only one per core.
enum IOWorkers {
    /// Enough threads to keep a disk busy while each waits for its reads and writes.
    static let count = max(8, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// How many workers `items` items deserve: one per `perWorker` items, at least one, at most `count`.
    static func workers(for items: Int, perWorker: Int) -> Int {
        max(1, min(count, items / perWorker))
    }

    /// Calls `body(worker)` for each worker in `0..<workers`, each on a thread of its own (the caller's for a single
    /// worker), and returns when all have.
    static func run(workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard workers > 1 else {
            body(0)
            return
        }
        let done = DispatchGroup()
        for worker in 0..<workers {
            done.enter()
            let thread = Thread {
                body(worker)
                done.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        done.wait()
    }
}
