//! Editors' remarks published as facts: 「（一覧で機関名の読み取れない行）」 in
//! a name, 「seed に記載なし」 in a caption, 「時点時点」. A heuristic over the
//! text citizens (and, for rosters, staff) read as the directory's own words;
//! notes in `staff` tables and TOML comments are the place for remarks and
//! are not looked at. A warning, not an error: a real name may trip it.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg, Sources};
use crate::model::Content;
use std::path::Path;

/// One field of public text: what it is, and whether it is a name.
struct Field<'a> {
    what: &'static str,
    text: &'a str,
    name: bool,
}

fn field<'a>(what: &'static str, text: &'a str) -> Field<'a> {
    Field {
        what,
        text,
        name: false,
    }
}

fn name<'a>(what: &'static str, text: &'a str) -> Field<'a> {
    Field {
        what,
        text,
        name: true,
    }
}

pub fn check(c: &Content, sources: &Sources, d: &mut Diagnostics) {
    for t in &c.topics {
        let v = &t.value;
        let mut f = vec![
            name("label", &v.label),
            field("description", &v.description),
        ];
        f.extend(v.easy.as_deref().map(|e| field("easy", e)));
        report(&t.file, sources, &f, d);
    }
    for a in &c.agencies {
        let v = &a.value;
        let mut f = vec![name("name", &v.name)];
        f.extend(v.summary.as_deref().map(|s| field("summary", s)));
        f.extend(v.address.as_deref().map(|s| field("address", s)));
        f.extend(
            v.separate_sheet
                .as_deref()
                .map(|s| field("separate_sheet", s)),
        );
        f.extend(v.aliases.iter().map(|s| name("aliases", s)));
        for o in &v.offices {
            f.push(name("office.name", &o.name));
            f.extend(o.address.as_deref().map(|s| field("office.address", s)));
        }
        for m in &v.matters {
            f.push(field("matter.description", &m.description));
            f.extend(
                m.separate_sheet
                    .as_deref()
                    .map(|s| field("matter.separate_sheet", s)),
            );
        }
        report(&a.file, sources, &f, d);
    }
    for p in &c.programs {
        let v = &p.value;
        let mut f = vec![name("name", &v.name), field("summary", &v.summary)];
        f.extend(v.place.as_deref().map(|s| field("place", s)));
        f.extend(
            v.figures
                .iter()
                .filter_map(|g| g.as_of.as_deref())
                .map(|s| field("figure.as_of", s)),
        );
        report(&p.file, sources, &f, d);
    }
    for r in &c.rosters {
        let v = &r.value;
        let mut f = vec![name("title", &v.title)];
        f.extend(v.as_of.as_deref().map(|s| field("as_of", s)));
        for m in &v.members {
            f.extend(m.name.as_deref().map(|s| name("member.name", s)));
            f.extend(m.note.as_deref().map(|s| field("member.note", s)));
        }
        report(&r.file, sources, &f, d);
    }
    for l in &c.lines {
        let v = &l.value;
        let f = vec![
            name("name", &v.name),
            field("purpose", &v.purpose),
            field("hours", &v.hours),
        ];
        report(&l.file, sources, &f, d);
    }
}

fn report(file: &Path, sources: &Sources, fields: &[Field], d: &mut Diagnostics) {
    for f in fields {
        let Some((what, found)) = remark(f.text, f.name) else {
            continue;
        };
        // Plain strings carry no position: find the text in the file.
        let span = sources.get(file).and_then(|src| {
            let at = src.find(f.text)? + f.text.find(found.as_str())?;
            Some(at..at + found.len())
        });
        d.push(
            Diagnostic::warning(
                Code::EditorRemark,
                file,
                Msg::EditorRemark {
                    field: f.what.into(),
                    what: what.into(),
                },
            )
            .at_opt(span)
            .label(Msg::LabelQuoted { text: found.into() })
            .help(Msg::HelpEditorRemark {}),
        );
    }
}

/// The first thing in `text` that looks like an editor's remark: what kind,
/// and the words that gave it away.
pub(crate) fn remark(text: &str, is_name: bool) -> Option<(Msg, String)> {
    let lower = text.to_ascii_lowercase();
    if let Some(i) = lower.find("seed") {
        return Some((Msg::RemarkSeed {}, text[i..i + 4].to_string()));
    }
    for w in ["読み取れ", "要確認", "未入力", "TODO", "FIXME"] {
        if text.contains(w) {
            return Some((Msg::RemarkDataEntry {}, w.to_string()));
        }
    }
    if is_name && text.contains("記載なし") {
        return Some((Msg::RemarkMissingName {}, "記載なし".to_string()));
    }
    doubled(text).map(|w| (Msg::RemarkDoubled {}, w))
}

/// A run of 2–4 characters with a kanji in it written twice in a row
/// (「時点時点」): a typo or a template adding what the text already has.
/// Kana-only runs are left alone: 「いろいろ」「ときどき」 are words.
fn doubled(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for len in 2..=4 {
        for i in 0..chars.len().saturating_sub(2 * len - 1) {
            let a = &chars[i..i + len];
            if a == &chars[i + len..i + 2 * len] && a.iter().any(|c| is_kanji(*c)) {
                return Some(chars[i..i + 2 * len].iter().collect());
            }
        }
    }
    None
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::remark;

    #[test]
    fn remarks_are_found() {
        assert!(remark("令和5年度（seed 000）", false).is_some());
        assert!(remark("障害に関する相談窓口（一覧で機関名の読み取れない行）", true).is_some());
        assert!(remark("氏名は記載なし", true).is_some());
        assert_eq!(
            remark("R5.4時点時点", false).map(|r| r.1),
            Some("時点時点".into())
        );
    }

    #[test]
    fn ordinary_text_is_not_a_remark() {
        for ok in [
            "こころの健康センター",
            "いろいろな相談を受けます",
            "ときどき休みます",
            "電話番号は記載なし", // only names are checked for 記載なし
            "平日 8:30~17:15",
        ] {
            assert!(remark(ok, false).is_none(), "{ok}");
        }
    }
}
