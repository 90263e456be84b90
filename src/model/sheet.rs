use serde::Deserialize;
use toml::Spanned;

/// A referral sheet (つなぐシート, 相談シート), one per file in `sheets/`:
/// the paper form a desk fills in and prints, described as content so each
/// city enters its own. The whole record is staff-only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    pub id: Spanned<String>,
    pub title: String,
    /// As printed on the paper, e.g. 「ver.2018.10.1」「R4.2」.
    #[serde(default)]
    pub version: Option<String>,
    /// Pages of the paper form; each section says which page it is on.
    #[serde(default = "one")]
    pub pages: Spanned<u32>,
    /// Where the form was entered from, e.g. 「seed 000」; shown to staff.
    #[serde(default)]
    pub source: Option<String>,
    /// The sheet's own worry list, in its order, with the site topic each maps to.
    #[serde(default, rename = "topic")]
    pub topics: Vec<SheetTopic>,
    #[serde(default, rename = "section")]
    pub sections: Vec<SheetSection>,
}

fn one() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetTopic {
    /// As printed, e.g. 「病気・医療のこと」.
    pub label: String,
    /// The site topic it stands for; none for 「その他」 and the like.
    #[serde(default)]
    pub topic: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetSection {
    /// e.g. 「■基本情報」; empty for the block at the top.
    #[serde(default)]
    pub heading: Option<String>,
    /// Printed page (1-based) the section is on.
    #[serde(default = "one")]
    pub page: Spanned<u32>,
    /// Printed under the heading, e.g. the instructions of the topic list.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, rename = "field")]
    pub fields: Vec<SheetField>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetField {
    pub label: String,
    pub kind: Spanned<FieldKind>,
    /// The boxes of a `choice` or `consent` field.
    #[serde(default)]
    pub options: Vec<String>,
    /// Lines of a `textarea`, rows of a `table` or `referral`.
    #[serde(default)]
    pub rows: Option<Spanned<u32>>,
    /// Column headings of a `table`.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The consent sentence, word for word.
    #[serde(default)]
    pub wording: Option<String>,
    /// Row headings of a `handover` block, e.g. 受付機関, 氏名, 電話.
    #[serde(default)]
    pub row_headings: Vec<String>,
    /// What the directory fills into each row of a `handover` block's
    /// receiving side: `agency`, `primary`, `phone` … or `""` for nothing.
    #[serde(default)]
    pub fill: Vec<Spanned<String>>,
    /// Small print after the field, e.g. 「(歳)」「※家族関係図(ジェノグラム)」.
    #[serde(default)]
    pub hint: Option<String>,
}

/// What a field is on paper, and so which control it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line.
    Text,
    /// 年 月 日.
    Date,
    /// Several lines.
    Textarea,
    /// Boxes to tick (□ 男性 □ 女性 …).
    Choice,
    /// The sheet's worry list: ○ for each worry, ◎ for the most pressing.
    Topics,
    /// A table with `columns` and `rows` (世帯構成, 既に支援に入っている機関).
    Table,
    /// 紹介先: rows prefilled from the directory when opened from the plan.
    Referral,
    /// The consent sentence and its boxes (同意する・同意しない・不明).
    Consent,
    /// A line to sign on paper, with the date.
    Signature,
    /// Two desks side by side (相談受付者 / 相談引継者) with `row_headings`;
    /// the receiving side is prefilled from the directory per `fill`.
    Handover,
}
