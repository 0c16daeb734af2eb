//! Bounded line reading for line-oriented formats (JSONL, WARC headers).
//!
//! [`read_line_bounded`] fills a reused buffer with one line from any `BufRead`, keeping at
//! most a given number of bytes: an absurdly long line costs time, never unbounded memory.

use std::io::{self, BufRead};

/// What one call to [`read_line_bounded`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// No more input.
    Eof,
    /// A whole line is in the buffer, without its `\n` or `\r\n`.
    Line,
    /// The line was longer than the limit: the buffer holds its first bytes only, and the
    /// rest of the line was consumed and dropped.
    Oversized { total_bytes: u64 },
}

/// Reads one line into `buffer` (cleared first), keeping at most `max_bytes` bytes.
/// A last line without a final newline is still a line.
pub(crate) fn read_line_bounded<R: BufRead + ?Sized>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    max_bytes: usize,
) -> io::Result<LineRead> {
    match read_line_prefix(reader, buffer, max_bytes)? {
        LinePrefix::Eof => Ok(LineRead::Eof),
        LinePrefix::Line => Ok(LineRead::Line),
        LinePrefix::Partial => {
            let rest = skip_rest_of_line(reader)?;
            Ok(LineRead::Oversized {
                total_bytes: buffer.len() as u64 + rest,
            })
        }
    }
}

/// What [`read_line_prefix`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinePrefix {
    Eof,
    /// A whole line is in the buffer, without its `\n` or `\r\n`.
    Line,
    /// The buffer holds the first `max_bytes` bytes of a longer line; the rest of the line
    /// is still unread.
    Partial,
}

/// Reads one line into `buffer` (cleared first), stopping after `max_bytes` bytes if the
/// line is longer, so that the caller can decide how to read the rest.
pub(crate) fn read_line_prefix<R: BufRead + ?Sized>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    max_bytes: usize,
) -> io::Result<LinePrefix> {
    buffer.clear();
    let mut saw_any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        saw_any = true;
        let (chunk, consumed, done) = match memchr::memchr(b'\n', available) {
            Some(newline) => (&available[..newline], newline + 1, true),
            None => (available, available.len(), false),
        };
        let room = max_bytes.saturating_sub(buffer.len());
        if chunk.len() > room {
            buffer.extend_from_slice(&chunk[..room]);
            reader.consume(room);
            return Ok(LinePrefix::Partial);
        }
        buffer.extend_from_slice(chunk);
        reader.consume(consumed);
        if done {
            break;
        }
    }
    if !saw_any {
        return Ok(LinePrefix::Eof);
    }
    if buffer.last() == Some(&b'\r') {
        buffer.pop();
    }
    Ok(LinePrefix::Line)
}

/// Consumes the rest of the current line, its newline included; returns the bytes skipped
/// before the newline.
pub(crate) fn skip_rest_of_line<R: BufRead + ?Sized>(reader: &mut R) -> io::Result<u64> {
    let mut skipped: u64 = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(skipped);
        }
        match memchr::memchr(b'\n', available) {
            Some(newline) => {
                reader.consume(newline + 1);
                return Ok(skipped + newline as u64);
            }
            None => {
                let n = available.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, max_bytes: usize, expected: &[(&str, LineRead)]) {
        // A tiny buffer capacity makes lines span many fill_buf calls.
        let mut reader = io::BufReader::with_capacity(3, input.as_bytes());
        let mut buffer = Vec::new();
        let mut found = Vec::new();
        loop {
            let status = read_line_bounded(&mut reader, &mut buffer, max_bytes).unwrap();
            if status == LineRead::Eof {
                break;
            }
            found.push((String::from_utf8(buffer.clone()).unwrap(), status));
        }
        let expected: Vec<(String, LineRead)> = expected
            .iter()
            .map(|(line, status)| (line.to_string(), *status))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn splits_lines() {
        check(
            "a\nbc\r\n\nlast",
            100,
            &[
                ("a", LineRead::Line),
                ("bc", LineRead::Line),
                ("", LineRead::Line),
                ("last", LineRead::Line),
            ],
        );
        check("", 100, &[]);
        check("x\n", 100, &[("x", LineRead::Line)]);
    }

    #[test]
    fn bounds_long_lines() {
        check(
            "abcdefgh\nok\n",
            4,
            &[
                ("abcd", LineRead::Oversized { total_bytes: 8 }),
                ("ok", LineRead::Line),
            ],
        );
    }
}
