//! Page bytes → UTF-8 text: choosing the character encoding and decoding with `encoding_rs`.
//!
//! Main function: [`decode_page`]. The order follows what browsers trust: a byte-order mark, then
//! the charset of the HTTP header, then a `<meta charset>` / `http-equiv` declaration in the first
//! [`PRESCAN_BYTES`], then sniffing (valid UTF-8 → UTF-8, else windows-1252). The text goes to
//! [`crate::html`].

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta>` charset declaration is looked for (HTML says 1024 bytes;
/// real pages put long `<head>` scripts first, so we look further).
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// Decodes `bytes`, returning the text and the name of the encoding used.
pub(crate) fn decode_page(bytes: &[u8], declared_charset: Option<&str>) -> (String, &'static str) {
    let encoding = choose_encoding(bytes, declared_charset);
    // `decode` strips a BOM and lets it override the chosen encoding, as browsers do.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

fn choose_encoding(bytes: &[u8], declared_charset: Option<&str>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = declared_charset.and_then(label_to_encoding) {
        return encoding;
    }
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if let Some(encoding) = meta_charset(head) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() || utf8_up_to_cut(bytes) {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// True when `bytes` is valid UTF-8 except for a sequence cut off at the very end (a page
/// truncated by the crawler).
fn utf8_up_to_cut(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    }
}

/// Maps a charset label to an encoding; a page that claims UTF-16 in ASCII-compatible markup is
/// really UTF-8 (browsers do the same).
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label
        .trim()
        .trim_matches(|character| character == '"' || character == '\'');
    let encoding = Encoding::for_label(label.as_bytes())?;
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(encoding.output_encoding())
}

/// Finds `charset=` inside a `<meta …>` tag of `head` (covers both `<meta charset="x">` and
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = head.to_ascii_lowercase();
    let mut cursor = 0;
    while let Some(offset) = memchr::memmem::find(&head[cursor..], b"<meta") {
        let tag_start = cursor + offset;
        let tag_end =
            memchr::memchr(b'>', &head[tag_start..]).map_or(head.len(), |gt| tag_start + gt);
        let tag = &head[tag_start..tag_end];
        if let Some(position) = memchr::memmem::find(tag, b"charset") {
            let mut value_start = position + b"charset".len();
            while value_start < tag.len() && matches!(tag[value_start], b' ' | b'=' | b'"' | b'\'')
            {
                value_start += 1;
            }
            let value_end = tag[value_start..]
                .iter()
                .position(|byte| matches!(byte, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .map_or(tag.len(), |length| value_start + length);
            if let Some(encoding) = std::str::from_utf8(&tag[value_start..value_end])
                .ok()
                .and_then(label_to_encoding)
            {
                return Some(encoding);
            }
        }
        cursor = tag_start + 5;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], declared: Option<&str>, expected_text: &str, expected_encoding: &str) {
        let (text, encoding) = decode_page(bytes, declared);
        assert!(
            text.contains(expected_text),
            "{text:?} lacks {expected_text:?}"
        );
        assert_eq!(encoding, expected_encoding);
    }

    #[test]
    fn charset_sources_in_order() {
        // Header wins over meta.
        check(
            b"<meta charset=utf-8><p>caf\xe9",
            Some("iso-8859-1"),
            "café",
            "windows-1252",
        );
        // Meta charset and http-equiv.
        check(
            b"<meta charset=\"ISO-8859-1\"><p>caf\xe9",
            None,
            "café",
            "windows-1252",
        );
        check(
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8",
            None,
            "При",
            "windows-1251",
        );
        // BOM wins over everything.
        check(
            b"\xef\xbb\xbf<p>caf\xc3\xa9",
            Some("iso-8859-1"),
            "café",
            "UTF-8",
        );
        // Sniffing: valid UTF-8, then windows-1252.
        check("<p>café — ok".as_bytes(), None, "café — ok", "UTF-8");
        check(
            b"<p>caf\xe9 \x93quoted\x94",
            None,
            "café “quoted”",
            "windows-1252",
        );
        // A bogus label falls through to sniffing; UTF-16 in markup means UTF-8.
        check("<p>café".as_bytes(), Some("x-bogus"), "café", "UTF-8");
        check(
            b"<meta charset=utf-16><p>caf\xc3\xa9",
            None,
            "café",
            "UTF-8",
        );
        // A multi-byte character cut at the end still counts as UTF-8.
        check(b"<p>caf\xc3\xa9 \xe2\x80", None, "café", "UTF-8");
    }
}
