import Crypto

/// The SHA-256 (FIPS 180-4) of an article's text, for content-addressed article ids.
///
/// swift-crypto's, which on Linux is BoringSSL's assembly and uses the CPU's SHA extensions where it has
/// them: the pure-Swift digest written here before cost 200,000 instructions for a 3 KB article, two
/// thirds of reading it. The ids did not change: the same hex of the same bytes.
public enum ContentHash {
    /// Lower-case hex digest of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }

    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// Lower-case hex digest of the bytes at `buffer`.
    public static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        var hasher = Crypto.SHA256()
        hasher.update(bufferPointer: buffer)
        return hasher.finalize().withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 64) { out in
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = hexDigit(byte >> 4)
                    out[2 * i + 1] = hexDigit(byte & 0xF)
                }
                return 64
            }
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
