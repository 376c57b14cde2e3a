//! Canvas's `format_message` for criterion long descriptions (HTML-escape, link URLs, turn
//! newlines into `<br/>\r\n`) and its inverse, so the editor can edit what Canvas stored.

/// Formats plain text as Canvas stores a long description: `& < > " '` escaped, `http(s)://`
/// URLs wrapped in links, `\r` dropped and newlines turned into `<br/>\r\n`.
pub fn format_message(text: &str) -> String {
    let text = text.replace('\r', "");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br/>\r\n");
        }
        for (j, word) in line.split(' ').enumerate() {
            if j > 0 {
                out.push(' ');
            }
            if word.starts_with("http://") || word.starts_with("https://") {
                let url = escape(word);
                out.push_str(&format!("<a href='{url}'>{url}</a>"));
            } else {
                out.push_str(&escape(word));
            }
        }
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The text a teacher typed, recovered from a stored long description: line breaks back to
/// newlines, tags dropped, the five entities unescaped.
pub fn plain_text(html: &str) -> String {
    let html = html
        .replace("<br/>\r\n", "\n")
        .replace("<br/>", "\n")
        .replace("<br>", "\n");
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        match rest[start..].find('>') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
