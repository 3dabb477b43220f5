import Synchronization

/// A value behind a lock that escaping closures (threads, tasks) can share: `Mutex` itself cannot be captured.
final class LockedBox<Value: Sendable>: Sendable {
    let value: Mutex<Value>

    init(_ initial: Value) { value = Mutex(initial) }
}
