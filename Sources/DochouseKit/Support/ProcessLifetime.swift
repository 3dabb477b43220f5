import Synchronization

/// Values a one-shot command keeps until the process exits instead of freeing them piece by piece just before
/// it exits: the system takes the whole heap back at once. Freeing the compiled site of 10,000 pages (pages,
/// samples, findings, output bytes) cost about half a second at the end of every build; clang's `-disable-free`
/// skips its teardown for the same reason. Only the command-line tool uses it (`BuildOptions.keepsUntilExit`);
/// the library and the preview server free what they no longer need.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
