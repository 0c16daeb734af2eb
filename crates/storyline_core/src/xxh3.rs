//! The pieces of XXH3's short-input rules (inputs of 1 to 16 bytes, seed 0) that the
//! matcher's word hash and story grouping's term hash write out inline: the mixes and the
//! default secret's words they use. Each caller keeps its own way of reading the bytes (a
//! slice, or a word already in a register) and tests its result against `xxhash-rust`, so
//! the values are XXH3's to the bit (fingerprints and term statistics depend on them).

/// XORs of words of XXH3's default secret (kSecret) used with seed 0: the 32-bit words at
/// bytes 0 and 4 (the 1–3 byte rule); the 64-bit words at 8 and 16 (4–8 bytes); at 24 and
/// 32, and at 40 and 48 (9–16 bytes).
pub const FLIP_1_TO_3: u64 = 0x8727_5A9B;
pub const FLIP_4_TO_8: u64 = 0xC73A_B174_C5EC_D5A2;
pub const FLIP_9_TO_16_LOW: u64 = 0x6782_737B_EA42_39B9;
pub const FLIP_9_TO_16_HIGH: u64 = 0xAF56_BC3B_0996_523A;

/// XXH3's 9–16 byte rule, given the input's first eight and last eight bytes (little-endian;
/// they overlap below sixteen bytes) and its length.
#[inline(always)]
pub fn hash_9_to_16(first8: u64, last8: u64, len: u64) -> u64 {
    let low = first8 ^ FLIP_9_TO_16_LOW;
    let high = last8 ^ FLIP_9_TO_16_HIGH;
    let product = u128::from(low) * u128::from(high);
    let folded = (product as u64) ^ ((product >> 64) as u64);
    avalanche(
        len.wrapping_add(low.swap_bytes())
            .wrapping_add(high)
            .wrapping_add(folded),
    )
}

/// The XXH64 final mix, used by XXH3's 1–3 byte rule.
#[inline(always)]
pub fn xxh64_avalanche(mut value: u64) -> u64 {
    value ^= value >> 33;
    value = value.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    value ^= value >> 29;
    value = value.wrapping_mul(0x1656_67B1_9E37_79F9);
    value ^ (value >> 32)
}

/// XXH3's final mix, used by its 9–16 byte rule.
#[inline(always)]
pub fn avalanche(mut value: u64) -> u64 {
    value ^= value >> 37;
    value = value.wrapping_mul(0x1656_6791_9E37_79F9);
    value ^ (value >> 32)
}

/// XXH3's stronger final mix, used by its 4–8 byte rule.
#[inline(always)]
pub fn strong_avalanche(mut value: u64, len: u64) -> u64 {
    value ^= value.rotate_left(49) ^ value.rotate_left(24);
    value = value.wrapping_mul(0x9FB2_1C65_1E98_DF25);
    value ^= (value >> 35).wrapping_add(len);
    value = value.wrapping_mul(0x9FB2_1C65_1E98_DF25);
    value ^ (value >> 28)
}
