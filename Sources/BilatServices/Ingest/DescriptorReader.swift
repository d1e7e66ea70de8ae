import Foundation

/// Reads an open file descriptor in chunks: a file, stdin, a pipe or a FIFO alike.
///
/// An error is thrown as an `InputError` naming the input (FileHandle's `readData` traps on one). On
/// anything but a regular file the reader waits with `poll`, a fifth of a second at a time, and asks
/// `shouldStop` in between: a read blocked on a silent pipe would not see the first Ctrl-C, since the
/// handler `signal` installs restarts it.
final class DescriptorReader {
    /// Thrown once `shouldStop` says so: not a failure of the input, and what was read is dropped.
    struct Stopped: Error {}

    let name: String
    private let fd: Int32
    private let waits: Bool
    private let closes: Bool
    private let shouldStop: () -> Bool

    /// `waits`: poll before each read (not a regular file). `closes`: the reader owns `fd`.
    init(fd: Int32, name: String, waits: Bool, closes: Bool, shouldStop: @escaping () -> Bool) {
        self.fd = fd
        self.name = name
        self.waits = waits
        self.closes = closes
        self.shouldStop = shouldStop
    }

    deinit {
        if closes { close(fd) }
    }

    /// Appends up to `count` bytes to `buffer`; returns how many, 0 at the end of input.
    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var got = 0
        defer { buffer.removeSubrange((start + got)...) }
        while true {
            if shouldStop() { throw Stopped() }
            if waits {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 200)
                if ready == 0 || (ready < 0 && errno == EINTR) { continue }
                if ready < 0 { throw InputError.unreadable(name, FileStatus.words(errno: errno)) }
            }
            let result = buffer.withUnsafeMutableBufferPointer { all in
                Foundation.read(fd, all.baseAddress! + start, count)
            }
            if result >= 0 {
                got = result
                return got
            }
            // EAGAIN: a FIFO opened without blocking whose writer has not written yet.
            if errno == EINTR || errno == EAGAIN { continue }
            throw InputError.unreadable(name, FileStatus.words(errno: errno))
        }
    }
}
