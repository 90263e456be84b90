use serde::Deserialize;
use toml::Spanned;

/// A staff-facing roster, one per file in `rosters/`: 複合課題解決アドバイザー,
/// 相談支援包括化推進員 … The whole record is staff-only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// e.g. 「令和4年度」
    #[serde(default)]
    pub as_of: Option<String>,
    /// Link this roster from every staff topic page: people who take any
    /// case in (Yonago's 断らない相談マネージャー).
    #[serde(default)]
    pub on_topic_pages: bool,
    #[serde(default, rename = "member")]
    pub members: Vec<RosterMember>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterMember {
    /// 分野, e.g. 「医療」「障害福祉・生活困窮」.
    pub field: String,
    /// 所属 or 法人名.
    pub affiliation: String,
    /// 職, e.g. 「所長」.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    /// 資格 / 備考.
    #[serde(default)]
    pub qualifications: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Agency id when the affiliation is itself in the directory.
    #[serde(default)]
    pub agency: Option<Spanned<String>>,
}
