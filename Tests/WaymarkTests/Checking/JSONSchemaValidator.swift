import Foundation

/// A small JSON Schema validator for the keywords the SARIF 2.1.0 schema and
/// `docs/check-report.schema.json` use (draft-04/07): type, properties, required,
/// additionalProperties, items, minItems, uniqueItems, enum, const, minimum, maximum,
/// minLength, pattern, $ref (to `#/definitions/…`), anyOf, oneOf, allOf.
/// `format`, `default`, `description` and `title` are not checked.
/// `scripts/validate-reports.py` cross-checks with the reference Python validator.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schema data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.root = root
    }

    /// Every problem with `instance`, as `path: message`.
    func problems(_ data: Data) throws -> [String] {
        let instance = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var problems: [String] = []
        validate(instance, root, "", &problems)
        return problems
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let number = value as? NSNumber {
            // JSON true and false come back as NSNumbers of Objective-C type "c" (char).
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue.rounded() == number.doubleValue ? "integer" : "number"
        }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    private func matches(_ value: Any, type: String) -> Bool {
        let actual = typeName(value)
        return actual == type || (type == "number" && actual == "integer")
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }

    private func validate(_ value: Any, _ schema: [String: Any], _ path: String, _ problems: inout [String]) {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { problems.append("\(path): unresolved $ref \(reference)"); return }
            validate(value, target, path, &problems)
            return
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            guard types.contains(where: { matches(value, type: $0) }) else {
                problems.append("\(path): is \(typeName(value)), not \(types.joined(separator: " or "))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], !equal(constant, value) { problems.append("\(path): is not \(constant)") }
        if let number = value as? NSNumber, typeName(value) != "boolean" {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue { problems.append("\(path): above \(maximum)") }
        }
        if let string = value as? String {
            if let minimum = schema["minLength"] as? Int, string.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): '\(string)' does not match \(pattern)")
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            if schema["uniqueItems"] as? Bool == true {
                for (index, item) in array.enumerated() where array[..<index].contains(where: { equal($0, item) }) {
                    problems.append("\(path)/\(index): repeats an earlier item")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { validate(item, items, "\(path)/\(index)", &problems) }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing '\(key)'") }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    validate(item, property, "\(path)/\(key)", &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected '\(key)'")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    validate(item, additional, "\(path)/\(key)", &problems)
                }
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard let options = schema[keyword] as? [[String: Any]] else { continue }
            let passing = options.filter { option in
                var inner: [String] = []
                validate(value, option, path, &inner)
                return inner.isEmpty
            }.count
            if passing == 0 || (keyword == "oneOf" && passing > 1) { problems.append("\(path): matches \(passing) of the \(keyword) schemas") }
        }
        for option in schema["allOf"] as? [[String: Any]] ?? [] { validate(value, option, path, &problems) }
    }
}
