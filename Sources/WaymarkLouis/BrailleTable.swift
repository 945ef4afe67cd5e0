import CLibLouis
import Foundation

/// An error from liblouis, copied into Swift values.
public struct LouisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done when liblouis failed (`load the tables en-us-brf.dis,en-ueb-g2.ctb`).
    public var operation: String
    /// What liblouis logged about it, one message a line; empty when it logged nothing.
    public var message: String

    /// Creates an error from its parts.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// A one-line description.
    public var description: String { message.isEmpty ? operation : "\(operation): \(message)" }
}

/// A text translated into braille: its cells, and for each cell the place in the text it came from.
public struct BrailleTranslation: Sendable, Equatable {
    /// The braille cells, as the display table writes them (Braille ASCII for `en-us-brf.dis`).
    public var cells: [Unicode.Scalar]
    /// For each cell, the index of the unicode scalar of the text it was made from.
    public var sources: [Int]
}

/// A checked list of liblouis tables (a display table and a translation table) that
/// translates text into braille and braille back into text.
///
/// liblouis keeps every table it compiles in one cache for the whole process and is not
/// safe to call from two threads at once, so every call into it, from every table, goes
/// through one lock. A table list is checked when the value is made: a missing or broken
/// table is a ``LouisError`` naming it, never a crash later.
public struct BrailleTable: Sendable, Hashable {
    /// How a run of the text is to be translated.
    public enum Form: Sendable, Hashable {
        /// The table's ordinary rules (contractions in grade 2).
        case ordinary
        /// Letter for letter, with no contractions: for web and email addresses, which a reader
        /// must be able to type exactly (liblouis's `no_contract` typeform).
        case uncontracted
    }

    /// The tables, in the order liblouis reads them (`en-us-brf.dis,en-ueb-g2.ctb`).
    public let tables: String

    /// Checks and loads `tables` (file names in liblouis's table folder, display table first).
    public init(_ tables: [String]) throws(LouisError) {
        let list = tables.joined(separator: ",")
        self.tables = list
        let loaded = Louis.locked { () -> (Bool, [String]) in
            Louis.messages.removeAll()
            let table = list.withCString { lou_getTable($0) }
            return (table != nil, Louis.messages)
        }
        guard loaded.0 else {
            throw LouisError(operation: "load the braille tables \(list)", message: loaded.1.joined(separator: "\n"))
        }
    }

    /// Whether liblouis can find and compile `tables` (file names in its table folder).
    public static func exists(_ tables: [String]) -> Bool {
        (try? BrailleTable(tables)) != nil
    }

    /// The version of liblouis in use (`3.24.0`).
    public static var libraryVersion: String {
        Louis.locked { String(cString: lou_version()) }
    }

    /// Translates `text` into braille; `forms` says how each unicode scalar of it is translated
    /// (ordinary when empty). Characters the tables do not know are left out.
    public func translate(_ text: String, forms: [Form] = []) throws(LouisError) -> BrailleTranslation {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return BrailleTranslation(cells: [], sources: []) }
        let (units, unitScalar) = Louis.units(of: scalars)
        var typeforms = [formtype](repeating: 0, count: units.count)
        for (unit, scalar) in unitScalar.enumerated() where scalar < forms.count && forms[scalar] == .uncontracted {
            typeforms[unit] = formtype(no_contract.rawValue)
        }
        // Braille is usually longer than print.
        let (output, positions) = try Louis.growing(units.count, from: units.count * 3 + 16, "translate with \(tables)") { capacity in
            var inputLength = Int32(units.count)
            var outputLength = Int32(capacity)
            var output = [widechar](repeating: 0, count: capacity)
            var positions = [Int32](repeating: 0, count: capacity)
            // liblouis reads one typeform a character of the text and writes back one a cell of
            // the braille: the array must be as long as the longer of the two.
            var forms = typeforms + [formtype](repeating: 0, count: max(0, capacity - typeforms.count))
            let status = tables.withCString { list in
                lou_translate(list, units, &inputLength, &output, &outputLength, &forms, nil, nil, &positions, nil,
                              Int32(noUndefined.rawValue))
            }
            return (status, Int(inputLength), Int(outputLength), (output.prefix(Int(outputLength)), positions))
        }
        var cells: [Unicode.Scalar] = []
        var sources: [Int] = []
        cells.reserveCapacity(output.count)
        sources.reserveCapacity(output.count)
        for (cell, position) in zip(output, positions) {
            cells.append(Unicode.Scalar(UInt32(cell)) ?? "?")
            let unit = Int(position)
            sources.append(unit >= 0 && unit < unitScalar.count ? unitScalar[unit] : scalars.count - 1)
        }
        return BrailleTranslation(cells: cells, sources: sources)
    }

    /// Translates `braille` (cells as the display table writes them) back into text.
    public func backTranslate(_ braille: String) throws(LouisError) -> String {
        let scalars = Array(braille.unicodeScalars)
        guard !scalars.isEmpty else { return "" }
        let (units, _) = Louis.units(of: scalars)
        let output = try Louis.growing(units.count, from: units.count * 4 + 16, "back-translate with \(tables)") { capacity in
            var inputLength = Int32(units.count)
            var outputLength = Int32(capacity)
            var output = [widechar](repeating: 0, count: capacity)
            let status = tables.withCString { list in
                lou_backTranslateString(list, units, &inputLength, &output, &outputLength, nil, nil, 0)
            }
            return (status, Int(inputLength), Int(outputLength), output.prefix(Int(outputLength)))
        }
        return Louis.text(of: output)
    }
}

// MARK: - The one lock, and liblouis's log

/// The state shared by every call into liblouis: the lock that serialises them and the
/// messages liblouis logged during the current call (it logs through a callback, not a return value).
enum Louis {
    private static let lock = NSLock()
    /// Messages logged during the call being made; only touched with ``lock`` held.
    nonisolated(unsafe) static var messages: [String] = []
    nonisolated(unsafe) private static var started = false

    /// Runs `body` with the lock held, after routing liblouis's log into ``messages``
    /// (the library never prints: liblouis would write to standard error by itself).
    static func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if !started {
            started = true
            lou_registerLogCallback { _, message in
                if let message { Louis.messages.append(String(cString: message)) }
            }
            lou_setLogLevel(LOU_LOG_ERROR)
        }
        return body()
    }

    /// Calls liblouis through `attempt` (given a buffer size; it returns liblouis's status, how
    /// much of the `length` units of the text it took in, how much it wrote, and the result),
    /// with the lock held, doubling the buffer until liblouis takes the whole text in.
    static func growing<T>(
        _ length: Int, from start: Int, _ operation: String,
        _ attempt: (Int) -> (status: Int32, consumed: Int, produced: Int, result: T)
    ) throws(LouisError) -> T {
        var capacity = start
        while true {
            let (outcome, logged) = locked { () -> ((status: Int32, consumed: Int, produced: Int, result: T), [String]) in
                messages.removeAll()
                return (attempt(capacity), messages)
            }
            guard outcome.status != 0 else { throw LouisError(operation: operation, message: logged.joined(separator: "\n")) }
            if outcome.consumed < length && outcome.produced >= capacity - 1 {
                capacity *= 2
                continue
            }
            return outcome.result
        }
    }

    /// `scalars` as liblouis's characters (UTF-32, or UTF-16 when it was built with 2-byte
    /// characters), with the scalar each unit belongs to.
    static func units(of scalars: [Unicode.Scalar]) -> ([widechar], [Int]) {
        var units: [widechar] = []
        var owners: [Int] = []
        units.reserveCapacity(scalars.count)
        owners.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if MemoryLayout<widechar>.size >= 4 {
                units.append(widechar(scalar.value))
                owners.append(index)
            } else {
                for unit in String(scalar).utf16 {
                    units.append(widechar(unit))
                    owners.append(index)
                }
            }
        }
        return (units, owners)
    }

    /// The text of liblouis's characters `units`.
    static func text(of units: ArraySlice<widechar>) -> String {
        if MemoryLayout<widechar>.size >= 4 {
            var result = String.UnicodeScalarView()
            for unit in units { result.append(Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}") }
            return String(result)
        }
        return String(decoding: units.map { UInt16(truncatingIfNeeded: $0) }, as: UTF16.self)
    }
}
