//! `tsunagu serve`: a preview server for webmasters. It builds both trees in
//! memory (public/ is never touched), serves the citizen tree at `/` and the
//! staff tree at `/staff/`, rebuilds when the site folder changes and reloads
//! open tabs over server-sent events. While the content is broken it keeps
//! serving the last good build with an error overlay on top.

mod host;
mod http;
mod overlay;
mod rebuild;
mod reload;
mod server;
mod state;
mod watch;

pub use http::{content_type, resolve, Route, STAFF_PREFIX};
pub use reload::{inject, EVENTS_PATH};
pub use watch::{Change, Scope};

use chrono::NaiveDate;
use rebuild::Builder;
use state::State;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("port {port} is in use; try --port {next}")]
    PortInUse { port: u16, next: u16 },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("site folder {path} not found: {source}")]
    Root {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
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

    while let Some(change) = watch.next() {
        on_change(&mut builder, &state, &change);
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
    match builder.build(Scope::Content) {
        Ok(trees) => {
            eprintln!(
                "built {} in memory in {} ms",
                rebuild::summary(&trees),
                started.elapsed().as_millis()
            );
            state.publish(trees);
        }
        Err(overlay) => {
            eprintln!("build failed; fix the errors above and save to try again");
            state.fail(overlay);
        }
    }
}

fn announce(addr: SocketAddr) {
    use std::io::Write;
    println!("citizen site: http://{addr}/");
    println!("staff site:   http://{addr}{STAFF_PREFIX}");
    if !addr.ip().is_loopback() {
        // The preview includes the staff site and quotes source lines in
        // its error overlay: on a network address anyone who can reach it
        // sees internal data.
        println!(
            "warning: serving on {} — the staff site (担当者, 内線) is visible to anyone who can reach this address",
            addr.ip()
        );
    }
    println!("watching content/, themes/, templates/ and static/; press Ctrl-C to stop");
    // Scripts that start serve read the URLs from a pipe.
    let _ = std::io::stdout().flush();
}

fn on_change(builder: &mut Builder, state: &State, change: &Change) {
    let started = Instant::now();
    let result = builder.build(change.scope);
    let ms = started.elapsed().as_millis();
    let what = change.describe();
    match result {
        Ok(trees) => {
            let snap = state.snapshot();
            let unchanged = snap.overlay.is_none() && snap.trees.is_some_and(|t| *t == trees);
            if unchanged {
                eprintln!("rebuilt in {ms} ms ({what}); output unchanged");
            } else {
                state.publish(trees);
                eprintln!("rebuilt in {ms} ms ({what})");
            }
        }
        Err(overlay) => {
            state.fail(overlay);
            eprintln!("rebuild failed in {ms} ms ({what}); still serving the last good build");
        }
    }
}
