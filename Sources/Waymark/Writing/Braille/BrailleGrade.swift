/// Which braille: contracted (grade 2, the default, what most adult readers use) or
/// uncontracted (grade 1, every letter spelt out: for beginners and new readers).
public enum BrailleGrade: Int, Hashable, Sendable, CaseIterable {
    /// Uncontracted braille.
    case one = 1
    /// Contracted braille.
    case two = 2
}
