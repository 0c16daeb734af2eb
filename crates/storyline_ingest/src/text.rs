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

/// How [`decode_text`] turned bytes into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoding {
    Utf8,
    /// UTF-8 with some invalid sequences, replaced with U+FFFD.
    Lossy,
    /// Not UTF-8 at all (no valid multi-byte sequence): read as Windows-1252, the usual
    /// legacy encoding of Western news sites, so that accented letters survive.
    Windows1252,
    /// A UTF-16 byte order mark said so.
    Utf16,
}

/// Decodes text of unknown encoding: UTF-16 with a byte order mark, UTF-8, or else
/// Windows-1252 when no byte sequence in it is multi-byte UTF-8, or else lossy UTF-8.
pub(crate) fn decode_text(bytes: Vec<u8>) -> (String, Decoding) {
    if let Some(encoding) = utf16_bom(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[2..]);
        return (text.into_owned(), Decoding::Utf16);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, Decoding::Utf8),
        Err(error) => error.into_bytes(),
    };
    let any_multibyte = bytes
        .utf8_chunks()
        .any(|chunk| chunk.valid().bytes().any(|byte| byte >= 0x80));
    if any_multibyte {
        (
            String::from_utf8_lossy(&bytes).into_owned(),
            Decoding::Lossy,
        )
    } else {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
        (text.into_owned(), Decoding::Windows1252)
    }
}

/// The UTF-16 variant a byte order mark announces, if the bytes start with one.
pub(crate) fn utf16_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// The warning to give for text that was not clean UTF-8, if any.
pub(crate) fn decoding_warning(decoding: Decoding) -> Option<&'static str> {
    match decoding {
        Decoding::Utf8 | Decoding::Utf16 => None,
        Decoding::Lossy => Some("invalid UTF-8 replaced with U+FFFD"),
        Decoding::Windows1252 => {
            Some("not UTF-8 (no multi-byte UTF-8 sequence): decoded as Windows-1252")
        }
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
    fn decodes_legacy_encodings() {
        assert_eq!(
            decode_text(b"plain".to_vec()),
            ("plain".to_owned(), Decoding::Utf8)
        );
        assert_eq!(
            decode_text(b"caf\xE9 \x93quoted\x94".to_vec()),
            ("café “quoted”".to_owned(), Decoding::Windows1252)
        );
        assert_eq!(
            decode_text(
                "café \u{FF}"
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain([0xE9])
                    .collect()
            ),
            ("café \u{FF}\u{FFFD}".to_owned(), Decoding::Lossy)
        );
        assert_eq!(
            decode_text(vec![0xFF, 0xFE, b'h', 0, 0xE9, 0]),
            ("hé".to_owned(), Decoding::Utf16)
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
