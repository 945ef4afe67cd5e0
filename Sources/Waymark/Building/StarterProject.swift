import Foundation
import WaymarkModel

/// The files `waymark init` puts in a new project: an example guide and its pictures,
/// `waymark.yml`, a README for authors and a `.gitignore` for the built files.
///
/// The files are plain values (``files(today:)``), so they can be read and built in a
/// test without the command; ``create(in:today:)`` writes them, never over a file.
public enum StarterProject {
    /// One file of the starter project.
    public struct File: Sendable, Equatable {
        /// The path inside the project folder, with `/` between folders.
        public var path: String
        /// The file's bytes (UTF-8 text).
        public var bytes: [UInt8]

        /// Creates a file.
        public init(path: String, text: String) {
            self.path = path
            self.bytes = Array(text.utf8)
        }
    }

    /// Why the starter project could not be made.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A file of the starter project is already there (`path`, inside the project folder).
        case exists(path: String)
        /// The project folder is a file, not a folder.
        case notAFolder(path: String)
        /// A file or folder could not be written; the files already written were removed.
        case unwritable(path: String, reason: String)

        /// A one-line description.
        public var description: String {
            switch self {
            case .exists(let path): return "\(path) is already there"
            case .notAFolder(let path): return "\(path) is a file, not a folder"
            case .unwritable(let path, let reason): return "could not write \(path): \(reason)"
            }
        }
    }

    /// The example guide's path.
    public static let guidePath = "Guides/someone-to-talk-to.md"

    /// Every file, in the order they are written; the guide is published `today`
    /// and due for review a year later.
    public static func files(today: GuideDate) -> [File] {
        let reviewBy = GuideDate(year: today.year + 1, month: today.month, day: min(today.day, 28))
        return [
            File(path: guidePath, text: guide(published: today, reviewBy: reviewBy)),
            File(path: "Guides/pictures/talk.svg", text: talkPicture),
            File(path: "Guides/pictures/phone.svg", text: phonePicture),
            File(path: ProjectConfiguration.fileName, text: settings),
            File(path: "README.md", text: readme),
            File(path: ".gitignore", text: "# Built files: make them again with 'waymark build'.\n/Output/\n"),
        ]
    }

    /// The starter files that are already in `folder` (any kind of file, a link too).
    public static func existing(in folder: URL, today: GuideDate) -> [String] {
        files(today: today).map(\.path).filter { exists(folder.appendingPathComponent($0)) }
    }

    /// Writes the starter project into `folder`, creating it if needed, and returns the paths
    /// written. Nothing is written when any of the files is already there.
    @discardableResult
    public static func create(in folder: URL, today: GuideDate) throws(Failure) -> [String] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .notAFolder(path: folder.path)
        }
        let files = files(today: today)
        if let first = existing(in: folder, today: today).first { throw .exists(path: first) }
        var written: [URL] = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // O_EXCL: a file that appeared since the check above is left alone, never replaced.
                try Data(file.bytes).write(to: url, options: .withoutOverwriting)
            } catch {
                for done in written.reversed() { try? FileManager.default.removeItem(at: done) }
                throw exists(url) && !written.contains(url)
                    ? .exists(path: file.path)
                    : .unwritable(path: file.path, reason: (error as NSError).localizedDescription)
            }
            written.append(url)
        }
        return files.map(\.path)
    }
}

// MARK: - Implementation

private extension StarterProject {
    /// Whether anything is at `url`, a link that leads nowhere included.
    static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    static func guide(published: GuideDate, reviewBy: GuideDate) -> String {
        """
        ---
        title: Someone to talk to
        subtitle: An example guide to change into your own
        language: en-GB
        audience: Children and young people
        reading-age: 9
        publisher: Our Safeguarding Partnership
        published: \(published)
        review-by: \(reviewBy)
        summary: >
          Who you can talk to when something is worrying you, and how to get
          help straight away if you are in danger.
        keywords: [help, trusted adult, Childline]
        glossary:
          trusted adult: A grown-up you know and feel safe with, who will listen and help.
        ---

        # Someone to talk to

        Sometimes something happens that makes you feel worried, sad or scared.
        You do not have to keep it to yourself.

        :::urgent
        If you are in danger now, call 999.
        :::

        ![A person talking](pictures/talk.svg)

        ## Who can I talk to?

        You can talk to a trusted adult. It could be someone in your family, a
        teacher or the school nurse. They will listen to you. They will help you
        work out what to do next.

        ## Who else can help?

        You can phone Childline at any time. The call is free.

        ![A mobile phone](pictures/phone.svg)

        :::contact
        name: Childline
        phone: 0800 1111
        hours: Any time, day or night
        cost: Free. The call does not show on the phone bill.
        website: https://www.childline.org.uk
        about: Talk in private to someone about anything that worries you.
        :::

        """
    }

    // Two of the pictures in Waymark's own Guides/pictures, black on white, 100 by 100.
    static let talkPicture = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100" role="img">
        <title>A person talking</title>
        <rect width="100" height="100" fill="#ffffff"/>
        <g fill="none" stroke="#000000" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
        <circle cx="32" cy="44" r="12"/><path d="M10 92 v-12 a22 22 0 0 1 44 0 v12"/>
        <path d="M56 10 h34 a5 5 0 0 1 5 5 v18 a5 5 0 0 1 -5 5 h-20 l-10 10 v-10 h-4 a5 5 0 0 1 -5 -5 v-18 a5 5 0 0 1 5 -5 z"/><path d="M63 22 h22 M63 29 h14"/>
        </g></svg>

        """

    static let phonePicture = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100" role="img">
        <title>A mobile phone</title>
        <rect width="100" height="100" fill="#ffffff"/>
        <g fill="none" stroke="#000000" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
        <rect x="30" y="8" width="40" height="84" rx="7"/><path d="M30 20 h40 M30 74 h40"/><circle cx="50" cy="83" r="3"/>
        </g></svg>

        """

    static let settings = """
        # Settings for every guide in this project. Change the values to your own.
        # Waymark's docs/writing-guides.md explains each one. Each guide still gives
        # its own publisher and language in the lines at its top.

        # Who publishes the guides: your council or safeguarding partnership.
        publisher: Our Safeguarding Partnership

        # The language most guides are written in (en-GB is British English, cy is Welsh).
        language: en-GB

        # Where people can ask for a guide in another format, such as braille or audio.
        # Give at least one of email, phone and website.
        # The web address you will put the Output folder at, for e-reader apps'
        # catalogues (opds.xml, opds.json). Leave it out to keep every link relative.
        # site-url: https://www.example.org/guides/

        alternative-formats:
          email: accessible.formats@example.org
          phone: 01632 960000
          website: https://www.example.org/guides

        # Checks can be tuned or switched off for every guide here, for example:
        # checks:
        #   sentence-length: {max: 20}

        """

    static let readme = """
        # Our guides for children and young people

        This folder holds guides that Waymark turns into an e-book, a plain
        text file, a large-print page and an easy-read page.

        ## Write a guide

        - Each guide is one file in `Guides/` whose name ends in `.md`, such as
          `Guides/bullying.md`. The name becomes the name of the built files.
        - `Guides/someone-to-talk-to.md` is an example. Copy it and change the
          words, or change it and keep it.
        - The lines between the two `---` lines at the top say what the guide is
          called, who it is for and when it was written.
        - Start each part of the guide with a line beginning `#`, and each
          smaller part with `##`.
        - Put pictures in `Guides/pictures/`. Write what the picture shows in
          the square brackets, for someone who cannot see it:
          `![A person talking](pictures/talk.svg)`.
        - A block from `:::contact` to `:::` is a card for a service that can
          help. A block from `:::urgent` to `:::` is what to do in danger.
        - Words under `glossary:` at the top are explained wherever they are
          used.

        Use short sentences and everyday words. Waymark tells you when a
        sentence is long or a word is hard.

        ## Check a guide

        ```sh
        waymark check
        ```

        This reads every guide and says what to fix, with the file, the line
        and the place in the line, such as
        `Guides/someone-to-talk-to.md:24:3: warning: …`.

        ## Build the guides

        ```sh
        waymark build
        ```

        The built files go into `Output/`, one folder for each guide, such as
        `Output/someone-to-talk-to/`. Building again only remakes guides that
        have changed. `Output/` is not kept in git: you can always build it
        again.

        ## Settings

        `waymark.yml` holds the settings for every guide: who publishes them,
        their language, and where people can ask for another format.

        """
}
