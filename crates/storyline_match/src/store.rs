//! Where `find_copies` reads fingerprints from: [`FingerprintStore`], implemented for an
//! in-memory slice here and for a scratch file by the pipeline, plus the compact binary
//! encoding ([`Fingerprint::encode`] / [`Fingerprint::decode`]) such a file holds.
//!
//! Fingerprints are half of what a run holds per article. A store on disk lets a run keep
//! only offsets in memory: the matcher scans the store in order a few times (to fill its LSH
//! tables) and reads the fingerprints of candidate pairs one at a time.

use std::borrow::Cow;

use crate::sketch::Fingerprint;

/// Read access to the fingerprints of a run, by article index.
pub trait FingerprintStore: Sync {
    /// Number of articles.
    fn len(&self) -> usize;

    /// Whether the store holds no article.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The fingerprint of article `doc`. A fingerprint that cannot be read (out of range, a
    /// damaged scratch file) is the empty one: the article then matches nothing.
    fn get(&self, doc: usize) -> Cow<'_, Fingerprint>;

    /// [`FingerprintStore::get`] into `fingerprint`, reusing its buffers and `scratch`'s:
    /// verification reads two fingerprints per candidate pair, and stores on disk override
    /// it so that such a read allocates nothing.
    fn get_into(&self, doc: usize, fingerprint: &mut Fingerprint, scratch: &mut Vec<u8>) {
        let _ = scratch;
        fingerprint.clone_from(&self.get(doc));
    }

    /// Calls `visit` with each of `docs` (ascending) and its fingerprint, in order. Stores
    /// on disk override it to read sequentially instead of seeking per article.
    fn scan(&self, docs: &[u32], visit: &mut dyn FnMut(u32, &Fingerprint)) {
        for &doc in docs {
            visit(doc, &self.get(doc as usize));
        }
    }
}

impl FingerprintStore for [Fingerprint] {
    fn len(&self) -> usize {
        <[Fingerprint]>::len(self)
    }

    fn get(&self, doc: usize) -> Cow<'_, Fingerprint> {
        match <[Fingerprint]>::get(self, doc) {
            Some(fingerprint) => Cow::Borrowed(fingerprint),
            None => Cow::Owned(Fingerprint::default()),
        }
    }
}

impl Fingerprint {
    /// Appends the fingerprint's compact binary form to `out` (little-endian counts, then
    /// each array with its length); [`Fingerprint::decode`] reads it back.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let u16_arrays = [
            &self.shingle_minhash,
            &self.content_minhash,
            &self.sentence_words,
            &self.sentence_ends,
            &self.sentence_keys,
        ];
        let n_bytes = 8
            + 7 * 4
            + u16_arrays
                .iter()
                .map(|array| 4 + 2 * array.len())
                .sum::<usize>()
            + 4
            + 4 * self.sentence_hashes.len();
        out.reserve(n_bytes);
        out.extend_from_slice(&self.exact_hash.to_le_bytes());
        for value in [
            self.n_words,
            self.n_shingles,
            self.n_quoted_words,
            self.n_numbers,
            self.n_names,
            self.n_typeset_marks,
            self.n_plain_marks,
        ] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        for array in u16_arrays {
            out.extend_from_slice(&(array.len() as u32).to_le_bytes());
            let start = out.len();
            out.resize(start + 2 * array.len(), 0);
            for (bytes, value) in out[start..].chunks_exact_mut(2).zip(array.iter()) {
                bytes.copy_from_slice(&value.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.sentence_hashes.len() as u32).to_le_bytes());
        let start = out.len();
        out.resize(start + 4 * self.sentence_hashes.len(), 0);
        for (bytes, value) in out[start..]
            .chunks_exact_mut(4)
            .zip(self.sentence_hashes.iter())
        {
            bytes.copy_from_slice(&value.to_le_bytes());
        }
    }

    /// Reads a fingerprint written by [`Fingerprint::encode`]; `None` if `bytes` is not one
    /// (truncated or damaged). Never panics.
    pub fn decode(bytes: &[u8]) -> Option<Fingerprint> {
        let mut fingerprint = Fingerprint::default();
        fingerprint.decode_into(bytes).then_some(fingerprint)
    }

    /// [`Fingerprint::decode`] into `self`, reusing its buffers: a scan over many
    /// fingerprints then allocates nothing per fingerprint. Whether `bytes` was one; if
    /// not, `self` is left partly overwritten. Never panics.
    pub fn decode_into(&mut self, bytes: &[u8]) -> bool {
        self.read_from(&mut Reader { bytes }).is_some()
    }

    fn read_from(&mut self, reader: &mut Reader<'_>) -> Option<()> {
        self.exact_hash = u64::from_le_bytes(reader.take::<8>()?);
        let mut counts = [0u32; 7];
        for count in &mut counts {
            *count = reader.u32()?;
        }
        [
            self.n_words,
            self.n_shingles,
            self.n_quoted_words,
            self.n_numbers,
            self.n_names,
            self.n_typeset_marks,
            self.n_plain_marks,
        ] = counts;
        reader.u16s_into(&mut self.shingle_minhash)?;
        reader.u16s_into(&mut self.content_minhash)?;
        reader.u16s_into(&mut self.sentence_words)?;
        reader.u16s_into(&mut self.sentence_ends)?;
        reader.u16s_into(&mut self.sentence_keys)?;
        reader.u32s_into(&mut self.sentence_hashes)?;
        reader.bytes.is_empty().then_some(())
    }
}

/// A cursor over encoded bytes that returns `None` instead of reading past the end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn array(&mut self, width: usize) -> Option<&[u8]> {
        let n_bytes = (self.u32()? as usize).checked_mul(width)?;
        if n_bytes > self.bytes.len() {
            return None;
        }
        let (array, rest) = self.bytes.split_at(n_bytes);
        self.bytes = rest;
        Some(array)
    }

    fn u16s_into(&mut self, values: &mut Vec<u16>) -> Option<()> {
        let array = self.array(2)?;
        values.clear();
        values.extend(
            array
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]])),
        );
        Some(())
    }

    fn u32s_into(&mut self, values: &mut Vec<u32>) -> Option<()> {
        let array = self.array(4)?;
        values.clear();
        values.extend(
            array
                .chunks_exact(4)
                .map(|quad| u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]])),
        );
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::{PARAPHRASE, WIRE};
    use crate::{fingerprint, MatchConfig};

    /// Encodes the fingerprint of `input` and checks it decodes to the same value.
    fn check(input: &str) {
        let original = fingerprint(input, &MatchConfig::default());
        let mut bytes = Vec::new();
        original.encode(&mut bytes);
        assert_eq!(Fingerprint::decode(&bytes), Some(original));
    }

    #[test]
    fn round_trips() {
        check(WIRE);
        check(PARAPHRASE);
        check("");
        check("Один, два. 一二三");
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let mut bytes = Vec::new();
        fingerprint(WIRE, &MatchConfig::default()).encode(&mut bytes);
        for cut in [0, 1, 7, 20, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(Fingerprint::decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Fingerprint::decode(&longer), None);
        // The first array's length follows the hash (8 bytes) and the seven counts.
        let mut huge_length = bytes;
        huge_length[36..40].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(Fingerprint::decode(&huge_length), None);
    }
}
