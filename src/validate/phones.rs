//! Phone numbers are what citizens act on: a wrong digit sends them nowhere.
//! Numbers are checked with `phonenumber` (libphonenumber's metadata), not a
//! hand-written pattern, and an extension (内線) in a public field is refused
//! because it means nothing outside the city hall and may be internal.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::{Content, Phone};
use phonenumber::country::Id::JP;
use std::path::Path;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

pub fn check(c: &Content, d: &mut Diagnostics) {
    if let Some(p) = &c.settings.value.webmaster.phone {
        public_with(&c.settings.file, p, WEBMASTER_HELP, d);
    }
    for a in &c.agencies {
        let a_file = &a.file;
        let v = &a.value;
        public_list(a_file, &v.phones, d);
        if let Some(fax) = &v.fax {
            public(a_file, fax, d);
        }
        for o in &v.offices {
            public_list(a_file, &o.phones, d);
        }
        for m in &v.matters {
            public_list(a_file, &m.phones, d);
            if let Some(s) = &m.staff {
                for p in &s.direct_lines {
                    valid(a_file, &p.number, d);
                }
            }
        }
        if let Some(s) = &v.staff {
            for p in &s.direct_lines {
                valid(a_file, &p.number, d);
            }
        }
    }
}

pub(super) fn public_list(file: &Path, phones: &[Phone], d: &mut Diagnostics) {
    for p in phones {
        public(file, &p.number, d);
    }
}

const AGENCY_HELP: Msg = Msg::HelpExtensionStaffOnly {};
const WEBMASTER_HELP: Msg = Msg::HelpWebmasterPhone {};

pub(super) fn public(file: &Path, n: &Spanned<String>, d: &mut Diagnostics) {
    public_with(file, n, AGENCY_HELP, d)
}

fn public_with(file: &Path, n: &Spanned<String>, help: Msg, d: &mut Diagnostics) {
    if looks_like_extension(n.get_ref()) {
        d.push(
            Diagnostic::error(
                Code::ExtensionInPublicField,
                file,
                Msg::ExtensionInPublicField {
                    number: n.get_ref().into(),
                },
            )
            .at(n.span())
            .label(Msg::LabelExtensionInPublic {})
            .help(help),
        );
        return;
    }
    valid(file, n, d);
}

fn valid(file: &Path, n: &Spanned<String>, d: &mut Diagnostics) {
    let number = n.get_ref();
    // libphonenumber reads letters as a keypad spelling (O → 6), so a letter
    // O typed for a zero would pass: refuse anything but digits and
    // separators first.
    let half: String = number.nfkc().collect();
    if half != *number && is_phone_text(&half) {
        d.push(
            Diagnostic::error(
                Code::BadPhone,
                file,
                Msg::PhoneFullWidth {
                    number: number.into(),
                },
            )
            .at(n.span())
            .label(Msg::LabelFullWidth {})
            .help(Msg::HelpHalfWidthDigits {
                number: half.into(),
            }),
        );
        return;
    }
    if let Some(bad) = number.chars().find(|c| !is_phone_char(*c)) {
        let help = if bad.is_ascii_alphabetic() {
            Msg::HelpLetterForDigit { bad: bad.into() }
        } else {
            Msg::HelpRemoveChar { bad: bad.into() }
        };
        d.push(
            Diagnostic::error(
                Code::BadPhone,
                file,
                Msg::PhoneNotDigit {
                    number: number.into(),
                    bad: bad.into(),
                },
            )
            .at(n.span())
            .label(Msg::LabelNotADigit {})
            .help(help),
        );
        return;
    }
    let ok = phonenumber::parse(Some(JP), number)
        .map(|p| phonenumber::is_valid(&p))
        .unwrap_or(false);
    if !ok {
        d.push(
            Diagnostic::error(
                Code::BadPhone,
                file,
                Msg::PhoneInvalid {
                    number: number.into(),
                },
            )
            .at(n.span())
            .label(Msg::LabelNotValidNumber {})
            .help(Msg::HelpFullNumber {}),
        );
    }
}

fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')' | '+')
}

fn is_phone_text(s: &str) -> bool {
    s.chars().all(is_phone_char) && s.chars().any(|c| c.is_ascii_digit())
}

fn looks_like_extension(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    s.contains("内線")
        || s.to_ascii_lowercase().contains("ext")
        || (digits > 0 && digits <= 5 && !s.starts_with('1'))
}

#[cfg(test)]
mod tests {
    use super::looks_like_extension;
    use std::path::Path;
    use toml::Spanned;

    #[test]
    fn extensions_are_told_apart_from_numbers() {
        assert!(looks_like_extension("5217"));
        assert!(looks_like_extension("内線5443"));
        assert!(!looks_like_extension("086-803-1254"));
        assert!(!looks_like_extension("110"));
    }

    #[test]
    fn letters_are_not_keypad_digits() {
        let mut d = crate::diagnostics::Diagnostics::default();
        let n = Spanned::new(0..1, "O86-8O3-1240".to_string());
        super::valid(Path::new("a.toml"), &n, &mut d);
        assert_eq!(d.len(), 1);
        let n = Spanned::new(0..1, "086-803-1240".to_string());
        super::valid(Path::new("a.toml"), &n, &mut d);
        assert_eq!(d.len(), 1);
    }
}
