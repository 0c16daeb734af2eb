//! Byte and text helpers shared by every format: lossy UTF-8 decoding, truncation at a
//! character boundary, and the binary-file sniff.
//!
//! Readers hand raw bytes in and get `String`s (or bounded byte buffers) out; nothing here
//! allocates when the input is already valid and small enough.

/// How many leading bytes the binary sniff looks at.
pub(crate) const SNIFF_BYTES: usize = 1024;

/// Decodes bytes as UTF-8 without copying when they are valid; otherwise replaces invalid
/// sequences with U+FFFD. The flag says whether anything was replaced.
pub(crate) fn decode_lossy(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
    }
}

/// Shortens `text` to at most `max_bytes` bytes, cutting at a character boundary.
/// Returns whether anything was cut.
pub(crate) fn truncate_text(text: &mut String, max_bytes: usize) -> bool {
    if text.len() <= max_bytes {
        return false;
    }
    let mut cut = max_bytes;
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    true
}

/// Shortens raw bytes (HTML in an unknown encoding) to at most `max_bytes`. If the cut falls
/// inside a UTF-8 sequence it backs off to the sequence start, so UTF-8 pages stay valid;
/// for single-byte encodings this loses at most three bytes. Returns whether anything was cut.
pub(crate) fn truncate_bytes(bytes: &mut Vec<u8>, max_bytes: usize) -> bool {
    if bytes.len() <= max_bytes {
        return false;
    }
    let mut cut = max_bytes;
    let floor = max_bytes.saturating_sub(3);
    while cut > floor
        && bytes
            .get(cut)
            .is_some_and(|&byte| (0x80..0xC0).contains(&byte))
    {
        cut -= 1;
    }
    bytes.truncate(cut);
    true
}

/// True when the first bytes of a file look like binary data rather than text: any NUL
/// byte, or more than 10% control characters other than the usual whitespace.
pub(crate) fn looks_binary(prefix: &[u8]) -> bool {
    let prefix = &prefix[..prefix.len().min(SNIFF_BYTES)];
    if prefix.is_empty() {
        return false;
    }
    if memchr::memchr(0, prefix).is_some() {
        return true;
    }
    let n_control = prefix
        .iter()
        .filter(|&&byte| {
            (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c)) || byte == 0x7f
        })
        .count();
    n_control * 10 > prefix.len()
}

/// Removes a leading UTF-8 byte order mark, which some editors put at the start of files.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// True when the text holds nothing but whitespace.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, max_bytes: usize, expected: &str) {
        let mut text = input.to_owned();
        let cut = truncate_text(&mut text, max_bytes);
        assert_eq!(text, expected);
        assert_eq!(cut, input.len() > max_bytes);
    }

    #[test]
    fn truncates_at_char_boundary() {
        check("hello", 10, "hello");
        check("hello", 3, "hel");
        check("héllo", 2, "h");
        check("日本語", 4, "日");
        check("", 0, "");
    }

    #[test]
    fn truncates_bytes_before_utf8_sequence() {
        let mut bytes = "aé".as_bytes().to_vec();
        assert!(truncate_bytes(&mut bytes, 2));
        assert_eq!(bytes, b"a");
        let mut latin1 = vec![b'a', 0xE9, b'b'];
        assert!(truncate_bytes(&mut latin1, 2));
        assert_eq!(latin1, vec![b'a', 0xE9]);
    }

    #[test]
    fn decodes_lossily() {
        assert_eq!(decode_lossy(b"ok".to_vec()), ("ok".to_owned(), false));
        assert_eq!(
            decode_lossy(vec![b'a', 0xFF]),
            ("a\u{FFFD}".to_owned(), true)
        );
    }

    #[test]
    fn sniffs_binary() {
        assert!(!looks_binary(b"plain text\nwith lines\r\n\ttabs"));
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(looks_binary(&[1, 2, 3, 4, b'a']));
        assert!(!looks_binary(b""));
        assert!(!looks_binary("ünïcödé".as_bytes()));
    }
}
