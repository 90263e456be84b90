//! Every kind of problem `check` reports, with its stable code. The codes are
//! what webmasters search for in docs/check.md and what editors and CI match
//! in `--format json`, so they are a closed list: a test reads docs/check.md
//! and fails when a code here has no section there, or a section names a
//! code that does not exist.

use std::fmt;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/check.md's sections.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, e.g. `unknown-field`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    // Reading files
    MissingFile = "missing-file",
    EmptyFile = "empty-file",
    NotUtf8 = "not-utf8",
    FileTooLarge = "file-too-large",
    TooDeep = "too-deep",
    LineEndings = "line-endings",
    ControlCharacter = "control-character",
    LinkOutsideSite = "link-outside-site",
    NotAFile = "not-a-file",
    StrayFile = "stray-file",
    FrontMatter = "front-matter",
    BadPageName = "bad-page-name",
    /// The operating system refused to read a file or folder.
    Unreadable = "unreadable",
    // TOML syntax
    TomlSyntax = "toml-syntax",
    DuplicateKey = "duplicate-key",
    // Fields and types
    UnknownField = "unknown-field",
    MissingField = "missing-field",
    WrongType = "wrong-type",
    BadValue = "bad-value",
    // Ids
    BadId = "bad-id",
    IdFileMismatch = "id-file-mismatch",
    DuplicateId = "duplicate-id",
    PathCollision = "path-collision",
    // References and links
    UnknownReference = "unknown-reference",
    BrokenLink = "broken-link",
    UnsafeLink = "unsafe-link",
    StaffOnlyLink = "staff-only-link",
    // Areas, towns and status
    UnknownArea = "unknown-area",
    BadPostalCode = "bad-postal-code",
    BadStatus = "bad-status",
    RawHtml = "raw-html",
    // Phone numbers, mail and web addresses
    BadPhone = "bad-phone",
    ExtensionInPublicField = "extension-in-public-field",
    BadEmail = "bad-email",
    BadUrl = "bad-url",
    BadMapUrl = "bad-map-url",
    // Fallback phone lines
    LineWithoutTopic = "line-without-topic",
    MissingSource = "missing-source",
    // Public text
    EditorRemark = "editor-remark",
    // Dates
    FutureDate = "future-date",
    Stale = "stale",
    BadDate = "bad-date",
    // Opening hours and schedules
    BadHours = "bad-hours",
    BadSchedule = "bad-schedule",
    HolidaysOutdated = "holidays-outdated",
    // Themes and static files
    UnknownTheme = "unknown-theme",
    ThemePath = "theme-path",
    TemplateError = "template-error",
    HiddenStatic = "hidden-static",
    // Referral sheets
    SheetPages = "sheet-pages",
    SheetPage = "sheet-page",
    SheetOptions = "sheet-options",
    SheetConsent = "sheet-consent",
    SheetTable = "sheet-table",
    SheetTopics = "sheet-topics",
    SheetFill = "sheet-fill",
    SheetRows = "sheet-rows",
    // Resources, communication support and meetings
    FaxWithoutNumber = "fax-without-number",
    SeriesLength = "series-length",
    EventWithoutDate = "event-without-date",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
