use super::{Communication, Phone};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A 社会資源 or 支援メニュー that is not a consultation desk (seed 004 §3):
/// a place to go, a menu to join, a grant, a donation point or a one-off
/// event. One per file in `resources/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: Spanned<String>,
    pub name: String,
    pub reading: String,
    pub kind: ResourceKind,
    /// What it is, in a sentence or two.
    pub summary: String,
    /// やさしい日本語 version of `summary`.
    #[serde(default)]
    pub easy: Option<String>,
    /// 対象者.
    #[serde(default)]
    pub target: Option<Target>,
    /// 「専門分野以外の受け入れが可能」: takes people outside its own field.
    /// Left out when the source does not say.
    #[serde(default)]
    pub open_to_all: Option<bool>,
    /// Who runs it, as written: 「沖縄市」「公益社団法人 沖縄県精神保健福祉会」.
    #[serde(default)]
    pub operator: Option<String>,
    /// 実施方法: 直営, 委託, 補助 (one or more).
    #[serde(default)]
    pub method: Vec<Method>,
    /// 箇所数: how many places run it.
    #[serde(default)]
    pub places: Option<u32>,
    /// Where, in words. Free text for now.
    #[serde(default)]
    pub place: Option<String>,
    /// Areas served: names of areas in `areas.toml`, checked like an
    /// agency's.
    #[serde(default)]
    pub areas: Vec<Spanned<String>>,
    /// When, in words: 「第1・3水曜日 10:00～15:00」「月1回」.
    #[serde(default)]
    pub when: Option<String>,
    /// A one-off event's date.
    #[serde(default)]
    pub date: Option<Spanned<toml::value::Datetime>>,
    /// 定員 of an event or a place.
    #[serde(default)]
    pub capacity: Option<u32>,
    #[serde(default)]
    pub how_to_join: Option<String>,
    #[serde(default)]
    pub cost: Option<String>,
    /// Agency id of the desk to ask about it.
    #[serde(default)]
    pub agency: Option<Spanned<String>>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub fax: Option<Spanned<String>>,
    #[serde(default)]
    pub website: Option<Spanned<String>>,
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    #[serde(default)]
    pub communication: Option<Spanned<Communication>>,
    /// Yearly figures (利用者数 R3/R4/R5 …), shown as a table.
    #[serde(default)]
    pub series: Vec<Spanned<Series>>,
    /// Where the facts come from: a document's title or an address.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub verified: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub staff: Option<ResourceStaff>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResourceKind {
    /// 居場所
    #[serde(rename = "居場所")]
    Ibasho,
    /// 通いの場
    #[serde(rename = "通いの場")]
    Kayoinoba,
    /// 参加支援
    #[serde(rename = "参加支援")]
    Sanka,
    /// 就労支援
    #[serde(rename = "就労支援")]
    Shuro,
    /// 制度・助成
    #[serde(rename = "制度・助成")]
    Seido,
    /// 寄付・回収 (BBM's リサイクルボックス)
    #[serde(rename = "寄付")]
    Kifu,
    /// 催し: a one-off event with a date (研修会 …)
    #[serde(rename = "催し")]
    Event,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 7] = [
        ResourceKind::Ibasho,
        ResourceKind::Kayoinoba,
        ResourceKind::Sanka,
        ResourceKind::Shuro,
        ResourceKind::Seido,
        ResourceKind::Kifu,
        ResourceKind::Event,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Ibasho => "居場所",
            ResourceKind::Kayoinoba => "通いの場",
            ResourceKind::Sanka => "参加支援",
            ResourceKind::Shuro => "就労支援",
            ResourceKind::Seido => "制度・助成",
            ResourceKind::Kifu => "寄付",
            ResourceKind::Event => "催し",
        }
    }

    /// The anchor of its section on the resource list.
    pub fn slug(self) -> &'static str {
        match self {
            ResourceKind::Ibasho => "ibasho",
            ResourceKind::Kayoinoba => "kayoinoba",
            ResourceKind::Sanka => "sanka",
            ResourceKind::Shuro => "shuro",
            ResourceKind::Seido => "seido",
            ResourceKind::Kifu => "kifu",
            ResourceKind::Event => "event",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Method {
    #[serde(rename = "直営")]
    Direct,
    #[serde(rename = "委託")]
    Commissioned,
    #[serde(rename = "補助")]
    Subsidised,
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::Direct => "直営",
            Method::Commissioned => "委託",
            Method::Subsidised => "補助",
        }
    }
}

/// 対象者: who it is for.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// As written: 「概ね3歳未満の子と保護者」.
    pub text: String,
    /// Youngest age, when the source gives one.
    #[serde(default)]
    pub age_min: Option<u32>,
    /// Oldest age, when the source gives one (「3歳未満」 is age_max = 2).
    #[serde(default)]
    pub age_max: Option<u32>,
}

/// One yearly figure series: 利用者数 by 年度.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// 「利用登録者数」
    pub label: String,
    /// 「人」「%」「回」
    #[serde(default)]
    pub unit: Option<String>,
    /// The column heads, as the source writes them: 「R3」「R4」「R5」.
    pub years: Vec<String>,
    /// One number per year, in the same order.
    pub values: Vec<f64>,
    /// When the last figure was counted, if partial: 「R6は9月末現在」.
    #[serde(default)]
    pub note: Option<String>,
}

/// Staff-only data of a resource: who to ask, and whether it can take more
/// people (Okinawa City's wish: 「十分に活用されているか」).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceStaff {
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub extensions: Vec<String>,
    /// 空き・受け入れ状況, as last heard.
    #[serde(default)]
    pub availability: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Resource {
    pub fn date_value(&self) -> Option<NaiveDate> {
        super::plain_date(self.date.as_ref()?.get_ref())
    }
    pub fn verified_date(&self) -> Option<NaiveDate> {
        super::plain_date(self.verified.as_ref()?.get_ref())
    }
}
