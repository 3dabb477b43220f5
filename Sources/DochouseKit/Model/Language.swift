/// What the tool knows about the languages it localizes its own texts into.
public enum LanguageNames {
    /// The name of a language in that language, for the switcher.
    public static func endonym(_ code: String) -> String {
        switch code {
        case "en": "English"
        case "ru": "Русский"
        case "de": "Deutsch"
        case "fr": "Français"
        case "es": "Español"
        case "zh": "中文"
        case "ja": "日本語"
        default: code
        }
    }
}
