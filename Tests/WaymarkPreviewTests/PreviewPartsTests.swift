import Foundation
import Testing
@testable import Waymark
import WaymarkModel
@testable import WaymarkPreview

/// The preview's parts on their own: the watcher, the events, forms, names and the template.
@Suite struct PreviewPartsTests {
    @Test func theWatcherSeesAChangedGuideAndAChangedPicture() async throws {
        let fixture = try await PreviewFixture()
        let options = fixture.project.options
        let before = ProjectWatcher.snapshot(options)
        #expect(before[fixture.guideFile.path] != nil)
        // An editor that saves by writing a new file and renaming it over the old one.
        let replacement = fixture.guides.appendingPathComponent(".edit.tmp")
        try Data((try fixture.text(fixture.guideFile) + "\nMore.\n").utf8).write(to: replacement)
        #expect(rename(replacement.path, fixture.guideFile.path) == 0)
        let afterGuide = ProjectWatcher.snapshot(options)
        let changed = ProjectWatcher.changes(from: before, to: afterGuide)
        #expect(changed == [fixture.guideFile.path])
        #expect(ProjectWatcher.guides(in: changed, options: options) == [PreviewFixture.slug])
        // A picture can change any guide: every guide is checked again.
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: fixture.guides.appendingPathComponent("pictures/new.svg"))
        let afterPicture = ProjectWatcher.snapshot(options)
        #expect(ProjectWatcher.guides(in: ProjectWatcher.changes(from: afterGuide, to: afterPicture), options: options) == nil)
        await fixture.remove()
    }

    @Test func aRefreshTellsTheOpenPagesWhatChanged() async throws {
        let fixture = try await PreviewFixture()
        let (_, events) = try #require(await fixture.project.events.subscribe())
        try Data((try fixture.text(fixture.guideFile) + "\nFor more, [click here](https://www.childline.org.uk).\n").utf8).write(to: fixture.guideFile)
        await fixture.project.refresh(only: [PreviewFixture.slug])
        var kinds: [EventHub.Event.Kind] = []
        for await event in events {
            #expect(event.slug == PreviewFixture.slug)
            kinds.append(event.kind)
            if kinds.contains(.check) && kinds.contains(.build) { break }
        }
        #expect(kinds.contains(.check) && kinds.contains(.build))
        let state = try #require(await fixture.project.guide(PreviewFixture.slug))
        #expect(state.findings.contains { $0.rule == "link-text" })
        #expect(EventHub.encoded(EventHub.Event(kind: .check, slug: "a\nb", generation: 3)) == "event: change\ndata: {\"generation\":3,\"kind\":\"check\",\"slug\":\"a\\nb\"}\n\n")
        await fixture.remove()
    }

    @Test func formsAreReadAsBrowsersSendThem() throws {
        let form = try FormData.urlEncoded(Array("csrf=abc&text=a+b%0D%0Ac%26d&text=second&empty=".utf8))
        #expect(form.fields == ["csrf": "abc", "text": "a b\r\nc&d", "empty": ""])
        let (body, headers) = PreviewFixture.multipart(file: ("picture", "a.svg", Array("<svg/>\r\n--x".utf8)), fields: [("csrf", "t"), ("name", "b.svg")])
        let parsed = try FormData.parse(Array(body.readableBytesView), contentType: headers[.contentType])
        #expect(parsed.fields == ["csrf": "t", "name": "b.svg"])
        #expect(parsed.files["picture"]?.fileName == "a.svg")
        #expect(parsed.files["picture"]?.bytes == Array("<svg/>\r\n--x".utf8))
        #expect(throws: FormData.Problem.self) { try FormData.parse([], contentType: "text/plain") }
    }

    @Test(arguments: ["..", ".", "", ".hidden", "a/b", "a\\b", "a\u{0}b", "a\nb"])
    func namesThatAreNotOneVisibleFileAreRefused(_ name: String) {
        #expect(throws: ProjectPaths.Refusal.self) { try ProjectPaths.check(name) }
    }

    @Test func thePreviewsLimitsAreTheReadersOwn() {
        #expect(PreviewLimits.pictureBytes == PictureResolver.maximumSize)
        #expect(PreviewLimits.guideBytes == GuideReader.maximumSize)
    }

    @Test func aNewGuideFromTheTemplateReadsWithoutErrors() throws {
        let title = "Going to \"court\": what \\ happens <next> #1"
        let text = GuideTemplate.text(title: title, project: ProjectConfiguration(publisher: "A \"Council\"", language: "cy"), today: GuideDate(year: 2028, month: 2, day: 29))
        let guide = try GuideReader(guidesRoot: URL(fileURLWithPath: "/tmp")).read(bytes: Array(text.utf8), slug: "t", displayPath: "t.md", folder: URL(fileURLWithPath: "/tmp"))
        #expect(guide.metadata.title == title)
        #expect(guide.metadata.publisher == "A \"Council\"")
        #expect(guide.metadata.language == "cy")
        #expect(guide.metadata.reviewBy == GuideDate(year: 2029, month: 2, day: 28))
        #expect(guide.chapters.first.map { Inline.plainText($0.heading?.content ?? []) } == title)
        #expect(GuideTemplate.slug(for: "Going to Court! Don't panic") == "going-to-court-dont-panic")
        #expect(GuideTemplate.slug(for: "Écoute café") == "ecoute-cafe")
    }

    @Test func aSavedTextKeepsTheFilesLineBreaks() {
        #expect(PreviewProject.lineEndings(of: "a\r\nb\r\n", like: Array("x\ny\n".utf8)) == Array("a\nb\n".utf8))
        #expect(PreviewProject.lineEndings(of: "a\r\nb\n", like: Array("x\r\ny\r\n".utf8)) == Array("a\r\nb\r\n".utf8))
    }

    @Test func aFindingQuotesItsLineWithThePlaceMarked() {
        #expect(FindingView.marked("Read <this> & that", column: 6) == "Read <mark>&lt;this&gt;</mark> &amp; that")
        #expect(FindingView.marked("end", column: 4) == "end<mark class=\"end\">(the end of the line)</mark>")
    }
}
