import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One document for Typst to compile: its main source, the files it reads (pictures), and
/// what makes the PDF reproducible and accessible.
public struct TypstJob: Sendable {
    /// The Typst markup of `main.typ`.
    public var source: String
    /// Other files the source reads, by name (`images/phone.svg`); names have no `..` and no leading `/`.
    public var files: [String: [UInt8]]
    /// The date the PDF carries (seconds since 1970), so the same input gives the same bytes.
    public var timestamp: Int
    /// The only font files Typst may use (the machine's others are ignored, for the same reason).
    public var fonts: [String]
    /// The PDF standards the document must meet (`ua-1`: tagged, accessible); empty for a print-only
    /// sheet such as a booklet's imposed pages.
    public var standards: [String]

    /// Creates a job.
    public init(source: String, files: [String: [UInt8]] = [:], timestamp: Int, fonts: [String], standards: [String] = ["ua-1"]) {
        self.source = source
        self.files = files
        self.timestamp = timestamp
        self.fonts = fonts
        self.standards = standards
    }
}

/// What went wrong with Typst, in words for the person running the build.
public enum TypstError: Error, Sendable, CustomStringConvertible {
    /// Python with the `typst` package was not found; the text says where it was looked for.
    case engineMissing(String)
    /// Typst refused the document (the writer's fault, not the guide's).
    case compileFailed(String)
    /// The helper process stopped or said something that is not an answer.
    case helperFailed(String)

    /// The problem in a sentence.
    public var description: String {
        switch self {
        case .engineMissing(let detail): return "the PDF engine (Typst, from the Python package 'typst') is not installed: \(detail)"
        case .compileFailed(let message): return "Typst could not make the PDF: \(message)"
        case .helperFailed(let message): return "the Typst helper stopped: \(message)"
        }
    }
}

/// Typst, the typesetting engine the `pdf` format uses for tagged PDF/UA-1, run as one
/// long-lived Python helper process for the whole build (started when the first PDF is
/// asked for), fed one document at a time.
///
/// Typst is only packaged for Python here (PyPI `typst`), so this is the one place that knows
/// there is a Python process: the writer hands over markup and pictures and gets PDF bytes back.
/// The helper is found at `WAYMARK_TYPST_PYTHON`, else in `lib/waymark/pdf/` beside an installed
/// `waymark` (`make install`), else in `.venv-pdf/` of the source folder it was built from.
public final class TypstEngine: @unchecked Sendable {
    /// The engine of this process.
    public static let shared = TypstEngine()

    /// The Python to run, or nil to look for it (see the type's description).
    private let givenPython: URL?

    /// An engine running `python` (a test's own), or the one found as the type describes.
    public init(python: URL? = nil) {
        givenPython = python
    }

    /// One document at a time goes to the helper; its state is touched only under this lock.
    private let lock = NSLock()

    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var startProblem: TypstError?

    /// Compiles `job` to PDF/UA-1 (waiting while another document is compiled).
    public func compile(_ job: TypstJob) throws(TypstError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return try compileLocked(job)
    }

    /// Stops the helper (it also stops by itself when this process ends).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        stopLocked()
    }
}

// MARK: - The helper process

private extension TypstEngine {
    func compileLocked(_ job: TypstJob) throws(TypstError) -> [UInt8] {
        try start()
        guard let input, let output else { throw .helperFailed("it is not running") }
        var request: [String: Any] = [
            "source": job.source, "timestamp": job.timestamp, "fonts": job.fonts, "standards": job.standards,
        ]
        request["files"] = job.files.mapValues { Data($0).base64EncodedString() }
        do {
            let body = try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])
            try input.write(contentsOf: Data("\(body.count)\n".utf8) + body)
        } catch {
            stopLocked()
            throw .helperFailed("it could not be sent the document (\(error))")
        }
        let answer = try read(from: output)
        if let pdf = answer["pdf"] as? String, let bytes = Data(base64Encoded: pdf) { return Array(bytes) }
        throw .compileFailed((answer["error"] as? String) ?? "no reason given")
    }

    func stopLocked() {
        try? input?.close()
        process?.waitUntilExit()
        process = nil
        input = nil
        output = nil
    }
    func start() throws(TypstError) {
        if process != nil { return }
        if let startProblem { throw startProblem }
        guard let python = givenPython ?? TypstEngine.python() else {
            let problem = TypstError.engineMissing("no Python with it was found (set WAYMARK_TYPST_PYTHON, or run 'make pdf-deps' in Waymark's source folder)")
            startProblem = problem
            throw problem
        }
        // A helper that dies must not take the build with it: writing to its closed pipe is then an error, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = python
        process.arguments = ["-I", "-u", "-c", TypstEngine.helperScript]
        // Not in the build's folder: a helper still ending must not keep that folder's file system busy.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let toHelper = Pipe()
        let fromHelper = Pipe()
        process.standardInput = toHelper
        process.standardOutput = fromHelper
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            let problem = TypstError.engineMissing("\(python.path) could not be started (\(error))")
            startProblem = problem
            throw problem
        }
        self.process = process
        input = toHelper.fileHandleForWriting
        output = fromHelper.fileHandleForReading
        // The helper's first answer says whether it could import Typst.
        do throws(TypstError) {
            let hello = try read(from: fromHelper.fileHandleForReading)
            if let error = hello["error"] as? String { throw TypstError.engineMissing("\(python.path): \(error)") }
        } catch {
            stopLocked()
            startProblem = error
            throw error
        }
    }

    /// Reads one answer: a line with the length of the JSON that follows.
    func read(from output: FileHandle) throws(TypstError) -> [String: Any] {
        var header = Data()
        while true {
            guard let byte = try? output.read(upToCount: 1), let first = byte.first else {
                stopLocked()
                throw .helperFailed("it ended without an answer")
            }
            if first == UInt8(ascii: "\n") { break }
            header.append(first)
            if header.count > 20 { throw .helperFailed("its answer did not start with a length") }
        }
        guard let count = Int(String(decoding: header, as: UTF8.self)), count >= 0 else { throw .helperFailed("its answer did not start with a length") }
        var body = Data()
        while body.count < count {
            guard let chunk = try? output.read(upToCount: count - body.count), !chunk.isEmpty else {
                stopLocked()
                throw .helperFailed("its answer was cut short")
            }
            body.append(chunk)
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw .helperFailed("its answer was not JSON") }
        return object
    }

    /// The Python that has the `typst` package, if there is one.
    static func python() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["WAYMARK_TYPST_PYTHON"], !given.isEmpty { return URL(fileURLWithPath: given) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // Installed: PREFIX/bin/waymark and PREFIX/lib/waymark/pdf/bin/python3.
        let installed = folder.deletingLastPathComponent().appendingPathComponent("lib/waymark/pdf/bin/python3")
        if FileManager.default.isExecutableFile(atPath: installed.path) { return installed }
        // Built from source: SOURCE/.build/debug/waymark and SOURCE/.venv-pdf/bin/python3.
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(".venv-pdf/bin/python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The helper: answers each request (a length line, then JSON) with the PDF or the error.
    /// It writes the source and pictures into a fresh folder of its own for each document.
    static let helperScript = #"""
import base64, json, os, shutil, sys, tempfile
def send(obj):
    body = json.dumps(obj).encode()
    sys.stdout.buffer.write(str(len(body)).encode() + b"\n" + body)
    sys.stdout.buffer.flush()
try:
    import typst
except Exception as error:
    send({"error": "the Python package 'typst' cannot be imported (%s)" % error})
    sys.exit(0)
# Everything the helper writes is in one folder of its own, removed however the helper ends
# (the build finished, or was killed and the pipes closed).
root = tempfile.mkdtemp(prefix="waymark-typst-")
font_folders = {}
def fonts(files):
    # A folder holding just these fonts, made once: Typst reads every font of a folder it is given.
    key = tuple(sorted(files))
    if key not in font_folders:
        folder = tempfile.mkdtemp(prefix="fonts-", dir=root)
        for index, path in enumerate(key):
            os.symlink(path, os.path.join(folder, "%02d-%s" % (index, os.path.basename(path))))
        font_folders[key] = folder
    return [font_folders[key]]
try:
    send({"typst": getattr(typst, "__version__", "?")})
    while True:
        header = sys.stdin.buffer.readline()
        if not header:
            break
        request = json.loads(sys.stdin.buffer.read(int(header)))
        folder = tempfile.mkdtemp(prefix="job-", dir=root)
        try:
            for name, data in request.get("files", {}).items():
                path = os.path.realpath(os.path.join(folder, name))
                if not path.startswith(os.path.realpath(folder) + os.sep):
                    raise ValueError("a file name leaves the folder: " + name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(base64.b64decode(data))
            main = os.path.join(folder, "main.typ")
            with open(main, "w", encoding="utf-8") as handle:
                handle.write(request["source"])
            pdf = typst.compile(main, root=folder, format="pdf", pdf_standards=request.get("standards", ["ua-1"]),
                                font_paths=fonts(request.get("fonts", [])), ignore_system_fonts=True,
                                timestamp=int(request["timestamp"]))
            answer = {"pdf": base64.b64encode(pdf).decode()}
        except Exception as error:
            answer = {"error": str(error)}
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        send(answer)
except (BrokenPipeError, KeyboardInterrupt):
    pass
finally:
    shutil.rmtree(root, ignore_errors=True)
"""#
}
