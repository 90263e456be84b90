//! `sitemap.xml` and `robots.txt`: the only places with absolute URLs,
//! because those formats require them.

/// The protocol's limit of URLs per sitemap file.
pub const MAX_URLS: usize = 50_000;

/// The sitemap files of a site, as (path, text): one `sitemap.xml` while the
/// site has at most [`MAX_URLS`] pages; beyond that `sitemap-1.xml` … each
/// within the limit, and `sitemap.xml` becomes their sitemap index, so
/// robots.txt names the same file at any size.
pub fn sitemaps<'a>(
    base_url: &str,
    paths: impl Iterator<Item = &'a String>,
    max_urls: usize,
) -> Vec<(String, String)> {
    let pages: Vec<&String> = paths
        .filter(|p| p.ends_with(".html") && p.as_str() != "404.html")
        .collect();
    if pages.len() <= max_urls {
        return vec![("sitemap.xml".to_string(), urlset(base_url, &pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, chunk) in pages.chunks(max_urls.max(1)).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str("  <sitemap><loc>");
        index.push_str(&xml_escape(&format!("{base_url}{name}")));
        index.push_str("</loc></sitemap>\n");
        files.push((name, urlset(base_url, chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

fn urlset(base_url: &str, pages: &[&String]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in pages {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("agencies/a{i}.html")).collect()
    }

    #[test]
    fn a_small_site_has_one_sitemap() {
        let p = pages(3);
        let files = sitemaps("https://example.jp/", p.iter(), 3);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert_eq!(files[0].1.matches("<url>").count(), 3);
    }

    #[test]
    fn past_the_limit_sitemaps_split_under_an_index() {
        let p = pages(7);
        let files = sitemaps("https://example.jp/", p.iter(), 3);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let counts: Vec<usize> = files[..3]
            .iter()
            .map(|(_, x)| x.matches("<url>").count())
            .collect();
        assert_eq!(counts, [3, 3, 1]);
        let index = &files[3].1;
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://example.jp/sitemap-3.xml</loc>"));
        assert!(!index.contains("<url>"));
    }
}
