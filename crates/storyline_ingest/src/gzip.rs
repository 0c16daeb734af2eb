//! Member-by-member gzip decoding that survives a corrupt member: [`GzipMembers`].
//!
//! Crawlers write WARC files as one gzip member per record. A streaming multi-member
//! decoder stops at the first damaged member and loses every record after it; this reader
//! reports the damage as one recoverable error ([`CorruptMember`]), scans the compressed
//! bytes for the next gzip header and goes on decoding from there. The WARC reader then
//! resynchronises on the next record.

use std::io::{self, BufRead, Read, Seek, SeekFrom};

use flate2::bufread::GzDecoder;

/// The two magic bytes and the deflate method byte that open every gzip member.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// The error [`GzipMembers`] returns once per damaged member; reading may go on after it.
#[derive(Debug)]
pub(crate) struct CorruptMember {
    /// Byte offset of the damaged member in the compressed file.
    pub(crate) member_offset: u64,
    /// Where decoding starts again (the next gzip header, or the end of the file).
    pub(crate) resume_offset: u64,
    pub(crate) reason: String,
}

impl std::fmt::Display for CorruptMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "gzip member at compressed byte {} is corrupt or truncated ({}); decoding resumes at compressed byte {}",
            self.member_offset, self.reason, self.resume_offset
        )
    }
}

impl std::error::Error for CorruptMember {}

/// True when an I/O error is a [`CorruptMember`], after which reading can go on.
pub(crate) fn is_corrupt_member(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<CorruptMember>())
}

/// A `BufRead` that counts the bytes consumed from it.
#[derive(Debug)]
struct Counting<R> {
    inner: R,
    position: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.position += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.position += amount as u64;
    }
}

#[derive(Debug)]
enum State<R> {
    /// Inside a member.
    Decoding(Box<GzDecoder<Counting<R>>>),
    /// Between members: the next bytes should be a gzip header.
    Between(Counting<R>),
    Done,
}

/// Decodes concatenated gzip members one by one, skipping damaged ones. Needs `Seek` to go
/// back to a damaged member's start, since its decoder may have read past the damage.
#[derive(Debug)]
pub(crate) struct GzipMembers<R> {
    state: State<R>,
    member_offset: u64,
    /// Damage was reported and no member has decoded since: further failures are chance
    /// gzip headers inside the damaged bytes, not news.
    quiet_failures: bool,
}

impl<R: BufRead + Seek> GzipMembers<R> {
    pub(crate) fn new(inner: R) -> GzipMembers<R> {
        GzipMembers {
            state: State::Between(Counting { inner, position: 0 }),
            member_offset: 0,
            quiet_failures: false,
        }
    }

    /// Reports damage once per run of failures.
    fn damage(
        &mut self,
        member_offset: u64,
        resume_offset: u64,
        reason: String,
    ) -> Option<io::Error> {
        if self.quiet_failures {
            return None;
        }
        self.quiet_failures = true;
        let corrupt = CorruptMember {
            member_offset,
            resume_offset,
            reason,
        };
        Some(io::Error::new(io::ErrorKind::InvalidData, corrupt))
    }
}

impl<R: BufRead + Seek> Read for GzipMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Between(mut input) => {
                    let (available, at_magic) = {
                        let head = input.fill_buf()?;
                        // A header split by the buffer end shows only its first bytes.
                        let shown = head.len().min(GZIP_MAGIC.len());
                        (head.len(), head[..shown] == GZIP_MAGIC[..shown])
                    };
                    if available == 0 {
                        return Ok(0);
                    }
                    if at_magic {
                        self.member_offset = input.position;
                        self.state = State::Decoding(Box::new(GzDecoder::new(input)));
                        continue;
                    }
                    let member_offset = input.position;
                    let resume_offset = skip_to_magic(&mut input)?;
                    self.state = State::Between(input);
                    let reason = "bytes that are not a gzip header".to_owned();
                    if let Some(error) = self.damage(member_offset, resume_offset, reason) {
                        return Err(error);
                    }
                }
                State::Decoding(mut decoder) => match decoder.read(out) {
                    Ok(0) => {
                        self.quiet_failures = false;
                        self.state = State::Between(decoder.into_inner());
                    }
                    Ok(n) => {
                        self.state = State::Decoding(decoder);
                        return Ok(n);
                    }
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::Decoding(decoder);
                        return Err(error);
                    }
                    Err(error) => {
                        // The decoder may have read past the damage into the next members:
                        // look for the next header from just after this one.
                        let mut input = decoder.into_inner();
                        let restart = self.member_offset + 1;
                        input.inner.seek(SeekFrom::Start(restart))?;
                        input.position = restart;
                        let resume_offset = skip_to_magic(&mut input)?;
                        self.state = State::Between(input);
                        if let Some(error) =
                            self.damage(self.member_offset, resume_offset, error.to_string())
                        {
                            return Err(error);
                        }
                    }
                },
            }
        }
    }
}

/// Consumes bytes up to the next gzip header (or the end) and returns the position.
fn skip_to_magic<R: BufRead>(input: &mut Counting<R>) -> io::Result<u64> {
    loop {
        let (consumed, found) = {
            let available = input.fill_buf()?;
            if available.is_empty() {
                return Ok(input.position);
            }
            match memchr::memchr(GZIP_MAGIC[0], available) {
                Some(at) => {
                    // A header split by the buffer end counts; the decoder checks it.
                    let shown = (available.len() - at).min(GZIP_MAGIC.len());
                    if available[at..at + shown] == GZIP_MAGIC[..shown] {
                        (at, true)
                    } else {
                        (at + 1, false)
                    }
                }
                None => (available.len(), false),
            }
        };
        input.consume(consumed);
        if found {
            return Ok(input.position);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    /// Decodes `input` to the end, collecting text and the number of errors.
    fn check(input: &[u8], expected_text: &str, expected_errors: usize) {
        let mut reader = GzipMembers::new(io::BufReader::with_capacity(7, io::Cursor::new(input)));
        let mut text = Vec::new();
        let mut errors = 0;
        let mut buffer = [0u8; 5];
        for _ in 0..10_000 {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => text.extend_from_slice(&buffer[..n]),
                Err(error) => {
                    assert!(is_corrupt_member(&error), "{error}");
                    errors += 1;
                }
            }
        }
        assert_eq!(String::from_utf8_lossy(&text), expected_text);
        assert_eq!(errors, expected_errors);
    }

    #[test]
    fn reads_members_in_turn() {
        let mut input = gzip(b"one ");
        input.extend(gzip(b"two"));
        check(&input, "one two", 0);
        check(b"", "", 0);
    }

    #[test]
    fn skips_a_damaged_member() {
        let first = gzip(&b"first member, long enough to damage ".repeat(20));
        let mut damaged = first.clone();
        let middle = damaged.len() / 2;
        damaged[middle..middle + 8].copy_from_slice(b"XXXXXXXX");
        let mut input = gzip(b"zero ");
        input.extend(damaged);
        input.extend(gzip(b"second"));
        check(&input, "zero second", 1);
    }

    #[test]
    fn reports_a_truncated_last_member_and_garbage() {
        let mut input = gzip(b"kept ");
        let last = gzip(&b"lost ".repeat(100));
        input.extend(&last[..last.len() / 2]);
        check(&input, "kept ", 1);
        let mut input = b"junk".to_vec();
        input.extend(gzip(b"after"));
        check(&input, "after", 1);
    }
}
