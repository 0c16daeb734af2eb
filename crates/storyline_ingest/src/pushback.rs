//! A `BufRead` wrapper that can peek several bytes ahead, give bytes back, and knows its
//! byte offset in the stream.
//!
//! The WARC reader uses [`PushbackReader`] to check what follows a record without consuming
//! it and to hand back the start of the next record when a `Content-Length` was too long.

use std::io::{self, BufRead, Read};

/// A stream with a small in-front buffer of given-back or peeked bytes.
pub(crate) struct PushbackReader {
    inner: Box<dyn BufRead + Send>,
    /// Bytes that come before `inner`'s: `front[front_pos..]`.
    front: Vec<u8>,
    front_pos: usize,
    /// Bytes consumed so far from the logical stream.
    offset: u64,
}

impl std::fmt::Debug for PushbackReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PushbackReader")
            .field("offset", &self.offset)
            .finish()
    }
}

impl PushbackReader {
    pub(crate) fn new(inner: Box<dyn BufRead + Send>) -> PushbackReader {
        PushbackReader {
            inner,
            front: Vec::new(),
            front_pos: 0,
            offset: 0,
        }
    }

    /// Bytes consumed so far: the offset of the next byte in the stream.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Puts `bytes` back in front of the stream: they are read again next.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        let mut front = Vec::with_capacity(bytes.len() + self.front.len() - self.front_pos);
        front.extend_from_slice(bytes);
        front.extend_from_slice(&self.front[self.front_pos..]);
        self.front = front;
        self.front_pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    /// Returns up to `n` next bytes without consuming them; fewer only at the end of the
    /// stream. Bytes fetched from the inner reader move to the front buffer.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.front.len() - self.front_pos < n {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            let wanted = n - (self.front.len() - self.front_pos);
            let take = available.len().min(wanted);
            if self.front_pos > 0 {
                self.front.drain(..self.front_pos);
                self.front_pos = 0;
            }
            self.front.extend_from_slice(&available[..take]);
            self.inner.consume(take);
        }
        let end = self.front.len().min(self.front_pos + n);
        Ok(&self.front[self.front_pos..end])
    }
}

impl Read for PushbackReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for PushbackReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.front_pos < self.front.len() {
            return Ok(&self.front[self.front_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.offset += amount as u64;
        if self.front_pos < self.front.len() {
            self.front_pos = (self.front_pos + amount).min(self.front.len());
            if self.front_pos == self.front.len() {
                self.front.clear();
                self.front_pos = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, actions: &[&str], expected: &str) {
        let mut reader = PushbackReader::new(Box::new(io::BufReader::with_capacity(
            2,
            io::Cursor::new(input.as_bytes().to_vec()),
        )));
        let mut log = Vec::new();
        for action in actions {
            match action.split_once(' ') {
                Some(("peek", n)) => {
                    let peeked = reader.peek(n.parse().unwrap()).unwrap().to_vec();
                    log.push(format!("peek={}", String::from_utf8(peeked).unwrap()));
                }
                Some(("read", n)) => {
                    let mut buffer = vec![0; n.parse().unwrap()];
                    reader.read_exact(&mut buffer).unwrap();
                    log.push(format!("read={}", String::from_utf8(buffer).unwrap()));
                }
                Some(("unread", text)) => reader.unread(text.as_bytes()),
                _ => panic!("bad action {action}"),
            }
            log.push(format!("@{}", reader.offset()));
        }
        assert_eq!(log.join(" "), expected);
    }

    #[test]
    fn peeks_reads_and_unreads() {
        check(
            "abcdefgh",
            &[
                "peek 5",
                "read 3",
                "peek 4",
                "unread XY",
                "read 4",
                "peek 9",
            ],
            "peek=abcde @0 read=abc @3 peek=defg @3 @1 read=XYde @5 peek=fgh @5",
        );
    }
}
