//! Checks that need the whole content: ids, references between records,
//! phone numbers, dates, links, opening hours and schedules. Each check adds diagnostics and goes on,
//! so one run reports every problem.

mod addresses;
mod areas;
mod dates;
mod hours;
mod ids;
mod lines;
mod links;
mod phones;
mod references;
mod remarks;
mod resources;
mod sheets;

use crate::diagnostics::{Diagnostics, Sources};
use crate::model::Content;
use chrono::NaiveDate;
use rayon::prelude::*;

/// Where a TOML string's text starts in `source` (the whole file), when the
/// file holds the text verbatim between its quotes; `None` when escapes
/// (`\u00e9`, `\"`, a line-ending backslash) make positions inside the
/// string unknowable. Compared, not guessed from lengths: an escape can make
/// the lengths agree while the positions differ.
pub(crate) fn text_start(
    source: Option<&str>,
    value: std::ops::Range<usize>,
    text: &str,
) -> Option<usize> {
    let raw = source?.get(value.clone())?;
    const QUOTES: [(&str, &str); 8] = [
        ("\"\"\"\r\n", "\"\"\""),
        ("\"\"\"\n", "\"\"\""),
        ("\"\"\"", "\"\"\""),
        ("'''\r\n", "'''"),
        ("'''\n", "'''"),
        ("'''", "'''"),
        ("\"", "\""),
        ("'", "'"),
    ];
    QUOTES.iter().find_map(|(open, close)| {
        let inner = raw.strip_prefix(open)?.strip_suffix(close)?;
        (inner == text).then_some(value.start + open.len())
    })
}

/// Validates `content` as of `today` (passed in so that tests are stable);
/// `sources` is the text of every file, to point inside strings.
pub fn validate(content: &Content, sources: &Sources, today: NaiveDate) -> Diagnostics {
    type Check<'a> = &'a (dyn Fn(&mut Diagnostics) + Sync);
    let checks: [Check; 12] = [
        &|d| ids::check(content, d),
        &|d| addresses::check(content, d),
        &|d| references::check(content, d),
        &|d| areas::check(content, today, d),
        &|d| sheets::check(content, d),
        &|d| phones::check(content, d),
        &|d| dates::check(content, today, d),
        &|d| links::check(content, sources, d),
        &|d| lines::check(content, today, d),
        &|d| remarks::check(content, sources, d),
        &|d| resources::check(content, sources, d),
        &|d| hours::check(content, sources, today, d),
    ];
    // The checks read the content and nothing else: they run side by side,
    // and their diagnostics are kept in this order.
    let found: Vec<Diagnostics> = checks
        .par_iter()
        .map(|check| {
            let mut d = Diagnostics::default();
            check(&mut d);
            d
        })
        .collect();
    let mut d = Diagnostics::default();
    found.into_iter().for_each(|f| d.extend(f));
    d
}

#[cfg(test)]
mod tests {
    use super::text_start;

    /// `(file, the parsed string)` → where the string's text starts.
    fn start(file: &str, parsed: &str) -> Option<usize> {
        let value = file.find(['"', '\'']).unwrap_or(0)..file.len();
        text_start(Some(file), value, parsed)
    }

    #[test]
    fn text_starts_after_the_quotes_only_when_the_file_holds_the_text_verbatim() {
        assert_eq!(start("b = \"申し込み\"", "申し込み"), Some(5));
        assert_eq!(start("b = \"\"\"\n申し込み\"\"\"", "申し込み"), Some(8));
        assert_eq!(start("b = \"\"\"\r\n申し込み\"\"\"", "申し込み"), Some(9));
        assert_eq!(start("b = '''\nx'''", "x"), Some(8));
        // `\u00e9` is 6 bytes in the file and 2 in the text: the lengths
        // alone looked like a `"""` string and put positions 2 bytes off.
        assert_eq!(start("b = \"Caf\\u00e9 [x](y)\"", "Café [x](y)"), None);
        assert_eq!(start("b = \"a\\\"b\"", "a\"b"), None);
    }
}
