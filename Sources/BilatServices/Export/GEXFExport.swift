import BilatModel

/// A dynamic GEXF 1.3 country network for Gephi: countries are nodes (id = alpha-2, label = name); each
/// event adds, for every pair of its countries, an undirected edge of weight 1 whose `start`/`end` are the
/// first and last day the event's date covers (Gephi sums parallel edges into weights over time).
/// Undated events give edges without dates, which Gephi shows at all times. Statements are left out: one
/// side speaking is no tie between two countries, and counting them would weigh a pair by how much its
/// articles quote.
enum GEXFExport {
    static func render(_ document: TimelineDocument, to write: (String) -> Void) {
        write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta lastmodifieddate="\(UTCTimestamp(document.generated).day.iso)">
                <creator>bilat</creator>
                <description>\(MarkupText.escaped(document.title))</description>
              </meta>
              <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">
                <attributes class="edge" mode="static">
                  <attribute id="kind" title="kind" type="string"/>
                  <attribute id="event" title="event" type="string"/>
                  <attribute id="mode" title="mode" type="string"/>
                  <attribute id="status" title="status" type="string"/>
                </attributes>
                <nodes>

            """)
        let encounters = document.events.filter(\.kind.isEncounter)
        var names: [String: String] = [:]
        for event in encounters {
            for (code, name) in zip(event.countries, event.countryNames) where names[code] == nil { names[code] = name }
        }
        for code in names.keys.sorted() {
            write("      <node id=\"\(MarkupText.escaped(code))\" label=\"\(MarkupText.escaped(names[code]!))\"/>\n")
        }
        write("    </nodes>\n    <edges>\n")
        for event in encounters {
            write(edges(event))
        }
        write("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// The event's edges, one per pair of its countries.
    static func edges(_ e: TimelineEvent) -> String {
        let codes = e.countries.sorted()
        guard codes.count > 1 else { return "" }
        let range = e.date.map(DayRange.init)
        let dates = range.map { " start=\"\($0.first.iso)\" end=\"\($0.last.iso)\"" } ?? ""
        let values = [("kind", e.kind.rawValue), ("event", e.uniqueID), ("mode", e.mode?.rawValue),
                      ("status", e.status?.rawValue)]
            .compactMap { key, value in
                value.map { "<attvalue for=\"\(key)\" value=\"\(MarkupText.escaped($0))\"/>" }
            }.joined()
        var out = ""
        for i in codes.indices {
            for j in codes.indices where j > i {
                let id = MarkupText.escaped("\(e.uniqueID):\(codes[i])-\(codes[j])")
                out += "      <edge id=\"\(id)\" source=\"\(MarkupText.escaped(codes[i]))\" "
                    + "target=\"\(MarkupText.escaped(codes[j]))\" weight=\"1\"\(dates) "
                    + "label=\"\(MarkupText.escaped(e.headline))\"><attvalues>\(values)</attvalues></edge>\n"
            }
        }
        return out
    }
}
