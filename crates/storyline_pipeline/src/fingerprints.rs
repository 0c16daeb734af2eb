//! The fingerprint spill: every article's copy-detection [`Fingerprint`] in a scratch file,
//! so that the run holds 8 bytes per article for them instead of ~1.1 KB.
//!
//! The clean pass appends each fingerprint's encoding ([`Fingerprint::encode`]) in article
//! order through [`FingerprintSpillWriter`]; the matcher then reads [`FingerprintSpill`] as
//! a [`FingerprintStore`]: a few sequential scans (large reads, no seek per article) and one
//! positioned read per article of a candidate pair. An article whose cleaned text an earlier
//! one already had is not fingerprinted again: its entry points at the earlier fingerprint
//! ([`FingerprintSpillWriter::push_same_as`]), which is the same bytes.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

use storyline_match::{Fingerprint, FingerprintStore};

/// Bytes read at a time by a sequential scan.
const SCAN_CHUNK: usize = 1 << 20;

/// Appends encoded fingerprints to a scratch file, in article order.
#[derive(Debug)]
pub(crate) struct FingerprintSpillWriter {
    out: BufWriter<File>,
    /// Where each article's fingerprint starts, and its length: an article may share an
    /// earlier article's bytes, so starts need not grow.
    starts: Vec<u64>,
    lens: Vec<u32>,
    /// Bytes written so far.
    end: u64,
}

impl FingerprintSpillWriter {
    pub(crate) fn new(file: File, capacity: usize) -> FingerprintSpillWriter {
        FingerprintSpillWriter {
            out: BufWriter::with_capacity(1 << 20, file),
            starts: Vec::with_capacity(capacity),
            lens: Vec::with_capacity(capacity),
            end: 0,
        }
    }

    /// Appends the next article's encoded fingerprint.
    pub(crate) fn push(&mut self, encoded: &[u8]) -> io::Result<()> {
        let len =
            u32::try_from(encoded.len()).map_err(|_| io::Error::other("fingerprint over 4 GiB"))?;
        self.out.write_all(encoded)?;
        self.starts.push(self.end);
        self.lens.push(len);
        self.end += u64::from(len);
        Ok(())
    }

    /// The next article's fingerprint is that of article `doc`, pushed before (the same
    /// cleaned text): it shares its bytes.
    pub(crate) fn push_same_as(&mut self, doc: usize) -> io::Result<()> {
        let (Some(&start), Some(&len)) = (self.starts.get(doc), self.lens.get(doc)) else {
            return Err(io::Error::other(format!(
                "fingerprint of article {doc} shared before it was written"
            )));
        };
        self.starts.push(start);
        self.lens.push(len);
        Ok(())
    }

    pub(crate) fn finish(self) -> io::Result<FingerprintSpill> {
        let file = self.out.into_inner().map_err(|error| error.into_error())?;
        Ok(FingerprintSpill {
            file,
            starts: self.starts,
            lens: self.lens,
            end: self.end,
        })
    }
}

/// The fingerprints of a run, on disk.
#[derive(Debug)]
pub(crate) struct FingerprintSpill {
    file: File,
    starts: Vec<u64>,
    lens: Vec<u32>,
    end: u64,
}

impl FingerprintSpill {
    fn range(&self, doc: usize) -> Option<(u64, usize)> {
        Some((*self.starts.get(doc)?, *self.lens.get(doc)? as usize))
    }
}

impl FingerprintStore for FingerprintSpill {
    fn len(&self) -> usize {
        self.starts.len()
    }

    fn get(&self, doc: usize) -> Cow<'_, Fingerprint> {
        let mut fingerprint = Fingerprint::default();
        self.get_into(doc, &mut fingerprint, &mut Vec::new());
        Cow::Owned(fingerprint)
    }

    fn get_into(&self, doc: usize, fingerprint: &mut Fingerprint, scratch: &mut Vec<u8>) {
        let read = self.range(doc).is_some_and(|(start, len)| {
            scratch.resize(len, 0);
            self.file.read_exact_at(scratch, start).is_ok() && fingerprint.decode_into(scratch)
        });
        if !read {
            *fingerprint = Fingerprint::default();
        }
    }

    fn scan(&self, docs: &[u32], visit: &mut dyn FnMut(u32, &Fingerprint)) {
        // A window of the file, refilled from the next wanted fingerprint when it runs out.
        let mut window: Vec<u8> = Vec::new();
        let mut window_start = 0u64;
        let mut single = Vec::new();
        // One fingerprint decoded into again and again: a scan allocates nothing per doc.
        let mut fingerprint = Fingerprint::default();
        for &doc in docs {
            let decoded = match self.range(doc as usize) {
                // A large fingerprint, or one shared with an article before the window (an
                // exact copy): read alone, so that the window keeps moving forward.
                Some((start, len)) if len > SCAN_CHUNK || start < window_start => {
                    // The empty fingerprint when it cannot be read, as below.
                    self.get_into(doc as usize, &mut fingerprint, &mut single);
                    true
                }
                Some((start, len)) => {
                    let in_window = start >= window_start
                        && start + len as u64 <= window_start + window.len() as u64;
                    if !in_window {
                        let want = SCAN_CHUNK.min((self.end - start) as usize).max(len);
                        window.resize(want, 0);
                        window_start = start;
                        if self.file.read_exact_at(&mut window, start).is_err() {
                            window.clear();
                        }
                    }
                    let at = (start - window_start) as usize;
                    window
                        .get(at..at + len)
                        .is_some_and(|bytes| fingerprint.decode_into(bytes))
                }
                None => false,
            };
            if !decoded {
                fingerprint = Fingerprint::default();
            }
            visit(doc, &fingerprint);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_match::MatchConfig;

    #[test]
    fn scans_and_gets_what_was_written() {
        let config = MatchConfig::default();
        let texts = [
            "The council approved the budget on Monday after a long debate in the city hall.",
            "",
            "Mayor Ana Ruiz said the plan adds 40 buses and repairs three bridges this year.",
        ];
        let fingerprints: Vec<Fingerprint> = texts
            .iter()
            .map(|text| storyline_match::fingerprint(text, &config))
            .collect();
        let mut writer = FingerprintSpillWriter::new(tempfile::tempfile().unwrap(), 3);
        for fingerprint in &fingerprints {
            let mut encoded = Vec::new();
            fingerprint.encode(&mut encoded);
            writer.push(&encoded).unwrap();
        }
        // Article 3 has article 0's text.
        writer.push_same_as(0).unwrap();
        assert!(writer.push_same_as(9).is_err());
        let spill = writer.finish().unwrap();
        assert_eq!(spill.len(), 4);
        assert_eq!(*spill.get(2), fingerprints[2]);
        assert_eq!(*spill.get(3), fingerprints[0]);
        assert_eq!(*spill.get(7), Fingerprint::default());
        // Reading into a used fingerprint and buffer gives what was written (the empty
        // fingerprint out of range), whatever they held before.
        let (mut into, mut scratch) = (fingerprints[2].clone(), vec![7u8; 5000]);
        let empty = Fingerprint::default();
        for (doc, expected) in [
            (0, &fingerprints[0]),
            (2, &fingerprints[2]),
            (7, &empty),
            (3, &fingerprints[0]),
            (1, &fingerprints[1]),
        ] {
            spill.get_into(doc, &mut into, &mut scratch);
            assert_eq!(into, *expected, "article {doc}");
        }
        let mut seen = Vec::new();
        spill.scan(&[0, 2, 3], &mut |doc, fingerprint| {
            seen.push((doc, fingerprint.clone()))
        });
        assert_eq!(
            seen,
            vec![
                (0, fingerprints[0].clone()),
                (2, fingerprints[2].clone()),
                (3, fingerprints[0].clone())
            ]
        );
    }
}
