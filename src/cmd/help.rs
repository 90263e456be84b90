//! `--help` in the webmaster's language. clap reads its help texts before
//! the arguments are parsed, so the language is read from the arguments
//! (`--lang en`, `--lang=en`) and the locale first, and every about and help
//! text of the command is then set from the catalogue.

use super::Cli;
use crate::messages::{Lang, Msg};
use clap::{Arg, Command, CommandFactory, FromArgMatches, ValueEnum};
use std::ffi::OsString;

/// Reads the command line: the language first, then everything else with
/// help and version texts in that language. Exits on `--help`, `--version`
/// and on arguments clap rejects, as clap does.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Cli {
    let args: Vec<OsString> = args.into_iter().collect();
    let lang = Lang::from_args_or_env(lang_in_args(&args));
    Lang::set_for_process(lang);
    let matches = command(lang).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// `--lang X` or `--lang=X` anywhere before `--`; `None` when absent or not
/// a language (clap then says why).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut value = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        if w == "--lang" {
            value = words.next().map(|v| v.into_owned());
        } else if let Some(v) = w.strip_prefix("--lang=") {
            value = Some(v.to_string());
        }
    }
    value.and_then(|v| Lang::from_str(&v, true).ok())
}

/// The clap command with every about and help text in `lang`.
pub fn command(lang: Lang) -> Command {
    let text = |m: Msg| m.text(lang);
    let mut cmd = Cli::command();
    // Built first so that clap's own `--help`, `--version` and `help`
    // subcommand exist (and `--lang` reached every subcommand) before
    // their texts are replaced.
    cmd.build();
    translate(cmd, "", lang).about(text(Msg::CliAbout {}))
}

/// Help texts of one command's arguments and subcommands, and the headings
/// clap writes.
fn translate(cmd: Command, sub: &str, lang: Lang) -> Command {
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let usage = Msg::CliUsage {}.text(lang);
    let mut cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(fixed(&Msg::CliHeadingCommands {}, lang));
    for (id, positional) in args {
        let help = arg_help(sub, &id).map(|m| m.text(lang));
        let heading = if positional {
            fixed(&Msg::CliHeadingArguments {}, lang)
        } else {
            fixed(&Msg::CliHeadingOptions {}, lang)
        };
        cmd = cmd.mut_arg(&id, |a: Arg| {
            let a = a.help_heading(heading);
            match help {
                Some(h) => a.help(h).long_help(None::<&str>),
                None => a,
            }
        });
    }
    for name in subcommands {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = translate(s, &name, lang);
            match about(&name) {
                Some(m) => s.about(m.text(lang)).long_about(None::<&str>),
                None => s,
            }
        });
    }
    cmd
}

/// The text of a message without arguments as the catalogue holds it:
/// clap keeps headings as `&'static str`.
fn fixed(m: &Msg, lang: Lang) -> &'static str {
    let entry = Msg::ENTRIES.iter().find(|e| e.id == m.id());
    match (entry, lang) {
        (Some(e), Lang::Ja) => e.ja,
        (Some(e), Lang::En) => e.en,
        (None, _) => "",
    }
}

fn about(sub: &str) -> Option<Msg> {
    Some(match sub {
        "build" => Msg::CliBuild {},
        "check" => Msg::CliCheck {},
        "export" => Msg::CliExport {},
        "report" => Msg::CliReport {},
        "import" => Msg::CliImport {},
        "diff" => Msg::CliDiff {},
        "serve" => Msg::CliServe {},
        "help" => Msg::CliHelpCommand {},
        _ => return None,
    })
}

/// The help of argument `id` of subcommand `sub` ("" for the top level).
fn arg_help(sub: &str, id: &str) -> Option<Msg> {
    Some(match (sub, id) {
        (_, "help") => Msg::CliArgHelp {},
        (_, "version") => Msg::CliArgVersion {},
        (_, "lang") => Msg::CliArgLang {},
        ("help", "subcommand") => Msg::CliArgHelpSubcommand {},
        ("import", "root") => Msg::CliArgImportRoot {},
        ("diff", "root") => Msg::CliArgDiffRoot {},
        (_, "root") => Msg::CliArgRoot {},
        (_, "today") => Msg::CliArgToday {},
        (_, "verbose") => Msg::CliArgVerbose {},
        ("build", "out") => Msg::CliArgBuildOut {},
        ("check", "format") => Msg::CliArgCheckFormat {},
        ("export", "format") => Msg::CliArgExportFormat {},
        ("export", "audience") => Msg::CliArgExportAudience {},
        ("export", "out") => Msg::CliArgExportOut {},
        ("report", "format") => Msg::CliArgReportFormat {},
        ("import", "file") => Msg::CliArgImportFile {},
        ("import", "dry_run") => Msg::CliArgDryRun {},
        ("diff", "old") => Msg::CliArgDiffOld {},
        ("diff", "new") => Msg::CliArgDiffNew {},
        ("diff", "rev") => Msg::CliArgDiffRev {},
        ("diff", "staff") => Msg::CliArgDiffStaff {},
        ("diff", "html") => Msg::CliArgDiffHtml {},
        ("serve", "bind") => Msg::CliArgBind {},
        ("serve", "port") => Msg::CliArgPort {},
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap() {
        assert_eq!(
            lang_in_args(&os(&["tsunagu", "check", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&os(&["tsunagu", "--lang=ja", "build"])),
            Some(Lang::Ja)
        );
        assert_eq!(lang_in_args(&os(&["tsunagu", "check"])), None);
        assert_eq!(lang_in_args(&os(&["tsunagu", "--lang", "fr"])), None);
        // After `--` it is a value, not an option.
        assert_eq!(
            lang_in_args(&os(&["tsunagu", "diff", "--", "--lang=en"])),
            None
        );
    }

    /// Every command and every argument clap shows has a help text of its
    /// own in both languages, from the catalogue: a new option without an
    /// entry fails here rather than showing English to everyone.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut problems = Vec::new();
        for lang in [Lang::Ja, Lang::En] {
            let cmd = command(lang);
            walk(&cmd, lang, &mut problems);
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    fn walk(cmd: &Command, lang: Lang, problems: &mut Vec<String>) {
        let name = cmd.get_name();
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        check(&format!("{lang:?} {name}"), &about, lang, problems);
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            check(
                &format!("{lang:?} {name} {}", a.get_id()),
                &help,
                lang,
                problems,
            );
        }
        for s in cmd.get_subcommands() {
            walk(s, lang, problems);
        }
    }

    fn check(what: &str, text: &str, lang: Lang, problems: &mut Vec<String>) {
        let japanese = text
            .chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
        let ok = match lang {
            Lang::Ja => japanese,
            // English texts may quote a Japanese word (内線, 相談機関一覧).
            Lang::En => text.chars().any(|c| c.is_ascii_alphabetic()),
        };
        if text.trim().is_empty() || !ok {
            problems.push(format!("{what}: {text:?}"));
        }
    }
}
