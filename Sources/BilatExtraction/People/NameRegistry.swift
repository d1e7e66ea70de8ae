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
        // The one candidate whose country agrees, counted without building the filtered set.
        func agrees(_ p: Int) -> Bool { country == nil || persons[p].country == nil || persons[p].country == country }
        var found: Int?
        if let candidates, !candidates.isEmpty {
            for p in candidates where agrees(p) {
                if found != nil { return nil }
                found = p
            }
            return found
        }
        // A fuller name than any known one: a known person whose parts it contains (the name's few parts
        // asked in turn, rather than made a set for each name).
        for p in persons.indices where !persons[p].keys.isEmpty && persons[p].keys.allSatisfy(keys.contains) && agrees(p) {
            if found != nil { return nil }
            found = p
        }
        return found
    }
}
