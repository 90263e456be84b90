//! Web and mail addresses become links that citizens follow: only real
//! `http(s)` and mail addresses are allowed, never `javascript:` or a bare
//! `www.…` that browsers would treat as a file next to the page.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::{BaseUrl, Content};
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, d: &mut Diagnostics) {
    let s = &c.settings;
    base_url(&s.file, &s.value.citizen.base_url, d);
    base_url(&s.file, &s.value.staff.base_url, d);
    if let Some(e) = &s.value.webmaster.email {
        mail(&s.file, e, d);
    }
    for a in &c.agencies {
        if let Some(w) = &a.value.website {
            web(&a.file, w, "website", d);
        }
        if let Some(e) = &a.value.email {
            mail(&a.file, e, d);
        }
    }
    for p in &c.programs {
        if let Some(w) = &p.value.website {
            web(&p.file, w, "website", d);
        }
    }
}

fn is_web(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && (host.contains('.') || host.starts_with("localhost"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

pub(super) fn web(file: &Path, v: &Spanned<String>, field: &str, d: &mut Diagnostics) {
    let url = v.get_ref();
    if is_web(url) {
        return;
    }
    let help = if url.starts_with("www.") || (url.contains('.') && !url.contains(':')) {
        Msg::HelpDidYouMeanHttps {
            url: url.trim().into(),
        }
    } else {
        Msg::HelpFullAddress {
            field: field.into(),
        }
    };
    d.push(
        Diagnostic::error(Code::BadUrl, file, Msg::NotAWebAddress { url: url.into() })
            .at(v.span())
            .label(Msg::LabelNotHttp {})
            .help(help),
    );
}

/// The views use a site's address as it was parsed when site.toml was read,
/// so an address that only looks right but did not parse is refused too.
fn base_url(file: &Path, v: &Spanned<BaseUrl>, d: &mut Diagnostics) {
    let written = Spanned::new(v.span(), v.get_ref().as_str().to_string());
    if v.get_ref().url().is_some() || !is_web(written.get_ref()) {
        return web(file, &written, "base_url", d);
    }
    d.push(
        Diagnostic::error(
            Code::BadUrl,
            file,
            Msg::NotAWebAddress {
                url: written.get_ref().into(),
            },
        )
        .at(v.span())
        .label(Msg::LabelNotHttp {})
        .help(Msg::HelpFullAddress {
            field: "base_url".into(),
        }),
    );
}

fn mail(file: &Path, v: &Spanned<String>, d: &mut Diagnostics) {
    let email = v.get_ref();
    let ok = match email.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "\"<>,;:".contains(c))
                && email.matches('@').count() == 1
        }
        None => false,
    };
    if !ok {
        d.push(
            Diagnostic::error(
                Code::BadEmail,
                file,
                Msg::NotAMailAddress {
                    email: email.into(),
                },
            )
            .at(v.span())
            .label(Msg::LabelNotMail {})
            .help(Msg::HelpMailForm {}),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_web;

    #[test]
    fn only_http_addresses_with_a_host_pass() {
        assert!(is_web("https://www.city.okayama.jp/"));
        assert!(is_web("http://localhost:8000/"));
        assert!(!is_web("javascript:alert(1)"));
        assert!(!is_web("www.city.okayama.jp"));
        assert!(!is_web("https://"));
        assert!(!is_web("https://example.jp/a b"));
    }
}
