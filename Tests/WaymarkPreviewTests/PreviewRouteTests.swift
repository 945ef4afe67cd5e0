import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Waymark
@testable import WaymarkPreview

/// The app's routes through Hummingbird's router test client: the pages, saving, and every
/// refusal that keeps the project safe.
@Suite struct PreviewRouteTests {
    // MARK: - Listing and reading

    @Test func listsTheGuidesWithTheirFormatsAndTheSecurityHeaders() async throws {
        let fixture = try await PreviewFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/guides", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<a href=\"/guides/someone-to-talk-to\">Someone to talk to</a>"))
                #expect(response.text.contains("href=\"/site/someone-to-talk-to/someone-to-talk-to.txt\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self';") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            // The build makes the download site (issue 18), so the landing page is the site.
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/site/")
            }
            try await client.execute(uri: "/site/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Guides for children and young people"))
                #expect(response.text.contains(#"<a href="someone-to-talk-to/index.html">"#))
            }
        }
        await fixture.remove()
    }

    @Test func theLandingPageYieldsToTheSiteOnceTheBuildMakesOne() async throws {
        let fixture = try await PreviewFixture()
        let index = "<!DOCTYPE html><title>Site</title><a href=\"someone-to-talk-to/index.html\">x</a>\n"
        try Data(index.utf8).write(to: fixture.output.appendingPathComponent("index.html"))
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/site/")
            }
            try await client.execute(uri: "/site/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == index)
                // Built files keep their own inline styles but may run no script at all.
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
            }
            try await client.execute(uri: "/guides", method: .get) { response in
                #expect(response.text.contains("<a href=\"/site/\">The site as built</a>"))
            }
        }
        await fixture.remove()
    }

    @Test func servesBuiltFilesExactlyAsBuilt() async throws {
        let fixture = try await PreviewFixture()
        let built = fixture.output.appendingPathComponent("\(PreviewFixture.slug)/\(PreviewFixture.slug).txt")
        let bytes = try [UInt8](Data(contentsOf: built))
        #expect(!bytes.isEmpty)
        try await fixture.test { client in
            try await client.execute(uri: "/site/\(PreviewFixture.slug)/\(PreviewFixture.slug).txt", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(Array(response.body.readableBytesView) == bytes)
            }
        }
        await fixture.remove()
    }

    @Test func aGuidePageShowsFindingsByChapterWithReadingAges() async throws {
        let fixture = try await PreviewFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h3 id=\"chapter-0\">Someone to talk to</h3>"))
                #expect(response.text.contains("<p class=\"reading-age\">Reading age about "))
                #expect(response.text.contains("href=\"/guides/someone-to-talk-to/edit\""))
            }
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .get) { response in
                #expect(response.status == .ok)
                #expect(PreviewFixture.textarea(in: response.text) == (try fixture.text(fixture.guideFile)))
                let bytes = try [UInt8](Data(contentsOf: fixture.guideFile))
                #expect(PreviewFixture.field("version", in: response.text) == GuideState.version(of: bytes))
                #expect(PreviewFixture.field("csrf", in: response.text) == PreviewFixture.csrf)
            }
            try await client.execute(uri: "/guides/no-such-guide", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        await fixture.remove()
    }

    @Test func aGuideThatDoesNotReadStillHasItsPageWithTheErrorAtItsLine() async throws {
        let fixture = try await PreviewFixture()
        var text = try fixture.text(fixture.guideFile)
        text += "\n:::urgnet\nCall 999.\n:::\n"
        try Data(text.utf8).write(to: fixture.guideFile)
        let line = text.components(separatedBy: "\n").firstIndex(of: ":::urgnet")! + 1
        await fixture.project.refresh()
        try await fixture.test { client in
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Why the guide could not be read"))
                #expect(response.text.contains("<span class=\"line-number\">Line \(line)</span> <code>:::<mark>urgnet</mark></code>"))
                #expect(response.text.contains("did you mean"))
            }
        }
        await fixture.remove()
    }

    @Test func anEmptyGuideOpensInTheEditorButOneTooLargeToReadIsNeverReplaced() async throws {
        let fixture = try await PreviewFixture()
        try Data().write(to: fixture.guides.appendingPathComponent("empty.md"))
        let huge = fixture.guides.appendingPathComponent("huge.md")
        try Data(repeating: UInt8(ascii: "a"), count: GuideReader.maximumSize + 1).write(to: huge)
        await fixture.project.refresh()
        try await fixture.test { client in
            try await client.execute(uri: "/guides/empty/edit", method: .get) { response in
                #expect(response.status == .ok)
                #expect(PreviewFixture.textarea(in: response.text) == "")
            }
            try await client.execute(uri: "/guides/huge/edit", method: .get) { response in
                #expect(response.status == .forbidden)
            }
            let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", GuideState.version(of: [])), ("text", "small")])
            try await client.execute(uri: "/guides/huge/edit", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try Data(contentsOf: huge).count == GuideReader.maximumSize + 1)
        await fixture.remove()
    }

    @Test func aBrokenSettingsFileIsShownOnEveryPageUntilItIsFixed() async throws {
        let fixture = try await PreviewFixture()
        let settings = fixture.guides.deletingLastPathComponent().appendingPathComponent("waymark.yml")
        let good = try fixture.text(settings)
        try Data((good + "\npublisherr: Typo\n").utf8).write(to: settings)
        await fixture.project.refresh()
        try await fixture.test { client in
            for uri in ["/guides", "/guides/\(PreviewFixture.slug)", "/guides/\(PreviewFixture.slug)/edit"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.text.contains("The project has problems"), "\(uri)")
                    #expect(response.text.contains("waymark.yml:"), "\(uri)")
                    #expect(response.text.contains("publisherr"), "\(uri)")
                }
            }
        }
        try Data(good.utf8).write(to: settings)
        await fixture.project.refresh()
        try await fixture.test { client in
            try await client.execute(uri: "/guides", method: .get) { response in
                #expect(!response.text.contains("The project has problems"))
            }
        }
        await fixture.remove()
    }

    @Test func everythingFromTheGuideIsEscaped() async throws {
        let fixture = try await PreviewFixture()
        let text = try fixture.text(fixture.guideFile)
            .replacingOccurrences(of: "title: Someone to talk to", with: "title: \"<script>alert(1)</script> & <b>\"")
        try Data(text.utf8).write(to: fixture.guideFile)
        await fixture.project.refresh()
        try await fixture.test { client in
            for uri in ["/guides", "/guides/\(PreviewFixture.slug)", "/guides/\(PreviewFixture.slug)/edit", "/guides/\(PreviewFixture.slug)/formats"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(!response.text.contains("<script>alert"))
                    #expect(!response.text.contains("<b>"))
                    #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"))
                }
            }
        }
        await fixture.remove()
    }

    @Test func eventsArriveAsServerSentEvents() async throws {
        let fixture = try await PreviewFixture()
        try await fixture.test { client in
            async let answer = client.execute(uri: "/events", method: .get)
            while await fixture.project.events.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            await fixture.project.events.publish(.check, slug: PreviewFixture.slug)
            await fixture.project.events.finishAll()
            let response = try await answer
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(response.text.hasPrefix("retry: 1000\n"))
            #expect(response.text.contains("event: change\ndata: {\"generation\":"))
            #expect(response.text.contains("\"kind\":\"check\",\"slug\":\"someone-to-talk-to\"}\n\n"))
        }
        await fixture.remove()
    }

    // MARK: - Saving

    @Test func savingWritesTheFileWholeAndShowsTheNewFinding() async throws {
        let fixture = try await PreviewFixture()
        let before = try fixture.text(fixture.guideFile)
        let version = GuideState.version(of: Array(before.utf8))
        var status = stat()
        stat(fixture.guideFile.path, &status)
        let inodeBefore = status.st_ino
        // A browser sends a text box's line breaks as CR LF.
        let typed = (before + "For more help, [click here](https://www.childline.org.uk).\n").replacingOccurrences(of: "\n", with: "\r\n")
        let line = before.components(separatedBy: "\n").count
        try await fixture.test { client in
            let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", version), ("text", typed)])
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/guides/\(PreviewFixture.slug)/edit?saved=1")
            }
            // The file is the new text with the file's own line breaks, put in place by a rename
            // (a new inode), and no temporary file is left beside it.
            let after = try fixture.text(fixture.guideFile)
            #expect(after == before + "For more help, [click here](https://www.childline.org.uk).\n")
            var inodeAfter = stat()
            stat(fixture.guideFile.path, &inodeAfter)
            #expect(inodeAfter.st_ino != inodeBefore)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.guides.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit?saved=1", method: .get) { response in
                #expect(response.text.contains("Saved."))
                #expect(response.text.contains("[link-text]") || response.text.contains("<code>link-text</code>"))
                #expect(response.text.contains("data-line=\"\(line)\" data-column=\"16\""))
            }
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)", method: .get) { response in
                #expect(response.text.contains("<span class=\"line-number\">Line \(line)</span> <code>For more help, <mark>[click</mark> here]"))
            }
        }
        await fixture.remove()
    }

    @Test func aSaveOverAFileChangedOnDiskIsRefusedAndShowsBothVersions() async throws {
        let fixture = try await PreviewFixture()
        let opened = try fixture.text(fixture.guideFile)
        let version = GuideState.version(of: Array(opened.utf8))
        // Someone else saves the guide after the editor opened it.
        let theirs = opened.replacingOccurrences(of: "You do not have to keep it to yourself.", with: "You can tell someone.")
        try Data(theirs.utf8).write(to: fixture.guideFile)
        let mine = opened + "My new line.\n"
        try await fixture.test { client in
            let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", version), ("text", mine)])
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("changed on disk while you were editing it"))
                #expect(response.text.contains("My new line."))
                #expect(response.text.contains("You can tell someone."))
                // The form now carries the disk's version: saving from this page is a deliberate choice.
                #expect(PreviewFixture.field("version", in: response.text) == GuideState.version(of: Array(theirs.utf8)))
            }
            #expect(try fixture.text(fixture.guideFile) == theirs)
        }
        await fixture.remove()
    }

    @Test(arguments: [
        ("no token", [("version", "x"), ("text", "overwritten")]),
        ("wrong token", [("csrf", "not-the-token"), ("version", "x"), ("text", "overwritten")]),
        ("empty token", [("csrf", ""), ("version", "x"), ("text", "overwritten")]),
    ])
    func aFormWithoutTheCSRFTokenChangesNothing(_ name: String, _ fields: [(String, String)]) async throws {
        let fixture = try await PreviewFixture()
        let before = try fixture.text(fixture.guideFile)
        let version = GuideState.version(of: Array(before.utf8))
        let fields = fields.map { $0.0 == "version" ? ($0.0, version) : $0 }
        try await fixture.test { client in
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: PreviewFixture.form(fields)) { response in
                #expect(response.status == .forbidden, "\(name)")
                #expect(response.text.contains("This form is out of date"))
            }
            try await client.execute(uri: "/new", method: .post, headers: PreviewFixture.formHeaders, body: PreviewFixture.form([("title", "Sneaky")] + fields.filter { $0.0 == "csrf" })) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try fixture.text(fixture.guideFile) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.guides.appendingPathComponent("sneaky.md").path))
        await fixture.remove()
    }

    @Test func aFormFromAnotherSiteChangesNothingEvenWithTheToken() async throws {
        let fixture = try await PreviewFixture()
        let before = try fixture.text(fixture.guideFile)
        let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", GuideState.version(of: Array(before.utf8))), ("text", "overwritten")])
        try await fixture.test { client in
            var headers = PreviewFixture.formHeaders
            headers[.origin] = "http://evil.example"
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .forbidden)
            }
            headers = PreviewFixture.formHeaders
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try fixture.text(fixture.guideFile) == before)
        await fixture.remove()
    }

    @Test func anOversizedBodyIsRefusedAndNothingIsWritten() async throws {
        let fixture = try await PreviewFixture()
        let before = try fixture.text(fixture.guideFile)
        let version = GuideState.version(of: Array(before.utf8))
        try await fixture.test { client in
            // Over the cap for any request: refused by its length, before it is read.
            let huge = String(repeating: "a", count: PreviewLimits.requestBytes + 1)
            let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", version), ("text", huge)])
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .contentTooLarge)
            }
            // Under the cap for a request, but longer than any guide Waymark reads.
            let long = String(repeating: "b", count: PreviewLimits.guideBytes + 10)
            let longBody = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", version), ("text", long)])
            try await client.execute(uri: "/guides/\(PreviewFixture.slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: longBody) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        #expect(try fixture.text(fixture.guideFile) == before)
        await fixture.remove()
    }

    // MARK: - Paths

    @Test func pathsOutsideTheGuidesAreRefused() async throws {
        let fixture = try await PreviewFixture()
        // A guide and a picture that are links to a file outside the project.
        try FileManager.default.createSymbolicLink(at: fixture.guides.appendingPathComponent("linked.md"), withDestinationURL: fixture.outside.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(at: fixture.guides.appendingPathComponent("pictures/linked.svg"), withDestinationURL: fixture.outside.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(at: fixture.output.appendingPathComponent("linked"), withDestinationURL: fixture.outside)
        await fixture.project.refresh()
        let secret = fixture.outside.appendingPathComponent("secret.md")
        let uris = [
            "/guides/..%2Foutside%2Fsecret", "/guides/%2e%2e%2f%2e%2e%2foutside%2fsecret/edit", "/guides/..", "/guides/%2e%2e",
            "/guides/\(secret.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
            "/guides/linked", "/guides/linked/edit", "/guides/.hidden", "/guides/a%00b",
            "/site/../../outside/secret.md", "/site/%2e%2e/%2e%2e/outside/secret.md", "/site/%2E%2E%2F%2E%2E%2Foutside%2Fsecret.md",
            "/site/linked/secret.md", "/site/\(PreviewFixture.slug)/.waymark-build", "/site/%2Fetc%2Fpasswd",
            "/pictures/linked.svg", "/pictures/..%2F..%2F..%2Foutside%2Fsecret.md", "/pictures/secret.md",
        ]
        try await fixture.test { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .forbidden || response.status == .notFound, "\(uri): \(response.status)")
                    #expect(!response.text.contains("SECRET-OUTSIDE-THE-PROJECT"), "\(uri)")
                }
            }
            for slug in ["linked", "..%2Foutside%2Fsecret", "%2e%2e%2foutside%2fsecret"] {
                let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("version", GuideState.version(of: Array("SECRET-OUTSIDE-THE-PROJECT\n".utf8))), ("text", "overwritten")])
                try await client.execute(uri: "/guides/\(slug)/edit", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                    #expect(response.status == .forbidden, "\(slug)")
                }
            }
            // The guide list names the link, and says why it is not opened, without its content.
            try await client.execute(uri: "/guides", method: .get) { response in
                #expect(response.text.contains("Guides/linked.md"))
                #expect(!response.text.contains("SECRET-OUTSIDE-THE-PROJECT"))
            }
        }
        #expect(try fixture.text(secret) == "SECRET-OUTSIDE-THE-PROJECT\n")
        await fixture.remove()
    }

    // MARK: - Access off loopback

    @Test func offLoopbackEveryRequestNeedsTheAccessKey() async throws {
        #expect(PreviewOptions(guidesFolder: URL(fileURLWithPath: "/g"), outputFolder: URL(fileURLWithPath: "/o"), host: "0.0.0.0").problem != nil)
        #expect(PreviewOptions(guidesFolder: URL(fileURLWithPath: "/g"), outputFolder: URL(fileURLWithPath: "/o"), host: "127.0.0.1").problem == nil)
        let key = "an-access-key-0123456789"
        let fixture = try await PreviewFixture(host: "0.0.0.0", token: key)
        try await fixture.test { client in
            for uri in ["/guides", "/guides/\(PreviewFixture.slug)", "/site/\(PreviewFixture.slug)/\(PreviewFixture.slug).txt", "/guides?token=wrong-key-0123456789"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(!response.text.contains("Someone to talk to"))
                }
            }
            try await client.execute(uri: "/guides?token=\(key)", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/guides")
                #expect(response.headers[.setCookie] == "\(AccessRules.cookieName)=\(key); Path=/; HttpOnly; SameSite=Strict")
            }
            try await client.execute(uri: "/guides", method: .get, headers: [.cookie: "\(AccessRules.cookieName)=\(key)"]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Someone to talk to"))
            }
        }
        await fixture.remove()
    }

    @Test func onLoopbackARequestForAnotherHostIsRefused() {
        let rules = AccessRules(loopback: true, token: nil, csrf: "x")
        for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "127.0.0.2", "LOCALHOST"] {
            #expect(rules.hostProblem(host) == nil, "\(host)")
        }
        // A name that someone pointed at 127.0.0.1 (DNS rebinding), or no host at all.
        for host in ["evil.example:8080", "127.0.0.1.evil.example", "192.168.1.5:8080", "", nil] as [String?] {
            #expect(rules.hostProblem(host) != nil, "\(host ?? "nil")")
        }
        #expect(AccessRules(loopback: false, token: "k", csrf: "x").hostProblem("evil.example") == nil)
    }

    // MARK: - New guides and pictures

    @Test func aNewGuideStartsFromTheTemplateAndNeverReplacesAFile() async throws {
        let fixture = try await PreviewFixture()
        try await fixture.test { client in
            let body = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("title", "Going to \"court\" #1"), ("file", "")])
            try await client.execute(uri: "/new", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/guides/going-to-court-1/edit?created=1")
            }
            let state = try #require(await fixture.project.guide("going-to-court-1"))
            #expect(state.readable)
            #expect(state.title == "Going to \"court\" #1")
            #expect(state.findings.filter { $0.severity == .error }.isEmpty, "\(state.findings.map(\.formatted))")
            try await client.execute(uri: "/new", method: .post, headers: PreviewFixture.formHeaders, body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("there is already a file called"))
            }
            let bad = PreviewFixture.form([("csrf", PreviewFixture.csrf), ("title", "x"), ("file", "../escape")])
            try await client.execute(uri: "/new", method: .post, headers: PreviewFixture.formHeaders, body: bad) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("project/escape.md").path))
        await fixture.remove()
    }

    @Test func anUploadedPictureGetsThePictureChecks() async throws {
        let fixture = try await PreviewFixture()
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n".utf8)
        let script = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n".utf8)
        let brokenPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        try await fixture.test { client in
            let (good, headers) = PreviewFixture.multipart(file: ("picture", "My Picture.svg", svg), fields: [("csrf", PreviewFixture.csrf)])
            try await client.execute(uri: "/pictures", method: .post, headers: headers, body: good) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/pictures?saved=My-Picture.svg")
            }
            #expect(try [UInt8](Data(contentsOf: fixture.guides.appendingPathComponent("pictures/My-Picture.svg"))) == svg)
            try await client.execute(uri: "/pictures/My-Picture.svg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            }
            for (name, bytes, words) in [("evil.svg", script, "script"), ("broken.png", brokenPNG, "broken.png"), ("tool.exe", svg, "SVG, PNG or JPEG")] {
                let (body, headers) = PreviewFixture.multipart(file: ("picture", name, bytes), fields: [("csrf", PreviewFixture.csrf)])
                try await client.execute(uri: "/pictures", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .unprocessableContent, "\(name)")
                    #expect(response.text.contains("The picture was not saved"), "\(name)")
                    #expect(response.text.contains(words), "\(name)")
                }
                #expect(!FileManager.default.fileExists(atPath: fixture.guides.appendingPathComponent("pictures/\(name)").path))
            }
            // The same name again is refused unless the author asks to replace it.
            let (again, againHeaders) = PreviewFixture.multipart(file: ("picture", "My-Picture.svg", svg), fields: [("csrf", PreviewFixture.csrf)])
            try await client.execute(uri: "/pictures", method: .post, headers: againHeaders, body: again) { response in
                #expect(response.status == .unprocessableContent)
            }
            let (replace, replaceHeaders) = PreviewFixture.multipart(file: ("picture", "My-Picture.svg", svg), fields: [("csrf", PreviewFixture.csrf), ("replace", "yes")])
            try await client.execute(uri: "/pictures", method: .post, headers: replaceHeaders, body: replace) { response in
                #expect(response.status == .seeOther)
            }
        }
        await fixture.remove()
    }
}
