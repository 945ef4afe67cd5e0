import Foundation
import WaymarkModel

/// Small helpers that several rules share.
extension GuideContext {
    /// Every inline in the guide's text runs, depth first (links and emphasis included).
    public func forEachInline(_ body: (Inline, TextRun) -> Void) {
        for run in text.runs {
            Inline.forEach(in: run.inlines) { body($0, run) }
        }
    }

    /// Whether `word` is a glossary word (or its plural).
    public func isGlossaryTerm(_ word: String) -> Bool {
        let lowered = Words.normalised(word)
        let terms = glossaryTerms
        if terms.contains(lowered) { return true }
        for suffix in ["'s", "es", "s"] where lowered.hasSuffix(suffix) && terms.contains(String(lowered.dropLast(suffix.count))) { return true }
        return false
    }
}

/// Text helpers for rules.
enum Words {
    /// The word in lower case without apostrophes' curly forms.
    static func normalised(_ word: String) -> String {
        let lowered = word.lowercased()
        guard lowered.unicodeScalars.contains("’") else { return lowered }
        var result = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars { result.append(scalar == "’" ? "'" : scalar) }
        return String(result)
    }

    /// Whether `word` is a Roman numeral of two or more letters (`II`, `XIV`).
    static func isRomanNumeral(_ word: String) -> Bool {
        guard word.count >= 2, word.allSatisfy({ "IVXLCDM".contains($0) }) else { return false }
        // Standard form: thousands, hundreds, tens, units.
        let pattern = #"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$"#
        return word.range(of: pattern, options: .regularExpression) != nil
    }
}
