//! One sheet of the 相談機関一覧 into rows, the way real sheets are: a header
//! that may span two lines (担当者 over 主・副), the area code in the header
//! (電話番号 (086)), ★ inside the No. cell, merged 相談項目 cells left blank
//! below the first, two numbers in one cell, 「5443、5444」, <別紙>, 「-」 for
//! none and full-width digits. A row that cannot be placed is a [`Problem`]
//! with sheet, row and column.

use super::read::Sheet;
use crate::messages::Msg;
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRow {
    pub sheet: String,
    /// 1-based row of the sheet.
    pub row: usize,
    pub topic: String,
    pub no: Option<u32>,
    pub star: bool,
    pub description: String,
    pub agency: String,
    /// The agency's ふりがな, in hiragana, when the sheet has the column.
    pub reading: Option<String>,
    /// 機関名 was blank and taken from the row above (a merged cell saved
    /// as CSV, or cells left blank for the same agency).
    pub agency_carried: bool,
    pub primary: Option<String>,
    pub secondary: Option<String>,
    /// Any of the contact columns said <別紙>.
    pub separate_sheet: bool,
    pub address: Option<String>,
    pub phones: Vec<String>,
    pub extensions: Vec<String>,
    pub hours: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    pub row: usize,
    /// Column letter (A, B…), when one cell is at fault.
    pub column: Option<String>,
    pub what: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "{}!{c}{}: {}", self.sheet, self.row, self.what),
            None => write!(f, "{}!{}: {}", self.sheet, self.row, self.what),
        }
    }
}

#[derive(Default, Debug)]
struct Columns {
    topic: Option<usize>,
    no: Option<usize>,
    star: Option<usize>,
    description: Option<usize>,
    agency: Option<usize>,
    reading: Option<usize>,
    primary: Option<usize>,
    secondary: Option<usize>,
    address: Option<usize>,
    phone: Option<usize>,
    extension: Option<usize>,
    hours: Option<usize>,
    area_code: Option<String>,
}

pub fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    s.iter().rev().collect()
}

/// NFKC (full-width digits and brackets become ASCII) and trimmed.
fn norm(s: &str) -> String {
    s.nfkc().collect::<String>().trim().to_string()
}

fn compact(s: &str) -> String {
    norm(s).chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_none(s: &str) -> bool {
    matches!(s, "" | "-" | "ー" | "―" | "‐" | "−" | "なし")
}

fn is_separate(s: &str) -> bool {
    s.contains("別紙")
}

fn header(rows: &[Vec<String>]) -> Option<(usize, Columns)> {
    let at = rows.iter().position(|r| {
        let cells: Vec<String> = r.iter().map(|c| compact(c)).collect();
        cells.iter().any(|c| c.contains("相談項目")) && cells.iter().any(|c| c.contains("機関名"))
    })?;
    let mut cols = Columns::default();
    for (i, cell) in rows[at].iter().enumerate() {
        let c = compact(cell);
        // Before 機関名: 「機関名ふりがな」 is the reading's column.
        if [
            "ふりがな",
            "フリガナ",
            "よみがな",
            "ヨミガナ",
            "よみ",
            "読み",
        ]
        .iter()
        .any(|r| c.contains(r))
        {
            cols.reading = Some(i);
        } else if c.contains("相談項目") {
            cols.topic = Some(i);
        } else if c.starts_with("No") || c == "番号" {
            cols.no = Some(i);
        } else if c == "★" {
            cols.star = Some(i);
        } else if c.contains("相談内容") {
            cols.description = Some(i);
        } else if c.contains("機関名") {
            cols.agency = Some(i);
        } else if c.contains("担当者") {
            cols.primary = Some(i);
            cols.secondary = Some(i + 1);
        } else if c.contains("所在地") {
            cols.address = Some(i);
        } else if c.contains("電話") {
            cols.phone = Some(i);
            // 「電話番号 (086)」: the area code the numbers below leave out.
            if let (Some(a), Some(b)) = (c.find('('), c.find(')')) {
                let code: String = c[a + 1..b].chars().filter(char::is_ascii_digit).collect();
                if !code.is_empty() {
                    cols.area_code = Some(code);
                }
            }
        } else if c.contains("内線") {
            cols.extension = Some(i);
        } else if c.contains("受付") {
            cols.hours = Some(i);
        } else if c == "主" {
            cols.primary = Some(i);
        } else if c == "副" {
            cols.secondary = Some(i);
        }
    }
    Some((at, cols))
}

/// The header's second line (主 / 副 under 担当者), if there is one.
fn second_header(row: &[String], cols: &mut Columns) -> bool {
    let mut found = false;
    for (i, cell) in row.iter().enumerate() {
        match compact(cell).as_str() {
            "主" => {
                cols.primary = Some(i);
                found = true;
            }
            "副" => {
                cols.secondary = Some(i);
                found = true;
            }
            _ => {}
        }
    }
    found
}

pub fn parse_sheet(sheet: &Sheet) -> (Vec<ListRow>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let Some((at, mut cols)) = header(&sheet.rows) else {
        problems.push(Problem {
            sheet: sheet.name.clone(),
            row: 1,
            column: None,
            what: Msg::ImportNoHeader {}.to_string(),
        });
        return (rows, problems);
    };
    let mut start = at + 1;
    if sheet
        .rows
        .get(start)
        .is_some_and(|r| second_header(r, &mut cols))
    {
        start += 1;
    }
    let mut topic = String::new();
    // The last row's agency, to carry down a blank 機関名.
    let mut above: Option<Above> = None;
    for (i, raw) in sheet.rows.iter().enumerate().skip(start) {
        let row = i + 1;
        let cell = |c: Option<usize>| {
            c.and_then(|c| raw.get(c))
                .map(|s| norm(s))
                .unwrap_or_default()
        };
        if raw.iter().all(|c| norm(c).is_empty()) {
            continue;
        }
        let mut problem = |col: Option<usize>, what: String| {
            problems.push(Problem {
                sheet: sheet.name.clone(),
                row,
                column: col.map(column_letter),
                what,
            })
        };
        // A merged 相談項目 cell is blank below its first row.
        let t = cell(cols.topic);
        if !t.is_empty() {
            topic = t;
        }
        let no_cell = cell(cols.no);
        let star = no_cell.contains('★') || cell(cols.star).contains('★');
        let digits: String = no_cell.chars().filter(char::is_ascii_digit).collect();
        let no = digits.parse::<u32>().ok();
        let rest: String = no_cell
            .chars()
            .filter(|c| !c.is_ascii_digit() && *c != '★' && !c.is_whitespace() && *c != '.')
            .collect();
        if !rest.is_empty() {
            problem(
                cols.no,
                Msg::ImportBadNo {
                    cell: no_cell.as_str().into(),
                }
                .to_string(),
            );
        }
        let description = cell(cols.description);
        let mut agency = cell(cols.agency);
        let mut reading = Some(cell(cols.reading))
            .filter(|r| !r.is_empty() && !is_none(r))
            .map(|r| hiragana(&r));
        // A blank 機関名 under an agency is that agency's next desk (a
        // merged cell), unless the row has an address or phone of its own
        // that differs from the row above: then it is a name left out.
        let own = |c: Option<usize>, theirs: &dyn Fn(&Above) -> String| {
            let v = cell(c);
            !(v.is_empty() || is_none(&v) || above.as_ref().is_some_and(|a| theirs(a) == v))
        };
        let carried = agency.is_empty()
            && above.is_some()
            && !own(cols.address, &|a| a.address.clone().unwrap_or_default())
            && !own(cols.phone, &|a| a.phone_cell.clone());
        let mut inherited = None;
        if carried {
            if let Some(a) = &above {
                agency = a.agency.clone();
                reading = a.reading.clone();
                inherited = Some((a.address.clone(), a.phones.clone()));
            }
        }
        if topic.is_empty() {
            problem(cols.topic, Msg::ImportNoTopic {}.to_string());
            continue;
        }
        if agency.is_empty() {
            problem(
                cols.agency,
                Msg::ImportNoAgency {
                    no: no.map_or("-".into(), |n| n.to_string()).into(),
                }
                .to_string(),
            );
            continue;
        }
        if description.is_empty() {
            problem(cols.description, Msg::ImportNoDescription {}.to_string());
        }
        let mut separate = false;
        let mut text = |c: Option<usize>| {
            let v = cell(c);
            if is_separate(&v) {
                separate = true;
                None
            } else if is_none(&v) {
                None
            } else {
                Some(v)
            }
        };
        let primary = text(cols.primary);
        let secondary = text(cols.secondary);
        let mut address = text(cols.address);
        let phone_cell = text(cols.phone);
        let ext_cell = text(cols.extension);
        let hours = text(cols.hours);
        let mut phones = Vec::new();
        for p in split(phone_cell.as_deref().unwrap_or("")) {
            match phone(&p, cols.area_code.as_deref()) {
                Some(n) => phones.push(n),
                None => problem(
                    cols.phone,
                    Msg::ImportBadPhone {
                        phone: p.as_str().into(),
                    }
                    .to_string(),
                ),
            }
        }
        let mut extensions = Vec::new();
        for e in split(ext_cell.as_deref().unwrap_or("")) {
            if e.chars().all(|c| c.is_ascii_digit()) {
                extensions.push(e);
            } else {
                problem(
                    cols.extension,
                    Msg::ImportBadExtension {
                        extension: e.as_str().into(),
                    }
                    .to_string(),
                );
            }
        }
        // The carried agency's address and phones, when the row left
        // them blank too (they were in the same merged block).
        if let Some((a, p)) = inherited {
            if address.is_none() {
                address = a;
            }
            if phones.is_empty() {
                phones = p;
            }
        }
        let list_row = ListRow {
            sheet: sheet.name.clone(),
            row,
            topic: topic.clone(),
            no,
            star,
            description,
            agency,
            reading,
            agency_carried: carried,
            primary,
            secondary,
            separate_sheet: separate,
            address,
            phones,
            extensions,
            hours,
        };
        above = Some(Above::from(&list_row, cell(cols.phone)));
        rows.push(list_row);
    }
    (rows, problems)
}

/// What a row below may carry down.
struct Above {
    agency: String,
    reading: Option<String>,
    address: Option<String>,
    phones: Vec<String>,
    /// The phone cell as written, to compare with the next row's.
    phone_cell: String,
}

impl Above {
    fn from(r: &ListRow, phone_cell: String) -> Self {
        Above {
            agency: r.agency.clone(),
            reading: r.reading.clone(),
            address: r.address.clone(),
            phones: r.phones.clone(),
            phone_cell,
        }
    }
}

/// ふりがな as the content writes readings: hiragana (katakana and
/// half-width kana converted), without spaces.
fn hiragana(s: &str) -> String {
    norm(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// 「803-1240 803-1241」, 「5443、5444」: several values in one cell.
fn split(cell: &str) -> Vec<String> {
    cell.split(|c: char| c.is_whitespace() || matches!(c, '、' | ',' | '/' | '・' | ';'))
        .map(str::trim)
        .filter(|s| !s.is_empty() && !is_none(s))
        .map(String::from)
        .collect()
}

/// 「242-3135」 under 「電話番号 (086)」 is 086-242-3135.
fn phone(p: &str, area: Option<&str>) -> Option<String> {
    let ok = p.chars().all(|c| c.is_ascii_digit() || c == '-')
        && p.chars().filter(char::is_ascii_digit).count() >= 4;
    if !ok {
        return None;
    }
    match area {
        Some(a) if !p.starts_with('0') => Some(format!("{a}-{p}")),
        _ => Some(p.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "R4".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    const HEAD: &[&str] = &[
        "相談項目",
        "No.",
        "相談内容",
        "機関名",
        "担当者名",
        "",
        "所在地",
        "電話番号 (086)",
        "内線",
        "受付時間",
    ];
    const HEAD2: &[&str] = &["", "", "", "", "主", "副", "", "", "", ""];

    #[test]
    fn quirks_of_the_seed_list() {
        let s = sheet(&[
            &["相談機関一覧"],
            HEAD,
            HEAD2,
            &[
                "病気・医療について",
                "★ １",
                "在宅医療に関すること",
                "地域ケア総合推進センター",
                "奥山",
                "-",
                "北区北長瀬表町二丁目17-80",
                "242-3135",
                "-",
                "平日 8:30~17:15",
            ],
            &[
                "",
                "10",
                "介護保険サービスの利用に関すること",
                "介護保険課",
                "吉本",
                "宮原",
                "北区鹿田町一丁目1-1 7F",
                "803-1240 803-1241",
                "5782",
                "平日 8:30~17:15",
            ],
            &[
                "",
                "7",
                "精神",
                "こころの健康センター",
                "佐藤",
                "妹尾",
                "",
                "803-1273",
                "5443、5444",
                "",
            ],
            &[
                "介護について",
                "9",
                "介護保険の申請",
                "各福祉事務所",
                "<別紙>",
                "<別紙>",
                "<別紙>",
                "<別紙>",
                "",
                "平日 8:30~17:15",
            ],
            // Blank 機関名 and no address or phone of its own: the agency
            // above (a merged cell).
            &["", "6", "こころの問題", "", "<別紙>", "", "", "", "", ""],
            // Blank 機関名 with a phone of its own: a name left out.
            &["", "5", "健康", "", "", "", "", "803-1273", "", ""],
        ]);
        let (rows, problems) = parse_sheet(&s);
        assert_eq!(rows.len(), 5, "{problems:?}");
        assert_eq!(rows[4].agency, "各福祉事務所");
        assert!(rows[4].agency_carried && !rows[3].agency_carried);
        assert!(rows[0].star && rows[0].no == Some(1));
        assert_eq!(rows[0].secondary, None);
        assert_eq!(rows[0].extensions, Vec::<String>::new());
        assert_eq!(rows[0].phones, vec!["086-242-3135"]);
        assert_eq!(rows[1].topic, "病気・医療について", "carried down");
        assert_eq!(rows[1].phones, vec!["086-803-1240", "086-803-1241"]);
        assert_eq!(rows[2].extensions, vec!["5443", "5444"]);
        assert!(rows[3].separate_sheet && rows[3].primary.is_none());
        assert_eq!(rows[3].row, 7);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].to_string().split(':').next(), Some("R4!D9"));
    }

    #[test]
    fn no_header_is_a_problem_not_a_panic() {
        let (rows, problems) = parse_sheet(&sheet(&[&["a", "b"]]));
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn bad_phone_is_reported_with_its_column() {
        let s = sheet(&[
            HEAD,
            &["介護", "1", "x", "介護保険課", "", "", "", "でんわ", "", ""],
        ]);
        let (_, problems) = parse_sheet(&s);
        assert_eq!(problems[0].column.as_deref(), Some("H"));
        assert_eq!(problems[0].row, 2);
    }
}
