import Foundation
import WaymarkLouis

/// The braille code of a language: the liblouis tables that translate it, by grade.
///
/// Only languages whose liblouis table also writes the Latin letters, digits and punctuation
/// of web addresses, service names and phone numbers so that a reader can tell them are listed.
/// liblouis 3.24's Urdu table (`ur-pk-g1.utb`) has no Latin letters, so a guide's
/// `www.childline.org.uk` would be lost; its Arabic tables write Latin letters with the cells
/// of Arabic ones and no sign to tell them apart ("Childline" reads back as "الناسهيلدلين");
/// its Romanian table (`ro.ctb`) has no number sign. English is Unified English Braille (UEB),
/// the UK's code since 2015, never the older British code of `en-GB-g2.ctb`.
struct BrailleCode: Sendable {
    /// The primary language subtag it is for (`en`).
    var language: String
    /// The translation table for each grade it has.
    var tables: [BrailleGrade: String]

    /// The display table every code is written with: North American Braille ASCII, the
    /// 64 characters of a Braille Ready Format file (one for each six-dot cell).
    static let displayTable = "en-us-brf.dis"

    /// The codes Waymark writes.
    static let builtIn: [BrailleCode] = [
        BrailleCode(language: "en", tables: [.one: "en-ueb-g1.ctb", .two: "en-ueb-g2.ctb"]),
        BrailleCode(language: "cy", tables: [.one: "cy-cy-g1.utb", .two: "cy-cy-g2.ctb"]),
        BrailleCode(language: "pl", tables: [.one: "Pl-Pl-g1.utb"]),
    ]

    /// The code for the BCP 47 tag `language` (`cy-GB` has Welsh's), if there is one in `codes`.
    static func code(for language: String, in codes: [BrailleCode] = builtIn) -> BrailleCode? {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return codes.first { $0.language == primary }
    }

    /// The grade asked for if the code has it, else the one it has (Polish braille is uncontracted here).
    func grade(closestTo wanted: BrailleGrade) -> BrailleGrade {
        tables[wanted] != nil ? wanted : (BrailleGrade.allCases.first { tables[$0] != nil } ?? wanted)
    }

    /// The language's name in English, for messages (`Urdu`), from Foundation's CLDR data.
    static func languageName(_ tag: String) -> String {
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        return Locale(identifier: "en").localizedString(forLanguageCode: primary) ?? tag
    }

    /// The checked tables for `grade` (display table first), or the error that says which table
    /// of which language could not be loaded.
    func table(for grade: BrailleGrade, formatID: String) throws(WriterError) -> BrailleTable {
        let file = tables[grade] ?? ""
        do {
            return try BrailleTable([BrailleCode.displayTable, file])
        } catch {
            let name = BrailleCode.languageName(language)
            throw WriterError(
                formatID: formatID,
                message: "the braille table \(file) for \(name) ('\(language)') could not be loaded (\(error.description))",
                hint: "install liblouis's tables (sudo apt-get install liblouis-data, or 'make deps'), then build again")
        }
    }

    /// The error for a guide in `language`, which has no code here.
    static func missing(_ language: String, formatID: String, codes: [BrailleCode] = builtIn) -> WriterError {
        let known = codes.map { languageName($0.language) }
        let list = known.count > 1 ? known.dropLast().joined(separator: ", ") + " and " + (known.last ?? "") : known.joined()
        var error = WriterError(
            formatID: formatID,
            message: "there is no braille table for the guide's language, \(languageName(language)) ('\(language)')",
            hint: "Waymark makes braille in \(list); leave '\(formatID)' out of this guide's 'formats:' and ask a braille transcription service for it")
        error.unavailable = true
        return error
    }
}
