//! Long lists (a topic's desks, the agency list) split into pages joined by
//! plain links, so no page grows with the directory and every page works
//! without JavaScript.

use serde::Serialize;
use std::ops::Range;

/// Rows per page of a topic or of the agency list: a page stays well under
/// 100 KB gzip on either site.
pub const PER_PAGE: usize = 100;

/// The household plan shows every topic's desks inline (so ticking works
/// without JavaScript) while the directory has at most this many topic rows;
/// beyond that each topic's desks load from a script file when ticked.
pub const PLAN_INLINE_ROWS: usize = 200;

/// 今日開いている窓口 is one list up to this many agencies; beyond that it
/// narrows by topic first, each topic's list paged by [`PER_PAGE`].
pub const OPEN_TODAY_WHOLE: usize = 300;

/// The printable directory is one table up to this many rows; beyond that
/// it has an index page and a table per topic, paged by this many rows (a
/// directory row is a short table row: 500 stay far under 100 KB gzip).
pub const DIRECTORY_ROWS: usize = 500;

/// Programs (参加できる活動) listed on the home page; beyond that it links
/// to the list of them all.
pub const HOME_PROGRAMS: usize = 12;

/// Links shown on each side of the current page; the first and the last
/// page are always linked.
const WINDOW: usize = 3;

/// Where a page sits among its siblings, for the `pager` macro.
#[derive(Serialize, Clone, Debug)]
pub struct Pager {
    /// From 1.
    pub number: usize,
    pub count: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
}

#[derive(Serialize, Clone, Debug)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Pages were skipped before this link (shown as …).
    pub gap_before: bool,
}

/// The row ranges of the pages of a list of `len` rows, `per_page` a page.
/// A topic's ★ desks come first in its rows, so they open page 1; when a
/// large directory has more of them than a page holds, they go on to the
/// next pages like any row (all on page 1 made it grow with the directory:
/// 763 rows, 1 MB, for 子育て at 100,000 agencies).
pub fn split(len: usize, per_page: usize) -> Vec<Range<usize>> {
    let per_page = per_page.max(1);
    // An empty list still has its one (empty) page.
    let starts = (0..len.max(1)).step_by(per_page);
    starts.map(|at| at..(at + per_page).min(len)).collect()
}

/// One pager per page; `url(n)` is the address of page `n` (from 1).
pub fn pagers(count: usize, url: impl Fn(usize) -> String) -> Vec<Pager> {
    (1..=count)
        .map(|number| {
            let mut links = Vec::new();
            let mut last = 0;
            for n in 1..=count {
                let near = n.abs_diff(number) <= WINDOW;
                if n == 1 || n == count || near {
                    links.push(PageLink {
                        number: n,
                        url: url(n),
                        current: n == number,
                        gap_before: n > last + 1,
                    });
                    last = n;
                }
            }
            Pager {
                number,
                count,
                prev: (number > 1).then(|| url(number - 1)),
                next: (number < count).then(|| url(number + 1)),
                links,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fill_pages_in_order_and_no_page_holds_more_than_its_share() {
        assert_eq!(split(0, 10), vec![0..0]);
        assert_eq!(split(7, 10), vec![0..7]);
        assert_eq!(split(25, 10), vec![0..10, 10..20, 20..25]);
        assert_eq!(split(20, 10), vec![0..10, 10..20]);
    }

    #[test]
    fn pagers_link_neighbours_ends_and_mark_gaps() {
        let p = pagers(20, |n| format!("p{n}"));
        assert_eq!(p.len(), 20);
        let tenth = &p[9];
        assert_eq!(tenth.prev.as_deref(), Some("p9"));
        assert_eq!(tenth.next.as_deref(), Some("p11"));
        let numbers: Vec<usize> = tenth.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 7, 8, 9, 10, 11, 12, 13, 20]);
        assert!(tenth.links[1].gap_before && tenth.links[8].gap_before);
        assert!(!tenth.links[2].gap_before);
        assert!(tenth.links[4].current);
        assert!(p[0].prev.is_none() && p[19].next.is_none());
    }
}
