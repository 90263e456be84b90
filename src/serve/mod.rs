//! `tsunagu serve`: a preview server for webmasters. It builds both trees in
//! memory (public/ is never touched), serves the citizen tree at `/` and the
//! staff tree at `/staff/`, rebuilds when the site folder changes and reloads
//! open tabs over server-sent events. While the content is broken it keeps
//! serving the last good build with an error overlay on top.

mod host;
mod http;
mod later;
mod overlay;
mod rebuild;
mod reload;
mod server;
mod state;
mod watch;

pub use http::{content_type, resolve, Route, STAFF_PREFIX};
pub use reload::{inject, EVENTS_PATH};
pub use watch::{Change, Scope};

use crate::messages::Msg;
use chrono::NaiveDate;
use rebuild::Builder;
use state::State;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}", self.msg())]
    PortInUse { port: u16, next: u16 },
    #[error("{}", self.msg())]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{}", self.msg())]
    Root {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.msg())]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
}

impl ServeError {
    fn msg(&self) -> Msg {
        match self {
            ServeError::PortInUse { port, next } => Msg::ErrPortInUse {
                port: port.to_string().into(),
                next: next.to_string().into(),
            },
            ServeError::Bind { addr, source } => Msg::ErrBind {
                addr: addr.to_string().into(),
                detail: source.to_string().into(),
            },
            ServeError::Root { path, source } => Msg::ErrRoot {
                path: path.display().into(),
                detail: source.to_string().into(),
            },
            ServeError::Watch { path, source } => Msg::ErrWatch {
                path: path.display().into(),
                detail: source.to_string().into(),
            },
        }
    }
}

pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Fixed "today" for date checks; the Japanese date when `None`.
    pub today: Option<NaiveDate>,
    pub color: bool,
}

/// Serves until the process is stopped.
pub fn run(opts: Options) -> Result<(), ServeError> {
    let root = opts
        .root
        .canonicalize()
        .map_err(|source| ServeError::Root {
            path: opts.root.clone(),
            source,
        })?;
    let listener = bind(SocketAddr::new(opts.bind, opts.port))?;
    let addr = listener.local_addr().map_err(|source| ServeError::Bind {
        addr: SocketAddr::new(opts.bind, opts.port),
        source,
    })?;
    let mut watch = watch::Watch::start(&root)?;
    let state = Arc::new(State::default());
    let mut builder = Builder::new(root.clone(), opts.today, opts.color);
    first_build(&mut builder, &state);

    let for_server = Arc::clone(&state);
    let hosts = Arc::new(host::Hosts::new(addr.ip()));
    std::thread::spawn(move || server::serve(listener, for_server, hosts));
    announce(addr);
    let background = later::Background::new();
    let mut later = builder
        .later()
        .map(|step| background.start(step, None, Arc::clone(&state), root.clone()));

    while let Some(change) = watch.next() {
        if let Some(running) = &later {
            running.cancel();
        }
        on_change(&mut builder, &state, &change);
        // A failed build has no second step; the cancelled one is kept, to
        // be waited for by the next.
        if let Some(step) = builder.later() {
            let before = later.take();
            later = Some(background.start(step, before, Arc::clone(&state), root.clone()));
        }
    }
    Ok(())
}

fn bind(addr: SocketAddr) -> Result<TcpListener, ServeError> {
    TcpListener::bind(addr).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AddrInUse {
            ServeError::PortInUse {
                port: addr.port(),
                next: addr.port().saturating_add(1),
            }
        } else {
            ServeError::Bind { addr, source }
        }
    })
}

fn first_build(builder: &mut Builder, state: &State) {
    let started = Instant::now();
    match builder.build(None) {
        Ok(built) => {
            state.publish(built.patch);
            let trees = state.snapshot().trees.unwrap_or_default();
            eprintln!(
                "{}",
                Msg::ServeBuiltInMemory {
                    summary: rebuild::summary(&trees).into(),
                    ms: started.elapsed().as_millis().to_string().into(),
                }
            );
        }
        Err(overlay) => {
            eprintln!("{}", Msg::ServeFirstBuildFailed {});
            state.fail(overlay);
        }
    }
}

fn announce(addr: SocketAddr) {
    use std::io::Write;
    println!(
        "{}",
        Msg::ServeCitizenUrl {
            url: format!("http://{addr}/").into()
        }
    );
    println!(
        "{}",
        Msg::ServeStaffUrl {
            url: format!("http://{addr}{STAFF_PREFIX}").into()
        }
    );
    if !addr.ip().is_loopback() {
        // The preview includes the staff site and quotes source lines in
        // its error overlay: on a network address anyone who can reach it
        // sees internal data.
        println!(
            "{}",
            Msg::ServeExposed {
                ip: addr.ip().to_string().into()
            }
        );
    }
    println!("{}", Msg::ServeWatching {});
    // Scripts that start serve read the URLs from a pipe.
    let _ = std::io::stdout().flush();
}

fn on_change(builder: &mut Builder, state: &State, change: &Change) {
    let started = Instant::now();
    let result = builder.build(Some(change));
    let ms = started.elapsed().as_millis();
    let what = change.describe();
    match result {
        Ok(built) => {
            let snap = state.snapshot();
            let unchanged = snap.overlay.is_none()
                && snap.trees.is_some()
                && built.patch.iter().all(|p| p.is_empty());
            if unchanged {
                eprintln!(
                    "{}",
                    Msg::ServeRebuiltUnchanged {
                        ms: ms.to_string().into(),
                        what: what.to_string().into()
                    }
                );
            } else {
                state.publish(built.patch);
                eprintln!(
                    "{}",
                    Msg::ServeRebuilt {
                        ms: ms.to_string().into(),
                        what: what.to_string().into()
                    }
                );
            }
        }
        Err(overlay) => {
            state.fail(overlay);
            eprintln!(
                "{}",
                Msg::ServeRebuildFailed {
                    ms: ms.to_string().into(),
                    what: what.to_string().into()
                }
            );
        }
    }
}
