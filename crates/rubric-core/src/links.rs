//! Canvas's `Link` pagination header: `<url>; rel="next",<url>; rel="last"`.

/// The links of one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// This page.
    pub current: Option<String>,
    /// The next page, absent on the last.
    pub next: Option<String>,
    /// The previous page, absent on the first.
    pub prev: Option<String>,
    /// The first page.
    pub first: Option<String>,
    /// The last page, when Canvas knows it.
    pub last: Option<String>,
}

/// Parses a `Link` header; unknown relations and malformed entries are ignored.
pub fn parse_link_header(header: &str) -> Links {
    let mut links = Links::default();
    let mut rest = header;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let url = rest[open + 1..open + close].trim().to_string();
        let after = &rest[open + close + 1..];
        let end = after.find('<').unwrap_or(after.len());
        let params = &after[..end];
        for param in params.split(';') {
            let Some((name, value)) = param.split_once('=') else {
                continue;
            };
            if name.trim() != "rel" {
                continue;
            }
            for rel in value
                .trim()
                .trim_end_matches(',')
                .trim()
                .trim_matches('"')
                .split_whitespace()
            {
                let slot = match rel {
                    "current" => &mut links.current,
                    "next" => &mut links.next,
                    "prev" => &mut links.prev,
                    "first" => &mut links.first,
                    "last" => &mut links.last,
                    _ => continue,
                };
                *slot = Some(url.clone());
            }
        }
        rest = &after[end..];
    }
    links
}

/// The path and query of a URL (`https://host/api/v1/x?page=2` becomes `/api/v1/x?page=2`), so a
/// next-page link can be followed through the client's own base URL or proxy.
pub fn path_and_query(url: &str) -> &str {
    match url.find("://") {
        Some(scheme) => url[scheme + 3..]
            .find('/')
            .map_or("/", |slash| &url[scheme + 3 + slash..]),
        None => url,
    }
}
