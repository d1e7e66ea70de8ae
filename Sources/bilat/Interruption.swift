import Foundation
import Synchronization

/// Ctrl-C during a long command: the first SIGINT asks the work to stop between two articles; the
/// handler then steps aside, so a second Ctrl-C ends the process at once (SQLite rolls back the
/// unfinished transaction).
enum Interruption {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            Interruption.flag.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
        // A parent may hand down SIGINT blocked (a test runner's thread does): Ctrl-C would then wait
        // pending for ever. Unblocked after the handler is in place, so that a pending one reaches it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    static func requested() -> Bool {
        flag.load(ordering: .relaxed)
    }
}
