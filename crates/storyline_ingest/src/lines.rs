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
    buffer.clear();
    let mut total_bytes: u64 = 0;
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
        buffer.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total_bytes += chunk.len() as u64;
        reader.consume(consumed);
        if done {
            break;
        }
    }
    if !saw_any {
        return Ok(LineRead::Eof);
    }
    if total_bytes > max_bytes as u64 {
        return Ok(LineRead::Oversized { total_bytes });
    }
    if buffer.last() == Some(&b'\r') {
        buffer.pop();
    }
    Ok(LineRead::Line)
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
