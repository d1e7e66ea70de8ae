// The fuzz build compiles BilatExtraction's sources without its package dependencies: swift-crypto's
// SHA-256 (ContentHash.swift) is replaced by this stand-in. The id's value does not matter to the fuzzer,
// only that an article has one; `ContentHashTests` check the real digest.
enum ContentHash {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 64 - digits.count) + digits
    }
}
