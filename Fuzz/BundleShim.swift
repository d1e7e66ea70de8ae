import Foundation

// Outside SwiftPM there is no resource bundle: the reference data is read from $BILAT_SEEDS.
extension Bundle {
    static let module: Bundle = {
        let seeds = ProcessInfo.processInfo.environment["BILAT_SEEDS"] ?? "seeds"
        guard let bundle = Bundle(path: seeds) else { fatalError("no folder \(seeds)") }
        return bundle
    }()
}
