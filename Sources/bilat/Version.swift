/// What `bilat --version` prints. Raised with each release of the command's behaviour or its data.
enum BilatVersion {
    static let current = "0.15.0"
}
