import ArgumentParser
import Waymark

/// `waymark rules`: lists the checks, or explains one.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the accessibility checks, or explain one.",
        discussion: "With no ID, lists every check with its severity, standard and summary. With an ID, shows why it matters, its settings and examples."
    )

    @Argument(help: ArgumentHelp("A check's id, e.g. sentence-length.", valueName: "ID"))
    var id: String?

    func run() throws {
        guard let id else {
            let width = RuleRegistry.ids.map(\.count).max() ?? 0
            for rule in RuleRegistry.all {
                let description = rule.description
                let padding = String(repeating: " ", count: width - description.id.count)
                printOut("\(description.id)\(padding)  \(description.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(description.summary)")
                printOut("\(String(repeating: " ", count: width + 11))\(description.standard)")
            }
            return
        }
        guard let rule = RuleRegistry.rule(id) else {
            printError("error: unknown check '\(TerminalText.escaped(id))'")
            printError("    fix: \(TerminalText.escaped(RuleRegistry.hint(for: id)))")
            throw ExitCode(2)
        }
        printOut(RulesCommand.explanation(rule.description))
    }

    static func explanation(_ description: RuleDescription) -> String {
        var lines = [
            "\(description.id): \(description.name)",
            "severity: \(description.severity.rawValue)",
            "standard: \(description.standard)",
            "",
            description.summary,
            "",
            description.rationale,
        ]
        if !description.parameters.isEmpty {
            lines += ["", "Settings (in a guide's or waymark.yml's 'checks:'):"]
            for parameter in description.parameters {
                let value = parameter.defaultValue.rounded() == parameter.defaultValue ? String(Int(parameter.defaultValue)) : String(parameter.defaultValue)
                lines.append("  \(parameter.name) (default \(value); \(parameter.allowed)): \(parameter.summary)")
            }
            lines.append("  e.g.  checks: {\(description.id): {\(description.parameters[0].name): \(Int(description.parameters[0].defaultValue))}}")
        }
        lines.append("  Switch it off with  checks: {\(description.id): off}")
        func show(_ examples: [RuleExample], _ title: String) {
            lines += ["", title]
            for example in examples {
                if let file = example.styleSheet { lines.append("  --- \(file)") } else { lines.append("  ---") }
                for line in example.frontMatter.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { lines.append("  | \(line)   (front matter)") }
                for line in example.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { lines.append("  | \(line)") }
            }
        }
        show(description.passing, "Passes:")
        show(description.failing, "Fails (↓ marks where each finding points):")
        return lines.joined(separator: "\n")
    }
}
