//! Generated news-like articles for benchmarks: stories of names and numbers inside topics
//! of four same-kind events, amid Zipf-distributed common words. Deterministic.

/// Small deterministic generator (xorshift64*), so every run sees the same corpus.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Roughly Zipf-distributed rank in 0..n: small ranks are much more common.
    fn zipf(&mut self, n: u64) -> u64 {
        let uniform = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(uniform) as u64)
            .saturating_sub(1)
            .min(n - 1)
    }
}

/// One article of `story`: common words, its topic's words, its own names and numbers.
pub(crate) fn article(rng: &mut Rng, story: u64, n_words: usize) -> String {
    let topic = story / 4;
    let mut text = String::with_capacity(n_words * 7);
    for position in 0..n_words {
        let roll = rng.below(100);
        let word = if roll < 70 {
            format!("word{}", rng.zipf(20_000))
        } else if roll < 82 {
            format!("topic{topic}x{}", rng.below(12))
        } else if roll < 94 {
            format!("Name{story}q{}", rng.below(10))
        } else {
            format!("{}", 1900 + story * 7 % 1000 + rng.below(3))
        };
        text.push_str(&word);
        text.push(if position % 15 == 14 { '.' } else { ' ' });
        text.push(' ');
    }
    text
}

#[allow(dead_code)] // Used by the bench, not by the scale example.
pub(crate) fn corpus(n_docs: u64) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n_docs)
        .map(|doc| article(&mut rng, doc % (n_docs / 10).max(1), 230))
        .collect()
}
