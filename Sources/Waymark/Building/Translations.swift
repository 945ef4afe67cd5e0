import Foundation
import WaymarkModel

/// One language version of a guide, as the others list it ("Cymraeg", with a link to it).
public struct GuideVersion: Hashable, Sendable {
    /// Its slug: its file name without `.md`, and its folder in `Output/`.
    public var slug: String
    /// Its BCP 47 language tag.
    public var language: String
    /// The language's name in itself: "Cymraeg", "Polski", "اردو".
    public var languageName: String
    /// Its title.
    public var title: String
    /// The formats it is built in; nil for every format.
    public var formats: [String]?

    /// Creates a version.
    public init(slug: String, language: String, languageName: String, title: String, formats: [String]? = nil) {
        self.slug = slug
        self.language = language
        self.languageName = languageName
        self.title = title
        self.formats = formats
    }

    /// Whether it is built in `formatID`.
    public func builds(_ formatID: String) -> Bool { formats?.contains(formatID) ?? true }

    /// The path from one guide's output folder to this version's file `pattern` (`<slug>-large-print.html`).
    public func relativePath(_ pattern: String) -> String {
        "../\(slug)/" + pattern.replacingOccurrences(of: "<slug>", with: slug)
    }
}

/// Which guides of a build are versions of one another: a guide with `translation-of: bullying`
/// is a version of `bullying.md`, and so is every other guide that names the same one.
enum Translations {
    /// For each guide (by slug) that has other versions, those versions in the order to list
    /// them: Welsh first when the project says so, then the guide the others translate, then
    /// by language; and for each guide whose `translation-of:` names no guide, the error.
    ///
    /// Only guides that say `translation-of:`, and the guides they name, are read here (their
    /// front matter alone), so a project with no translations pays for nothing but the scan.
    static func plan(_ files: [URL], request: BuildRequest, welshFirst: Bool) -> (versions: [String: [GuideVersion]], problems: [String: Diagnostic]) {
        let marker = Array("translation-of:".utf8)
        // Every guide of the guides folder can be a version, also when only some are built.
        var bySlug: [String: URL] = [:]
        for file in ((try? Builder.guideFiles(in: request.guidesRoot)) ?? []) + files { bySlug[Builder.slug(of: file)] = file }
        let reader = GuideReader(guidesRoot: request.guidesRoot, writers: request.writers)
        var metadata: [String: Metadata] = [:]
        func read(_ slug: String) -> Metadata? {
            if let known = metadata[slug] { return known }
            guard let file = bySlug[slug] else { return nil }
            let displayPath = Builder.displayPath(of: file, base: request.displayBase)
            guard let bytes = try? GuideReader.bytes(of: file, displayPath: displayPath),
                  let read = try? reader.metadata(bytes: bytes, displayPath: displayPath) else { return nil }
            metadata[slug] = read
            return read
        }
        var groups: [String: [String]] = [:]
        var problems: [String: Diagnostic] = [:]
        // Sorted on paths worked out once: a URL's path, asked for in every comparison, was 5 % of a no-op rebuild.
        for file in bySlug.values.map({ (path: $0.path, url: $0) }).sorted(by: { $0.path < $1.path }).map(\.url) {
            let slug = Builder.slug(of: file)
            guard let bytes = try? GuideReader.bytes(of: file, displayPath: slug), Translations.contains(bytes, marker),
                  let own = read(slug), let original = own.translationOf else { continue }
            guard original != slug, read(original) != nil else {
                let displayPath = Builder.displayPath(of: file, base: request.displayBase)
                problems[slug] = .error(
                    at: Location(file: displayPath, line: 1, column: 1),
                    original == slug ? "the guide says it is a translation of itself" : "'translation-of: \(original)' names no guide in the guides folder",
                    hint: "write the file name, without '.md', of the guide in the guides folder that this one translates")
                continue
            }
            // A translation of a translation belongs with the guide that one translates.
            let root = metadata[original]?.translationOf.flatMap { read($0) != nil ? $0 : nil } ?? original
            groups[root, default: [root]].append(slug)
        }
        var versions: [String: [GuideVersion]] = [:]
        for (root, members) in groups {
            let all = Set(members).sorted().compactMap { slug -> (GuideVersion, Bool)? in
                guard let data = read(slug) else { return nil }
                return (GuideVersion(
                    slug: slug, language: data.language, languageName: languageName(data.language, labels: request.options.labels),
                    title: data.title, formats: data.formats), slug == root)
            }
            let ordered = all.sorted { lhs, rhs in
                func rank(_ version: (GuideVersion, Bool)) -> (Int, Int, String) {
                    let welsh = welshFirst && PluralRule(language: version.0.language).language == "cy"
                    return (welsh ? 0 : 1, version.1 ? 0 : 1, version.0.language.lowercased())
                }
                return rank(lhs) < rank(rhs)
            }.map(\.0)
            for version in ordered {
                versions[version.slug] = ordered.filter { $0.slug != version.slug }
            }
        }
        return (versions, problems)
    }

    /// Whether `bytes` hold `marker` (`firstRange(of:)` took 6 M instructions for a guide of 8 KB, issue #23).
    static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard let first = marker.first, bytes.count >= marker.count else { return marker.isEmpty }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let last = buffer.count - marker.count
            while index <= last {
                if buffer[index] == first, buffer[index..<(index + marker.count)].elementsEqual(marker) { return true }
                index += 1
            }
            return false
        }
    }

    /// A language's name in itself: the catalogue's name, else the Unicode CLDR name from Foundation.
    static func languageName(_ language: String, labels: LabelCatalogues) -> String {
        if let catalogue = labels.catalogue(for: language) { return catalogue.name }
        let locale = Locale(identifier: language)
        guard let name = locale.localizedString(forIdentifier: language) else { return language }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
