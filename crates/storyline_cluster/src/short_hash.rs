//! Term hashes of words of one to eight bytes held in a register ([`short_term_hash`]).
//!
//! [`crate::features`] hashes every token with [`crate::features::term_hash`] (XXH3, 64
//! bits, seed 0, truncated to 32). Most tokens are plain ASCII words of under eight bytes
//! that the tokenizer ([`crate::tokens`]) has already loaded as one little-endian `u64`;
//! this module computes XXH3 of such a word straight from that register, following the
//! published XXH3 rules for inputs of 1–3 and 4–8 bytes, so the value is the one
//! [`crate::features::term_hash`] gives (a test compares them) without the copy, the call
//! and the length dispatch of the general function.

use storyline_core::xxh3::{strong_avalanche, xxh64_avalanche, FLIP_1_TO_3, FLIP_4_TO_8};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::term_hash;

    /// Checks the register hash of `bytes` against the slice hash.
    fn check(bytes: &[u8]) {
        let mut padded = [0xa5u8; 8];
        padded[..bytes.len()].copy_from_slice(bytes);
        let word = u64::from_le_bytes(padded);
        assert_eq!(
            short_term_hash(word, bytes.len()),
            term_hash(bytes),
            "{bytes:?}"
        );
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
