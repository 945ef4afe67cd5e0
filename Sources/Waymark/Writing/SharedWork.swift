import Foundation
import WaymarkModel

/// Work that several writers of one guide repeat on the same input, done once while the build
/// renders that guide (issue #23): which words are explained where (``WordExplainer``, made by
/// the plain text, every HTML and e-book page, both PDFs and the easy-read rows), the easy-read
/// version of the guide (the easy-read page and e-book, its PDF and the download page's facts),
/// the covers (the e-book's is also the download page's), and the sentences of each easy-read
/// row (the page, the e-book and the PDF set each sentence apart).
///
/// Each result is what the same call would give without it (the same input gives the same
/// value), so outputs never change; outside a build (a writer run on its own, as the tests do)
/// there is none and every writer does its own work.
final class SharedWork: @unchecked Sendable {
    /// The shared work of the guide being rendered; the builder sets it around the writers.
    @TaskLocal static var current: SharedWork?

    // Held while a result is made, so that a second writer waits for it instead of making it
    // too; recursive, as making the easy-read version makes an explainer.
    private let lock = NSRecursiveLock()
    private var explainers: [(guide: Guide, explainer: WordExplainer)] = []
    private var easyGuides: [(guide: Guide, pictograms: PictogramSet, labels: Labels, easy: Guide)] = []
    private var covers: [(cover: Cover, svg: [UInt8])] = []
    private var sentences: [SentenceKey: [[Inline]]] = [:]

    /// A run of inlines as a key, hashed by its length and its first inline's place only: a
    /// guide's runs seldom share those, and hashing every inline (every string, every place) cost
    /// more than splitting them (issue #23). Keys are still equal only when the inlines are.
    struct SentenceKey: Hashable {
        var inlines: [Inline]

        func hash(into hasher: inout Hasher) {
            hasher.combine(inlines.count)
            if let first = inlines.first {
                hasher.combine(first.location.line)
                hasher.combine(first.location.column)
            }
        }

        static func == (lhs: SentenceKey, rhs: SentenceKey) -> Bool { lhs.inlines == rhs.inlines }
    }

    /// The explainer of `guide`, as `make` makes it.
    static func explainer(for guide: Guide, _ make: () -> WordExplainer) -> WordExplainer {
        guard let work = current else { return make() }
        work.lock.lock()
        defer { work.lock.unlock() }
        if let known = work.explainers.first(where: { $0.guide == guide }) { return known.explainer }
        let made = make()
        work.explainers.append((guide, made))
        return made
    }

    /// The easy-read version of `guide`, as `make` makes it.
    static func easyRead(_ guide: Guide, pictograms: PictogramSet, labels: Labels, _ make: () -> Guide) -> Guide {
        guard let work = current else { return make() }
        work.lock.lock()
        defer { work.lock.unlock() }
        if let known = work.easyGuides.first(where: { $0.guide == guide && $0.pictograms == pictograms && $0.labels == labels }) {
            return known.easy
        }
        let made = make()
        work.easyGuides.append((guide, pictograms, labels, made))
        return made
    }

    /// The sentences of `inlines`, as `make` splits them.
    static func sentences(of inlines: [Inline], _ make: () -> [[Inline]]) -> [[Inline]] {
        guard let work = current else { return make() }
        work.lock.lock()
        defer { work.lock.unlock() }
        let key = SentenceKey(inlines: inlines)
        if let known = work.sentences[key] { return known }
        let made = make()
        work.sentences[key] = made
        return made
    }

    /// The SVG of `cover`, as `make` draws it.
    static func svg(of cover: Cover, _ make: () throws -> [UInt8]) rethrows -> [UInt8] {
        guard let work = current else { return try make() }
        work.lock.lock()
        defer { work.lock.unlock() }
        if let known = work.covers.first(where: { $0.cover == cover }) { return known.svg }
        let made = try make()
        work.covers.append((cover, made))
        return made
    }
}
