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
    }

    static func requested() -> Bool {
        flag.load(ordering: .relaxed)
    }
}
