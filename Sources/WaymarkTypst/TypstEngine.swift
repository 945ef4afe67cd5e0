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
    /// A PNG picture of the first page at this many pixels an inch, instead of a PDF (the
    /// download site's covers: e-reader catalogues want a bitmap); nil for a PDF.
    public var pngPixelsPerInch: Int?

    /// Creates a job.
    public init(source: String, files: [String: [UInt8]] = [:], timestamp: Int, fonts: [String], standards: [String] = ["ua-1"], pngPixelsPerInch: Int? = nil) {
        self.source = source
        self.files = files
        self.timestamp = timestamp
        self.fonts = fonts
        self.standards = standards
        self.pngPixelsPerInch = pngPixelsPerInch
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

/// Typst, the typesetting engine the `pdf` format uses for tagged PDF/UA-1, run as long-lived
/// Python helper processes for the whole build (one per core, at most two, each started when a
/// document first needs it), each fed one document at a time.
///
/// Typst is only packaged for Python here (PyPI `typst`), so this is the one place that knows
/// there is a Python process: the writer hands over markup and pictures and gets PDF bytes back.
/// The helper is found at `WAYMARK_TYPST_PYTHON`, else in `lib/waymark/pdf/` beside an installed
/// `waymark` (`make install`), else in `.venv-pdf/` of the source folder it was built from.
///
/// Each message is a line `<JSON length> <bytes length>`, the JSON, then the bytes (pictures
/// going in, the PDF coming out), so no document is copied through base64.
public final class TypstEngine: @unchecked Sendable {
    /// The engine of this process.
    public static let shared = TypstEngine(helpers: TypstEngine.defaultHelpers)

    /// One helper a core, at most two; `WAYMARK_TYPST_HELPERS=N` sets another number.
    static var defaultHelpers: Int {
        if let given = ProcessInfo.processInfo.environment["WAYMARK_TYPST_HELPERS"].flatMap(Int.init), given > 0 { return given }
        return min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The Python to run, or nil to look for it (see the type's description).
    private let givenPython: URL?
    /// How many helpers may run at once.
    private let most: Int
    /// Guards `idle`, `running` and `startProblem`.
    private let lock = NSLock()
    private let free: DispatchSemaphore
    private var idle: [Helper] = []
    private var running = 0
    private var startProblem: TypstError?

    /// An engine running `python` (a test's own), or the one found as the type describes,
    /// with up to `helpers` documents typeset at once.
    public init(python: URL? = nil, helpers: Int = 1) {
        givenPython = python
        most = max(helpers, 1)
        free = DispatchSemaphore(value: most)
    }

    /// Compiles `job` to PDF (waiting while the helpers are all busy).
    public func compile(_ job: TypstJob) throws(TypstError) -> [UInt8] {
        free.wait()
        defer { free.signal() }
        let helper = try checkOut()
        do {
            let pdf = try helper.compile(job)
            checkIn(helper)
            return pdf
        } catch {
            // Typst refusing a document leaves the helper well; one that stopped is dropped.
            if helper.isRunning { checkIn(helper) } else { drop(helper) }
            throw error
        }
    }

    /// Stops the helpers (the build is over); the next document starts them again.
    public func stop() {
        lock.lock()
        let helpers = idle
        idle = []
        running = 0
        startProblem = nil
        lock.unlock()
        for helper in helpers { helper.stop() }
    }
}

// MARK: - The pool

private extension TypstEngine {
    func checkOut() throws(TypstError) -> Helper {
        lock.lock()
        if let helper = idle.popLast() {
            lock.unlock()
            return helper
        }
        if let startProblem {
            lock.unlock()
            throw startProblem
        }
        running += 1
        lock.unlock()
        do {
            return try Helper(python: givenPython ?? TypstEngine.python())
        } catch {
            lock.lock()
            running -= 1
            if case .engineMissing = error { startProblem = error }
            lock.unlock()
            throw error
        }
    }

    func checkIn(_ helper: Helper) {
        lock.lock()
        idle.append(helper)
        lock.unlock()
    }

    func drop(_ helper: Helper) {
        helper.stop()
        lock.lock()
        running -= 1
        lock.unlock()
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
}

// MARK: - One helper process

/// One Python process with Typst, used by one document at a time (the pool sees to that).
private final class Helper {
    let process: Process
    let input: FileHandle
    let output: FileHandle
    /// Signalled when the process has ended.
    private let ended = DispatchSemaphore(value: 0)

    init(python: URL?) throws(TypstError) {
        guard let python else {
            throw .engineMissing("no Python with it was found (set WAYMARK_TYPST_PYTHON, or run 'make pdf-deps' in Waymark's source folder)")
        }
        // A helper that dies must not take the build with it: writing to its closed pipe is then an error, not a signal.
        signal(SIGPIPE, SIG_IGN)
        process = Process()
        process.executableURL = python
        process.arguments = ["-I", "-u", "-c", Helper.script]
        // Not in the build's folder: a helper still ending must not keep that folder's file system busy.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let toHelper = Pipe()
        let fromHelper = Pipe()
        process.standardInput = toHelper
        process.standardOutput = fromHelper
        process.standardError = FileHandle.nullDevice
        input = toHelper.fileHandleForWriting
        output = fromHelper.fileHandleForReading
        process.terminationHandler = { [ended] _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw .engineMissing("\(python.path) could not be started (\(error))")
        }
        // The helper's first answer says whether it could import Typst.
        do throws(TypstError) {
            let (hello, _) = try read()
            if let error = hello["error"] as? String { throw TypstError.engineMissing("\(python.path): \(error)") }
        } catch {
            stop()
            throw error
        }
    }

    var isRunning: Bool { process.isRunning }

    func compile(_ job: TypstJob) throws(TypstError) -> [UInt8] {
        let names = job.files.keys.sorted()
        var bytes: [UInt8] = []
        for name in names { bytes += job.files[name] ?? [] }
        do {
            let body = TypstEngine.request(job, names: names)
            try input.write(contentsOf: Data("\(body.count) \(bytes.count)\n".utf8) + body + Data(bytes))
        } catch {
            stop()
            throw .helperFailed("it could not be sent the document (\(error))")
        }
        let (answer, pdf) = try read()
        if answer["ok"] as? Bool == true { return pdf }
        throw .compileFailed((answer["error"] as? String) ?? "no reason given")
    }

    func stop() {
        try? input.close()
        // Waits without spinning: Foundation's `waitUntilExit()` runs the run loop over and over
        // on Linux, a core's worth of work for as long as the helper takes to end (issue #23).
        ended.wait()
        // Signalled again, so that stopping a helper twice does not wait for ever.
        ended.signal()
    }

    /// Reads one answer: a line with the two lengths, the JSON, then the bytes.
    func read() throws(TypstError) -> ([String: Any], [UInt8]) {
        var header = Data()
        while true {
            guard let byte = try? output.read(upToCount: 1), let first = byte.first else {
                throw .helperFailed("it ended without an answer")
            }
            if first == UInt8(ascii: "\n") { break }
            header.append(first)
            if header.count > 40 { throw .helperFailed("its answer did not start with its length") }
        }
        let lengths = String(decoding: header, as: UTF8.self).split(separator: " ").compactMap { Int($0) }
        guard lengths.count == 2, lengths.allSatisfy({ $0 >= 0 }) else { throw .helperFailed("its answer did not start with its length") }
        let body = try exactly(lengths[0])
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw .helperFailed("its answer was not JSON") }
        return (object, Array(try exactly(lengths[1])))
    }

    func exactly(_ count: Int) throws(TypstError) -> Data {
        var data = Data()
        while data.count < count {
            guard let chunk = try? output.read(upToCount: count - data.count), !chunk.isEmpty else {
                throw .helperFailed("its answer was cut short")
            }
            data.append(chunk)
        }
        return data
    }

    /// The helper: answers each request with the PDF or the error. It writes the source and
    /// pictures into a fresh folder for each document, inside one folder of its own that is
    /// removed however it ends (the build finished, or was killed and the pipes closed).
    static let script = #"""
import json, os, shutil, sys, tempfile
def send(obj, data=b""):
    body = json.dumps(obj).encode()
    sys.stdout.buffer.write(b"%d %d\n" % (len(body), len(data)) + body + data)
    sys.stdout.buffer.flush()
def exactly(count):
    data = sys.stdin.buffer.read(count)
    if len(data) != count:
        raise EOFError
    return data
try:
    import typst
except Exception as error:
    send({"error": "the Python package 'typst' cannot be imported (%s)" % error})
    sys.exit(0)
root = tempfile.mkdtemp(prefix="waymark-typst-")
font_sets = {}
def fonts(files):
    # A folder holding just these fonts, made once: Typst reads every font of a folder it is given.
    # With typst 0.14 and later (Fonts) the fonts are also read once a helper, not once a document:
    # loading them was half of drawing a site's cover. The same fonts as the folder alone: no
    # system fonts, Typst's own embedded ones.
    key = tuple(sorted(files))
    if key not in font_sets:
        folder = tempfile.mkdtemp(prefix="fonts-", dir=root)
        for index, path in enumerate(key):
            os.symlink(path, os.path.join(folder, "%02d-%s" % (index, os.path.basename(path))))
        font_sets[key] = (typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[folder])
                          if hasattr(typst, "Fonts") else [folder])
    return font_sets[key]
try:
    send({"typst": getattr(typst, "__version__", "?")})
    while True:
        header = sys.stdin.buffer.readline()
        if not header:
            break
        json_length, data_length = (int(part) for part in header.split())
        request = json.loads(exactly(json_length))
        data = exactly(data_length)
        folder = tempfile.mkdtemp(prefix="job-", dir=root)
        pdf = b""
        try:
            offset = 0
            for name, size in request.get("files", []):
                path = os.path.realpath(os.path.join(folder, name))
                if not path.startswith(os.path.realpath(folder) + os.sep):
                    raise ValueError("a file name leaves the folder: " + name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(data[offset:offset + size])
                offset += size
            main = os.path.join(folder, "main.typ")
            with open(main, "w", encoding="utf-8") as handle:
                handle.write(request["source"])
            if "png_ppi" in request:
                pdf = typst.compile(main, root=folder, format="png", ppi=float(request["png_ppi"]),
                                    font_paths=fonts(request.get("fonts", [])), ignore_system_fonts=True)
            else:
                pdf = typst.compile(main, root=folder, format="pdf", pdf_standards=request.get("standards", ["ua-1"]),
                                    font_paths=fonts(request.get("fonts", [])), ignore_system_fonts=True,
                                    timestamp=int(request["timestamp"]))
            answer = {"ok": True}
        except Exception as error:
            answer = {"error": str(error)}
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        send(answer, pdf if answer.get("ok") else b"")
except (BrokenPipeError, EOFError, KeyboardInterrupt):
    pass
finally:
    shutil.rmtree(root, ignore_errors=True)
"""#
}

// MARK: - Requests

extension TypstEngine {
    /// The request's JSON: what `JSONSerialization` wrote (keys sorted), written directly
    /// (issue #23: it escaped the Typst source a character at a time, 4 % of a build). The helper
    /// reads the same values, so the PDF is the same.
    static func request(_ job: TypstJob, names: [String]) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(job.source.utf8.count + 1024)
        func string(_ text: String) {
            let hex = Array("0123456789abcdef".utf8)
            json.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): json += [UInt8(ascii: "\\"), byte]
                case 0..<0x20: json += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: json.append(byte)
                }
            }
            json.append(UInt8(ascii: "\""))
        }
        func strings(_ texts: [String]) {
            json.append(UInt8(ascii: "["))
            for (index, text) in texts.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                string(text)
            }
            json.append(UInt8(ascii: "]"))
        }
        json += Array("{\"files\":[".utf8)
        for (index, name) in names.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            string(name)
            json += Array(",\(job.files[name]?.count ?? 0)]".utf8)
        }
        json += Array("],\"fonts\":".utf8)
        strings(job.fonts)
        if let ppi = job.pngPixelsPerInch { json += Array(",\"png_ppi\":\(ppi)".utf8) }
        json += Array(",\"source\":".utf8)
        string(job.source)
        json += Array(",\"standards\":".utf8)
        strings(job.standards)
        json += Array(",\"timestamp\":\(job.timestamp)}".utf8)
        return json
    }
}
