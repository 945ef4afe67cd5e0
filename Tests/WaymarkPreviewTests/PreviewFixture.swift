import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOEmbedded
import Testing
import Waymark
import WaymarkModel
@testable import WaymarkPreview

/// A project in a temporary folder (the starter project of `waymark init`), previewed with
/// no watcher (tests refresh it themselves) and a known CSRF token, built in the text format
/// only so that each build takes a moment.
struct PreviewFixture {
    static let csrf = "test-csrf-token-0123456789abcdef"
    static let slug = "someone-to-talk-to"

    let folder: URL
    let guides: URL
    let output: URL
    let outside: URL
    let project: PreviewProject

    init(host: String = "127.0.0.1", token: String? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-preview-tests-\(UUID().uuidString)")
        let projectFolder = folder.appendingPathComponent("project")
        for file in StarterProject.files(today: GuideDate(year: 2026, month: 11, day: 1)) {
            let url = projectFolder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        guides = projectFolder.appendingPathComponent("Guides")
        output = folder.appendingPathComponent("preview-output")
        outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("SECRET-OUTSIDE-THE-PROJECT\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        let options = PreviewOptions(
            guidesFolder: guides, outputFolder: output, host: host, port: 0, token: token, pollInterval: nil, formats: ["text"])
        project = PreviewProject(options: options)
        await project.refreshAndBuild()
    }

    /// The example guide's file.
    var guideFile: URL { guides.appendingPathComponent("\(PreviewFixture.slug).md") }

    /// The text of `url`.
    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Runs `test` against the app's router directly (no sockets, no server).
    func test(_ test: @escaping @Sendable (PreviewClient) async throws -> Void) async throws {
        let client = PreviewClient(responder: PreviewServer.router(project: project, csrf: PreviewFixture.csrf).buildResponder())
        try await test(client)
        await project.idle()
    }

    func remove() async {
        await project.idle()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A form body, URL-encoded as a browser sends it.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A multipart body with one file and some fields, and its headers.
    static func multipart(file: (field: String, name: String, bytes: [UInt8]), fields: [(String, String)]) -> (ByteBuffer, HTTPFields) {
        let boundary = "----waymark-test-boundary-7d1f"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return (ByteBuffer(bytes: body), [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }

    /// The value of `<input … name="NAME" … value="…">` in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let start = rest.range(of: "value=\"") else { return nil }
        let value = rest[start.upperBound...].prefix { $0 != "\"" }
        return String(value)
    }

    /// The text in the page's editor box, unescaped as a browser would.
    static func textarea(in html: String) -> String? {
        guard let open = html.range(of: "<textarea id=\"source\""), let close = html.range(of: "</textarea>", range: open.upperBound..<html.endIndex),
              let end = html.range(of: ">", range: open.upperBound..<close.lowerBound) else { return nil }
        var text = String(html[end.upperBound..<close.lowerBound])
        if text.hasPrefix("\n") { text.removeFirst() }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Sends requests straight to the app's responder, as a server would after reading them, and
/// collects the whole response. (HummingbirdTesting's router client does the same, but it
/// brings AsyncHTTPClient, NIOSSL and BoringSSL into every test build for its other clients.)
struct PreviewClient: Sendable {
    let responder: RouterResponder<PreviewContext>

    struct Response: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        /// The body as text.
        var text: String { String(buffer: body) }
    }

    /// The whole response.
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Response {
        try await execute(uri: uri, method: method, headers: headers, body: body) { $0 }
    }

    @discardableResult
    func execute<Value>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        _ check: (Response) async throws -> Value
    ) async throws -> Value {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer()))
        var logger = Logger(label: "waymark-preview-tests")
        logger.logLevel = .warning
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        let context = PreviewContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
        let response: Hummingbird.Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            response = Hummingbird.Response(status: .internalServerError)
        }
        let writer = Collector()
        try await response.body.write(writer)
        return try await check(Response(status: response.status, headers: response.headers, body: writer.buffer))
    }

    /// A response body written into one buffer.
    final class Collector: ResponseBodyWriter, @unchecked Sendable {
        var buffer = ByteBuffer()
        func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
        func finish(_ headers: HTTPFields?) async throws {}
    }
}
