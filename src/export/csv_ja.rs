//! A CSV in the column layout of the 自治体標準オープンデータセット
//! 「公共施設一覧」: one row per desk (an agency's matter), UTF-8 with a BOM so
//! that Excel opens it as UTF-8. Columns the list has no data for (コード,
//! 緯度・経度, 法人番号…) are kept, empty, so the file reads like any other
//! dataset of that kind.

use super::{append, Appender, ExportError, Out, CSV_JA, STAFF_NOTICE};
use crate::site::{Audience, SiteView};
use tsunagu_hours::WeeklyHours;

pub const COLUMNS: [&str; 23] = [
    "全国地方公共団体コード",
    "ID",
    "地方公共団体名",
    "名称",
    "名称_カナ",
    "名称_英字",
    "種別",
    "住所",
    "方書",
    "緯度",
    "経度",
    "電話番号",
    "内線番号",
    "法人番号",
    "団体名",
    "利用可能曜日",
    "開始時間",
    "終了時間",
    "利用可能日時特記事項",
    "説明",
    "バリアフリー情報",
    "URL",
    "備考",
];

pub fn csv_ja<A: Audience>(view: &SiteView<A>, out: &dyn Out) -> Result<(), ExportError> {
    append(out, CSV_JA, b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new().from_writer(Appender {
        out,
        path: CSV_JA.to_string(),
    });
    w.write_record(COLUMNS)?;
    for a in &view.agencies {
        for (i, m) in a.matters.iter().enumerate() {
            let staff = A::search_staff(&m.staff);
            let (days, open, close) = m
                .hours
                .as_ref()
                .and_then(|h| h.weekly.as_deref())
                .map(simple_week)
                .unwrap_or_default();
            let phones: Vec<&str> = m.phones.iter().map(|p| p.number.as_str()).collect();
            let address = match m.separate_sheet {
                Some(_) => String::new(),
                None => a.address.clone().unwrap_or_default(),
            };
            let mut note: Vec<String> = Vec::new();
            if A::STAFF {
                note.push(STAFF_NOTICE.to_string());
            }
            if m.star {
                note.push("★（この分野で判断に迷ったときの相談先）".to_string());
            }
            if let Some(s) = &m.separate_sheet {
                note.push(s.clone());
            }
            if let Some(c) = &staff.contact {
                note.push(format!("担当 {c}"));
            }
            let row = [
                String::new(),
                format!("{}-{}", a.id, i + 1),
                view.municipality.clone(),
                a.name.clone(),
                katakana(&a.reading),
                String::new(),
                m.topic.label.clone(),
                address,
                String::new(),
                String::new(),
                String::new(),
                phones.join("、"),
                // 内線番号 is a public column: the citizen view has none.
                staff.extension.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                days,
                open,
                close,
                m.hours.as_ref().map(|h| h.text.clone()).unwrap_or_default(),
                m.description.clone(),
                String::new(),
                a.website.clone().unwrap_or_default(),
                note.join("。"),
            ];
            w.write_record(&row)?;
        }
    }
    w.flush().map_err(csv::Error::from)?;
    Ok(())
}

/// 利用可能曜日, 開始時間, 終了時間 when the hours are one time range on
/// every listed day of every week (平日 8:30~17:15); otherwise only the
/// 特記事項 column (the text as written) says when.
fn simple_week(w: &WeeklyHours) -> (String, String, String) {
    const KANJI: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    let [rule] = w.rules.as_slice() else {
        return Default::default();
    };
    let [range] = rule.ranges.as_slice() else {
        return Default::default();
    };
    if !rule.weeks.is_every() {
        return Default::default();
    }
    let mut days: String = rule
        .days
        .weekdays()
        .map(|d| KANJI[d.num_days_from_monday() as usize])
        .collect();
    if rule.days.has_holiday() {
        days.push('祝');
    }
    (days, range.open.to_hhmm(), range.close.to_hhmm())
}

/// 名称_カナ is written in katakana; readings in the content are hiragana.
fn katakana(reading: &str) -> String {
    reading
        .chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}
