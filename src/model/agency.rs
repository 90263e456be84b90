use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use tsunagu_hours::ClosureConfig;

use super::{HoursSpec, Status};

/// One agency (機関) per file in `agencies/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub id: Spanned<String>,
    pub name: String,
    /// Reading in hiragana, used by search.
    pub reading: String,
    /// Other names people use: 「社協」 for 社会福祉協議会.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// やさしい日本語 version of `summary`.
    #[serde(default)]
    pub easy: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub fax: Option<Spanned<String>>,
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    #[serde(default)]
    pub website: Option<Spanned<String>>,
    /// Opening hours as written in the list, e.g. 「平日 8:30~17:15」.
    #[serde(default)]
    pub hours: Option<Spanned<HoursSpec>>,
    /// Closures of this agency on top of the site's (see docs/hours.md).
    #[serde(default)]
    pub closures: Option<ClosureConfig>,
    /// 手話・筆談・FAX・外国語・電話リレーサービス, as the desk publishes them.
    #[serde(default)]
    pub communication: Option<Spanned<super::Communication>>,
    /// Catchment areas served: names of areas in `areas.toml` (福祉区, 行政区,
    /// 中学校区, or the whole city such as 「市内全域」).
    #[serde(default)]
    pub areas: Vec<Spanned<String>>,
    /// 開設 (default), 開設予定, 休止 or 廃止.
    #[serde(default)]
    pub status: Status,
    /// When a planned desk opens (開設予定).
    #[serde(default)]
    pub opens: Option<Spanned<toml::value::Datetime>>,
    /// When the entry was last confirmed with the agency.
    #[serde(default)]
    pub verified: Option<Spanned<toml::value::Datetime>>,
    /// <別紙>: details differ per district and are kept on a separate sheet.
    /// The text says where, e.g. 「各福祉事務所の連絡先は別紙」.
    #[serde(default)]
    pub separate_sheet: Option<String>,
    /// District offices of an agency group (各福祉事務所, 各保健センター).
    #[serde(default, rename = "office")]
    pub offices: Vec<Office>,
    /// The matters (相談内容) handled: one row of the 相談機関一覧 each.
    #[serde(default, rename = "matter")]
    pub matters: Vec<Matter>,
    /// Staff-only: never rendered on the citizen site.
    #[serde(default)]
    pub staff: Option<AgencyStaff>,
}

/// A public phone number with what it is for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    pub number: Spanned<String>,
    #[serde(default)]
    pub label: Option<String>,
}

/// One district office of an agency group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: String,
    #[serde(default)]
    pub reading: Option<String>,
    #[serde(default)]
    pub areas: Vec<Spanned<String>>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub opens: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub hours: Option<Spanned<HoursSpec>>,
}

/// One row of the 相談機関一覧: a matter this agency handles within a topic.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matter {
    /// Row number in the source list (No.).
    #[serde(default)]
    pub no: Option<u32>,
    pub topic: Spanned<String>,
    /// ★: the agency to call in this field when unsure where to refer.
    #[serde(default)]
    pub star: bool,
    pub description: String,
    /// Hours for this matter when they differ from the agency's.
    #[serde(default)]
    pub hours: Option<Spanned<HoursSpec>>,
    /// Public numbers for this matter when they differ from the agency's.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// <別紙> for this row only: where and how to call differs per district.
    /// The agency's own numbers are then not shown for this matter.
    #[serde(default)]
    pub separate_sheet: Option<String>,
    /// Staff-only: never rendered on the citizen site.
    #[serde(default)]
    pub staff: Option<MatterStaff>,
}

/// Staff-only data of an agency.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyStaff {
    #[serde(default)]
    pub direct_lines: Vec<Phone>,
    #[serde(default)]
    pub extensions: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Staff-only data of one matter row: the named contacts (担当者 主/副).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatterStaff {
    #[serde(default)]
    pub primary: Option<String>,
    #[serde(default)]
    pub secondary: Option<String>,
    #[serde(default)]
    pub direct_lines: Vec<Phone>,
    /// 内線
    #[serde(default)]
    pub extensions: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Contacts are kept per district on a separate sheet (<別紙>).
    #[serde(default)]
    pub separate_sheet: bool,
}

impl Office {
    pub fn opens_date(&self) -> Option<NaiveDate> {
        super::plain_date(self.opens.as_ref()?.get_ref())
    }
}

impl Agency {
    pub fn opens_date(&self) -> Option<NaiveDate> {
        super::plain_date(self.opens.as_ref()?.get_ref())
    }

    /// The `verified` date; `None` when it is not a plain date (a time or a
    /// date-time is a mistake `check` reports, not a date to round).
    pub fn verified_date(&self) -> Option<NaiveDate> {
        super::plain_date(self.verified.as_ref()?.get_ref())
    }
}
