import Foundation
import Waymark
import WaymarkModel

/// A guide's page: what the checks found, chapter by chapter, each finding beside the line of
/// the guide it points at, with the chapter's reading age; then the guide's formats.
enum GuidePage {
    static func page(_ guide: GuideState, project: ProjectSummary) -> Page {
        let lines = SourceMap(text: String(decoding: guide.source, as: UTF8.self))
        let editor = HTML.guidePath(guide.slug, "/edit")
        var body = "<h1>\(HTML.escape(guide.name))</h1>"
        body += "<p class=\"path\">\(HTML.escape(guide.displayPath))</p>"
        body += "<p class=\"actions\"><a class=\"button\" href=\"\(HTML.escape(editor))\">Edit this guide</a> "
            + "<a href=\"\(HTML.escape(HTML.guidePath(guide.slug, "/formats")))\">See the formats side by side</a></p>"
        body += "<div id=\"live\">"
        body += project.problemsHTML
        body += summary(guide)
        if !guide.readable {
            body += "<section aria-labelledby=\"unread\"><h2 id=\"unread\">Why the guide could not be read</h2>"
            body += "<p>Fix these first: until then the checks cannot look at the rest of the guide.</p>"
            body += FindingView.list(guide.findings, lines: lines, ownFile: guide.displayPath, editor: editor, none: "")
            body += "</section>"
        } else {
            body += chapters(guide, lines: lines, editor: editor)
        }
        body += formats(guide)
        body += "</div>"
        return Page(title: guide.name, kind: .guide, slug: guide.slug, body: body, hasSite: project.hasSite)
    }

    /// The counts, the whole guide's reading age, and what `waymark build` would do with it.
    static func summary(_ guide: GuideState) -> String {
        var html = "<p class=\"counts\">\(HTML.escape(FindingView.counts(guide.findings)))"
        if let readability = guide.readability, !readability.isEmpty {
            html += " The guide's reading age is about \(Int(readability.readingAge.rounded()))"
            if let target = guide.targetReadingAge { html += "; it aims for \(Int(target))" }
            html += "."
        }
        html += "</p>"
        if guide.readable && guide.count(.error) > 0 {
            html += "<p class=\"note\">While it has errors, <code>waymark build</code> does not build this guide. "
                + "The preview builds it all the same, so that you can see its formats as you fix them.</p>"
        }
        return html
    }

    /// The findings grouped by chapter, each chapter with its reading age.
    static func chapters(_ guide: GuideState, lines: SourceMap, editor: String) -> String {
        let groups = grouped(guide.findings, chapters: guide.chapters, ownFile: guide.displayPath)
        var html = "<section aria-labelledby=\"findings-heading\"><h2 id=\"findings-heading\">What the checks found, chapter by chapter</h2>"
        if !groups.before.isEmpty {
            html += "<section class=\"chapter\" aria-labelledby=\"chapter-top\"><h3 id=\"chapter-top\">The settings at the top and the whole guide</h3>"
            html += FindingView.list(groups.before, lines: lines, ownFile: guide.displayPath, editor: editor, none: "")
            html += "</section>"
        }
        for (index, chapter) in guide.chapters.enumerated() {
            let title = chapter.title.isEmpty ? "Before the first heading" : chapter.title
            html += "<section class=\"chapter\" aria-labelledby=\"chapter-\(index)\"><h3 id=\"chapter-\(index)\">\(HTML.escape(title))</h3>"
            html += "<p class=\"reading-age\">\(HTML.escape(readingAge(chapter.readability, target: guide.targetReadingAge)))</p>"
            html += FindingView.list(groups.chapters[index], lines: lines, ownFile: guide.displayPath, editor: editor, none: "Nothing to fix in this chapter.")
            html += "</section>"
        }
        if !groups.elsewhere.isEmpty {
            html += "<section class=\"chapter\" aria-labelledby=\"chapter-other\"><h3 id=\"chapter-other\">In other files</h3>"
            html += FindingView.list(groups.elsewhere, lines: lines, ownFile: guide.displayPath, editor: editor, none: "")
            html += "</section>"
        }
        return html + "</section>"
    }

    /// A chapter's reading age in words: "Reading age about 9 (Flesch–Kincaid grade 4.0, 11.2 words a sentence); the guide aims for 9."
    static func readingAge(_ readability: Readability, target: Double?) -> String {
        guard !readability.isEmpty else { return "No running text to give a reading age for." }
        var text = "Reading age about \(Int(readability.readingAge.rounded())) (Flesch–Kincaid grade \(Readability.format(readability.fleschKincaidGrade)), "
            + "\(Readability.format(readability.wordsPerSentence)) words a sentence)"
        if let target {
            text += readability.readingAge > target ? "; the guide aims for \(Int(target)), so this chapter is harder" : "; the guide aims for \(Int(target))"
        }
        if Double(readability.words) < Thresholds.readingLevelMinimumWords {
            text += ". The chapter is short (\(readability.words) words), so this is only a rough guide"
        }
        return text + "."
    }

    /// The findings by chapter: those before the first chapter's first line, those in each
    /// chapter (from its first line to the next chapter's), and those in other files.
    static func grouped(_ findings: [Diagnostic], chapters: [ChapterReadability], ownFile: String)
        -> (before: [Diagnostic], chapters: [[Diagnostic]], elsewhere: [Diagnostic]) {
        var before: [Diagnostic] = []
        var byChapter = Array(repeating: [Diagnostic](), count: chapters.count)
        var elsewhere: [Diagnostic] = []
        for finding in findings {
            guard finding.location.file == ownFile else {
                elsewhere.append(finding)
                continue
            }
            if let index = chapters.lastIndex(where: { $0.location.line <= finding.location.line }) {
                byChapter[index].append(finding)
            } else {
                before.append(finding)
            }
        }
        return (before, byChapter, elsewhere)
    }

    /// The formats: links to each, and the build's problems when it could not make them.
    static func formats(_ guide: GuideState) -> String {
        var html = "<section aria-labelledby=\"formats-heading\"><h2 id=\"formats-heading\">Formats</h2>"
        guard let build = guide.build else {
            return html + "<p class=\"none\">Being built…</p></section>"
        }
        if !build.errors.isEmpty {
            html += "<p>The formats could not be made this time:</p>"
            html += FindingView.list(build.errors, lines: SourceMap.empty, ownFile: "", editor: nil, none: "")
            if !build.files.isEmpty { html += "<p>These are the formats from the last time they could be made:</p>" }
        } else if !guide.readable, !build.files.isEmpty {
            html += "<p>These are the formats from the last time the guide could be read.</p>"
        }
        html += FormatLinks.list(slug: guide.slug, built: build.files)
        return html + "</section>"
    }
}
