/// The anchor of a parameter on a reference page, compatible with the Deckhouse site's generated anchors.
///
/// The resource `kind` and the parameter's path are joined with `-` and lowercased; then every character outside
/// `[a-zA-Z0-9_-]` becomes `-`, runs of `-` collapse to one, and leading and trailing `-` are dropped. Array
/// `items` add no segment; the pseudo-segments `element` (the element of an array of scalars) and
/// `additionalProperties` (the value of every key of a map) are ordinary segments here.
///
/// `anchor(kind: "AWSClusterConfiguration", path: ["nodeGroups", "instanceClass", "additionalSecurityGroups"])`
/// is `awsclusterconfiguration-nodegroups-instanceclass-additionalsecuritygroups`.
enum ReferenceAnchor {
    static func anchor(kind: String, path: [String]) -> String {
        let joined = ([kind] + path).joined(separator: "-").lowercased()
        var out = ""
        out.reserveCapacity(joined.utf8.count)
        var pendingDash = false
        for scalar in joined.unicodeScalars {
            let kept = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_"
            if kept {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                // `-` itself and every other character: one dash at most, and none at either end.
                pendingDash = true
            }
        }
        return out
    }
}
