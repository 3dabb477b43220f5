extension StringProtocol {
    /// The text without leading and trailing characters from `set` (a plain list of characters).
    func trimming(charactersIn set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
