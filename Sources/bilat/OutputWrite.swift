import Foundation

/// Writes of command output that fail with a message instead of a trap (`FileHandle.write(_:)` traps on
/// any error: a full disk, a closed pipe, a closed descriptor).
enum OutputWrite {
    /// Writes `data` to `handle`; `name` ("stdout" or the file's path) names the output in the message.
    /// A reader that went away ends bilat quietly (see ``endOnClosedPipe()``); any other failure (full
    /// disk, file size limit, I/O error) is a runtime failure, exit 1.
    static func write(_ data: Data, to handle: FileHandle, name: String) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            let code = posixCode(error)
            if code == EPIPE { endOnClosedPipe() }
            throw Failure.runtime("\(name): cannot write (\(code.map { String(cString: strerror($0)) } ?? "\(error)"))")
        }
    }

    /// The errno behind a Foundation file error (Linux wraps it as the underlying error).
    static func posixCode(_ error: any Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
              underlying.domain == NSPOSIXErrorDomain else { return nil }
        return Int32(underlying.code)
    }

    /// The reader of the output is gone, so nothing more can be delivered and there is nothing to
    /// report: bilat ends as SIGPIPE ends it by default (status 141 in a shell, as `cat` does), also
    /// when the parent set SIGPIPE to be ignored (Python's subprocess does). Output into a file never
    /// gets here, so no temporary file is left behind.
    static func endOnClosedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(141)  // SIGPIPE blocked rather than ignored: the status a shell would show
    }
}
