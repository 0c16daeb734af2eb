//! A fixed xorshift stream for the randomized tests that compare a fast path with its
//! plain definition on many generated texts (`fold`, `line_fold`, `phrase_set`, `filler`,
//! `clean` itself). Test-only: each test seeds its own stream, so its texts never change.

/// Marsaglia's xorshift64: deterministic, no dependency, plenty for generating test texts.
#[derive(Debug, Clone)]
pub(crate) struct Xorshift(pub(crate) u64);

impl Xorshift {
    /// Steps the stream and returns the new state.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Steps the stream and picks one of `items` by the new state.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let state = self.next();
        items[(state % items.len() as u64) as usize]
    }
}
