/// The tool's own texts in the pages it renders, per language (English is the fallback).
enum UIStrings {
    static func table(for language: String) -> [String: String] {
        merged[language] ?? english
    }

    /// Each translated language's table with the English fallbacks merged in, once (every code block asks).
    private static let merged: [String: [String: String]] = translations.mapValues { localized in
        english.merging(localized) { _, new in new }
    }

    /// `table(for:)` as the `strings` object of a layout context, made once per language the tool has texts for.
    static func templateValue(for language: String) -> TemplateValue {
        templateValues[language] ?? templateValues["en"] ?? .object(TemplateObject())
    }

    private static let templateValues: [String: TemplateValue] = {
        var values: [String: TemplateValue] = [:]
        for language in Set(translations.keys).union(["en"]) {
            var object = TemplateObject()
            for (name, text) in table(for: language).sorted(by: { $0.key < $1.key }) { object[name] = .string(text) }
            values[language] = .object(object)
        }
        return values
    }()

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
        "search": "Search",
        "searchLabel": "Search the documentation",
        "searchPlaceholder": "Search",
        "searchResults": "Search results",
        "searchNone": "Nothing found",
        "searchCount": "Results: {n}",
        "copy": "Copy",
        "copied": "Copied",
        "copyFailed": "Copy failed",
        "sampleChecked": "Checked by dochouse on every build",
        "sampleFindings": "Checked by dochouse on every build; the check reports findings in this sample",
        "notFoundTitle": "Page not found",
        "notFoundText": "There is no page at this address. It may have moved, or the link that brought you here is wrong. Search the documentation above, or pick a page below.",
        "notFoundPages": "Pages in this language",
        "homeLead": "Pick a page below or from the navigation, or search the documentation above.",
        "homePages": "Pages",
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
            "search": "Поиск",
            "searchLabel": "Поиск по документации",
            "searchPlaceholder": "Поиск",
            "searchResults": "Результаты поиска",
            "searchNone": "Ничего не найдено",
            "searchCount": "Найдено: {n}",
            "copy": "Копировать",
            "copied": "Скопировано",
            "copyFailed": "Не удалось скопировать",
            "sampleChecked": "Проверяется dochouse при каждой сборке",
            "sampleFindings": "Проверяется dochouse при каждой сборке; в этом примере есть замечания",
            "notFoundTitle": "Страница не найдена",
            "notFoundText": "По этому адресу нет страницы. Возможно, она переехала или ссылка, по которой вы пришли, неверна. Воспользуйтесь поиском выше или выберите страницу ниже.",
            "notFoundPages": "Страницы на этом языке",
            "homeLead": "Выберите страницу ниже или в навигации либо воспользуйтесь поиском выше.",
            "homePages": "Страницы",
        ]
    ]
}
