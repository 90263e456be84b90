//! The message catalogue: every sentence tsunagu shows a person, in Japanese
//! and English, keyed by a message id with named arguments.
//!
//! Adding a message is one entry here:
//!
//! ```text
//! MyCheckFailed @MyCode { field }
//!     ja: "`{field}` が…"
//!     en: "`{field}` is …";
//! ```
//!
//! then `Diagnostic::error(Code::MyCode, file, Msg::MyCheckFailed { field: name.into() })`.
//! `@MyCode` marks the message as the headline of a diagnostic code (every
//! code needs one; docs/check.md lists them in both languages). Labels, help
//! and command-line messages have no `@`. Arguments are written `{name}` (a
//! literal brace is `{{`), and both languages must use the same ones (a unit
//! test checks). An argument can be another message, shown in the same
//! language: `subject: Msg::SubjectThisValue {}.into()`.

use super::{Arg, Entry, Lang};
use crate::diagnostics::Code;

macro_rules! catalogue {
    (@code) => { None };
    (@code $code:ident) => { Some(Code::$code) };
    ($(
        $(#[$doc:meta])*
        $id:ident $(@ $code:ident)? { $($arg:ident),* $(,)? }
            ja: $ja:literal
            en: $en:literal;
    )*) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $id { $($arg: Arg),* },)*
        }

        impl Msg {
            /// Every entry, in the order written.
            pub const ENTRIES: &'static [Entry] = &[$(Entry {
                id: stringify!($id),
                code: catalogue!(@code $($code)?),
                args: &[$(stringify!($arg)),*],
                ja: $ja,
                en: $en,
            },)*];

            /// The message id, e.g. `UnknownField`.
            pub fn id(&self) -> &'static str {
                match self {
                    $(Msg::$id { .. } => stringify!($id),)*
                }
            }

            /// The diagnostic code this message is the headline of.
            pub fn code(&self) -> Option<Code> {
                match self {
                    $(Msg::$id { .. } => catalogue!(@code $($code)?),)*
                }
            }

            pub(super) fn write(&self) -> String {
                match self {
                    $(Msg::$id { $($arg),* } => match Lang::current() {
                        Lang::Ja => format!($ja),
                        Lang::En => format!($en),
                    },)*
                }
            }
        }
    };
}

catalogue! {
    // ── Reading files ────────────────────────────────────────────────────
    MissingFile @MissingFile { name }
        ja: "`{name}` がありません"
        en: "`{name}` is missing";
    HelpEverySiteNeeds { name }
        ja: "サイトのフォルダーには必ず `{name}` が要ります。例は docs/content.md にあります"
        en: "every site folder needs `{name}`; see docs/content.md for an example";
    CannotRead @Unreadable { error }
        ja: "読み取れません: {error}"
        en: "cannot read: {error}";
    CannotReadFile @Unreadable { error }
        ja: "ファイルを読み取れません: {error}"
        en: "cannot read file: {error}";
    CannotListFolder @Unreadable { error }
        ja: "フォルダーの中を一覧できません: {error}"
        en: "cannot list folder: {error}";
    HelpCheckReadable {}
        ja: "ファイルがあること、読み取りが許されていることを確かめてください"
        en: "check that the file exists and can be read";
    HelpFolderPermissions {}
        ja: "フォルダーのアクセス権を確かめてください"
        en: "check the folder's permissions";
    LinkOutsideSite @LinkOutsideSite {}
        ja: "サイトのフォルダーの外（または存在しない場所）を指すシンボリックリンクです。読み込んでいません"
        en: "is a symbolic link to something outside the site folder, or to nothing; it was not read";
    HelpCopyIntoSite {}
        ja: "リンクではなく、ファイルをサイトのフォルダーにコピーしてください。公開するものはすべてサイトのフォルダーの中に置きます"
        en: "copy the file into the site folder instead of linking to it: everything a site publishes must live in the site folder";
    LinkToFolder @NotAFile {}
        ja: "フォルダーへのシンボリックリンクです。リンクしたフォルダーは読み込みません"
        en: "is a symbolic link to a folder; linked folders are not read";
    HelpMoveRecordsHere {}
        ja: "別のフォルダーへリンクせず、レコードをこのフォルダーに移してください"
        en: "move the records into this folder instead of linking to another one";
    IsAFolder @NotAFile {}
        ja: "ファイルではなくフォルダーです"
        en: "is a folder, not a file";
    FolderNamedLikeRecord @NotAFile { ext }
        ja: ".{ext} のレコードのような名前のフォルダーです"
        en: "is a folder named like a .{ext} record";
    HelpRecordsAreFiles {}
        ja: "レコードはファイルです。フォルダーの名前を変えるか、中のファイルを一つ上の階層に移してください"
        en: "records are files: rename the folder, or move the file inside it up one level";
    NotRegularFile @NotAFile {}
        ja: "普通のファイルではありません（パイプ、ソケット、デバイス）"
        en: "is not a regular file (a pipe, socket or device)";
    HelpRemoveNotRegular {}
        ja: "content フォルダーから取り除いてください。レコードは普通のテキストファイルです"
        en: "remove it from the content folder; records are plain text files";
    StrayFile @StrayFile { ext }
        ja: "読み込んでいません: .{ext} のファイルではありません"
        en: "ignored: not a .{ext} file";
    HelpStrayFile { dir, ext }
        ja: "`{dir}/` のレコードは .{ext} で終わる名前にします。名前を変えるか、別の場所へ移してください"
        en: "records in `{dir}/` must end in .{ext}; rename or move this file";
    FileTooLarge @FileTooLarge { size, limit }
        ja: "ファイルが {size} KiB あります。上限は {limit} KiB です"
        en: "file is {size} KiB; the limit is {limit} KiB";
    HelpSplitFile {}
        ja: "レコードを複数のファイルに分けてください（機関・プログラムごとに一つ）。Excel のシートを .toml の名前で保存した間違いかもしれません"
        en: "split the records into several files (one agency or program per file); a file this big may also be a mistake, e.g. an Excel sheet saved with a .toml name";
    Utf16 @NotUtf8 {}
        ja: "ファイルが UTF-8 ではなく UTF-16 で保存されています"
        en: "file is saved as UTF-16, not UTF-8";
    HelpSaveUtf8Encoding {}
        ja: "「UTF-8」で保存し直してください（Excel なら「CSV UTF-8」、メモ帳なら文字コード「UTF-8」）"
        en: "save it again as \"UTF-8\" (in Excel: CSV UTF-8; in Notepad: encoding UTF-8)";
    NotUtf8 @NotUtf8 {}
        ja: "ファイルが UTF-8 ではありません（おそらく Shift_JIS）"
        en: "file is not UTF-8 (probably Shift_JIS)";
    LabelFirstNotUtf8 {}
        ja: "UTF-8 でない最初のバイト"
        en: "first byte that is not UTF-8";
    HelpSaveUtf8 {}
        ja: "UTF-8 で保存し直してください。Excel や古いエディターは日本語を Shift_JIS で保存します"
        en: "save the file again as UTF-8; Excel and older editors save Japanese text as Shift_JIS";
    CrLineEndings @LineEndings {}
        ja: "行末が CR だけです（古い Mac の改行）"
        en: "lines end with CR alone (old Mac line endings)";
    LabelCrLineBreak {}
        ja: "TOML や Markdown の読み手には見えない改行"
        en: "a line break the TOML and Markdown readers do not see";
    HelpSaveLineEndings {}
        ja: "改行を Windows（CRLF）か Unix（LF）にして保存し直してください。たいていのエディターは保存ダイアログかステータスバーで選べます"
        en: "save the file again with Windows (CRLF) or Unix (LF) line endings; most editors offer this in the save dialog or status bar";
    ControlCharacter @ControlCharacter { codepoint }
        ja: "目に見えない制御文字（U+{codepoint}）がファイルに入っています"
        en: "an invisible control character (U+{codepoint}) is in the file";
    LabelInvisible {}
        ja: "ここに見えない文字"
        en: "invisible character here";
    HelpDeleteInvisible {}
        ja: "消してください（見えないので、この前後の文字を消して打ち直します）。たいていは別のプログラムから貼り付けた文字です"
        en: "delete it (it cannot be seen, so delete the characters around this place and type them again); it usually comes from text pasted from another program";
    NoFrontMatter @FrontMatter {}
        ja: "ページが `+++` のフロントマターで始まっていません"
        en: "page does not start with `+++` front matter";
    LabelExpectedFence {}
        ja: "ここに `+++` が要ります"
        en: "expected `+++` here";
    HelpStartWithFence {}
        ja: "ページを `+++` の行で始め、`title = \"…\"` を書き、もう一度 `+++` の行を置いてください"
        en: "start the page with a `+++` line, then `title = \"…\"`, then another `+++` line";
    FrontMatterNotClosed @FrontMatter {}
        ja: "フロントマターが閉じられていません"
        en: "front matter is not closed";
    LabelOpenedHere {}
        ja: "ここで開いています"
        en: "opened here";
    HelpCloseFence {}
        ja: "フロントマターの後に `+++` だけの行を加えてください"
        en: "add a line with only `+++` after the front matter";
    // ── How diagnostics are shown ────────────────────────────────────────
    HelpPrefix {}
        ja: "直し方"
        en: "help";
    InFile { file }
        ja: "ファイル: {file}"
        en: "in {file}";
    MoreLikeAbove { count }
        ja: "上と同じ種類の警告がほかに {count} 件あります"
        en: "{count} more like the ones above";
    SummaryIn { places }
        ja: "場所: {places}"
        en: "in {places}";
    HelpVerbose {}
        ja: "`--verbose` を付けると一件ずつ表示します"
        en: "`--verbose` shows each of them";
    // ── TOML files: nouns and types used inside other messages ──────────
    NounAgency {}
        ja: "機関"
        en: "agency";
    NounProgram {}
        ja: "プログラム"
        en: "program";
    NounRoster {}
        ja: "名簿"
        en: "roster";
    NounFrontMatter {}
        ja: "ページのフロントマター"
        en: "page's front matter";
    NounTopics {}
        ja: "相談項目の一覧"
        en: "list of topics";
    NounSettings {}
        ja: "設定"
        en: "settings";
    ThisRecordFile { noun }
        ja: "この{noun}のファイル"
        en: "this {noun} file";
    TheFrontMatter {}
        ja: "フロントマター"
        en: "the front matter";
    NamedFile { name }
        ja: "`{name}`"
        en: "`{name}`";
    TypeText {}
        ja: "文字列"
        en: "text";
    TypeWholeNumber {}
        ja: "整数"
        en: "a whole number";
    TypeDecimal {}
        ja: "小数"
        en: "a number with a decimal point";
    TypeBool {}
        ja: "true か false"
        en: "true or false";
    TypeList {}
        ja: "リスト"
        en: "a list";
    TypeDate {}
        ja: "日付"
        en: "a date";
    TypeTable {}
        ja: "テーブル"
        en: "a table";
    TypeOther {}
        ja: "別のもの"
        en: "something else";
    SubjectEachItemOf { key }
        ja: "`{key}` の各項目"
        en: "each item of `{key}`";
    SubjectKey { key }
        ja: "`{key}`"
        en: "`{key}`";
    SubjectThisValue {}
        ja: "この値"
        en: "this value";
    // ── TOML files: diagnostics ──────────────────────────────────────────
    EmptyFile @EmptyFile { what }
        ja: "{what}が空です"
        en: "{what} is empty";
    LabelNothingHere {}
        ja: "何も書かれていません"
        en: "nothing here";
    HelpWriteRecord { noun }
        ja: "{noun}を書くか（docs/content.md を参照）、ファイルを削除してください"
        en: "write the {noun} (see docs/content.md), or delete the file";
    TooDeep @TooDeep { depth }
        ja: "値の入れ子が {depth} 段を超えています"
        en: "values are nested more than {depth} levels deep";
    LabelTooDeep {}
        ja: "深すぎます"
        en: "too deep";
    HelpTooDeep {}
        ja: "レコードにこれほどの入れ子は要りません。ファイルが壊れているかもしれません"
        en: "records never need this much nesting; the file may be corrupt";
    WrongTypeNotAllowed @WrongType { subject, detail }
        ja: "{subject} に、ここでは使えない値があります: {detail}"
        en: "{subject} has a value that is not allowed here: {detail}";
    WrongTypeMustBe @WrongType { subject, expected, found }
        ja: "{subject} は{found}ではなく、{expected} にしてください"
        en: "{subject} must be {expected}, not {found}";
    LabelThisIs { found }
        ja: "これは{found}です"
        en: "this is {found}";
    HelpQuoteEachItem { value }
        ja: "各項目をダブルクォートで囲んでください: \"{value}\""
        en: "put each item in double quotes: \"{value}\"";
    HelpWriteAsList { key, value }
        ja: "角かっこで囲んでリストにしてください: {key} = [{value}]"
        en: "write it as a list, in brackets: {key} = [{value}]";
    HelpListInBrackets { key }
        ja: "リストは角かっこで書きます: {key} = [\"…\", \"…\"]"
        en: "a list is written in brackets: {key} = [\"…\", \"…\"]";
    HelpQuoteText { value }
        ja: "文字列をダブルクォートで囲んでください: \"{value}\""
        en: "put the text in double quotes: \"{value}\"";
    HelpNumberNoQuotes { key, value }
        ja: "数はクォートなしで書いてください: {key} = {value}"
        en: "write the number without quotes: {key} = {value}";
    HelpWholeNumber { key }
        ja: "整数をクォートなしで書いてください。例: {key} = 1"
        en: "write a whole number without quotes, e.g. {key} = 1";
    HelpTrueFalse { key }
        ja: "true か false をクォートなしで書いてください: {key} = true"
        en: "write true or false, without quotes: {key} = true";
    HelpDateNoQuotes { key, value }
        ja: "日付はクォートなしで書いてください: {key} = {value}"
        en: "write the date without quotes: {key} = {value}";
    HelpDateFormat { key }
        ja: "日付は年-月-日の形でクォートなしで書いてください。例: {key} = 2024-04-01"
        en: "write the date as year-month-day without quotes, e.g. {key} = 2024-04-01";
    HelpWriteTable {}
        ja: "テーブルを書いてください: [名前] を一行に書くか、{{ key = \"…\" }} のように一行で書きます"
        en: "write a table: [name] on its own line, or {{ key = \"…\" }} inline";
    HelpSeeContentDocs {}
        ja: "ここで使える値は docs/content.md を見てください"
        en: "see docs/content.md for the values allowed here";
    BadValue @BadValue { subject, value }
        ja: "{subject} を \"{value}\" にはできません"
        en: "{subject} cannot be \"{value}\"";
    LabelNotAllowedValue {}
        ja: "使える値のどれでもありません"
        en: "not one of the allowed values";
    HelpDidYouMeanQuoted { suggestion }
        ja: "\"{suggestion}\" のことですか？"
        en: "did you mean \"{suggestion}\"?";
    HelpWriteOneOf { allowed }
        ja: "次のどれかを書いてください: {allowed}"
        en: "write one of: {allowed}";
    DuplicateTable @DuplicateKey { header }
        ja: "テーブル `{header}` が二度出てきます"
        en: "the table `{header}` appears twice";
    HelpMergeTables { header }
        ja: "二つの `{header}` テーブルを一つにまとめてください"
        en: "merge the two `{header}` tables into one";
    HelpMergeTablesFirstOn { header, line }
        ja: "二つの `{header}` テーブルを一つにまとめてください（最初のものは {line} 行目）"
        en: "merge the two `{header}` tables into one (the first is on line {line})";
    DuplicateKey @DuplicateKey { name }
        ja: "同じテーブルの中で `{name}` が二度書かれています"
        en: "`{name}` is set twice in the same table";
    HelpKeepOneLine {}
        ja: "二行のうち一行だけを残してください"
        en: "keep one of the two lines";
    HelpKeepOneLineFirstOn { line }
        ja: "二行のうち一行だけを残してください（最初のものは {line} 行目）"
        en: "keep one of the two lines (the first is line {line})";
    LabelSetAgain {}
        ja: "ここで再び書かれています"
        en: "set again here";
    FullWidthInSyntax @TomlSyntax { what }
        ja: "TOML の記号に{what} が使われています"
        en: "a {what} is used in the TOML syntax";
    HelpTypeInstead { instead }
        ja: "日本語入力（IME）をオフにして、ここに{instead} を打ってください"
        en: "type {instead} here, with the Japanese input (IME) turned off";
    FwSpace {}
        ja: "全角スペース"
        en: "full-width space";
    FwEquals {}
        ja: "全角の ＝"
        en: "full-width ＝";
    FwColon {}
        ja: "全角のコロン"
        en: "full-width colon";
    FwCurlyQuote {}
        ja: "曲がった引用符"
        en: "curly quote";
    FwQuote {}
        ja: "全角の引用符"
        en: "full-width quote";
    FwKagiOpen {}
        ja: "かぎかっこ「"
        en: "Japanese quote 「";
    FwKagiClose {}
        ja: "かぎかっこ」"
        en: "Japanese quote 」";
    FwTouten {}
        ja: "読点、"
        en: "Japanese comma 、";
    FwComma {}
        ja: "全角のカンマ"
        en: "full-width comma";
    FwBracket {}
        ja: "全角の角かっこ"
        en: "full-width bracket";
    FwBrace {}
        ja: "全角の波かっこ"
        en: "full-width brace";
    FwHash {}
        ja: "全角の ＃"
        en: "full-width ＃";
    HwSpace {}
        ja: "半角スペース"
        en: "a half-width space";
    HwEquals {}
        ja: "半角の ="
        en: "a half-width =";
    HwEqualsForColon {}
        ja: "半角の =（TOML ではキーと値の間に = を使います）"
        en: "a half-width = (TOML uses = between key and value)";
    HwDoubleQuote {}
        ja: "まっすぐなダブルクォート \""
        en: "a straight double quote \"";
    HwDoubleQuoteKagi {}
        ja: "まっすぐなダブルクォート \"（「」は文字列の中なら使えます）"
        en: "a straight double quote \" (「」 may stay inside the text)";
    HwComma {}
        ja: "半角のカンマ ,"
        en: "a half-width comma ,";
    HwOpenBracket {}
        ja: "半角の ["
        en: "a half-width [";
    HwCloseBracket {}
        ja: "半角の ]"
        en: "a half-width ]";
    HwOpenBrace {}
        ja: "半角の {{"
        en: "a half-width {{";
    HwCloseBrace {}
        ja: "半角の }}"
        en: "a half-width }}";
    HwHash {}
        ja: "コメント用の半角の #"
        en: "a half-width # for comments";
    JapaneseFieldName @TomlSyntax { key }
        ja: "`{key}` はフィールド名にできません"
        en: "`{key}` cannot be a field name";
    LabelJapaneseFieldName {}
        ja: "日本語のフィールド名"
        en: "Japanese field name";
    HelpFieldInEnglish { field }
        ja: "フィールド名は英語で書きます。`{field}` のことですか？"
        en: "field names are written in English: did you mean `{field}`?";
    HelpFieldNamesInDocs {}
        ja: "フィールド名は docs/content.md に載っている英語の語です"
        en: "field names are the English words listed in docs/content.md";
    NotATomlDate @TomlSyntax { value }
        ja: "`{value}` は TOML の日付として読めません"
        en: "`{value}` is not a date TOML understands";
    LabelNotADate {}
        ja: "日付ではありません"
        en: "not a date";
    HelpTomlDate {}
        ja: "日付は年-月-日をハイフンでつなぎ、クォートなしで書いてください。例: verified = 2024-04-01"
        en: "write the date as year-month-day with hyphens and no quotes, e.g. verified = 2024-04-01";
    TextNeedsQuotes @TomlSyntax {}
        ja: "文字列はダブルクォートで囲む必要があります"
        en: "text must be in double quotes";
    LabelTextWithoutQuotes {}
        ja: "クォートのない文字列"
        en: "text without quotes";
    HelpWriteKeyQuoted { key, value }
        ja: "{key} = \"{value}\" と書いてください"
        en: "write it as {key} = \"{value}\"";
    HelpWriteQuoted { value }
        ja: "\"{value}\" と書いてください"
        en: "write it as \"{value}\"";
    NoSuchDate @TomlSyntax { detail }
        ja: "この日付は存在しません（{detail}）"
        en: "this date does not exist ({detail})";
    LabelNoSuchDate {}
        ja: "ない日付"
        en: "no such date";
    HelpCheckMonthDay {}
        ja: "月と日を確かめてください。日付は年-月-日で書きます。例: 2024-04-01"
        en: "check the month and day; dates are written year-month-day, e.g. 2024-04-01";
    TextNotClosed @TomlSyntax {}
        ja: "文字列が閉じられていません"
        en: "text is not closed";
    LabelClosingQuoteMissing { quote }
        ja: "閉じる {quote} がありません"
        en: "closing {quote} missing";
    HelpCloseText { quote }
        ja: "文字列の終わりに {quote} を加えてください。複数行の文字列は \"\"\" と \"\"\" の間に書きます"
        en: "add {quote} at the end of the text; text over several lines is written between \"\"\" and \"\"\"";
    KeyWithoutValue @TomlSyntax {}
        ja: "キーの後に `=` と値がありません"
        en: "`=` and a value are missing after the key";
    LabelExpectedEquals {}
        ja: "ここに `=` が要ります"
        en: "expected `=` here";
    HelpKeyValue {}
        ja: "キー = 値 の形で書いてください。例: name = \"…\""
        en: "write key = value, e.g. name = \"…\"";
    MissingComma @TomlSyntax {}
        ja: "リストの項目はカンマで区切ります"
        en: "list items must be separated by commas";
    LabelExpectedComma {}
        ja: "ここに `,` が要ります"
        en: "expected `,` here";
    HelpListCommas {}
        ja: "リストは [\"a\", \"b\"] のように半角カンマで区切って書いてください"
        en: "write the list as [\"a\", \"b\"] with half-width commas";
    TomlSyntax @TomlSyntax { detail }
        ja: "TOML の書き方の誤り: {detail}"
        en: "TOML syntax error: {detail}";
    LabelHere {}
        ja: "ここ"
        en: "here";
    HelpTomlSyntax {}
        ja: "この近くの TOML の書き方を確かめてください。文字列はダブルクォートで囲み、テーブルは [名前]、リストは [a, b] と書きます"
        en: "check the TOML syntax near here: text needs double quotes, tables are written [name], lists [a, b]";
    UnknownField @UnknownField { field }
        ja: "`{field}` というフィールドはありません"
        en: "unknown field `{field}`";
    UnknownFieldIn @UnknownField { field, header }
        ja: "`{header}` に `{field}` というフィールドはありません"
        en: "unknown field `{field}` in `{header}`";
    LabelUnknownTable {}
        ja: "知らないテーブル"
        en: "unknown table";
    LabelWrongTable {}
        ja: "テーブルが違います"
        en: "in the wrong table";
    LabelUnknownField {}
        ja: "知らないフィールド"
        en: "unknown field";
    HelpFieldBelongsToRecord { field, noun, header, line }
        ja: "`{field}` は{noun}そのもののフィールドですが、この行は {line} 行目から始まる `{header}` テーブルの中にあります。最初の `[…]` の見出しより上に移してください"
        en: "`{field}` belongs to the {noun} itself, but this line is inside the `{header}` table that starts on line {line}: move it above the first `[…]` header";
    HelpDidYouMean { suggestion }
        ja: "`{suggestion}` のことですか？"
        en: "did you mean `{suggestion}`?";
    HelpRemoveField {}
        ja: "このフィールドを削除してください"
        en: "remove this field";
    HelpRemoveOrCorrect { allowed }
        ja: "削除するか直してください。ここで使えるフィールド: {allowed}"
        en: "remove it or correct it; the fields allowed here are: {allowed}";
    MissingFieldInTable @MissingField { header, field }
        ja: "`{header}` に `{field}` がありません"
        en: "`{header}` has no `{field}`";
    LabelRequiredInTable { field }
        ja: "このテーブルには `{field}` が必要です"
        en: "`{field}` is required in this table";
    HelpAddBelowHeader { example, header }
        ja: "`{header}` の下の行に `{example}` を加えてください"
        en: "add `{example}` on a line below `{header}`";
    MissingFieldInline @MissingField { field }
        ja: "このテーブルに `{field}` がありません"
        en: "this table has no `{field}`";
    LabelRequiredHere { field }
        ja: "ここには `{field}` が必要です"
        en: "`{field}` is required here";
    HelpAddInsideBraces { example }
        ja: "波かっこの中に `{example}` を加えてください"
        en: "add `{example}` inside the braces";
    MissingTable @MissingField { what, field }
        ja: "{what}に `[{field}]` テーブルがありません"
        en: "{what} has no `[{field}]` table";
    MissingFieldOfId @MissingField { noun, id, field }
        ja: "{noun} `{id}` に `{field}` がありません"
        en: "{noun} `{id}` has no `{field}`";
    MissingFieldOf @MissingField { what, field }
        ja: "{what}に `{field}` がありません"
        en: "{what} has no `{field}`";
    HelpAddTableAtEnd { example }
        ja: "ファイルの最後にテーブルを加えてください: `{example}`"
        en: "add a table at the end of the file: `{example}`";
    HelpAddAboveHeader { example }
        ja: "最初の `[…]` の見出しより上に `{example}` を加えてください"
        en: "add `{example}` above the first `[…]` header";
    LabelRequiredInRecord { field, noun }
        ja: "この{noun}には `{field}` が必要です"
        en: "`{field}` is required in this {noun}";
    NoValueAfterEquals @TomlSyntax { key }
        ja: "`{key}` の `=` の後に値がありません"
        en: "`{key}` has no value after `=`";
    LabelValueMissing {}
        ja: "値がありません"
        en: "value missing";
    HelpWriteValue { example }
        ja: "`=` の後に値を書くか（例: {example}）、その行を削除してください"
        en: "write the value after `=`, e.g. {example}, or delete the line";
    HelpDidYouMeanExample { suggestion, example }
        ja: "`{suggestion}` のことですか？ 例: {example}。または行を削除してください"
        en: "did you mean `{suggestion}`? e.g. {example}; or delete the line";
    HelpDeleteLineAllowed { allowed }
        ja: "行を削除してください。ここで使えるフィールド: {allowed}"
        en: "delete the line; the fields allowed here are: {allowed}";
    UnknownFieldNoValue @UnknownField { key }
        ja: "`{key}` というフィールドはなく、値もありません"
        en: "unknown field `{key}`, with no value";
    // ── Ids ──────────────────────────────────────────────────────────────
    NounTopic {}
        ja: "相談項目"
        en: "topic";
    NounSheet {}
        ja: "シート"
        en: "sheet";
    NounPage {}
        ja: "ページ"
        en: "page";
    NounLine {}
        ja: "電話窓口"
        en: "line";
    IdFileMismatch @IdFileMismatch { kind, id, name }
        ja: "{kind}の id `{id}` がファイル名 `{name}` と違います"
        en: "{kind} id `{id}` does not match the file name `{name}`";
    LabelIdEqualsFileName {}
        ja: "ファイル名から .toml を除いたものと同じにします"
        en: "must equal the file name without .toml";
    HelpIdTakenWriteStem { id, other, stem }
        ja: "`{id}` は {other} の id として使われています。ここには id = \"{stem}\" と書いてください"
        en: "`{id}` is already the id of {other}: write id = \"{stem}\" here";
    HelpIdTakenOwnId { id, other }
        ja: "`{id}` は {other} の id として使われています。このレコードに別の id を付け、ファイル名もそれに合わせてください"
        en: "`{id}` is already the id of {other}: give this record its own id and name the file after it";
    HelpRenameFileTo { id }
        ja: "ファイル名を `{id}.toml` に変えてください"
        en: "rename the file to `{id}.toml`";
    HelpOneIdForBoth { suggestion }
        ja: "id とファイル名を a–z、0–9、- で書いた同じものにしてください。例: ファイル名を `{suggestion}.toml` にして id = \"{suggestion}\" と書く"
        en: "use one id for both, written with a–z, 0–9 and -: e.g. rename the file to `{suggestion}.toml` and write id = \"{suggestion}\"";
    DuplicateIdInFile @DuplicateId { kind, id }
        ja: "{kind}の id `{id}` がこのファイルで二度使われています"
        en: "{kind} id `{id}` is used twice in this file";
    DuplicateIdUsedBy @DuplicateId { kind, id, other }
        ja: "{kind}の id `{id}` はすでに {other} で使われています"
        en: "{kind} id `{id}` is already used by {other}";
    DuplicateIdFolded @DuplicateId { kind, id, first, other }
        ja: "{kind}の id `{id}` は、全角・半角と大文字・小文字の違いを除くと {other} の `{first}` と同じです"
        en: "{kind} id `{id}` is the same as `{first}` in {other} once full-width letters and capitals are ignored";
    HelpOwnId { kind }
        ja: "{kind}ごとに別の id が要ります（同じページに書き出されてしまいます）。どちらかを a–z、0–9、- で名前を変えてください"
        en: "each {kind} needs its own id (both would be written to the same page): rename one of them, using a–z, 0–9 and -";
    BadPageName @BadPageName { name }
        ja: "ページのファイル名 `{name}` はページのアドレスに使えません"
        en: "page file name `{name}` cannot be used in a page address";
    HelpRenamePage { suggestion }
        ja: "a–z、0–9、- でファイル名を付け直してください。例: `{suggestion}.md`"
        en: "rename the file using a–z, 0–9 and -, e.g. `{suggestion}.md`";
    BadId @BadId { kind, id }
        ja: "{kind}の id `{id}` はページのアドレスに使えません"
        en: "{kind} id `{id}` cannot be used in a page address";
    LabelUseAz09 {}
        ja: "a–z、0–9、- を使います"
        en: "use a–z, 0–9 and -";
    HelpIdRomaji { suggestion }
        ja: "id はファイル名と URL になります。小文字のローマ字で a–z、0–9、- を使って書いてください。例: `{suggestion}`"
        en: "ids become file names and URLs: write it in lowercase romaji with a–z, 0–9 and -, e.g. `{suggestion}`";
    PathCollision @PathCollision { id, path }
        ja: "id `{id}` は {path} に書き出されますが、そこは自動で作る一覧ページです"
        en: "id `{id}` would be written to {path}, which is the generated list page";
    LabelReservedListPage {}
        ja: "一覧ページ用に予約されています"
        en: "reserved for the list page";
    HelpChooseAnotherId {}
        ja: "別の id にしてください。例: 機関名のローマ字"
        en: "choose another id, e.g. the name of the agency in romaji";
    // ── References and links ─────────────────────────────────────────────
    UnknownReference @UnknownReference { kind, id }
        ja: "`{id}` という{kind}はありません"
        en: "unknown {kind} `{id}`";
    LabelNoSuchId { kind }
        ja: "この id の{kind}はありません"
        en: "no {kind} has this id";
    HelpIdsLowercase {}
        ja: "id は小文字で書きます"
        en: "ids are written in lowercase";
    HelpUseExistingId { kind, known }
        ja: "ある{kind}の id を使ってください。あるもの: {known}"
        en: "use the id of an existing {kind}; known: {known}";
    RawHtml @RawHtml { snippet }
        ja: "HTML をそのまま書くことはできません: `{snippet}`"
        en: "raw HTML is not allowed: `{snippet}`";
    LabelHtml {}
        ja: "HTML"
        en: "HTML";
    HelpWriteMarkdown {}
        ja: "Markdown で書いてください（リンク: [文字](@/agencies/<id>)、強調: **文字**）。内部のメモは `[staff]` テーブルに書きます"
        en: "write it in Markdown instead (links: [text](@/agencies/<id>), emphasis: **text**); for internal notes use a `[staff]` table";
    StaffOnlyLink @StaffOnlyLink { dest }
        ja: "`{dest}` へのリンクは職員向けだけのページを指しています"
        en: "link to `{dest}` points at a staff-only page";
    LabelStaffOnlyPage {}
        ja: "職員向けだけのページ"
        en: "staff-only page";
    HelpStaffOnlyLink {}
        ja: "このページは市民向けサイトに出ますが、そこに職員向けのページはありません。リンクを消すか、このページを `audience = \"staff\"` にしてください"
        en: "this page is published on the citizen site, which has no staff pages: remove the link or mark this page `audience = \"staff\"`";
    BrokenLink @BrokenLink { dest, path }
        ja: "`{dest}` へのリンクの先にページがありません（{path} を探しました）"
        en: "link to `{dest}` leads to no page (looked for {path})";
    LabelNoSuchPage {}
        ja: "ないページ"
        en: "no such page";
    HelpLinkForms {}
        ja: "ある記録へは @/agencies/<id>、@/topics/<id>、@/programs/<id>、@/pages/<slug> で、別のページへは <slug>.md でリンクしてください"
        en: "link to an existing record with @/agencies/<id>, @/topics/<id>, @/programs/<id> or @/pages/<slug>, or to another page as <slug>.md";
    UnsafeLink @UnsafeLink { dest, scheme }
        ja: "`{dest}` へのリンクは `{scheme}:` を使っているので公開しません"
        en: "link to `{dest}` uses `{scheme}:`, which is not published";
    LabelNotAllowed {}
        ja: "使えません"
        en: "not allowed";
    HelpSafeLinks {}
        ja: "リンクに使えるのは https://、http://、mailto:、tel: か、サイトのページ（@/agencies/<id>、other.md）です。画像は static/ に置いてパスでリンクします"
        en: "links may use https://, http://, mailto: and tel:, or point at a page of the site (@/agencies/<id>, other.md); images go in static/ and are linked by path";
    // ── Areas, towns and status ──────────────────────────────────────────
    WhatArea {}
        ja: "地域"
        en: "area";
    WhatAreaKind {}
        ja: "地域の種類"
        en: "area kind";
    TownWithoutArea @UnknownArea { town }
        ja: "町名 `{town}` に地域がありません"
        en: "town `{town}` names no area";
    HelpTownArea {}
        ja: "`area = \"…\"` に areas.toml にある地域の名前を書いてください"
        en: "add `area = \"…\"` with the name of an area in areas.toml";
    DefinedTwice { what, name }
        ja: "{what} `{name}` が二度定義されています"
        en: "{what} `{name}` is defined twice";
    LabelDuplicate {}
        ja: "重複"
        en: "duplicate";
    HelpOwnName { what }
        ja: "{what}ごとに別の名前が要ります。どちらかを消すか、名前を変えてください"
        en: "each {what} needs its own name: remove or rename one of them";
    UnknownArea @UnknownArea { what, name }
        ja: "{what} `{name}` は areas.toml にありません"
        en: "unknown {what} `{name}`";
    LabelNoSuchArea { what }
        ja: "この名前の{what}は areas.toml にありません"
        en: "no {what} of this name in areas.toml";
    HelpAreasNoneYet { what }
        ja: "areas.toml にはまだ{what}がありません。そこに加えてください"
        en: "areas.toml defines no {what} yet: add it there";
    HelpUseDefinedArea { what, known }
        ja: "areas.toml にある名前を使うか、その{what}を areas.toml に加えてください。定義済み: {known}"
        en: "use a name defined in areas.toml, or add the {what} there; known: {known}";
    BadPostalCode @BadPostalCode { value }
        ja: "`{value}` は郵便番号ではありません"
        en: "`{value}` is not a postal code";
    LabelSevenDigits {}
        ja: "7桁の数字のはずです"
        en: "expected seven digits";
    HelpPostalCode {}
        ja: "郵便番号は「700-0012」か「7000012」と書いてください"
        en: "write the 郵便番号 as 「700-0012」 or 「7000012」";
    OpensButNotPlanned @BadStatus { status }
        ja: "`opens` がありますが、status は {status} です"
        en: "`opens` is given but the status is {status}";
    LabelOnlyPlannedOpens {}
        ja: "開設日があるのは開設予定の窓口だけです"
        en: "only a planned desk has an opening date";
    HelpPlannedOrRemoveOpens {}
        ja: "`status = \"開設予定\"` と書くか、開設したなら `opens` を消してください"
        en: "write `status = \"開設予定\"`, or remove `opens` once the desk has opened";
    OpensNotDate @BadStatus {}
        ja: "`opens` が日付だけの形ではありません"
        en: "`opens` is not a plain date";
    HelpPlainDate {}
        ja: "日付は 2027-04-01 のように書いてください（時刻なし）"
        en: "write the date as 2027-04-01 (no time)";
    OpeningDatePassed @BadStatus { date }
        ja: "開設予定日 {date} を過ぎています"
        en: "the planned opening date {date} has passed";
    LabelStillPlanned {}
        ja: "まだ開設予定のまま"
        en: "still 開設予定";
    HelpDeskOpened {}
        ja: "開設したなら `status` と `opens` を消してください（電話番号と受付時間も加えてください）"
        en: "if the desk has opened, remove `status` and `opens` (and add its phone and hours)";
    // ── 社会資源, communication support and meetings ─────────────────────
    WhatMeetingDays {}
        ja: "開催日"
        en: "meeting days";
    FaxWithoutNumber @FaxWithoutNumber {}
        ja: "`communication` で FAX で相談できるとしていますが、FAX 番号がありません"
        en: "`communication` says FAX works, but there is no FAX number";
    LabelFaxTrue {}
        ja: "ここで fax = true としています"
        en: "fax = true is claimed here";
    HelpAddFaxNumber {}
        ja: "`name` の隣に fax = \"0XX-XXX-XXXX\" と番号を書くか、fax = true を消してください"
        en: "add the number as fax = \"0XX-XXX-XXXX\" beside `name`, or remove fax = true";
    SeriesLength @SeriesLength { label, years, values }
        ja: "数値の系列「{label}」は年度が {years} 個、値が {values} 個です"
        en: "figure series 「{label}」 has {years} years and {values} values";
    LabelYearsValuesPair {}
        ja: "年度と値は一つずつ対応させます"
        en: "years and values must pair up";
    HelpSeriesPairs {}
        ja: "年度ごとに値を一つ、同じ順に書いてください: years = [\"R3\", \"R4\"], values = [60, 57]"
        en: "write one value per year, in the same order: years = [\"R3\", \"R4\"], values = [60, 57]";
    FieldMustBeDate @BadDate { field }
        ja: "`{field}` は日付にしてください"
        en: "`{field}` must be a date";
    HelpDateExample { field }
        ja: "日付は引用符も時刻もつけずに書いてください。例: {field} = 2025-01-14"
        en: "write the date without quotes and without a time, e.g. {field} = 2025-01-14";
    EventWithoutDate @EventWithoutDate { id }
        ja: "催し `{id}` に日付がありません"
        en: "event `{id}` has no date";
    LabelEventNeedsDate {}
        ja: "kind = \"催し\" には date が要ります"
        en: "kind = \"催し\" needs a date";
    HelpEventDate {}
        ja: "開催日を date = 2025-01-14 と書くか、\"参加支援\" など別の kind にしてください"
        en: "add date = 2025-01-14 (the day it is held), or choose another kind such as \"参加支援\"";
    ResourceIdReserved @PathCollision { id, normal }
        ja: "id `{id}` は resources/{normal}.html に書き出されますが、そこは自動で作る一覧のページです"
        en: "id `{id}` would be written to resources/{normal}.html, which is a generated list page";
    LabelReservedForList {}
        ja: "一覧のページの名前です"
        en: "reserved for a list page";
    HelpOtherResourceId {}
        ja: "別の id にしてください（例: その社会資源の名前のローマ字）"
        en: "choose another id, e.g. the name of the resource in romaji";
    // ── Phone numbers, mail and web addresses ────────────────────────────
    ExtensionInPublicField @ExtensionInPublicField { number }
        ja: "`{number}` は電話番号ではなく内線番号のようです"
        en: "`{number}` looks like an extension (内線), not a phone number";
    LabelExtensionInPublic {}
        ja: "公開する欄に内線"
        en: "内線 in a public field";
    HelpExtensionStaffOnly {}
        ja: "内線は職員向けだけの情報です。`[staff]` か `[matter.staff]` テーブルの `extensions = [\"…\"]` に移してください"
        en: "extensions are staff-only: move it to `extensions = [\"…\"]` in the `[staff]` or `[matter.staff]` table";
    HelpWebmasterPhone {}
        ja: "この番号はすべてのページで市民に表示されます。市外局番からの直通番号（例: \"0XX-XXX-XXXX\"）を書くか、`phone` を書かないでください"
        en: "every page shows this number to citizens: write the direct number with its area code (e.g. \"0XX-XXX-XXXX\"), or leave `phone` out";
    PhoneFullWidth @BadPhone { number }
        ja: "`{number}` が全角文字で書かれています"
        en: "`{number}` is written with full-width characters";
    LabelFullWidth {}
        ja: "全角"
        en: "full-width";
    HelpHalfWidthDigits { number }
        ja: "半角数字で書いてください: \"{number}\""
        en: "type the number with half-width digits: \"{number}\"";
    PhoneNotDigit @BadPhone { number, bad }
        ja: "`{number}` に数字でない `{bad}` が入っています"
        en: "`{number}` contains `{bad}`, which is not a digit";
    LabelNotADigit {}
        ja: "数字ではありません"
        en: "not a digit";
    HelpLetterForDigit { bad }
        ja: "電話番号は数字とハイフンだけです。`{bad}` は数字の打ち間違い（0 を O、1 を l や I）ではありませんか？"
        en: "a phone number has only digits and hyphens: is `{bad}` a mistyped digit (O for 0, l or I for 1)?";
    HelpRemoveChar { bad }
        ja: "`{bad}` を消してください。電話番号は数字とハイフンだけです（例: \"086-803-1254\"）。補足は `label` に書きます"
        en: "remove `{bad}`: a phone number has only digits and hyphens, e.g. \"086-803-1254\"; put notes in `label`";
    PhoneInvalid @BadPhone { number }
        ja: "`{number}` は日本の電話番号として正しくありません"
        en: "`{number}` is not a valid Japanese phone number";
    LabelNotValidNumber {}
        ja: "正しい番号ではありません"
        en: "not a valid number";
    HelpFullNumber {}
        ja: "市外局番から番号をすべて書いてください（例: \"086-803-1254\"）。桁の抜けや余分な桁がないか確かめてください"
        en: "write the full number with its area code, e.g. \"086-803-1254\"; check for a missing or extra digit";
    NotAWebAddress @BadUrl { url }
        ja: "`{url}` はウェブのアドレスではありません"
        en: "`{url}` is not a web address";
    LabelNotHttp {}
        ja: "http(s) のアドレスではありません"
        en: "not an http(s) address";
    HelpDidYouMeanHttps { url }
        ja: "\"https://{url}\" のことですか？"
        en: "did you mean \"https://{url}\"?";
    HelpFullAddress { field }
        ja: "https:// から始まる完全なアドレスを書いてください。例: {field} = \"https://www.city.example.jp/\""
        en: "write the full address starting with https://, e.g. {field} = \"https://www.city.example.jp/\"";
    NotAMailAddress @BadEmail { email }
        ja: "`{email}` はメールアドレスではありません"
        en: "`{email}` is not a mail address";
    LabelNotMail {}
        ja: "メールアドレスではありません"
        en: "not a mail address";
    HelpMailForm {}
        ja: "name@example.jp の形で、半角文字で、空白を入れずに書いてください"
        en: "write it as name@example.jp, in half-width characters, without spaces";
    // ── Public text ──────────────────────────────────────────────────────
    EditorRemark @EditorRemark { field, what }
        ja: "`{field}` は公開する文ではなく、編集者のメモのようです: {what}"
        en: "`{field}` looks like an editor's remark, not public text: {what}";
    LabelQuoted { text }
        ja: "「{text}」"
        en: "「{text}」";
    HelpEditorRemark {}
        ja: "読む人は窓口についての事実と受け取ります。市民向けにはっきり書くか、メモは TOML のコメントか `[staff]` の note に移してください"
        en: "readers take this as a fact about the desk: say it plainly for citizens, or move the remark to a TOML comment or a `[staff]` note";
    RemarkSeed {}
        ja: "元のファイル（seed）に触れています"
        en: "it mentions the source file (seed)";
    RemarkDataEntry {}
        ja: "データ入力について書いています"
        en: "it talks about entering the data";
    RemarkMissingName {}
        ja: "名前がないと書いてある名前です"
        en: "a name that says it is missing";
    RemarkDoubled {}
        ja: "同じ語が二度続いています"
        en: "a word written twice";
    // ── Dates ────────────────────────────────────────────────────────────
    VerifiedNotDate @BadDate {}
        ja: "`verified` は日付にしてください"
        en: "`verified` must be a date";
    LabelDateWithTime {}
        ja: "時刻つきの日付"
        en: "a date with a time";
    HelpDateWithoutTime { day }
        ja: "時刻を付けずに日付だけを書いてください: verified = {day}"
        en: "write the date alone, without the time: verified = {day}";
    LabelTimeNotDate {}
        ja: "日付ではなく時刻"
        en: "a time, not a date";
    HelpDateNoTime {}
        ja: "日付をクォートなし、時刻なしで書いてください。例: verified = 2024-04-01"
        en: "write the date without quotes and without a time, e.g. verified = 2024-04-01";
    FutureDate @FutureDate { date }
        ja: "`verified` の日付 {date} が未来です"
        en: "`verified` date {date} is in the future";
    LabelAfterToday {}
        ja: "今日より後"
        en: "after today";
    HelpActualDate { today }
        ja: "内容を実際に確かめた日を書いてください（今日は {today}）"
        en: "write the date the entry was actually confirmed (today is {today})";
    Stale @Stale { name, date }
        ja: "{name}を最後に確かめたのは {date} で、一年以上前です"
        en: "{name} was last verified on {date}, over a year ago";
    LabelOverAYear {}
        ja: "一年以上前"
        en: "over a year old";
    HelpConfirmVerified {}
        ja: "機関に内容を確かめてから `verified` を更新してください"
        en: "confirm the details with the agency, then update `verified`";
    // ── Command-line help (`--help`) ─────────────────────────────────────
    CliAbout {}
        ja: "相談機関一覧を市民向け・職員向けの静的サイトにします"
        en: "Turns a directory of consultation desks (相談機関一覧) into static sites for citizens and staff";
    CliBuild {}
        ja: "内容を確かめて public/citizen と public/staff に書き出します"
        en: "Check the content and write public/citizen and public/staff";
    CliCheck {}
        ja: "内容を確かめます（何も書き出しません）"
        en: "Check the content without writing anything";
    CliExport {}
        ja: "市民向けの内容からオープンデータ（HSDS 3.0 の JSON、公共施設一覧形式の CSV）を書き出します"
        en: "Write open data (HSDS 3.0 JSON or a 公共施設一覧-style CSV) from the citizen view";
    CliReport {}
        ja: "足りないものを一覧します: 窓口や★のない相談項目、電話・受付時間・所在地のない窓口…"
        en: "List what is missing: topics without a desk or ★, desks without phone, hours or address…";
    CliImport {}
        ja: "Excel か CSV の相談機関一覧を読み、content/agencies に取り込みます"
        en: "Read the 相談機関一覧 from Excel or CSV and merge it into content/agencies";
    CliDiff {}
        ja: "二つのサイトのフォルダー（旧版と新版）の間で変わったところを示します"
        en: "What changed between two site folders (an old and a new edition)";
    CliServe {}
        ja: "両方のサイトを localhost でプレビューします。変更があれば作り直して再読み込みします"
        en: "Preview both sites on localhost, rebuilding and reloading on change";
    CliHelpCommand {}
        ja: "このヘルプ、または指定したコマンドのヘルプを表示します"
        en: "Print this message or the help of the given subcommand(s)";
    CliArgHelp {}
        ja: "ヘルプを表示します"
        en: "Print help";
    CliArgVersion {}
        ja: "バージョンを表示します"
        en: "Print version";
    CliArgHelpSubcommand {}
        ja: "ヘルプを表示するコマンド"
        en: "the subcommand whose help to print";
    CliArgLang {}
        ja: "メッセージの言語: ja（既定）か en。指定しなければ LC_ALL / LC_MESSAGES / LANG が \"en\" で始まるとき英語"
        en: "Language of messages: ja (default) or en; without it, English when LC_ALL / LC_MESSAGES / LANG starts with \"en\"";
    CliArgRoot {}
        ja: "サイトのフォルダー（content/ と、あれば themes/ と templates/ を置くところ）"
        en: "The site folder (holds content/, optional themes/ and templates/)";
    CliArgToday {}
        ja: "日付を確かめるとき、この日（YYYY-MM-DD）を今日とします"
        en: "Treat this date as today (YYYY-MM-DD) when checking dates";
    CliArgVerbose {}
        ja: "同じ種類の警告が何度も出るときも、すべて表示します"
        en: "Show every warning, also when one kind repeats many times";
    CliArgBuildOut {}
        ja: "書き出すフォルダー［既定: <root>/public］"
        en: "Output folder [default: <root>/public]";
    CliArgCheckFormat {}
        ja: "診断の出力形式"
        en: "Output format of the diagnostics";
    CliArgExportFormat {}
        ja: "hsds: Open Referral HSDS 3.0 の JSON、csv-ja: 公共施設一覧形式の CSV"
        en: "hsds: Open Referral HSDS 3.0 JSON; csv-ja: 公共施設一覧-style CSV";
    CliArgExportAudience {}
        ja: "citizen: 公開するデータだけ、staff: 担当者名と内線も（内部用）"
        en: "citizen: public data only; staff: with contact names and 内線 (internal use)";
    CliArgExportOut {}
        ja: "書き出すフォルダー［既定: <root>/export］"
        en: "Folder to write into [default: <root>/export]";
    CliArgReportFormat {}
        ja: "出力形式"
        en: "Output format";
    CliArgImportFile {}
        ja: "一覧のファイル: .xlsx（.xls/.ods も可）か、UTF-8 または Shift_JIS の .csv"
        en: "The list: .xlsx (or .xls/.ods) or .csv in UTF-8 or Shift_JIS";
    CliArgImportRoot {}
        ja: "サイトのフォルダー（content/ を置くところ）"
        en: "The site folder (holds content/)";
    CliArgDryRun {}
        ja: "何が変わるかを示すだけで、何も書き込みません"
        en: "Show what would change, write nothing";
    CliArgDiffOld {}
        ja: "旧版: サイトのフォルダー、または git のリビジョン（HEAD~1、タグ…）"
        en: "The older edition: a site folder, or a git revision (HEAD~1, a tag…)";
    CliArgDiffNew {}
        ja: "新版: サイトのフォルダーか git のリビジョン。指定しなければ今のサイトのフォルダー"
        en: "The newer edition: a site folder or a git revision; without it, the site folder as it is now";
    CliArgDiffRev {}
        ja: "二つの git のリビジョンを OLD..NEW で（OLD NEW の代わりに）"
        en: "Two git revisions as OLD..NEW (instead of OLD NEW)";
    CliArgDiffRoot {}
        ja: "リビジョンを読む git の履歴を持つサイトのフォルダー"
        en: "The site folder whose git history the revisions are read from";
    CliArgDiffStaff {}
        ja: "担当者と内線も含めます（職員向けのみ）"
        en: "Include contacts (担当者) and 内線: for staff only";
    CliArgDiffHtml {}
        ja: "職員向けの確認ページを HTML で FILE にも書き出します"
        en: "Also write the review page for staff as HTML to FILE";
    CliArgBind {}
        ja: "待ち受けるアドレス。既定ではこのコンピューターの中だけで見られます"
        en: "Address to listen on; the default keeps the preview on this machine";
    CliArgPort {}
        ja: "待ち受けるポート。0 なら空いているものを選びます"
        en: "Port to listen on; 0 picks a free one";
    CliUsage {}
        ja: "使い方:"
        en: "Usage:";
    CliHeadingCommands {}
        ja: "コマンド"
        en: "Commands";
    CliHeadingArguments {}
        ja: "引数"
        en: "Arguments";
    CliHeadingOptions {}
        ja: "オプション"
        en: "Options";
    // ── Opening hours and schedules ──────────────────────────────────────
    WhatHours {}
        ja: "受付時間"
        en: "opening hours";
    WhatSchedule {}
        ja: "日程"
        en: "schedule";
    BadHours @BadHours { what, text }
        ja: "{what}「{text}」を読み取れません"
        en: "cannot read the {what} 「{text}」";
    BadSchedule @BadSchedule { what, text }
        ja: "{what}「{text}」を読み取れません"
        en: "cannot read the {what} 「{text}」";
    // What the hours reader (tsunagu-hours) found wrong: the label of
    // `bad-hours` / `bad-schedule`, pointing at the words in question.
    HoursUnreadable { text }
        ja: "「{text}」を読み取れません"
        en: "cannot read 「{text}」";
    HoursMonthlyWithoutDay {}
        ja: "「毎月」の後に曜日がありません"
        en: "no day of the week after 「毎月」";
    HoursWeekWithoutNumber {}
        ja: "「第」の後に数字がありません"
        en: "no number after 「第」";
    HoursNoSuchWeek { n }
        ja: "第{n}週はありません"
        en: "there is no week {n} (第{n}) in a month";
    HoursBadDayRange {}
        ja: "曜日の範囲が読み取れません"
        en: "cannot read this range of days";
    HoursNoTimeAfterAmPm {}
        ja: "午前・午後の後に時刻がありません"
        en: "no time after 「午前」 or 「午後」";
    HoursMinutesNotTwoDigits {}
        ja: "分は2桁で書いてください"
        en: "minutes need two digits";
    HoursMinuteOver59 { time }
        ja: "時刻「{time}」の分は59までです"
        en: "the time 「{time}」 has more than 59 minutes";
    HoursTimeOutOfRange { time }
        ja: "時刻「{time}」は範囲外です"
        en: "the time 「{time}」 is past the end of the day";
    HoursMinuteMarkMissing {}
        ja: "「分」が抜けています"
        en: "「分」 is missing after the minutes";
    HoursNoCloseTime {}
        ja: "終了時刻がありません"
        en: "no closing time";
    HoursCloseBeforeOpen { open, close }
        ja: "終了時刻 {close} が開始時刻 {open} より前です"
        en: "the closing time {close} is before the opening time {open}";
    HoursNoDays {}
        ja: "曜日が書かれていません"
        en: "no days of the week before this time";
    HoursNoClosedDays {}
        ja: "どの曜日が休みか書かれていません"
        en: "does not say which days are closed";
    HoursNthDayClosed {}
        ja: "第N曜日だけの休みは書けません"
        en: "closing on the Nth weekday of a month (第N曜日) only cannot be written";
    HoursUnclosedParenthesis {}
        ja: "括弧が閉じていません"
        en: "the parenthesis is not closed";
    HoursUnknownNote {}
        ja: "括弧内の注記を読み取れません"
        en: "cannot read the note in parentheses";
    HoursNoTimeAfterDays {}
        ja: "曜日の後に時間が書かれていません"
        en: "no time after these days";
    HoursNoHours {}
        ja: "受付時間が書かれていません"
        en: "no opening hours are written";
    HoursOneTimeRangeOnly {}
        ja: "時間帯は1つだけ書けます"
        en: "a schedule can have only one time range";
    HoursEveryOtherWeek {}
        ja: "隔週は書けません"
        en: "every other week (隔週) cannot be written";
    HoursNoYear {}
        ja: "年が書かれていません"
        en: "the year is missing";
    HoursNoSuchDate { year, month, day }
        ja: "{year}年{month}月{day}日はありません"
        en: "there is no date {year}-{month:0>2}-{day:0>2}";
    HoursBadEraYear {}
        ja: "和暦の年を読み取れません"
        en: "cannot read the Japanese-era year";
    HoursWrongWeekday { year, month, day, weekday }
        ja: "{year}年{month}月{day}日は{weekday}です"
        en: "{year}-{month:0>2}-{day:0>2} is a {weekday}";
    HoursNoStartTime {}
        ja: "開始時刻が書かれていません"
        en: "no start time";
    HoursDatesWithDays {}
        ja: "日付と曜日は一緒に書けません"
        en: "dates and days of the week cannot be written together";
    HoursNoDaysOrDates {}
        ja: "曜日か日付が書かれていません"
        en: "no days of the week or dates";
    HoursHolidaysOnly {}
        ja: "祝日だけの日程は書けません"
        en: "a schedule on holidays only cannot be written";
    HoursWeeklyWithNth {}
        ja: "毎週の曜日と第N曜日は一緒に書けません。別々の日程にしてください"
        en: "weekly days and Nth weekdays (第N曜日) cannot be mixed; write them as separate schedules";
    Monday {}
        ja: "月曜日"
        en: "Monday";
    Tuesday {}
        ja: "火曜日"
        en: "Tuesday";
    Wednesday {}
        ja: "水曜日"
        en: "Wednesday";
    Thursday {}
        ja: "木曜日"
        en: "Thursday";
    Friday {}
        ja: "金曜日"
        en: "Friday";
    Saturday {}
        ja: "土曜日"
        en: "Saturday";
    Sunday {}
        ja: "日曜日"
        en: "Sunday";
    // How to fix it: the help of `bad-hours` / `bad-schedule`. Examples
    // stay in the notation, which is Japanese in both languages.
    FixTimeExample {}
        ja: "時刻は 8:30~17:15 のように書いてください"
        en: "write times like 8:30~17:15";
    FixDaysFirst {}
        ja: "「平日 8:30~17:15」のように曜日を先に書いてください"
        en: "write the days first, then the time, like 「平日 8:30~17:15」";
    FixHoursExample {}
        ja: "「平日 8:30~17:15」のように書いてください"
        en: "write them like 「平日 8:30~17:15」";
    FixMonthlyExample {}
        ja: "「毎月第2土曜日 13:30~15:00」のように書いてください"
        en: "write it like 「毎月第2土曜日 13:30~15:00」";
    FixNthExample {}
        ja: "「第1・3水曜日」のように書いてください"
        en: "write it like 「第1・3水曜日」";
    FixWeekRange {}
        ja: "第1から第5までで書いてください"
        en: "use 「第1」 to 「第5」 (the 1st to the 5th week)";
    FixDayRangeExample {}
        ja: "「月～金」のように曜日で範囲を書いてください"
        en: "write a range of days with days of the week, like 「月～金」";
    FixMinuteRange {}
        ja: "分は00から59で書いてください（例: 17:15）"
        en: "write minutes from 00 to 59 (e.g. 17:15)";
    FixOvernight {}
        ja: "日をまたぐ場合は 22:00~翌6:00 のように書いてください"
        en: "for hours past midnight, write 「22:00~翌6:00」 (翌 = the next day)";
    FixMinuteMark {}
        ja: "「8時30分」のように書いてください"
        en: "write it like 「8時30分」";
    FixClosedDayExample {}
        ja: "「水曜休み」のように書いてください"
        en: "write it like 「水曜休み」 (closed on Wednesdays)";
    FixOpenNthDays {}
        ja: "開いている日を「第1・3土曜 9:00~12:00」のように書いてください"
        en: "write the days it is open instead, like 「第1・3土曜 9:00~12:00」";
    FixCloseParenthesis {}
        ja: "「（祝日を除く）」のように括弧を閉じてください"
        en: "close the parenthesis, like 「（祝日を除く）」";
    FixHoursNotes {}
        ja: "括弧内に書けるのは（祝日・年末年始を除く）（土日祝休み）（年中無休）（祝日も開所）のような休みの注記だけです。その他の説明は備考に書いてください"
        en: "parentheses can only hold notes on closed days, like （祝日・年末年始を除く）（土日祝休み）（年中無休）（祝日も開所）; write other explanations in the notes (備考)";
    FixTimeAfterDays {}
        ja: "「土曜 9:00~12:00」のように曜日の後に時間を書いてください"
        en: "write the time after the days, like 「土曜 9:00~12:00」";
    FixSeparateSchedules {}
        ja: "別の時間帯は別のプログラム日程として書いてください"
        en: "write another time range as a separate schedule";
    FixUseNth {}
        ja: "「第1・3水曜日」のように第N曜日で書いてください"
        en: "write the weeks instead, like 「第1・3水曜日」 (1st and 3rd Wednesday)";
    FixYearExample {}
        ja: "「2024年8月28日」のように年も書いてください"
        en: "write the year too, like 「2024年8月28日」";
    FixCheckDate {}
        ja: "日付を確かめてください"
        en: "check the date";
    FixEraExample {}
        ja: "「令和6年8月28日」のように書いてください"
        en: "write it like 「令和6年8月28日」";
    FixCheckDateOrWeekday {}
        ja: "日付か曜日を確かめてください"
        en: "check the date or the day of the week";
    FixScheduleNotes {}
        ja: "括弧内に書けるのは（祝日を除く）（祝日は休み）のような注記だけです。その他の説明は備考に書いてください"
        en: "parentheses can only hold notes like （祝日を除く）（祝日は休み）; write other explanations in the notes (備考)";
    FixScheduleExample {}
        ja: "「第1・3水曜日 10:00～15:00」「毎週木曜 10:00～」「2024年6月1日～7月31日の毎週月曜 10:00~11:30」のように書いてください"
        en: "write it like 「第1・3水曜日 10:00～15:00」, 「毎週木曜 10:00～」 or 「2024年6月1日～7月31日の毎週月曜 10:00~11:30」";
    HelpScheduleNote { detail }
        ja: "{detail}。決まった時間割のないプログラムは、代わりに `schedule_note = \"…\"` で言葉で書けます"
        en: "{detail}; a program without a fixed timetable can say so in words with `schedule_note = \"…\"` instead";
    HolidaysOutdated @HolidaysOutdated { covered }
        ja: "祝日のデータは {covered} までです。その後の「いま受付中」の表示とカレンダーは国民の祝日を考えません"
        en: "the holiday data ends on {covered}; open-now badges and calendars after that date ignore national holidays";
    HelpUpdateHolidays {}
        ja: "tsunagu を更新するか、docs/hours.md の手順で祝日のデータを作り直してください"
        en: "update tsunagu, or regenerate the holiday data as described in docs/hours.md";
    // ── Fallback phone lines ─────────────────────────────────────────────
    LineBadId @BadId { id }
        ja: "電話窓口の id `{id}` が単純な id ではありません"
        en: "line id `{id}` is not a plain id";
    LabelNotAz09 {}
        ja: "a-z、0-9、- ではありません"
        en: "not a-z, 0-9 and -";
    HelpLineId {}
        ja: "id は半角の小文字・数字・ハイフンで書いてください。例: \"yorisoi-hotline\""
        en: "write the id in lowercase ASCII letters, digits and hyphens, e.g. \"yorisoi-hotline\"";
    LineDuplicateId @DuplicateId { id }
        ja: "二つの電話窓口が同じ id `{id}` です"
        en: "two lines have the id `{id}`";
    LabelUsedBefore {}
        ja: "このファイルの前の方で使われています"
        en: "used before in this file";
    HelpOwnLineId {}
        ja: "[[line]] ごとに別の id を付けてください"
        en: "give each [[line]] its own id";
    LineWithoutTopic @LineWithoutTopic { id }
        ja: "電話窓口 `{id}` がどの相談項目にも結びついていません"
        en: "line `{id}` serves no topic";
    LabelNoTopics {}
        ja: "相談項目なし"
        en: "no topics";
    HelpLineTopics {}
        ja: "受ける相談項目の id を並べるか、どれにも当てはまらないときにかける番号なら topics = [\"*\"] と書いてください"
        en: "list the topic ids it serves, or topics = [\"*\"] for a line to call when nothing fits";
    MissingSource @MissingSource { id }
        ja: "電話窓口 `{id}` に出典（source）がありません"
        en: "line `{id}` has no source";
    LabelNoSource {}
        ja: "出典なし"
        en: "no source";
    HelpLineSource {}
        ja: "番号と受付時間を確かめた場所（運営者のページのアドレス）を書いてください"
        en: "write where the number and hours were checked: the address of the operator's page";
    LabelNotPlainDate {}
        ja: "日付だけになっていません"
        en: "not a plain date";
    HelpDateNoTimeLine {}
        ja: "日付をクォートなし、時刻なしで書いてください。例: verified = 2026-04-01"
        en: "write the date without quotes and without a time, e.g. verified = 2026-04-01";
    HelpLineActualDate { today }
        ja: "電話窓口を実際に確かめた日を書いてください（今日は {today}）"
        en: "write the date the line was actually checked (today is {today})";
    LinePhoneInvalid @BadPhone { number }
        ja: "`{number}` は日本の電話番号としても短縮番号としても正しくありません"
        en: "`{number}` is not a valid Japanese phone number or short code";
    LabelNotDialable {}
        ja: "電話でかけられる番号ではありません"
        en: "not a number a phone can dial";
    HelpLineNumber {}
        ja: "公表されている番号を半角数字で書いてください。例: \"0120-279-338\"、\"189\"、\"#8008\""
        en: "write the number as published with half-width digits, e.g. \"0120-279-338\", \"189\" or \"#8008\"";
    MapUrlNoAddress @BadMapUrl {}
        ja: "`map_url` に `{{address}}` がありません"
        en: "`map_url` has no `{{address}}`";
    LabelWhereAddress {}
        ja: "住所はどこに入りますか？"
        en: "where does the address go?";
    HelpMapUrl {}
        ja: "地図サービスが住所を受け取る場所に `{{address}}` を書いてください。例: \"https://www.google.com/maps/search/?api=1&query={{address}}\""
        en: "write `{{address}}` where the map service expects the address, e.g. \"https://www.google.com/maps/search/?api=1&query={{address}}\"";
    FieldNotWebAddress @BadUrl { field }
        ja: "`{field}` がウェブのアドレスではありません"
        en: "`{field}` is not a web address";
    HelpHttpsAddress {}
        ja: "https:// から始まる完全なアドレスを書いてください"
        en: "write a full address starting with https://";
    // ── Referral sheets ──────────────────────────────────────────────────
    SheetPages @SheetPages { pages }
        ja: "{pages} ページのシートです"
        en: "a sheet of {pages} pages";
    LabelOneToFour {}
        ja: "1 から 4 まで"
        en: "between 1 and 4";
    HelpSheetPages {}
        ja: "紙の様式が A4 で何ページあるかを書いてください。例: `pages = 2`"
        en: "write how many A4 pages the paper form has, e.g. `pages = 2`";
    SheetPage @SheetPage { page, pages }
        ja: "{pages} ページのシートの {page} ページ目にある欄です"
        en: "section on page {page} of a {pages}-page sheet";
    HelpSheetPage { pages }
        ja: "1 から {pages} までのページにするか、ファイルの最初の `pages` を増やしてください"
        en: "use a page from 1 to {pages}, or raise `pages` at the top of the file";
    SheetOptions @SheetOptions { label }
        ja: "欄「{label}」のチェックする箱が二つより少ないです"
        en: "field 「{label}」 has fewer than two boxes to tick";
    LabelNeedsOptions {}
        ja: "`options` が要ります"
        en: "needs `options`";
    HelpSheetOptions {}
        ja: "印刷されている箱を並べてください。例: `options = [\"同意する\", \"同意しない\"]`"
        en: "list the boxes as printed, e.g. `options = [\"同意する\", \"同意しない\"]`";
    SheetConsent @SheetConsent { label }
        ja: "同意欄「{label}」に文言がありません"
        en: "consent field 「{label}」 has no wording";
    LabelAgreesTo {}
        ja: "本人はこの文に同意します"
        en: "the person agrees to this sentence";
    HelpSheetConsent {}
        ja: "紙の様式の文を `wording = \"…\"` に写してください"
        en: "copy the sentence from the paper form into `wording = \"…\"`";
    SheetTable @SheetTable { label }
        ja: "表「{label}」に列がありません"
        en: "table 「{label}」 has no columns";
    LabelNeedsColumns {}
        ja: "`columns` が要ります"
        en: "needs `columns`";
    HelpSheetColumns {}
        ja: "列の見出しを並べてください。例: `columns = [\"氏名\", \"年齢\", \"続柄\", \"備考\"]`"
        en: "list the column headings, e.g. `columns = [\"氏名\", \"年齢\", \"続柄\", \"備考\"]`";
    SheetTopics @SheetTopics { label }
        ja: "欄「{label}」は困りごとを並べる欄ですが、シートに困りごとがありません"
        en: "field 「{label}」 lists the worries, but the sheet has none";
    LabelNoTopicTables {}
        ja: "このファイルに [[topic]] がありません"
        en: "no [[topic]] in this file";
    HelpSheetTopics {}
        ja: "シートの困りごとの一覧を `label` と `topic` を持つ `[[topic]]` テーブルとして加えてください"
        en: "add the sheet's worry list as `[[topic]]` tables with `label` and `topic`";
    SheetFill @SheetFill { label, value }
        ja: "欄「{label}」は `{value}` で埋められません"
        en: "field 「{label}」 cannot be filled with `{value}`";
    LabelNotDirectoryValue {}
        ja: "一覧の値ではありません"
        en: "not a directory value";
    HelpSheetFill { allowed }
        ja: "次のどれかを使ってください: \"\"（空欄）、{allowed}"
        en: "use one of: \"\" (leave blank), {allowed}";
    SheetFillRows @SheetFill { label }
        ja: "欄「{label}」の `fill` が `row_headings` より多いです"
        en: "field 「{label}」 has more `fill` values than `row_headings`";
    LabelOneFillPerRow {}
        ja: "行ごとに `fill` を一つ"
        en: "one `fill` per row";
    HelpSheetFillRows {}
        ja: "行見出しごとに `fill` の値を一つ書き、空欄にする行は `\"\"` にしてください"
        en: "give `fill` one value per row heading, `\"\"` for a row left blank";
    SheetRows @SheetRows { label, rows }
        ja: "欄「{label}」が {rows} 行あります"
        en: "field 「{label}」 has {rows} rows";
    LabelOneToForty {}
        ja: "1 から 40 まで"
        en: "between 1 and 40";
    HelpSheetRows {}
        ja: "紙の様式でその欄に何行あるかを書いてください"
        en: "write how many lines the paper form leaves for it";
    // ── Themes and static files ──────────────────────────────────────────
    ThemeNotAName @ThemePath { name }
        ja: "テーマ `{name}` はパスです。themes/ の中のフォルダー名にしてください"
        en: "theme `{name}` is a path; it must be the name of a folder in themes/";
    ThemeOutsideSite @ThemePath { name }
        ja: "テーマ `{name}` はサイトのフォルダーの外のフォルダーへのリンクです"
        en: "theme `{name}` is a link to a folder outside the site folder";
    UnknownTheme @UnknownTheme { name }
        ja: "テーマ `{name}` が themes/ にありません"
        en: "theme `{name}` not found in themes/";
    LabelLeadsOutside {}
        ja: "サイトのフォルダーの外へ出ます"
        en: "leads outside the site folder";
    HelpCopyTheme {}
        ja: "リンクではなく、テーマをサイトのフォルダーの themes/<名前>/ にコピーしてください"
        en: "copy the theme into themes/<name>/ of the site folder instead of linking to it";
    LabelNotFolderName {}
        ja: "フォルダー名ではありません"
        en: "not a folder name";
    HelpThemeName {}
        ja: "テーマをサイトのフォルダーの themes/<名前>/ に置き、その名前を書いてください。例: theme = \"mytheme\""
        en: "put the theme in themes/<name>/ of the site folder and write its name, e.g. theme = \"mytheme\"";
    LabelNoSuchTheme {}
        ja: "ないテーマ"
        en: "no such theme";
    HelpThemesHere { available }
        ja: "ここにあるテーマ: {available}。または `theme` を消すと組み込みの既定のテーマになります"
        en: "themes here: {available}; or remove `theme` for the built-in default";
    TemplateError @TemplateError { detail }
        ja: "テンプレートの誤り: {detail}"
        en: "template error: {detail}";
    TemplateNotParsed @TemplateError { template }
        ja: "テンプレート `{template}` を読み取れません"
        en: "template `{template}` does not parse";
    TemplateExpected { detail }
        ja: "期待したもの: {detail}"
        en: "{detail}";
    HelpFixTemplate {}
        ja: "テンプレートを直してください。check も build と同じようにすべてのページをメモリー上で作ります"
        en: "fix the template; check renders every page in memory, as build does";
    HiddenStaticLink @HiddenStatic { path }
        ja: "`{path}` は公開しません: シンボリックリンクで、リンクはたどりません"
        en: "`{path}` is not published: it is a symbolic link, and links are never followed";
    HelpCopyStatic {}
        ja: "公開するにはファイルそのものを static/ にコピーしてください"
        en: "copy the file itself into static/ to publish it";
    HiddenStatic @HiddenStatic { path }
        ja: "`{path}` は公開しません: ドットで始まるファイルとフォルダーは公開しません"
        en: "`{path}` is not published: dot-files and dot-folders never are";
    HelpRenameDotFile {}
        ja: "公開するなら先頭の `.` を取った名前にし、公開しないなら static/ の外に置いてください"
        en: "rename it without the leading `.` to publish it, or keep it out of static/";
    // ── serve: the error overlay ─────────────────────────────────────────
    OverlayTitle { count }
        ja: "ビルドエラー：{count}件"
        en: "Build errors: {count}";
    OverlayNote {}
        ja: "内容にエラーがあるため、最後に正しくビルドできたページを表示しています。ファイルを直して保存すると、この表示は消えます。"
        en: "The content has errors, so the last good build is shown. Fix the file and save it, and this notice goes away.";
    OverlayLineCol { line, col }
        ja: "（{line}行目 {col}列目）"
        en: "(line {line}, column {col})";
    OverlayHelp { help }
        ja: "直し方：{help}"
        en: "How to fix: {help}";
    OverlayClose {}
        ja: "閉じる"
        en: "Close";
    OverlayFixTheme {}
        ja: "テーマのテンプレートを直して保存してください。"
        en: "Fix the theme's template and save it.";
    OverlaySearchIndex {}
        ja: "（検索インデックス）"
        en: "(search index)";
    ErrWriteOutput { path, detail }
        ja: "{path} を書き込めません: {detail}"
        en: "cannot write {path}: {detail}";
    HelpCheckOutputFolder {}
        ja: "出力先のフォルダーに書き込めること、ディスクに空きがあることを確かめてください。前回の出力はそのまま残っています"
        en: "check that the output folder can be written and the disk has space; the previous output is untouched";
    OverlayOpenData {}
        ja: "（オープンデータ）"
        en: "(open data)";
    WaitingTitle {}
        ja: "ビルドを待っています"
        en: "Waiting for a build";
    WaitingHeading {}
        ja: "まだページがありません"
        en: "No pages yet";
    WaitingText {}
        ja: "内容のエラーを直すと、ここにサイトが表示されます。"
        en: "Fix the errors in the content and the site appears here.";
    // ── Command line ─────────────────────────────────────────────────────
    CliError { detail }
        ja: "エラー: {detail}"
        en: "error: {detail}";
    CliWarning { detail }
        ja: "警告: {detail}"
        en: "warning: {detail}";
    CheckPassed { errors, warnings }
        ja: "check 成功: エラー {errors} 件、警告 {warnings} 件"
        en: "check passed: {errors} error(s), {warnings} warning(s)";
    CheckFailed { errors, warnings }
        ja: "check 失敗: エラー {errors} 件、警告 {warnings} 件"
        en: "check failed: {errors} error(s), {warnings} warning(s)";
    BuiltPages { pages, folder }
        ja: "{folder} に {pages} ページ"
        en: "{pages} pages in {folder}";
    Built { trees, warnings, elapsed }
        ja: "ビルドしました: {trees}。警告 {warnings} 件（{elapsed}）"
        en: "built {trees}; {warnings} warning(s) in {elapsed}";
    BuildFailed { errors, warnings, out }
        ja: "ビルド失敗: エラー {errors} 件、警告 {warnings} 件。{out} はそのままです"
        en: "build failed: {errors} error(s), {warnings} warning(s); {out} was left as it was";
    BuildFailedLeftAlone { out }
        ja: "ビルド失敗。{out} はそのままです"
        en: "build failed; {out} was left as it was";
    ExportFailed {}
        ja: "export 失敗: 内容にエラーがあります（`tsunagu check` を見てください）。何も書いていません"
        en: "export failed: the content has errors (see `tsunagu check`); nothing was written";
    ReportFailed {}
        ja: "report 失敗: 内容にエラーがあります（`tsunagu check` を見てください）"
        en: "report failed: the content has errors (see `tsunagu check`)";
    CannotCreate { path }
        ja: "{path} を作れません"
        en: "cannot create {path}";
    CannotWrite { path }
        ja: "{path} に書き込めません"
        en: "cannot write {path}";
    Wrote { path }
        ja: "書き込みました: {path}"
        en: "wrote {path}";
    StaffExportNotice {}
        ja: "職員用・内部資料（担当者名・内線を含みます。公開しないでください）"
        en: "staff-only, internal (holds contact names and extensions; do not publish)";
    ImportProblem { problem }
        ja: "取り込めない行: {problem}"
        en: "row not imported: {problem}";
    ImportSummary { rows, changes, files, problems }
        ja: "{rows} 行を読み、{changes} 件の変更（{files} ファイル）、取り込めない行 {problems} 件"
        en: "read {rows} rows: {changes} change(s) in {files} file(s), {problems} row(s) not imported";
    ImportDryRun {}
        ja: "--dry-run のため何も書いていません"
        en: "nothing was written (--dry-run)";
    ImportWritten {}
        ja: "書き込みました。`tsunagu check` で確かめてください"
        en: "written; run `tsunagu check` to make sure";
    DiffUnreadable { root }
        ja: "{root} を読み取れません。`tsunagu check --root {root}` を実行してください"
        en: "{root} cannot be read; run `tsunagu check --root {root}`";
    // ── serve on the terminal ────────────────────────────────────────────
    ServeCitizenUrl { url }
        ja: "市民向けサイト: {url}"
        en: "citizen site: {url}";
    ServeStaffUrl { url }
        ja: "職員向けサイト: {url}"
        en: "staff site:   {url}";
    ServeExposed { ip }
        ja: "警告: {ip} で公開しています。このアドレスに届く人なら誰でも職員向けサイト（担当者、内線）を見られます"
        en: "warning: serving on {ip} — the staff site (担当者, 内線) is visible to anyone who can reach this address";
    ServeWatching {}
        ja: "content/、themes/、templates/、static/ の変更を見ています。Ctrl-C で終わります"
        en: "watching content/, themes/, templates/ and static/; press Ctrl-C to stop";
    ServeBuiltInMemory { summary, ms }
        ja: "メモリー上にビルドしました: {summary}（{ms} ms）"
        en: "built {summary} in memory in {ms} ms";
    ServeFirstBuildFailed {}
        ja: "ビルド失敗。上のエラーを直して保存すると、もう一度ビルドします"
        en: "build failed; fix the errors above and save to try again";
    ServeRebuiltUnchanged { ms, what }
        ja: "{ms} ms で再ビルドしました（{what}）。出力は変わっていません"
        en: "rebuilt in {ms} ms ({what}); output unchanged";
    ServeRebuilt { ms, what }
        ja: "{ms} ms で再ビルドしました（{what}）"
        en: "rebuilt in {ms} ms ({what})";
    ServeRebuildFailed { ms, what }
        ja: "{ms} ms で再ビルドに失敗しました（{what}）。最後に正しくビルドできたものを表示し続けます"
        en: "rebuild failed in {ms} ms ({what}); still serving the last good build";
    ServeErrorsNotShown { errors, warnings }
        ja: "エラー {errors} 件。警告 {warnings} 件は表示していません"
        en: "{errors} error(s); {warnings} warning(s) not shown";
    ServeWarnings { warnings }
        ja: "警告 {warnings} 件"
        en: "{warnings} warning(s)";
    ServeWatchError { detail }
        ja: "警告: 変更の監視: {detail}"
        en: "warning: watching for changes: {detail}";
    ServeTreePages { pages, tree }
        ja: "{tree} {pages} ページ"
        en: "{pages} {tree} pages";
    // ── Errors that stop a command ───────────────────────────────────────
    ErrTemplate { template, detail }
        ja: "テンプレート {template} の誤り: {detail}"
        en: "template error in {template}: {detail}";
    ErrSearchIndex { detail }
        ja: "検索インデックスを作れません: {detail}"
        en: "cannot build the search index: {detail}";
    ErrOpenData { detail }
        ja: "オープンデータを書けません: {detail}"
        en: "cannot write the open data: {detail}";
    ErrThemeFile { path, detail }
        ja: "テーマのファイル {path} を読み取れません: {detail}"
        en: "cannot read theme file {path}: {detail}";
    ErrCsv { detail }
        ja: "CSV を書けません: {detail}"
        en: "cannot write the CSV: {detail}";
    ErrJson { detail }
        ja: "JSON を書けません: {detail}"
        en: "cannot write the JSON: {detail}";
    ErrContentInvalid {}
        ja: "内容にエラーがあります。何も書いていません"
        en: "the content has errors; nothing was written";
    ErrWrite { path, detail }
        ja: "{path} に書き込めません: {detail}"
        en: "cannot write {path}: {detail}";
    ErrNoParent { path }
        ja: "出力先のフォルダー {path} には、ビルドを準備する親フォルダーがありません"
        en: "output folder {path} has no parent folder to stage the build in";
    ErrNotOurs { path, marker }
        ja: "{path} を置き換えません: 空でなく、tsunagu が書いたものでもありません（{marker} ファイルがありません）。--out で空か新しいフォルダーを選ぶか、自分で削除してください"
        en: "refusing to replace {path}: it is not empty and was not written by tsunagu (no {marker} file); choose an empty or new folder with --out, or remove it yourself";
    ErrImportRead { path, detail }
        ja: "{path} を読み取れません: {detail}"
        en: "cannot read {path}: {detail}";
    ErrImportUnsupported { path }
        ja: "{path}: 読めない種類のファイルです（.xlsx、.xlsm、.xls、.ods、.csv を使ってください）"
        en: "{path}: unsupported file type (use .xlsx, .xlsm, .xls, .ods or .csv)";
    ErrPortInUse { port, next }
        ja: "ポート {port} は使われています。--port {next} を試してください"
        en: "port {port} is in use; try --port {next}";
    ErrBind { addr, detail }
        ja: "{addr} で待ち受けられません: {detail}"
        en: "cannot listen on {addr}: {detail}";
    ErrRoot { path, detail }
        ja: "サイトのフォルダー {path} が見つかりません: {detail}"
        en: "site folder {path} not found: {detail}";
    ErrWatch { path, detail }
        ja: "{path} の変更を監視できません: {detail}"
        en: "cannot watch {path} for changes: {detail}";
    // ── diff ─────────────────────────────────────────────────────────────
    DiffAgencyAdded {}
        ja: "機関の追加"
        en: "agency added";
    DiffAgencyRemoved {}
        ja: "機関の削除"
        en: "agency removed";
    DiffName {}
        ja: "名称"
        en: "name";
    DiffDeskAdded {}
        ja: "窓口の追加"
        en: "desk added";
    DiffDeskRemoved {}
        ja: "窓口の削除"
        en: "desk removed";
    DiffDescription {}
        ja: "相談内容"
        en: "what the desk handles";
    DiffTopic {}
        ja: "相談項目"
        en: "topic";
    DiffStar {}
        ja: "★（迷ったときの窓口）"
        en: "★ (call when unsure)";
    DiffPhones {}
        ja: "電話番号"
        en: "phone";
    DiffHours {}
        ja: "受付時間"
        en: "opening hours";
    DiffAddress {}
        ja: "所在地"
        en: "address";
    DiffPrimary {}
        ja: "担当者（主）"
        en: "contact (primary)";
    DiffSecondary {}
        ja: "担当者（副）"
        en: "contact (secondary)";
    DiffExtensions {}
        ja: "内線"
        en: "extension (内線)";
    DiffDirectLines {}
        ja: "直通"
        en: "direct line";
    DiffNone {}
        ja: "（なし）"
        en: "(none)";
    DiffCount { count }
        ja: "{count} 件の変更"
        en: "{count} change(s)";
    GitMissing { detail }
        ja: "git コマンドを実行できません（{detail}）。git を入れるか、二つのフォルダーを比べてください"
        en: "cannot run the git command ({detail}); install git, or compare two folders";
    GitNotARepository { root }
        ja: "{root} は git のリポジトリの中にありません。リビジョンではなく二つのフォルダーを指定するか、--root でリポジトリの中のサイトを指定してください"
        en: "{root} is not inside a git repository: give two folders instead of revisions, or point --root at a site inside a repository";
    GitUnknownRevision { rev }
        ja: "git にリビジョン `{rev}` がありません。`git log --oneline` でコミットやタグを確かめてください"
        en: "git knows no revision `{rev}`; see `git log --oneline` for commits and tags";
    GitNoContent { rev, path }
        ja: "リビジョン `{rev}` に {path}/ がありません"
        en: "revision `{rev}` has no {path}/";
    GitFailed { detail }
        ja: "git から内容を読めません: {detail}"
        en: "cannot read the content from git: {detail}";
    DiffSectionAdded {}
        ja: "追加された機関"
        en: "Agencies added";
    DiffSectionRemoved {}
        ja: "削除された機関"
        en: "Agencies removed";
    DiffSectionRenamed {}
        ja: "名称が変わった機関"
        en: "Agencies renamed";
    DiffSectionDesks {}
        ja: "窓口の追加・削除・変更"
        en: "Desks added, removed or changed";
    DiffSectionContact {}
        ja: "電話番号・受付時間・所在地の変更"
        en: "Phones, hours and addresses changed";
    DiffSectionStaff {}
        ja: "担当者・内線・直通の変更（職員のみ）"
        en: "Contacts, extensions and direct lines changed (staff only)";
    DiffPageTitle {}
        ja: "相談機関一覧の変更点"
        en: "What changed in the list of agencies";
    DiffPageBetween { old, new }
        ja: "比べた版: {old} → {new}"
        en: "Editions compared: {old} → {new}";
    DiffPageStaff {}
        ja: "職員用・内部資料: 担当者名と内線を含みます。公開しないでください。"
        en: "Staff only, internal: holds contact names and extensions. Do not publish.";
    DiffPageCitizen {}
        ja: "公開してよい変更だけを載せています（担当者名・内線は --staff のときだけ載せます）。"
        en: "Only public changes are listed (contact names and extensions only with --staff).";
    DiffPageNoChanges {}
        ja: "変更はありません。"
        en: "Nothing changed.";
    DiffPageContents {}
        ja: "目次"
        en: "Contents";
    DiffColAgency {}
        ja: "機関"
        en: "Agency";
    DiffColDesk {}
        ja: "窓口"
        en: "Desk";
    DiffColWhat {}
        ja: "項目"
        en: "What";
    DiffColBefore {}
        ja: "変更前"
        en: "Before";
    DiffColAfter {}
        ja: "変更後"
        en: "After";
    DiffWroteHtml { path }
        ja: "変更点のページを書きました: {path}"
        en: "wrote the review page {path}";
    DiffEditionRev { rev, commit }
        ja: "{rev}（{commit}）"
        en: "{rev} ({commit})";
    DiffBadRange { range }
        ja: "`--rev {range}` を読み取れません。`--rev HEAD~1..HEAD` のように 古い..新しい で書いてください"
        en: "cannot read `--rev {range}`: write it as OLD..NEW, e.g. `--rev HEAD~1..HEAD`";
    DiffWhat {}
        ja: "何と何を比べるかを指定してください: `tsunagu diff 古いフォルダー 新しいフォルダー`、`tsunagu diff HEAD~1 HEAD`、`tsunagu diff --rev r4..r5`"
        en: "say what to compare: `tsunagu diff OLD_FOLDER NEW_FOLDER`, `tsunagu diff HEAD~1 HEAD` or `tsunagu diff --rev r4..r5`";
    ImportCarried { place, agency }
        ja: "{place}: 機関名が空欄のため、上の行と同じ「{agency}」の窓口として取り込みます"
        en: "{place}: 機関名 is blank, so the row is taken as another desk of 「{agency}」 above";
    // ── report on the terminal ───────────────────────────────────────────
    ReportTitle {}
        ja: "データの点検（足りないもの）"
        en: "Data check (what is missing)";
    ReportAges {}
        ja: "確認日からの経過:"
        en: "Time since last verified:";
    ReportKindCount { kind, count }
        ja: "{kind}（{count}件）"
        en: "{kind} ({count})";
    ReportTopicWithoutDesk {}
        ja: "つなぎ先（窓口）のない相談項目"
        en: "topics without a desk";
    ReportTopicWithoutStar {}
        ja: "★の窓口がない相談項目"
        en: "topics without a ★ desk";
    ReportDeskWithoutPhone {}
        ja: "電話番号のない窓口"
        en: "desks without a phone";
    ReportDeskWithoutHours {}
        ja: "受付時間のない窓口"
        en: "desks without opening hours";
    ReportDeskWithoutAddress {}
        ja: "所在地のない窓口"
        en: "desks without an address";
    ReportSeparateSheetWithoutOffices {}
        ja: "<別紙>なのに事務所（[[office]]）のない機関"
        en: "agencies with <別紙> but no offices ([[office]])";
    ReportRosterMemberWithoutName {}
        ja: "名前が空の名簿の行"
        en: "roster rows without a name";
    ReportNeverVerified {}
        ja: "確認日（verified）のない機関"
        en: "agencies never verified (no `verified`)";
    ReportVerifiedOverAYearAgo {}
        ja: "確認日が1年以上前の機関"
        en: "agencies last verified over a year ago";
    ReportProgramWithoutSchedule {}
        ja: "日程（schedule）のない活動"
        en: "programs without a schedule";
    ReportAgeUnder6Months {}
        ja: "6か月以内"
        en: "within 6 months";
    ReportAge6To12Months {}
        ja: "6か月〜1年"
        en: "6 months to a year";
    ReportAge1To2Years {}
        ja: "1年〜2年"
        en: "1 to 2 years";
    ReportAgeOver2Years {}
        ja: "2年以上"
        en: "over 2 years";
    ReportAgeNever {}
        ja: "確認日なし"
        en: "never verified";
    // ── import ───────────────────────────────────────────────────────────
    ImportNoHeader {}
        ja: "見出しの行（「相談項目」と「機関名」のある行）が見つかりません"
        en: "no header row (a row with 「相談項目」 and 「機関名」) found";
    ImportBadNo { cell }
        ja: "No. の欄「{cell}」が番号として読めません"
        en: "the No. cell 「{cell}」 is not a number";
    ImportNoTopic {}
        ja: "相談項目が空欄です（上の行にもありません）"
        en: "相談項目 is blank (and so is the row above)";
    ImportNoAgency { no }
        ja: "機関名が空欄です（No.{no}）。上の行と所在地か電話番号が違うので、同じ機関とはみなしません。機関名を入れるか、取り込んだあと手で直してください"
        en: "機関名 is blank (No.{no}); its address or phone differs from the row above, so it is not taken as the same agency: fill in the name, or correct the file by hand after importing";
    ImportNoDescription {}
        ja: "相談内容が空欄です"
        en: "相談内容 is blank";
    ImportBadPhone { phone }
        ja: "電話番号「{phone}」が読めません"
        en: "cannot read the phone number 「{phone}」";
    ImportBadExtension { extension }
        ja: "内線「{extension}」が数字ではありません"
        en: "the extension (内線) 「{extension}」 is not a number";
    ImportUnknownTopic { topic }
        ja: "相談項目「{topic}」が topics.toml にありません（label を合わせるか、相談項目を追加してください）"
        en: "the topic 「{topic}」 is not in topics.toml (make a `label` match, or add the topic)";
    ImportNewAgency { name }
        ja: "新しい機関「{name}」"
        en: "new agency 「{name}」";
    ImportNewDesk { desk, description }
        ja: "{desk} 新しい窓口（{description}）"
        en: "{desk} new desk ({description})";
    ImportDeskNotInSheet { no }
        ja: "No.{no} はシートにありません（ファイルには残しています。なくなった窓口なら手で消してください）"
        en: "No.{no} is not in the sheet (kept in the file; delete it by hand if the desk is gone)";
    ImportYes {}
        ja: "あり"
        en: "yes";
    ImportNo {}
        ja: "なし"
        en: "no";
    ImportSeparateSheet { desk }
        ja: "{desk} <別紙>"
        en: "{desk} <別紙> (see separate sheet)";
}
