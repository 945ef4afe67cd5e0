import Foundation
import HTTPTypes
import Hummingbird

/// The one door every request comes through, before any route.
///
/// It refuses a request for another host (on loopback) or without the access key (elsewhere),
/// any method but GET and POST, and a POST from another site, without the CSRF token, or with
/// a body over ``PreviewLimits/requestBytes`` (refused by its length before it is read, and
/// read no further than the cap when it has no length). Every response, refusals and errors
/// too, leaves with the security headers (``SecurityHeaders``) and as an HTML page saying
/// what happened.
struct PreviewGuard: RouterMiddleware {
    typealias Context = PreviewContext

    let access: AccessRules
    let hasSite: @Sendable () -> Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await admit(request, context: context, next: next)
        } catch let refusal as Refusal {
            response = refusal.response(hasSite: hasSite())
        } catch let refusal as ProjectPaths.Refusal {
            response = Refusal(status: 403, title: "That is not a file the preview opens", message: refusal.description).response(hasSite: hasSite())
        } catch let error as HTTPError {
            let status = Int(error.status.code)
            response = Respond.page(MessagePage.page(
                status: status, title: status == 404 ? "There is no such page" : "The request was refused",
                message: status == 404 ? "Nothing is at this address. The list of guides has every guide's pages." : (error.body ?? error.status.reasonPhrase),
                hasSite: hasSite()))
        } catch {
            response = Respond.page(MessagePage.page(
                status: 500, title: "Something went wrong", message: "The preview could not answer this request: \(error)", hasSite: hasSite()))
        }
        SecurityHeaders.apply(to: &response, path: request.uri.path)
        return response
    }

    private func admit(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let problem = access.hostProblem(request.head.authority) {
            throw Refusal(status: 403, title: "This address is not the preview's", message: problem)
        }
        if let redirect = try keyRedirect(request) { return redirect }
        switch request.method {
        case .get, .head:
            return try await next(request, context)
        case .post:
            var context = context
            context.form = try await form(of: request)
            return try await next(request, context)
        default:
            throw Refusal(status: 405, title: "The preview does not do that", message: "Only pages (GET) and forms (POST) are answered.")
        }
    }

    /// Off loopback: refuses a request without the access key; one carrying it in `?token=`
    /// is sent on to the same address without it, with the key in a cookie.
    private func keyRedirect(_ request: Request) throws(Refusal) -> Response? {
        guard access.token != nil else { return nil }
        let query = request.uri.queryParameters
        if let given = query.get("token") {
            guard access.hasKey(given) else { throw Refusal.noKey }
            var response = Response.redirect(to: request.uri.path, type: .found)
            response.headers[.setCookie] = "\(AccessRules.cookieName)=\(given); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        guard access.hasKey(request.cookies[AccessRules.cookieName]?.value) else { throw Refusal.noKey }
        return nil
    }

    /// The form of a POST, read up to the cap, once it is known to come from the app's own page.
    private func form(of request: Request) async throws -> FormData {
        // The browser says where the form came from: Sec-Fetch-Site where it sends it, else the
        // Origin. Under Referrer-Policy: no-referrer a form's Origin is "null", so only an Origin
        // that names a site is compared; the CSRF token is checked whatever these say.
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            guard site == "same-origin" || site == "none" else { throw Refusal.otherSite }
        } else if let origin = request.headers[.origin], origin != "null" {
            guard let authority = request.head.authority, origin == "http://\(authority)" || origin == "https://\(authority)" else {
                throw Refusal.otherSite
            }
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > PreviewLimits.requestBytes {
            throw Refusal.tooLarge
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= PreviewLimits.requestBytes else { throw Refusal.tooLarge }
            bytes += buffer.readableBytesView
        }
        let form: FormData
        do {
            form = try FormData.parse(bytes, contentType: request.headers[.contentType])
        } catch {
            throw Refusal(status: 400, title: "The form could not be read", message: "\(error.description). Go back, reload the page and try again.")
        }
        guard let token = form.fields["csrf"], AccessRules.same(token, access.csrf) else {
            throw Refusal(
                status: 403, title: "This form is out of date",
                message: "Nothing was saved: the form did not come from this preview's own page (it may be from before the preview was restarted). Go back, reload the page, and try again.")
        }
        return form
    }
}
