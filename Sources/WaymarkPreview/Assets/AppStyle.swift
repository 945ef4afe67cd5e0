/// The app pages' style sheet, `/app/app.css` (the built guides keep their own styles).
///
/// Plain and readable: dark text on white (at least 7:1), a visible focus ring, nothing that
/// moves. The editor's text box and its line numbers share one line height so the numbers line up.
enum AppStyle {
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 100%; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
        body { margin: 0; }
        a { color: #0b4a80; text-underline-offset: 0.15em; }
        a:hover { color: #062c4d; }
        :focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd84d; }
        .skip { position: absolute; left: 0.5rem; top: -10rem; background: #ffffff; padding: 0.5rem; }
        .skip:focus { top: 0.5rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 2rem; padding: 0.5rem 1.5rem; border-bottom: 2px solid #1a1a1a; background: #f3f3f3; }
        header.top .brand { margin: 0; font-weight: bold; }
        header.top ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; list-style: none; margin: 0; padding: 0; }
        main { padding: 1rem 1.5rem 3rem; max-width: 110rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0; }
        h2 { font-size: 1.35rem; margin: 1.5rem 0 0.5rem; }
        h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
        .path { margin: 0; color: #3d3d3d; font-family: "DejaVu Sans Mono", monospace; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
        .button { display: inline-block; font: inherit; font-weight: bold; padding: 0.4rem 1rem; border: 2px solid #0b4a80; border-radius: 4px; background: #0b4a80; color: #ffffff; cursor: pointer; text-decoration: none; }
        .button:hover { background: #062c4d; color: #ffffff; }
        button.goto { font: inherit; padding: 0.1rem 0.6rem; border: 2px solid #0b4a80; border-radius: 4px; background: #ffffff; color: #0b4a80; cursor: pointer; }
        button.goto:hover { background: #e8f0f8; }
        .note { padding: 0.5rem 0.75rem; border-left: 6px solid #6b5800; background: #fff8d6; }
        .saved { padding: 0.5rem 0.75rem; border-left: 6px solid #1d6b33; background: #e9f6ec; }
        .changed, .error-message { padding: 0.5rem 0.75rem; border-left: 6px solid #a30000; background: #fdeeee; }
        .none { color: #3d3d3d; }
        .status:empty { display: none; }
        .status { position: fixed; right: 1rem; bottom: 1rem; margin: 0; padding: 0.5rem 1rem; background: #1a1a1a; color: #ffffff; border-radius: 4px; }
        ul.guides, ul.findings, ul.pictures { list-style: none; padding: 0; margin: 0; }
        li.guide { border-top: 1px solid #8a8a8a; padding: 0.5rem 0 1rem; }
        li.guide h2 { margin: 0.5rem 0 0; }
        li.finding { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border: 1px solid #8a8a8a; border-left-width: 8px; border-radius: 4px; }
        li.finding.error { border-left-color: #a30000; }
        li.finding.warning { border-left-color: #6b5800; }
        li.finding.info { border-left-color: #0b4a80; }
        li.finding p { margin: 0.25rem 0; }
        .severity { text-transform: none; }
        p.source { font-family: "DejaVu Sans Mono", monospace; font-size: 0.95rem; background: #f3f3f3; padding: 0.25rem 0.5rem; overflow-wrap: anywhere; }
        .line-number { font-weight: bold; margin-right: 0.5rem; }
        mark { background: #ffd84d; color: #1a1a1a; }
        @media (min-width: 60rem) {
          li.finding { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); column-gap: 1rem; }
          li.finding > p.source { grid-column: 1; grid-row: 1 / span 5; align-self: start; }
          li.finding > :not(.source) { grid-column: 2; }
        }
        section.chapter { border-top: 2px solid #1a1a1a; margin-top: 1.5rem; }
        .reading-age { font-weight: bold; }
        .problems { border: 2px solid #a30000; padding: 0 1rem 0.5rem; margin: 1rem 0; }
        ul.formats { padding-left: 1.25rem; }
        .kind { color: #3d3d3d; }
        .editor-layout, .compare { display: grid; gap: 1.5rem; }
        @media (min-width: 60rem) {
          .editor-layout { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
          .compare { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
        }
        .side { max-height: calc(100vh - 6rem); overflow: auto; position: sticky; top: 0.5rem; }
        .side li.finding { display: block; }
        label { display: block; font-weight: bold; }
        label.inline { display: inline; }
        .hint { margin: 0.25rem 0; color: #3d3d3d; }
        .code { display: flex; border: 2px solid #1a1a1a; border-radius: 4px; overflow: hidden; }
        .code:focus-within { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd84d; }
        .gutter, .code textarea { font-family: "DejaVu Sans Mono", monospace; font-size: 0.95rem; line-height: 1.5; margin: 0; padding: 0.5rem; }
        /* The numbers scroll with the text box; the extra room at their foot covers the text box's
           own horizontal scroll bar, so that the two stay level at the end of a long guide too. */
        .gutter { min-width: 3.5rem; text-align: right; color: #3d3d3d; background: #f3f3f3; border-right: 1px solid #8a8a8a; overflow: hidden; user-select: none; height: min(45rem, 70vh); padding-bottom: 3rem; }
        .code textarea { flex: 1; border: 0; resize: none; white-space: pre; overflow-wrap: normal; overflow: auto; height: min(45rem, 70vh); color: #1a1a1a; background: #ffffff; }
        .code textarea:focus { outline: none; }
        .fields input[type=text] { font: inherit; width: min(40rem, 100%); padding: 0.3rem 0.5rem; border: 2px solid #1a1a1a; border-radius: 4px; }
        .fields input[type=file] { font: inherit; }
        .side-by-side { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); }
        .format h2 { margin-top: 0.5rem; }
        .format iframe { width: 100%; height: 70vh; border: 2px solid #1a1a1a; background: #ffffff; }
        ul.pictures li { display: flex; align-items: center; gap: 1rem; padding: 0.25rem 0; }
        ul.pictures img { border: 1px solid #8a8a8a; background: #ffffff; object-fit: contain; }
        details summary { cursor: pointer; color: #0b4a80; text-decoration: underline; }

        """
}
