/// The inline stylesheet of the HTML export: light, dark (prefers-color-scheme) and print.
enum HTMLStyle {
    static let css = """
        :root { --bg: #fdfdfb; --fg: #1d2125; --muted: #5c6670; --rule: #d9dde1; --lane0: #f2f4f6;
          --lane1: #e8ecef; --meeting: #1f6fb2; --agreement: #c2571a; --link: #1a5c99; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15181b; --fg: #e4e7ea; --muted: #9aa4ad; --rule: #343a40; --lane0: #1c2024;
            --lane1: #23282d; --meeting: #6cb4f0; --agreement: #f0a05c; --link: #8cc4f5; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        .summary, .facts, .sources { color: var(--muted); }
        a { color: var(--link); }
        figure { margin: 1rem 0 2rem; overflow-x: auto; }
        svg { width: 100%; min-width: 640px; height: auto; display: block; }
        svg text { fill: var(--fg); font-size: 12px; }
        svg .year { fill: var(--muted); font-size: 11px; }
        svg .tick { stroke: var(--rule); stroke-width: 1; }
        svg .lane0 { fill: var(--lane0); } svg .lane1 { fill: var(--lane1); }
        svg .mark.meeting { fill: var(--meeting); } svg .mark.agreement { fill: var(--agreement); }
        svg .mark.planned { fill: var(--bg); stroke: var(--meeting); stroke-width: 2; }
        svg .mark.partial { opacity: .55; }
        .legend span { margin-right: 1rem; } .legend i { display: inline-block; width: .8rem; height: .8rem;
          border-radius: 50%; margin-right: .3rem; vertical-align: -1px; }
        .legend .meeting { background: var(--meeting); } .legend .agreement { background: var(--agreement); }
        ol.events { list-style: none; padding: 0; margin: 0; }
        ol.events > li { border-top: 1px solid var(--rule); padding: .75rem 0; }
        ol.events > li:target { outline: 2px solid var(--meeting); outline-offset: 2px; }
        ol.events time.when { font-weight: 600; font-variant-numeric: tabular-nums; }
        ol.events h2 { font-size: 1.05rem; margin: .1rem 0; unicode-bidi: plaintext; }
        .badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .6rem;
          border: 1px solid var(--rule); margin-left: .4rem; color: var(--muted); }
        .sources { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
        .sources q { unicode-bidi: plaintext; }
        footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
        @media print {
          body { max-width: none; padding: 0; background: #fff; color: #000; font-size: 10pt; }
          :root { --bg: #fff; --fg: #000; --muted: #333; --rule: #bbb; --lane0: #fff; --lane1: #f3f3f3; }
          figure { overflow: visible; } svg { min-width: 0; }
          ol.events > li { break-inside: avoid; }
          .sources a::after { content: " <" attr(href) ">"; font-size: 8pt; word-break: break-all; }
        }
        """
}
