import Foundation

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` (a picture upload). The body has already been read, and capped.
struct FormData: Sendable {
    /// One uploaded file.
    struct Upload: Sendable {
        /// The file name the browser sent (only its last component is ever used).
        var fileName: String
        /// The file's bytes.
        var bytes: [UInt8]
    }

    /// Text fields, by name (the first of each name).
    var fields: [String: String] = [:]
    /// Uploaded files, by field name.
    var files: [String: Upload] = [:]

    /// Why a body is not a form this app takes.
    struct Problem: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The form in `body`, sent with the content type `contentType`.
    static func parse(_ body: [UInt8], contentType: String?) throws(Problem) -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("application/x-www-form-urlencoded") {
            return try urlEncoded(body)
        }
        if type.hasPrefix("multipart/form-data"), let boundary = boundary(in: contentType ?? "") {
            return try multipart(body, boundary: boundary)
        }
        throw Problem(description: "the request is not a form")
    }

    /// `a=1&b=two+words`, each name and value percent-decoded, `+` a space.
    static func urlEncoded(_ body: [UInt8]) throws(Problem) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : []) else {
                throw Problem(description: "the form has a broken % escape")
            }
            if form.fields[name] == nil { form.fields[name] = value }
        }
        return form
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        return text.removingPercentEncoding
    }

    /// The `boundary=` parameter of a multipart content type (quoted or not).
    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                // RFC 2046 §5.1.1: 1 to 70 characters.
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    /// RFC 7578: parts between `--boundary` lines, each with its headers, a blank line and its bytes.
    static func multipart(_ body: [UInt8], boundary: String) throws(Problem) -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { throw Problem(description: "the upload is cut short") }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            guard partStart + 2 <= body.count, body[partStart] == 0x0D, body[partStart + 1] == 0x0A else { continue }
            partStart += 2
            // The part ends with CR LF before the next delimiter.
            let partEnd = end - 2
            guard partEnd >= partStart, let blank = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: partStart), blank <= partEnd else {
                throw Problem(description: "a part of the upload has no headers")
            }
            let headers = String(decoding: body[partStart..<blank], as: UTF8.self)
            let content = Array(body[(blank + 4)..<max(blank + 4, partEnd)])
            guard let disposition = headers.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: disposition) else { continue }
            if let fileName = parameter("filename", in: disposition) {
                if form.files[name] == nil { form.files[name] = Upload(fileName: fileName, bytes: content) }
            } else if form.fields[name] == nil {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    /// `name="value"` in a Content-Disposition header.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            let value = pair[1]
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The first place `needle` starts in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
