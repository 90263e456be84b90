use serde::{Deserialize, Serialize};

/// How a desk or a resource can be reached by someone who cannot use an
/// ordinary phone call in Japanese. Only what the desk itself publishes:
/// a missing table means "not known", never "not offered".
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    /// 手話で相談できる (on site or by video).
    #[serde(default)]
    pub sign_language: bool,
    /// 筆談で相談できる.
    #[serde(default)]
    pub writing: bool,
    /// FAX で相談できる: the record must then publish its FAX number.
    #[serde(default)]
    pub fax: bool,
    /// 電話リレーサービスからの電話を受けている.
    #[serde(default)]
    pub relay_service: bool,
    /// 外国語: the languages, as the desk names them (「英語」「ポルトガル語」).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Anything the reader must know first: 「要予約」「通訳は前日までに」.
    #[serde(default)]
    pub note: Option<String>,
}

/// One kind of communication support, with the page that lists the records
/// offering it on the citizen site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    ForeignLanguage,
    Fax,
    SignLanguage,
    Writing,
    RelayService,
}

impl Support {
    pub const ALL: [Support; 5] = [
        Support::ForeignLanguage,
        Support::Fax,
        Support::SignLanguage,
        Support::Writing,
        Support::RelayService,
    ];

    /// The slug of the page: `support/<slug>.html`.
    pub fn slug(self) -> &'static str {
        match self {
            Support::ForeignLanguage => "foreign-language",
            Support::Fax => "fax",
            Support::SignLanguage => "sign-language",
            Support::Writing => "writing",
            Support::RelayService => "relay-service",
        }
    }

    /// What a citizen looks for, as the filter's label.
    pub fn label(self) -> &'static str {
        match self {
            Support::ForeignLanguage => "外国語で相談できる",
            Support::Fax => "FAXで相談できる",
            Support::SignLanguage => "手話で相談できる",
            Support::Writing => "筆談で相談できる",
            Support::RelayService => "電話リレーサービスで相談できる",
        }
    }

    pub fn offered_by(self, c: &Communication) -> bool {
        match self {
            Support::ForeignLanguage => !c.languages.is_empty(),
            Support::Fax => c.fax,
            Support::SignLanguage => c.sign_language,
            Support::Writing => c.writing,
            Support::RelayService => c.relay_service,
        }
    }
}
