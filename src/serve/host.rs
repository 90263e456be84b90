//! Which `Host` headers the preview answers. A web page on any site can make
//! a browser resolve its own domain name to 127.0.0.1 (DNS rebinding) and then
//! read the staff preview as if it were that site; the only thing that gives
//! such a request away is its `Host` header, which names the attacker's domain.
//! So only names that point at the bound address itself are answered.

use std::net::IpAddr;

pub struct Hosts {
    bound: IpAddr,
}

impl Hosts {
    pub fn new(bound: IpAddr) -> Self {
        Hosts { bound }
    }

    /// Whether a request with this `Host` header (`None`: none sent) is for
    /// us: `localhost`, a loopback address or the bound address, with or
    /// without a port. On an unspecified bind (`0.0.0.0`, `::`) any address of
    /// this machine can be meant, so any IP address is taken; an IP address
    /// cannot be rebound, only a name can.
    pub fn allows(&self, host: Option<&str>) -> bool {
        let Some(name) = host.and_then(strip_port) else {
            return false;
        };
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Ok(ip) = name.parse::<IpAddr>() else {
            return false;
        };
        ip.is_loopback() || ip == self.bound || self.bound.is_unspecified()
    }
}

/// The host part of a `Host` value (`[::1]:8000` → `::1`); `None` when the
/// port is not a number.
fn strip_port(host: &str) -> Option<&str> {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        (ip, after)
    } else {
        host.split_at(host.find(':').unwrap_or(host.len()))
    };
    let port_ok = match port.strip_prefix(':') {
        Some(digits) => !digits.is_empty() && digits.parse::<u16>().is_ok(),
        None => port.is_empty(),
    };
    (port_ok && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(ip: &str) -> Hosts {
        Hosts::new(ip.parse().unwrap())
    }

    #[test]
    fn local_names_are_answered_with_or_without_the_port() {
        let h = on("127.0.0.1");
        for host in [
            "localhost",
            "LOCALHOST:8000",
            "127.0.0.1",
            "127.0.0.1:8000",
            "[::1]",
            "[::1]:8000",
        ] {
            assert!(h.allows(Some(host)), "{host}");
        }
    }

    #[test]
    fn other_names_and_a_missing_host_are_not() {
        let h = on("127.0.0.1");
        for host in [
            "evil.example.com",
            "evil.example.com:8000",
            "localhost.evil.example.com",
            "127.0.0.1.nip.io",
            "localhost:80x",
            "localhost:",
            "[::1",
            "::1",
            "",
            "192.168.1.20",
        ] {
            assert!(!h.allows(Some(host)), "{host}");
        }
        assert!(!h.allows(None));
    }

    #[test]
    fn the_bound_address_is_answered() {
        let h = on("192.168.1.20");
        assert!(h.allows(Some("192.168.1.20:8000")));
        assert!(!h.allows(Some("192.168.1.21")));
        assert!(!h.allows(Some("intranet.example.jp")));
        let any = on("0.0.0.0");
        assert!(any.allows(Some("192.168.1.21:8000")));
        assert!(!any.allows(Some("intranet.example.jp")));
    }
}
