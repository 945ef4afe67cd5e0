import Hummingbird

/// The responses the routes make.
enum Respond {
    /// An app page as HTML, with its status.
    static func page(_ page: Page) -> Response {
        Response(
            status: HTTPResponse.Status(code: page.status),
            headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page.html)))
    }

    /// Bytes of a type.
    static func bytes(_ bytes: [UInt8], type: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type]
        headers.append(contentsOf: extra)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// "See the page at `location`" after a form (POST, then GET: a reload never sends the form again).
    static func seeOther(_ location: String) -> Response {
        Response.redirect(to: location, type: .normal)
    }
}
