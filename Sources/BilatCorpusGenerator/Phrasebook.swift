/// The wording articles draw on: cooperation fields, organizations, outlets and agencies. Written from
/// the corpus README's taxonomy and from news usage, not from the engine's lexicons.
enum Phrasebook {
    /// Cooperation fields as news names them; several wordings per field.
    static let areas: [[String]] = [
        ["trade", "economic and trade ties", "market access", "two-way trade"],
        ["investment", "joint ventures", "investment protection"],
        ["financial cooperation", "banking", "a currency swap arrangement"],
        ["energy", "clean energy", "oil and gas", "renewable power"],
        ["agriculture", "food security", "farm products", "fisheries"],
        ["manufacturing", "industrial cooperation", "supply chains", "the automotive sector"],
        ["infrastructure", "connectivity", "railways", "port development"],
        ["science and technology", "innovation", "artificial intelligence", "space research"],
        ["the digital economy", "e-commerce", "telecommunications"],
        ["public health", "health", "vaccines"],
        ["education", "academic exchanges", "vocational training"],
        ["culture", "cultural heritage", "the arts"],
        ["tourism"],
        ["sports"],
        ["people-to-people exchanges", "youth exchanges", "think tank exchanges"],
        ["visa facilitation", "direct flights", "consular matters"],
        ["climate change", "green development", "environmental protection"],
        ["security", "counter-terrorism", "law enforcement", "drug control"],
        ["defence", "military cooperation", "joint exercises"],
        ["maritime affairs", "maritime security", "ocean governance"],
        ["critical minerals", "rare earths", "mining"],
        ["development cooperation", "humanitarian assistance", "poverty reduction"],
    ]

    /// International organizations and forums: the short name and the long one.
    static let organizations: [(short: String, long: String)] = [
        ("UN", "the United Nations"), ("G20", "the Group of 20"), ("APEC", "the Asia-Pacific Economic Cooperation forum"),
        ("ASEAN", "the Association of Southeast Asian Nations"), ("EU", "the European Union"),
        ("NATO", "the North Atlantic Treaty Organization"), ("BRICS", "the BRICS group"),
        ("SCO", "the Shanghai Cooperation Organisation"), ("WTO", "the World Trade Organization"),
        ("IMF", "the International Monetary Fund"), ("World Bank", "the World Bank"),
        ("WHO", "the World Health Organization"), ("G7", "the Group of Seven"),
        ("African Union", "the African Union"), ("OPEC", "OPEC"), ("IAEA", "the International Atomic Energy Agency"),
        ("Commonwealth", "the Commonwealth"), ("Arab League", "the Arab League"), ("Mercosur", "Mercosur"),
    ]

    /// Outlets for files and feeds.
    static let outlets = ["Global Affairs Desk", "Diplomatic Wire", "World News Review", "Capital Courier",
                          "Asia-Pacific Daily", "Atlantic Observer", "Eurasia Monitor", "Gulf Briefing",
                          "Southern Hemisphere Post", "International Herald Review", "Foreign Policy Digest",
                          "Continental Times"]

    /// News agencies as wire datelines name them.
    static let agencies = ["Xinhua", "Reuters", "AFP", "AP", "PTI", "Yonhap", "Kyodo", "Anadolu", "TASS", "Bernama",
                           "ANI", "EFE", "dpa", "ANSA"]

    /// Venues that stand for the host's capital in a readout.
    static let venues = ["the presidential palace", "the state guest house", "the foreign ministry",
                         "the government headquarters", "the national assembly building"]

    /// Topics of a sentence that is neither a meeting nor a fact of the extractor's kinds.
    static let topics = ["regional stability", "the situation in the Middle East", "the war in Ukraine",
                         "the Korean Peninsula", "reform of the international financial system",
                         "the global economic outlook", "food and energy prices", "the Red Sea shipping crisis",
                         "the upcoming climate conference", "migration flows"]

    /// A field's wording, chosen by the draw.
    static func area(_ index: Int, _ rng: inout SplitMix64) -> String {
        rng.pick(areas[index])
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// A lower-case, dash-separated slug for URLs.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash, !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        return dash ? String(out.dropLast()) : out
    }
}
