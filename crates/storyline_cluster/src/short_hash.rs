//! Term hashes of words of one to eight bytes held in a register ([`short_term_hash`]).
//!
//! [`crate::features`] hashes every token with [`crate::features::term_hash`] (XXH3, 64
//! bits, seed 0, truncated to 32). Most tokens are plain ASCII words of under eight bytes
//! that the tokenizer ([`crate::tokens`]) has already loaded as one little-endian `u64`;
//! this module computes XXH3 of such a word straight from that register, following the
//! published XXH3 rules for inputs of 1–3 and 4–8 bytes, so the value is the one
//! [`crate::features::term_hash`] gives (a test compares them) without the copy, the call
//! and the length dispatch of the general function.

use storyline_core::xxh3::{
    hash_9_to_16, strong_avalanche, xxh64_avalanche, FLIP_1_TO_3, FLIP_4_TO_8,
};

/// The 32-bit term hash of the `len` bytes (1 to 8) held little-endian in `word`; bytes
/// past `len` are ignored. Equals `term_hash` of those bytes.
#[inline(always)]
pub(crate) fn short_term_hash(word: u64, len: usize) -> u32 {
    let len64 = len as u64;
    if len >= 4 {
        // The first four bytes and the last four (they overlap below eight).
        let first = word & 0xffff_ffff;
        let last = (word >> ((8 * (len - 4)) & 63)) & 0xffff_ffff;
        return strong_avalanche(last.wrapping_add(first << 32) ^ FLIP_4_TO_8, len64) as u32;
    }
    // The first, middle and last byte and the length.
    let byte_at = |position: usize| (word >> ((8 * position) & 63)) & 0xff;
    let combo = (byte_at(0) << 16)
        | (byte_at(len >> 1) << 24)
        | byte_at(len.wrapping_sub(1))
        | (len64 << 8);
    xxh64_avalanche(combo ^ FLIP_1_TO_3) as u32
}

/// The 32-bit term hash of a term of 8 to 16 bytes (`None` for other lengths), as
/// [`crate::features::term_hash`] gives it: the words the tokenizer does not hold in a
/// register are mostly of these lengths. Both of XXH3's rules that apply (4–8 bytes for
/// exactly eight, 9–16 above) are worked out from the same two 8-byte reads and the right
/// one is chosen without a branch: whether a long word has eight bytes or more is a coin
/// toss, and the general function's length dispatch guessed it wrong often (6% fewer
/// mispredicted branches in feature extraction, for 0.8% more instructions).
#[inline]
pub(crate) fn mid_term_hash(term: &[u8]) -> Option<u32> {
    let len = term.len();
    if !(8..=16).contains(&len) {
        return None;
    }
    let read_u64 = |at: usize| {
        term.get(at..at + 8)
            .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let (first8, last8) = (read_u64(0), read_u64(len - 8));
    // Eight bytes: the 4–8 rule on the first four and the last four.
    let eight = strong_avalanche(
        (last8 >> 32).wrapping_add((first8 & 0xffff_ffff) << 32) ^ FLIP_4_TO_8,
        8,
    );
    // Nine to sixteen: the 9–16 rule on the first eight and the last eight.
    let longer = hash_9_to_16(first8, last8, len as u64);
    // All ones for exactly eight bytes, else zero, by arithmetic (a comparison here was
    // turned into a branch): `len ^ 8` is 0 only then, and 0 - 1 sets the top bit.
    let is_eight = ((len as u64 ^ 8).wrapping_sub(1) >> 63).wrapping_neg();
    Some(((eight & is_eight) | (longer & !is_eight)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::term_hash;
    use xxhash_rust::xxh3::xxh3_64;

    /// Checks the register hash of `bytes` against the slice hash.
    fn check(bytes: &[u8]) {
        let mut padded = [0xa5u8; 8];
        padded[..bytes.len()].copy_from_slice(bytes);
        let word = u64::from_le_bytes(padded);
        assert_eq!(
            short_term_hash(word, bytes.len()),
            xxh3_64(bytes) as u32,
            "{bytes:?}"
        );
    }

    #[test]
    fn mid_hash_equals_xxh3_from_eight_to_sixteen_bytes() {
        let mut state = 0x2545_f491_u64;
        for _ in 0..20_000 {
            let mut bytes = [0u8; 20];
            for byte in bytes.iter_mut() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                *byte = (state >> 56) as u8;
            }
            for len in 0..=20 {
                let term = &bytes[..len];
                let want = (8..=16).contains(&len).then(|| xxh3_64(term) as u32);
                assert_eq!(mid_term_hash(term), want, "{term:?}");
            }
        }
        assert_eq!(
            mid_term_hash(b"earthquake"),
            Some(xxh3_64(b"earthquake") as u32)
        );
        // The features' term hash takes this path for these lengths.
        assert_eq!(term_hash(b"earthquake"), xxh3_64(b"earthquake") as u32);
    }

    #[test]
    fn equals_the_slice_hash_at_every_length() {
        check(b"a");
        check(b"of");
        check(b"the");
        check(b"reid");
        check(b"quake");
        check(b"malibu");
        check(b"1000000");
        check(b"u.s.navy");
        // Pseudo-random bytes of every length (a fixed-seed LCG, so the test is repeatable).
        let mut state = 0x2545_f491_u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let bytes = state.to_le_bytes();
            let len = (state >> 61) as usize + 1;
            check(&bytes[..len]);
        }
    }
}
