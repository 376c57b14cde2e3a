//! `application/x-www-form-urlencoded` byte escaping (WHATWG URL standard), UTF-8.

/// Escapes `text`: ASCII alphanumerics and `*-._` stay, space becomes `+`, every other byte
/// becomes `%XX` (upper-case hex).
pub fn escape(text: &str, out: &mut String) {
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 15)] as char);
            }
        }
    }
}

/// Why a component could not be unescaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnescapeError {
    /// `%` not followed by two hex digits; the offset is within the component.
    BadPercent(usize),
    /// The bytes are not UTF-8.
    NotUtf8,
}

/// Unescapes one component: `+` is a space, `%XX` a byte; the result must be UTF-8.
pub fn unescape(bytes: &[u8]) -> Result<String, UnescapeError> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (
                    bytes.get(i + 1).and_then(|&b| hex(b)),
                    bytes.get(i + 2).and_then(|&b| hex(b)),
                ) {
                    (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
                    _ => return Err(UnescapeError::BadPercent(i)),
                }
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| UnescapeError::NotUtf8)
}
