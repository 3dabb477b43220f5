/// The tool's own texts in the pages it renders, per language (English is the fallback).
enum UIStrings {
    static func table(for language: String) -> [String: String] {
        var strings = english
        if let localized = translations[language] { strings.merge(localized) { _, new in new } }
        return strings
    }

    static let english: [String: String] = [
        "onThisPage": "On this page",
        "languages": "Languages",
        "skipToContent": "Skip to content",
        "navigation": "Navigation",
        "breadcrumbs": "Breadcrumbs",
        "permalink": "Permalink to this section",
        "notTranslated": "This page is not translated yet.",
        "readOriginal": "Read the original",
        "home": "Home",
        "generatedBy": "Built with dochouse",
        "menu": "Menu",
    ]

    static let translations: [String: [String: String]] = [
        "ru": [
            "onThisPage": "На этой странице",
            "languages": "Языки",
            "skipToContent": "Перейти к содержимому",
            "navigation": "Навигация",
            "breadcrumbs": "Навигационная цепочка",
            "permalink": "Постоянная ссылка на раздел",
            "notTranslated": "Эта страница ещё не переведена.",
            "readOriginal": "Читать оригинал",
            "home": "Главная",
            "generatedBy": "Собрано dochouse",
            "menu": "Меню",
        ]
    ]
}
