/// Every number the rules use, in one place, with the standard it comes from
/// (`/work/shared/standards.md`). Rules read these; a guide's or the project's
/// `checks:` may change the ones a rule lists as parameters.
public enum Thresholds {
    // MARK: - Pictures

    /// Alt text longer than this is a description, not a text alternative (WCAG 1.1.1 practice).
    public static let altTextMaximumCharacters = 150.0

    // MARK: - Sentences and words

    /// Words in a sentence of standard text (plain-language guides).
    public static let sentenceMaximumWords = 25.0
    /// Words in an easy-read sentence (UK government easy read: 10–15 words).
    public static let easyReadSentenceMaximumWords = 15.0
    /// Syllables that make a word hard in easy read unless the glossary explains it.
    public static let easyReadHardWordSyllables = 4.0
    /// Sentences in one easy-read row (one idea, a picture beside it: DH 2010).
    public static let easyReadRowMaximumSentences = 2.0
    /// Words in capitals in a row that make a block of capitals (UKAAF G003).
    public static let capitalsRunWords = 4.0

    // MARK: - Reading level

    /// The reading age used when a guide sets none (PIF / NHS: 9–11 years).
    public static let defaultReadingAge = 11.0
    /// UK reading age ≈ US grade + 5.
    public static let gradeToReadingAge = 5.0
    /// Chapters with fewer words than this get no reading-level warning of their own:
    /// the formulas are not stable on a few sentences.
    public static let readingLevelMinimumWords = 100.0
    /// A word of this many syllables or more is a polysyllable for SMOG.
    public static let smogPolysyllable = 3

    // MARK: - Contacts

    /// Digits in an SMS short code (`85258`), which is not a phone number but can be texted.
    public static let smsShortCodeDigits = 5...6

    // MARK: - Styles

    /// Contrast for screen text (WCAG 1.4.3, level AA).
    public static let contrastStandard = 4.5
    /// Contrast for large print and easy read (WCAG 1.4.6, level AAA).
    public static let contrastEnhanced = 7.0
    /// Smallest body text for large print, in points (UKAAF G003).
    public static let largePrintMinimumPoints = 16.0
    /// The body size large print should ideally have, in points (UKAAF G003, APH).
    public static let largePrintIdealPoints = 18.0
    /// Line spacing at least 1.5 times the text size (WCAG 1.4.8, RNIB clear print).
    public static let lineSpacingMinimum = 1.5
    /// Smallest body text for easy read, in points (UK government easy read).
    public static let easyReadMinimumPoints = 14.0
    /// CSS pixels in a point.
    public static let pixelsPerPoint = 4.0 / 3.0
    /// The browser's default font size in CSS pixels (what `1em` and `100%` mean on `html`).
    public static let defaultFontPixels = 16.0
}
