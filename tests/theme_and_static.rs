//! Themes and static files as a webmaster can get them wrong: a misspelt or
//! path-like `theme`, a broken template that `check` must catch as `build`
//! would, and dot-files in `static/` that must never be published.

mod common;

use std::path::Path;
use std::process::Output;

use common::tsunagu;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of the canary fixture (small and valid) to break on purpose.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), tmp.path());
    tmp
}

/// Puts `theme = …` on the first line of site.toml (column 9 is its value).
fn set_theme(root: &Path, value: &str) {
    let path = root.join("content/site.toml");
    let text = common::read(&path);
    std::fs::write(&path, format!("theme = {value}\n{text}")).expect("write");
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// `check` and `build` must agree: both fail, and build writes nothing.
fn both_fail(root: &Path) -> String {
    let check = tsunagu(&["check"], root);
    assert_eq!(check.status.code(), Some(1), "check: {}", stderr(&check));
    let build = tsunagu(&["build"], root);
    assert_eq!(build.status.code(), Some(1), "build: {}", stderr(&build));
    assert!(!root.join("public").exists(), "a failed build wrote output");
    stderr(&check)
}

#[test]
fn a_misspelt_theme_is_an_error_with_a_suggestion() {
    let site = site();
    set_theme(site.path(), "\"defualt\"");
    let err = both_fail(site.path());
    assert!(err.contains("error[unknown-theme]"), "{err}");
    assert!(err.contains("content/site.toml:1:9"), "{err}");
    assert!(err.contains("`default` のことですか？"), "{err}");
}

#[test]
fn a_theme_of_the_site_is_suggested_and_used() {
    let site = site();
    write(
        site.path(),
        "themes/kanaria/templates/index.html",
        "{% extends \"base.html\" %}{% block main %}<p>KANARIA THEME</p>{% endblock main %}",
    );
    set_theme(site.path(), "\"kanari\"");
    let err = both_fail(site.path());
    assert!(err.contains("`kanaria` のことですか？"), "{err}");

    // A theme folder replaces the built-in theme as a whole.
    let site = self::site();
    common::copy_dir(
        &common::repo().join("themes/default"),
        &site.path().join("themes/kanaria"),
    );
    write(
        site.path(),
        "themes/kanaria/templates/index.html",
        "<p>KANARIA THEME</p>",
    );
    set_theme(site.path(), "\"kanaria\"");
    let out = tsunagu(&["build"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let html = common::read(&site.path().join("public/citizen/index.html"));
    assert!(html.contains("KANARIA THEME"), "{html}");
}

#[test]
fn a_theme_path_outside_themes_is_refused_and_its_static_files_not_published() {
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "static/secret.txt", "CANARY_OUTSIDE_THEME");
    write(outside.path(), "templates/index.html", "<p>outside</p>");
    let absolute = outside.path().display().to_string();
    let site = site();
    // `..` from themes/ reaches a folder beside the site folder.
    let sibling = tempfile::tempdir_in(site.path().parent().expect("parent")).expect("dir");
    write(sibling.path(), "static/secret.txt", "CANARY_OUTSIDE_THEME");
    let relative = format!(
        "../../{}",
        sibling.path().file_name().expect("name").to_string_lossy()
    );
    for value in [absolute.as_str(), relative.as_str(), ".", ""] {
        let site = self::site();
        set_theme(site.path(), &format!("{value:?}"));
        let err = both_fail(site.path());
        assert!(err.contains("error[theme-path]"), "{value}: {err}");
        assert!(err.contains("content/site.toml:1:9"), "{value}: {err}");
    }
}

#[test]
fn check_fails_where_build_fails_on_a_template_syntax_error() {
    let site = site();
    write(
        site.path(),
        "templates/agency.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ agency.name </p>\n{% endblock main %}\n",
    );
    let err = both_fail(site.path());
    assert!(err.contains("error[template-error]"), "{err}");
    assert!(err.contains("templates/agency.html:3:20"), "{err}");
}

#[test]
fn check_fails_where_build_fails_on_a_missing_template() {
    let site = site();
    write(
        site.path(),
        "templates/program.html",
        "{% extends \"base.html\" %}{% block main %}{% include \"no-such-part.html\" %}{% endblock main %}",
    );
    let err = both_fail(site.path());
    assert!(err.contains("error[template-error]"), "{err}");
    assert!(err.contains("no-such-part.html"), "{err}");
    assert!(err.contains("templates/program.html"), "{err}");

    // A theme of the site's own that lacks a page template.
    let site = self::site();
    write(
        site.path(),
        "themes/bare/templates/index.html",
        "<p>home</p>",
    );
    set_theme(site.path(), "\"bare\"");
    let err = both_fail(site.path());
    assert!(err.contains("error[template-error]"), "{err}");
    assert!(err.contains("not found"), "{err}");
    assert!(err.contains("themes/bare/templates"), "{err}");
}

#[test]
fn check_writes_nothing() {
    let site = site();
    let out = tsunagu(&["check"], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let entries: Vec<_> = std::fs::read_dir(site.path())
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(entries, ["content"], "check wrote into the site folder");
}

#[test]
fn dot_files_and_folders_in_static_are_never_published() {
    let site = site();
    for (rel, text) in [
        ("static/.private/notes.txt", "CANARY_DOT_FOLDER"),
        ("static/.git/config", "CANARY_DOT_GIT"),
        ("static/img/.secret.txt", "CANARY_DOT_FILE"),
        ("static/img/logo.txt", "published"),
        ("themes/dotty/static/.env", "CANARY_THEME_DOT_FILE"),
        ("themes/dotty/static/css/extra.css", "p{}"),
    ] {
        write(site.path(), rel, text);
    }
    // The site's own theme starts from nothing: give it the default templates.
    common::copy_dir(
        &common::repo().join("themes/default/templates"),
        &site.path().join("themes/dotty/templates"),
    );
    set_theme(site.path(), "\"dotty\"");
    // --verbose: four warnings of one kind would otherwise be summed up.
    let check = tsunagu(&["check", "--verbose"], site.path());
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "warnings only: {err}");
    for skipped in [
        "static/.private",
        "static/.git",
        "static/img/.secret.txt",
        "themes/dotty/static/.env",
    ] {
        assert!(
            err.contains(&format!("`{skipped}` は公開しません")),
            "{skipped}: {err}"
        );
    }
    let build = tsunagu(&["build"], site.path());
    assert!(build.status.success(), "{}", stderr(&build));
    let public = site.path().join("public");
    for tree in ["citizen", "staff"] {
        let files = common::read_tree(&public.join(tree));
        assert!(files.contains_key("static/img/logo.txt"), "{tree}");
        assert!(files.contains_key("static/css/extra.css"), "{tree}");
        for (path, bytes) in &files {
            assert!(
                !path.split('/').any(|seg| seg.starts_with('.')),
                "{tree}/{path} published"
            );
            assert!(!common::contains(bytes, "CANARY_DOT"), "{tree}/{path}");
            assert!(
                !common::contains(bytes, "CANARY_THEME_DOT"),
                "{tree}/{path}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn links_in_static_are_never_followed_and_are_named() {
    let site = site();
    let root = site.path();
    let tmp = tempfile::tempdir().expect("temp dir");
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, "CANARY_LINKED_SECRET_41f").expect("write");
    std::fs::create_dir_all(root.join("static")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, root.join("static/leak.txt")).expect("symlink");
    std::os::unix::fs::symlink(tmp.path(), root.join("static/folder")).expect("symlink");
    let out = tsunagu(&["build"], root);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning[hidden-static]") && err.contains("leak.txt"),
        "{err}"
    );
    assert!(err.contains("static/folder"), "{err}");
    for (path, bytes) in common::read_tree(&root.join("public")) {
        assert!(
            !common::contains(&bytes, "CANARY_LINKED_SECRET_41f"),
            "{path} holds the linked file"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_theme_folder_linked_from_outside_the_site_is_refused() {
    let site = site();
    let root = site.path();
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "elsewhere/static/x.css", "body{}");
    std::fs::create_dir_all(root.join("themes")).expect("mkdir");
    std::os::unix::fs::symlink(tmp.path().join("elsewhere"), root.join("themes/own"))
        .expect("symlink");
    set_theme(root, "\"own\"");
    let err = both_fail(root);
    assert!(
        err.contains("error[theme-path]") && err.contains("サイトのフォルダーの外"),
        "{err}"
    );
}
