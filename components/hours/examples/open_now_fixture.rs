//! Prints the hours JSON embedded in tests/browser/fixtures/open-now.html.
//! Regenerate that fixture with: cargo run -p tsunagu-hours --example open_now_fixture

use chrono::NaiveDate;
use tsunagu_hours::{browser_json, parse_hours, Calendar};

/// (element id, notation) of each badge in the fixture.
pub const BADGES: &[(&str, &str)] = &[
    ("hours-city-hall", "平日 8:30～12:00、13:00～17:15"),
    ("hours-weekend", "土日祝 10:00～16:00"),
];

fn main() {
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    let until = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap_or_default();
    for (id, text) in BADGES {
        match parse_hours(text) {
            Ok(hours) => println!(
                "{id}\t{}",
                browser_json(&hours, &Calendar::new(), from, until)
            ),
            Err(e) => {
                eprintln!("{text}: {}", e.message());
                std::process::exit(1);
            }
        }
    }
}
