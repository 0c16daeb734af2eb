//! Which reader a file goes to: by its name's extension, or by sniffing its first bytes
//! when a file named on the command line has an extension we do not know.
//!
//! [`FileKind`] is decided here and consumed by the reader in `reader.rs`.

use std::path::Path;

/// The input formats ingest understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One plain-text article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One HTML page per file.
    Html,
    /// A WARC archive of HTTP records.
    Warc,
}

/// A file's format and whether it is gzip-compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileKind {
    pub(crate) format: Format,
    pub(crate) gzip: bool,
}

/// Splits a file name into its stem and a lowercase compound extension we know,
/// e.g. `Story.HTML.gz` → (`Story`, kind html+gzip). `None` for unknown extensions.
pub(crate) fn classify(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (inner, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (name.as_str(), false),
    };
    let extension = inner.rsplit_once('.')?.1;
    let format = match extension {
        "txt" | "text" => Format::Text,
        "jsonl" | "json" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "warc" => Format::Warc,
        _ => return None,
    };
    Some(FileKind { format, gzip })
}

/// The article id a single-article file gets: its name without the known extensions
/// (`a.b.html.gz` → `a.b`), or the whole name when the extension is unknown.
pub(crate) fn file_stem(path: &Path) -> String {
    let name = match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => return path.to_string_lossy().into_owned(),
    };
    let mut stem = name.as_str();
    if stem.to_ascii_lowercase().ends_with(".gz") {
        stem = &stem[..stem.len() - 3];
    }
    if classify(path).is_some() {
        if let Some((before, _)) = stem.rsplit_once('.') {
            if !before.is_empty() {
                stem = before;
            }
        }
    }
    stem.to_owned()
}

/// Guesses the format of a file with an unknown extension from its first bytes
/// (already decompressed): a WARC header, an HTML tag, a JSON object, or else text.
pub(crate) fn sniff(prefix: &[u8]) -> Format {
    let trimmed = crate::text::strip_bom(prefix);
    let start = trimmed
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(trimmed.len());
    let trimmed = &trimmed[start..];
    if trimmed.starts_with(b"WARC/1.") {
        return Format::Warc;
    }
    if looks_like_html(trimmed) {
        return Format::Html;
    }
    if trimmed.starts_with(b"{") && first_line_is_json_object(trimmed) {
        return Format::Jsonl;
    }
    Format::Text
}

/// True when the bytes (after leading whitespace) open like an HTML document.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..]
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| head.starts_with(tag.as_bytes()))
}

pub(crate) fn first_line_is_json_object(bytes: &[u8]) -> bool {
    let line = match memchr::memchr(b'\n', bytes) {
        Some(end) => &bytes[..end],
        // The sniff window may end mid-line: an unfinished object still counts.
        None => return true,
    };
    matches!(
        serde_json::from_slice::<serde_json::Value>(line),
        Ok(serde_json::Value::Object(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expected: Option<(Format, bool)>) {
        let found = classify(Path::new(name)).map(|kind| (kind.format, kind.gzip));
        assert_eq!(found, expected, "{name}");
    }

    #[test]
    fn classifies_by_extension() {
        check("a.txt", Some((Format::Text, false)));
        check("dir/a.JSONL", Some((Format::Jsonl, false)));
        check("a.jsonl.gz", Some((Format::Jsonl, true)));
        check("a.json", Some((Format::Jsonl, false)));
        check("page.htm.gz", Some((Format::Html, true)));
        check("crawl.warc.gz", Some((Format::Warc, true)));
        check("notes.md", None);
        check("README", None);
        check("archive.gz", None);
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem(Path::new("d/001_x.txt")), "001_x");
        assert_eq!(file_stem(Path::new("a.b.html.gz")), "a.b");
        assert_eq!(file_stem(Path::new("README")), "README");
        assert_eq!(file_stem(Path::new(".txt")), ".txt");
    }

    #[test]
    fn sniffs_content() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"{\"id\": 1}\n{\"id\": 2}\n"), Format::Jsonl);
        assert_eq!(sniff(b"{not json}\n"), Format::Text);
        assert_eq!(sniff(b"Just a story."), Format::Text);
    }
}
