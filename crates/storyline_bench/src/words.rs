//! Pseudo-words, names, sentences and edits for the corpus generator, from a seeded
//! SplitMix64 generator (no dependency, same bytes on every machine).

/// SplitMix64: small, fast, good enough for test data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SYLLABLES: [&str; 32] = [
    "ka", "lo", "mi", "ren", "sta", "tor", "vel", "an", "be", "cor", "di", "en", "fa", "gar", "hu",
    "is", "jo", "ker", "lin", "mor", "na", "ol", "per", "qui", "ro", "sen", "tu", "ur", "vin",
    "wes", "ya", "zel",
];

/// A Zipf-like vocabulary of pseudo-words, with a synonym for every word (for rewrites).
pub(crate) struct Vocabulary {
    words: Vec<String>,
    synonyms: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Vocabulary {
    pub(crate) fn new(rng: &mut Rng) -> Vocabulary {
        let make = |rng: &mut Rng, n_syllables: u64| -> String {
            (0..n_syllables)
                .map(|_| SYLLABLES[rng.below(32) as usize])
                .collect()
        };
        let words: Vec<String> = (0..20_000)
            .map(|idx| {
                let n_syllables = 1 + (idx as u64 % 3) + rng.below(2);
                make(rng, n_syllables)
            })
            .collect();
        let synonyms: Vec<String> = (0..20_000)
            .map(|_| {
                let n_syllables = 2 + rng.below(2);
                make(rng, n_syllables)
            })
            .collect();
        let mut index = std::collections::HashMap::new();
        for (idx, word) in words.iter().enumerate() {
            index.entry(word.clone()).or_insert(idx);
        }
        Vocabulary {
            words,
            synonyms,
            index,
        }
    }

    pub(crate) fn word(&self, idx: usize) -> &str {
        &self.words[idx % self.words.len()]
    }

    /// A word index drawn from a Zipf-like distribution (frequent words are frequent).
    fn zipf_word(&self, rng: &mut Rng) -> usize {
        let uniform = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((self.words.len() as f64).powf(uniform) as usize).saturating_sub(1)
    }

    /// A rarer content word.
    pub(crate) fn content_word(&self, rng: &mut Rng) -> usize {
        200 + rng.below(self.words.len() as u64 - 200) as usize
    }

    pub(crate) fn name(&self, rng: &mut Rng) -> String {
        let mut name = String::new();
        for part in 0..2 {
            if part > 0 {
                name.push(' ');
            }
            let word = &self.words[self.content_word(rng)];
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                name.extend(first.to_uppercase());
                name.push_str(chars.as_str());
            }
        }
        name
    }

    /// A sentence of about `n_words` words, with one of `facts` in it, ending in a period.
    pub(crate) fn sentence(&self, facts: &[String], rng: &mut Rng, n_words: usize) -> String {
        let mut sentence = String::with_capacity(n_words * 7);
        let fact_at = rng.below(n_words as u64) as usize;
        for word_idx in 0..n_words {
            if word_idx > 0 {
                sentence.push(' ');
            }
            if word_idx == fact_at && !facts.is_empty() {
                sentence.push_str(&facts[rng.below(facts.len() as u64) as usize]);
            } else {
                sentence.push_str(&self.words[self.zipf_word(rng)]);
            }
        }
        sentence.push('.');
        sentence
    }

    /// Three to five lines of site furniture for one outlet.
    pub(crate) fn furniture_lines(&self, rng: &mut Rng) -> Vec<String> {
        let templates = [
            "Advertisement",
            "Related News",
            "Share this article",
            "Follow us on",
            "Subscribe to",
        ];
        (0..3 + rng.below(3))
            .map(|_| {
                let template = templates[rng.below(templates.len() as u64) as usize];
                format!("{template} {}", self.name(rng))
            })
            .collect()
    }

    /// A near-duplicate: about 3% of words replaced, sometimes a paragraph appended.
    pub(crate) fn edit(&self, text: &str, rng: &mut Rng) -> String {
        let mut edited: String = text
            .split(' ')
            .map(|word| {
                if rng.below(100) < 3 {
                    self.words[self.zipf_word(rng)].as_str()
                } else {
                    word
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        if rng.below(2) == 0 {
            edited.push('\n');
            edited.push_str(&self.sentence(&[], rng, 20));
        }
        edited
    }

    /// A rewrite: most words swapped for their synonyms, sentence order kept.
    pub(crate) fn rewrite(&self, text: &str, rng: &mut Rng) -> String {
        text.split(' ')
            .map(|word| {
                let lower = word.trim_end_matches('.');
                match self.index.get(lower).copied() {
                    Some(idx) if idx < 2_000 && rng.below(100) < 60 => {
                        let mut swapped = self.synonyms[idx].clone();
                        if word.ends_with('.') {
                            swapped.push('.');
                        }
                        swapped
                    }
                    _ => word.to_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}
