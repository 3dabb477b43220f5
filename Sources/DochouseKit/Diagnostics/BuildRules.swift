/// The rules of the load, parse, resolve, render and write stages. Sample validation rules live under
/// `Validate/` as types of their own; these are the structural problems that stop a page from being built.
public enum BuildRules {
    public static let invalidUTF8 = RuleDescriptor(
        id: "page.invalid-utf8", defaultSeverity: .error, summary: "A page is not valid UTF-8.")
    public static let nulByte = RuleDescriptor(
        id: "page.nul-byte", defaultSeverity: .error, summary: "A page contains a NUL byte (a binary file?).")
    public static let pageTooLarge = RuleDescriptor(
        id: "page.too-large", defaultSeverity: .error, summary: "A page is larger than `limits.pageSize` in site.yaml; it is not read.")
    public static let tooManySamples = RuleDescriptor(
        id: "page.too-many-samples", defaultSeverity: .error,
        summary: "A page has more samples than `limits.samplesPerPage`; the rest are not checked.")
    public static let markdownTooDeep = RuleDescriptor(
        id: "markdown.too-deep", defaultSeverity: .error, summary: "Markdown nests block quotes, lists or inlines too deeply to render.")
    public static let unreadable = RuleDescriptor(
        id: "content.unreadable", defaultSeverity: .error, summary: "A file or directory of the tree cannot be read.")
    public static let symlinkOutside = RuleDescriptor(
        id: "content.symlink-outside", defaultSeverity: .error,
        summary: "A symbolic link in the tree leads outside it; the file is not read.")
    public static let frontMatterMissing = RuleDescriptor(
        id: "frontmatter.missing", defaultSeverity: .error, summary: "A page has no front matter.")
    public static let frontMatterUnterminated = RuleDescriptor(
        id: "frontmatter.unterminated", defaultSeverity: .error, summary: "Front matter is not closed by a `---` line.")
    public static let frontMatterSyntax = RuleDescriptor(
        id: "frontmatter.syntax", defaultSeverity: .error, summary: "Front matter is not valid YAML.")
    public static let frontMatterNotMapping = RuleDescriptor(
        id: "frontmatter.not-a-mapping", defaultSeverity: .error, summary: "Front matter is not a YAML mapping.")
    public static let missingTitle = RuleDescriptor(
        id: "frontmatter.missing-title", defaultSeverity: .error, summary: "A page has no `title`.")
    public static let missingPermalink = RuleDescriptor(
        id: "frontmatter.missing-permalink", defaultSeverity: .error, summary: "A page has no `permalink`.")
    public static let invalidValue = RuleDescriptor(
        id: "frontmatter.invalid-value", defaultSeverity: .error, summary: "A front matter value has the wrong type.")
    public static let permalinkEscapes = RuleDescriptor(
        id: "page.permalink-escapes", defaultSeverity: .error, summary: "A permalink would write outside the site directory.")
    public static let duplicatePermalink = RuleDescriptor(
        id: "page.duplicate-permalink", defaultSeverity: .error, summary: "Two pages have the same output path.")
    public static let unknownLanguage = RuleDescriptor(
        id: "page.unknown-language", defaultSeverity: .error, summary: "A page's language is not one of the site's languages.")
    public static let languageMismatch = RuleDescriptor(
        id: "page.language-mismatch", defaultSeverity: .warning,
        summary: "A page's `lang` disagrees with its file name or permalink.")
    public static let missingTwin = RuleDescriptor(
        id: "page.missing-twin", defaultSeverity: .warning, summary: "A page has no translation in another site language.")
    public static let rawHTML = RuleDescriptor(
        id: "markdown.raw-html", defaultSeverity: .warning, summary: "Raw HTML in Markdown is not rendered.")
    public static let unsafeURL = RuleDescriptor(
        id: "markdown.unsafe-url", defaultSeverity: .warning, summary: "A link uses a scheme that is never rendered (javascript:, data:, ...).")
    public static let duplicateHeadingID = RuleDescriptor(
        id: "heading.duplicate-id", defaultSeverity: .warning, summary: "An explicit heading id is used twice on a page.")
    public static let templateSyntax = RuleDescriptor(
        id: "template.syntax", defaultSeverity: .error, summary: "A template does not compile.")
    public static let templateUnknownVariable = RuleDescriptor(
        id: "template.unknown-variable", defaultSeverity: .error, summary: "A template uses a variable that dochouse does not provide.")
    public static let templateUnknownPartial = RuleDescriptor(
        id: "template.unknown-partial", defaultSeverity: .error, summary: "A template includes a partial that does not exist.")
    public static let templateMissing = RuleDescriptor(
        id: "template.missing", defaultSeverity: .error, summary: "A required template is missing.")
    public static let siteConfigSyntax = RuleDescriptor(
        id: "site.syntax", defaultSeverity: .error, summary: "site.yaml is not valid YAML.")
    public static let siteConfigInvalid = RuleDescriptor(
        id: "site.invalid", defaultSeverity: .error, summary: "site.yaml has a value of the wrong shape.")
    public static let siteConfigTooLarge = RuleDescriptor(
        id: "site.too-large", defaultSeverity: .error,
        summary: "site.yaml expands through its aliases (or nests) beyond what a settings file needs; it is not applied.")
    public static let invalidBaseline = RuleDescriptor(
        id: "baseline.invalid", defaultSeverity: .error, summary: "dochouse-baseline.json cannot be read as a baseline.")
    public static let navigationUnknownPage = RuleDescriptor(
        id: "site.nav-unknown-page", defaultSeverity: .error, summary: "A navigation entry names a page that does not exist.")
    public static let unsafeOutput = RuleDescriptor(
        id: "output.unsafe-directory", defaultSeverity: .error, summary: "The output directory would overwrite sources or a system directory.")
    public static let writeFailed = RuleDescriptor(
        id: "output.write-failed", defaultSeverity: .error, summary: "The site could not be written.")

    /// Every rule of this enum, for `dochouse rules` and SARIF.
    public static let all: [RuleDescriptor] = [
        invalidUTF8, nulByte, pageTooLarge, tooManySamples, markdownTooDeep, unreadable, symlinkOutside, frontMatterMissing, frontMatterUnterminated, frontMatterSyntax, frontMatterNotMapping,
        missingTitle, missingPermalink, invalidValue, permalinkEscapes, duplicatePermalink, unknownLanguage,
        languageMismatch, missingTwin, rawHTML, unsafeURL, duplicateHeadingID, templateSyntax, templateUnknownVariable,
        templateUnknownPartial, templateMissing, siteConfigSyntax, siteConfigInvalid, siteConfigTooLarge, invalidBaseline, navigationUnknownPage,
        unsafeOutput, writeFailed,
    ]
}
