use serde::Deserialize;
use toml::Spanned;

/// A case or coordination meeting (支援会議, 重層的支援会議, よりそい会議,
/// まるごと推進会議 …): staff knowledge that must outlive a transfer. One per
/// file in `meetings/`; the whole record is staff-only and never reaches the
/// citizen site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub reading: Option<String>,
    /// Other names: 「重層的支援会議」 for よりそい会議（仮）.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// 根拠: the law or the city's rule, as the source cites it.
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// Whether the person's consent is needed to bring their case here.
    /// Required: it is the first thing a worker asks.
    pub consent: Consent,
    /// 役割: what the meeting does.
    #[serde(default)]
    pub roles: Vec<String>,
    /// When to bring a case here, in the city's words.
    #[serde(default)]
    pub when_to_use: Option<String>,
    /// 開催頻度 in words: 「月1回（定期）＋随時」.
    #[serde(default)]
    pub frequency: Option<String>,
    /// The regular sessions in the notation of docs/hours.md, when a day is
    /// fixed: they go into the staff calendar (meetings.ics).
    #[serde(default)]
    pub schedule: Option<Spanned<String>>,
    /// Who convenes it, in words.
    #[serde(default)]
    pub convenor: Option<String>,
    /// Agency id of the convenor, for a link.
    #[serde(default)]
    pub convenor_agency: Option<Spanned<String>>,
    /// Who leads the case once it is there.
    #[serde(default)]
    pub leads: Option<String>,
    /// Who may ask for one.
    #[serde(default)]
    pub who_may_ask: Vec<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    /// 開催回数 by year, shown as a table.
    #[serde(default)]
    pub series: Vec<Spanned<super::Series>>,
    #[serde(default)]
    pub note: Option<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Consent {
    /// 本人同意が必要 (重層的支援会議, よりそい会議)
    #[serde(rename = "必要")]
    Needed,
    /// 本人同意なしで開催できる (支援会議: 守秘義務による)
    #[serde(rename = "不要")]
    NotNeeded,
    /// Discusses no individual case (まるごと推進会議).
    #[serde(rename = "事例を扱わない")]
    NoCases,
}
