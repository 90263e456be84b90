//! `sitemap.xml` and `robots.txt`: the only places with absolute URLs,
//! because those formats require them.

pub fn sitemap<'a>(base_url: &str, paths: impl Iterator<Item = &'a String>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths.filter(|p| p.ends_with(".html") && p.as_str() != "404.html") {
        out.push_str("  <url><loc>");
        out.push_str(&xml_escape(&format!("{base_url}{p}")));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(staff: bool, base_url: &str) -> String {
    if staff {
        "# 職員向けサイト: 検索エンジンに載せません\nUser-agent: *\nDisallow: /\n".to_string()
    } else {
        format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n")
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
