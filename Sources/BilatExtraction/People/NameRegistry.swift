/// Name parts → persons, for linking surnames and short forms.
struct NameRegistry {
    var byKey: [String: Set<Int>] = [:]

    mutating func register(_ person: Int, keys: some Sequence<String>) {
        for k in keys { byKey[k, default: []].insert(person) }
    }

    /// The one person whose name parts include all of `keys` (and whose country agrees).
    func match(keys: [String], country: String?, persons: [Person]) -> Int? {
        var candidates: Set<Int>?
        for k in keys {
            let c = byKey[k] ?? []
            candidates = candidates.map { $0.intersection(c) } ?? c
        }
        // A fuller name than any known one: a known person whose parts it contains.
        if candidates?.isEmpty ?? true {
            let fuller = Set(keys)
            let superset = persons.indices.filter { !persons[$0].keys.isEmpty && fuller.isSuperset(of: persons[$0].keys) }
            candidates = Set(superset)
        }
        let filtered = (candidates ?? []).filter { country == nil || persons[$0].country == nil || persons[$0].country == country }
        return filtered.count == 1 ? filtered.first : nil
    }
}
