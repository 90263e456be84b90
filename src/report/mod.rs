//! What is missing: a data-quality report for the webmaster. It reads the
//! model (it is for staff, and it needs file and line), counts each kind of
//! gap and lists every item with where to fix it. `check` says what is
//! wrong; this says what is incomplete, which is not an error: a topic may
//! lack a ★ for a year until the 主管課 names one.

use crate::diagnostics::Sources;
use crate::model::{Content, Sourced};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

/// Each kind of gap, in the order the report lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    TopicWithoutDesk,
    TopicWithoutStar,
    DeskWithoutPhone,
    DeskWithoutHours,
    DeskWithoutAddress,
    SeparateSheetWithoutOffices,
    RosterMemberWithoutName,
    NeverVerified,
    VerifiedOverAYearAgo,
    ProgramWithoutSchedule,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::TopicWithoutDesk,
        Kind::TopicWithoutStar,
        Kind::DeskWithoutPhone,
        Kind::DeskWithoutHours,
        Kind::DeskWithoutAddress,
        Kind::SeparateSheetWithoutOffices,
        Kind::RosterMemberWithoutName,
        Kind::NeverVerified,
        Kind::VerifiedOverAYearAgo,
        Kind::ProgramWithoutSchedule,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::TopicWithoutDesk => "つなぎ先（窓口）のない相談項目",
            Kind::TopicWithoutStar => "★の窓口がない相談項目",
            Kind::DeskWithoutPhone => "電話番号のない窓口",
            Kind::DeskWithoutHours => "受付時間のない窓口",
            Kind::DeskWithoutAddress => "所在地のない窓口",
            Kind::SeparateSheetWithoutOffices => "<別紙>なのに事務所（[[office]]）のない機関",
            Kind::RosterMemberWithoutName => "名前が空の名簿の行",
            Kind::NeverVerified => "確認日（verified）のない機関",
            Kind::VerifiedOverAYearAgo => "確認日が1年以上前の機関",
            Kind::ProgramWithoutSchedule => "日程（schedule）のない活動",
        }
    }

    /// The label for the terminal, in the language of the messages (the
    /// staff page keeps [`Kind::label`], in the site's Japanese).
    pub fn msg(self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            Kind::TopicWithoutDesk => Msg::ReportTopicWithoutDesk {},
            Kind::TopicWithoutStar => Msg::ReportTopicWithoutStar {},
            Kind::DeskWithoutPhone => Msg::ReportDeskWithoutPhone {},
            Kind::DeskWithoutHours => Msg::ReportDeskWithoutHours {},
            Kind::DeskWithoutAddress => Msg::ReportDeskWithoutAddress {},
            Kind::SeparateSheetWithoutOffices => Msg::ReportSeparateSheetWithoutOffices {},
            Kind::RosterMemberWithoutName => Msg::ReportRosterMemberWithoutName {},
            Kind::NeverVerified => Msg::ReportNeverVerified {},
            Kind::VerifiedOverAYearAgo => Msg::ReportVerifiedOverAYearAgo {},
            Kind::ProgramWithoutSchedule => Msg::ReportProgramWithoutSchedule {},
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::TopicWithoutDesk => "topic-without-desk",
            Kind::TopicWithoutStar => "topic-without-star",
            Kind::DeskWithoutPhone => "desk-without-phone",
            Kind::DeskWithoutHours => "desk-without-hours",
            Kind::DeskWithoutAddress => "desk-without-address",
            Kind::SeparateSheetWithoutOffices => "separate-sheet-without-offices",
            Kind::RosterMemberWithoutName => "roster-member-without-name",
            Kind::NeverVerified => "never-verified",
            Kind::VerifiedOverAYearAgo => "verified-over-a-year-ago",
            Kind::ProgramWithoutSchedule => "program-without-schedule",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub kind: Kind,
    /// Path from the site folder, e.g. `content/agencies/x.toml`.
    pub file: String,
    pub line: Option<usize>,
    pub what: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Count {
    pub kind: Kind,
    pub code: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub counts: Vec<Count>,
    pub items: Vec<Item>,
    /// Agencies by months since `verified`: (label, count).
    pub verification_age: Vec<(&'static str, usize)>,
}

impl Report {
    pub fn count(&self, kind: Kind) -> usize {
        self.items.iter().filter(|i| i.kind == kind).count()
    }

    /// Counts first, then each item as `file:line: what`.
    pub fn to_text(&self) -> String {
        use crate::messages::Msg;
        let mut out = format!("{}\n\n", Msg::ReportTitle {});
        for c in &self.counts {
            out.push_str(&format!("{:>4}  {} [{}]\n", c.count, c.kind.msg(), c.code));
        }
        out.push_str(&format!("\n{}\n", Msg::ReportAges {}));
        let ages = [
            Msg::ReportAgeUnder6Months {},
            Msg::ReportAge6To12Months {},
            Msg::ReportAge1To2Years {},
            Msg::ReportAgeOver2Years {},
            Msg::ReportAgeNever {},
        ];
        for (label, (_, n)) in ages.iter().zip(&self.verification_age) {
            out.push_str(&format!("{n:>4}  {label}\n"));
        }
        for kind in Kind::ALL {
            let items: Vec<&Item> = self.items.iter().filter(|i| i.kind == kind).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "\n{}\n",
                Msg::ReportKindCount {
                    kind: kind.msg().into(),
                    count: items.len().into()
                }
            ));
            for i in items {
                match i.line {
                    Some(l) => out.push_str(&format!("  {}:{}: {}\n", i.file, l, i.what)),
                    None => out.push_str(&format!("  {}: {}\n", i.file, i.what)),
                }
            }
        }
        out
    }
}

struct Builder<'a> {
    root: &'a Path,
    sources: &'a Sources,
    items: Vec<Item>,
}

impl Builder<'_> {
    fn push<T>(&mut self, kind: Kind, at: &Sourced<T>, offset: Option<usize>, what: String) {
        let file = at.file.strip_prefix(self.root).unwrap_or(&at.file);
        self.items.push(Item {
            kind,
            file: file.to_string_lossy().replace('\\', "/"),
            line: offset.and_then(|o| self.sources.line_col(&at.file, o).map(|(l, _)| l)),
            what,
        });
    }
}

/// The report for `content` read from the site folder `root`, as of
/// `today` (for the age of `verified` dates). `sources` gives line numbers;
/// without them the items name only the file.
pub fn report(content: &Content, root: &Path, sources: &Sources, today: NaiveDate) -> Report {
    let mut b = Builder {
        root,
        sources,
        items: Vec::new(),
    };
    topics(content, &mut b);
    desks(content, &mut b);
    verification(content, today, &mut b);
    for r in &content.rosters {
        for (i, m) in r.value.members.iter().enumerate() {
            if m.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                // Members have no position of their own: the n-th [[member]].
                let offset = nth_table(sources, &r.file, "[[member]]", i);
                let what = format!("{}：{}（{}）", r.value.title, m.affiliation, m.field);
                b.push(Kind::RosterMemberWithoutName, r, offset, what);
            }
        }
    }
    for p in &content.programs {
        if p.value.schedule.is_none() {
            let what = match &p.value.schedule_note {
                Some(n) => format!("{}（日程の説明のみ：{n}）", p.value.name),
                None => p.value.name.clone(),
            };
            b.push(
                Kind::ProgramWithoutSchedule,
                p,
                Some(p.value.id.span().start),
                what,
            );
        }
    }
    let mut items = b.items;
    items.sort_by(|x, y| (x.kind, &x.file, x.line).cmp(&(y.kind, &y.file, y.line)));
    let counts = Kind::ALL
        .iter()
        .map(|&kind| Count {
            kind,
            code: kind.code(),
            label: kind.label(),
            count: items.iter().filter(|i| i.kind == kind).count(),
        })
        .collect();
    Report {
        counts,
        items,
        verification_age: ages(content, today),
    }
}

fn topics(content: &Content, b: &mut Builder) {
    for t in &content.topics {
        let id = t.value.id.get_ref();
        let rows: Vec<bool> = content
            .agencies
            .iter()
            .flat_map(|a| a.value.matters.iter())
            .filter(|m| m.topic.get_ref() == id)
            .map(|m| m.star)
            .collect();
        let offset = Some(t.value.id.span().start);
        if rows.is_empty() {
            b.push(Kind::TopicWithoutDesk, t, offset, t.value.label.clone());
        } else if !rows.contains(&true) {
            b.push(Kind::TopicWithoutStar, t, offset, t.value.label.clone());
        }
    }
}

fn desks(content: &Content, b: &mut Builder) {
    let label = |id: &str| {
        content
            .topics
            .iter()
            .find(|t| t.value.id.get_ref() == id)
            .map_or_else(|| id.to_string(), |t| t.value.label.clone())
    };
    for a in &content.agencies {
        let ag = &a.value;
        if ag.separate_sheet.is_some() && ag.offices.is_empty() {
            let offset = Some(ag.id.span().start);
            b.push(
                Kind::SeparateSheetWithoutOffices,
                a,
                offset,
                ag.name.clone(),
            );
        }
        for m in &ag.matters {
            // A <別紙> row is answered by the offices: its gaps are the
            // group's, reported above.
            let separate = m.separate_sheet.is_some() || ag.separate_sheet.is_some();
            let offset = Some(m.topic.span().start);
            let desk = match m.no {
                Some(no) => format!("{}（No.{no} {}）", ag.name, label(m.topic.get_ref())),
                None => format!("{}（{}）", ag.name, label(m.topic.get_ref())),
            };
            if m.phones.is_empty() && ag.phones.is_empty() && !separate {
                b.push(Kind::DeskWithoutPhone, a, offset, desk.clone());
            }
            if m.hours.is_none() && ag.hours.is_none() && !separate {
                b.push(Kind::DeskWithoutHours, a, offset, desk.clone());
            }
            if ag.address.is_none() && !separate {
                b.push(Kind::DeskWithoutAddress, a, offset, desk);
            }
        }
    }
}

fn verification(content: &Content, today: NaiveDate, b: &mut Builder) {
    for a in &content.agencies {
        let offset = Some(a.value.id.span().start);
        match a.value.verified_date() {
            None => b.push(Kind::NeverVerified, a, offset, a.value.name.clone()),
            Some(d) if months_between(d, today) >= 12 => {
                let what = format!("{}（{}）", a.value.name, d.format("%Y-%m-%d"));
                b.push(Kind::VerifiedOverAYearAgo, a, offset, what);
            }
            Some(_) => {}
        }
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    let m = (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month())
        - i64::from(from.month());
    if to.day() < from.day() {
        m - 1
    } else {
        m
    }
}

fn ages(content: &Content, today: NaiveDate) -> Vec<(&'static str, usize)> {
    let mut buckets = [
        ("6か月以内", 0),
        ("6か月〜1年", 0),
        ("1年〜2年", 0),
        ("2年以上", 0),
        ("確認日なし", 0),
    ];
    for a in &content.agencies {
        let i = match a.value.verified_date().map(|d| months_between(d, today)) {
            None => 4,
            Some(m) if m < 6 => 0,
            Some(m) if m < 12 => 1,
            Some(m) if m < 24 => 2,
            Some(_) => 3,
        };
        buckets[i].1 += 1;
    }
    buckets.to_vec()
}

/// Byte offset of the `n`-th line that is exactly `header` in `file`.
fn nth_table(sources: &Sources, file: &Path, header: &str, n: usize) -> Option<usize> {
    let text = sources.get(file)?;
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == header {
            if seen == n {
                return Some(offset);
            }
            seen += 1;
        }
        offset += line.len();
    }
    None
}
