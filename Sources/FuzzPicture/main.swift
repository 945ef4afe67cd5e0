import Foundation
import FuzzDriver
import Waymark
import WaymarkXML

// libFuzzer entry point for the picture intake: the SVG sanitiser (through the
// libxml2 wrapper) and the PNG/JPEG structure checks. Built only with WAYMARK_FUZZ=1.
// The first byte chooses the media type; the rest is the file.

func fuzzPicture(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let types = ["image/svg+xml", "image/png", "image/jpeg"]
    let mediaType = types[Int(data[0]) % types.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard case .success(let safe) = PictureContent.check(bytes, mediaType: mediaType), mediaType == "image/svg+xml" else { return 0 }
    // What the sanitiser writes must itself be accepted, unchanged, and hold nothing active.
    guard case .success(let again) = PictureContent.check(safe, mediaType: mediaType) else {
        fatalError("sanitised SVG refused on a second pass: \(String(decoding: safe, as: UTF8.self))")
    }
    if again != safe { fatalError("sanitising is not idempotent:\n\(String(decoding: safe, as: UTF8.self))\n---\n\(String(decoding: again, as: UTF8.self))") }
    if let active = activeContent(safe) {
        fatalError("sanitised SVG still holds \(active): \(String(decoding: safe, as: UTF8.self))")
    }
    return 0
}

/// CSS functions that take an address, matched at the end of a name so that `-webkit-image-set(` counts.
private let addressFunction = "(?:url|src|image-set|image|cross-fade|element|paint)"
/// CSS whitespace (CSS Syntax 3 §4.2), not the regular expression's wider `\s`.
private let space = "[ \\t\\n\\r\\f]"
/// A function that takes an address whose first argument, unquoted, is not a `#fragment`.
private let unquotedAddress = "(?:url|src)\(space)*\\(\(space)*['\"]?\(space)*[^#'\" \\t\\n\\r\\f]"
/// Arguments that are no address: anything but brackets and quotes, or a quoted `#fragment`.
private let harmless = "(?:[^()'\"]|'\(space)*#[^']*'|\"\(space)*#[^\"]*\")"
/// A quoted string that is not a `#fragment` among the arguments of an address function (after at most
/// one level of brackets), in attributes and style sheets alike: `image-set("https://…" 1x)`.
private let quotedAddress = "\(addressFunction)\(space)*\\((?:\(harmless)|\\(\(harmless)*\\))*['\"]\(space)*[^#'\" \\t\\n\\r\\f]"

/// Whether CSS in `text` loads anything but a `#fragment` or could hide doing so.
private func loadsSomething(_ text: String) -> Bool {
    let css = text.lowercased()
    if css.contains("@import") || (css.contains("\\") && css.contains("(")) { return true }
    // A comment can split a function's name (`ur/**/l(`) or sit in an address (`url(/**/x)`): look both ways.
    let uncommented = css.replacingOccurrences(of: #"/\*[\s\S]*?(\*/|$)"#, with: "", options: .regularExpression)
    return [css, uncommented].contains { css in
        [unquotedAddress, quotedAddress].contains { css.range(of: $0, options: .regularExpression) != nil }
    }
}

/// Anything in a sanitised SVG that could run code or load something, described; nil when there is none.
private func activeContent(_ bytes: [UInt8]) -> String? {
    guard let root = try? XMLDocument.parse(bytes) else { return "something libxml2 cannot parse again" }
    var stack = [root]
    while let element = stack.popLast() {
        if ["script", "foreignobject", "iframe", "embed", "object", "image"].contains(element.localName.lowercased()) {
            return "<\(element.name)>"
        }
        for attribute in element.attributes {
            let name = attribute.name.lowercased()
            if name.split(separator: ":").last?.hasPrefix("on") == true { return "an event attribute \(attribute.name)" }
            if name.hasSuffix("href") && !attribute.value.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("#") { return "a link \(attribute.value)" }
            if loadsSomething(attribute.value) { return "CSS loading \(attribute.value)" }
        }
        for child in element.children {
            switch child {
            case .element(let inner): stack.append(inner)
            case .text(let text) where element.localName == "style":
                if loadsSomething(text) { return "CSS loading \(text)" }
            default: continue
            }
        }
    }
    return nil
}

runFuzzer { fuzzPicture($0, $1) }
