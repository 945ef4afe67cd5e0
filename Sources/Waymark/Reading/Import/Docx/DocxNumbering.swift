import WaymarkXML

/// A Word file's list definitions (`word/numbering.xml`, ECMA-376 Part 1 §17.9) and the
/// counters Word keeps while it numbers paragraphs, so that a list that carries on after a
/// paragraph between its items starts at the right number.
struct DocxNumbering {
    /// One level of a list: bulleted or numbered, and where it starts.
    struct Level: Equatable {
        var ordered: Bool
        var start: Int
    }

    private struct Instance {
        var abstractID: String
        /// `w:lvlOverride`: a level's own definition, or only a new start (§17.9.8, §17.9.27).
        var levels: [Int: Level] = [:]
        var startOverrides: [Int: Int] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    /// Word's counters, by abstract definition (instances of one definition share them) and level.
    private var counters: [String: [Int: Int]] = [:]
    /// The instances whose start overrides have taken effect, by level.
    private var overridden: Set<String> = []

    init(_ root: XMLElement?) {
        guard let root else { return }
        for abstract in root.children("w:abstractNum") {
            guard let id = abstract.attribute("w:abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for level in abstract.children("w:lvl") {
                guard let number = level.attribute("w:ilvl").flatMap(Int.init) else { continue }
                levels[number] = DocxNumbering.level(level)
            }
            abstracts[id] = levels
        }
        for num in root.children("w:num") {
            guard let id = num.attribute("w:numId"), let abstractID = num.child("w:abstractNumId")?.wordValue else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in num.children("w:lvlOverride") {
                guard let number = override.attribute("w:ilvl").flatMap(Int.init) else { continue }
                if let start = override.child("w:startOverride")?.wordValue.flatMap(Int.init) { instance.startOverrides[number] = start }
                if let level = override.child("w:lvl") { instance.levels[number] = DocxNumbering.level(level) }
            }
            instances[id] = instance
        }
    }

    /// The level `level` of list `numID`, or nil when the paragraph is not in a list (`w:numId` 0, §17.9.18).
    func level(_ numID: String, _ level: Int) -> Level? {
        guard numID != "0", let instance = instances[numID] else { return nil }
        return instance.levels[level] ?? abstracts[instance.abstractID]?[level] ?? Level(ordered: false, start: 1)
    }

    /// Counts one more item at `level` of list `numID` and returns its number: counters of deeper
    /// levels start again (§17.9.10 `w:lvlRestart`, by default after any shallower level).
    mutating func next(_ numID: String, _ level: Int) -> Int {
        guard let instance = instances[numID], let definition = self.level(numID, level) else { return 1 }
        let key = instance.abstractID
        var levels = counters[key] ?? [:]
        if let start = instance.startOverrides[level], overridden.insert("\(numID)/\(level)").inserted {
            levels[level] = start - 1
        }
        let number = (levels[level] ?? (definition.start - 1)) + 1
        levels[level] = number
        for deeper in levels.keys where deeper > level { levels[deeper] = nil }
        counters[key] = levels
        return number
    }

    private static func level(_ element: XMLElement) -> Level {
        let format = element.child("w:numFmt")?.wordValue ?? "decimal"
        let start = element.child("w:start")?.wordValue.flatMap(Int.init) ?? 1
        return Level(ordered: format != "bullet" && format != "none", start: max(0, min(start, 999_999_999)))
    }
}
