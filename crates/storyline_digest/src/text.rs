//! Text of a story as the digest reads it: words, sentences and content-word terms.
//!
//! [`StoryTexts`] is built once per story from the [`StoryArticle`]s (capped in number of
//! articles and bytes per article) and shared by the summary, headline, entity, date and
//! disagreement passes, so each article's text is split into sentences and terms only once.

use crate::pool;
use crate::provenance::StoryView;
use crate::tokens::{term_of_word, tokenize_with_words, word_ranges, Token, Tokenized, WordRanges};
use crate::{DigestConfig, StoryArticle};

mod sentences;
pub(crate) use sentences::SentenceSplitter;

/// A content-word term: the hash of a lower-cased, lightly stemmed word.
pub(crate) type Term = u64;

/// One sentence of an article: a byte range of its text and its distinct terms.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Where its content-word terms sit in the article's [`ArticleText::terms`] (one
    /// allocation per article, not per sentence), in text order with repeats: only the
    /// summary's candidates need them sorted, and it sorts those alone.
    pub(crate) terms: std::ops::Range<usize>,
    /// Number of words (all words, not only content words).
    pub(crate) n_words: usize,
}

/// One article's text, capped, with its sentences.
#[derive(Debug, Clone)]
pub(crate) struct ArticleText<'a> {
    /// Position in the story's article slice.
    pub(crate) position: usize,
    pub(crate) id: &'a str,
    /// Whether the article is the `copy` end of some copy edge.
    pub(crate) is_copy: bool,
    /// Outlet key used to spread the summary over sources.
    pub(crate) source: String,
    /// The text read (a prefix of the article's text).
    pub(crate) text: &'a str,
    pub(crate) tokens: Vec<Token>,
    /// Each token's start and text, for the passes that read words (dates, disagreements).
    pub(crate) words: Vec<(usize, &'a str)>,
    /// Indexes of the notable tokens (see [`crate::tokens::Tokenized::notable`]).
    pub(crate) notable: Vec<u32>,
    pub(crate) sentences: Vec<Sentence>,
    /// The terms of every sentence, one after the other (see [`Sentence::terms`]): every
    /// token's, as every token is in a sentence.
    pub(crate) terms: Vec<Term>,
}

impl<'a> ArticleText<'a> {
    /// Reads one article's (already capped) text into tokens and sentences.
    pub(crate) fn new(
        position: usize,
        id: &'a str,
        is_copy: bool,
        source: String,
        text: &'a str,
    ) -> Self {
        let buffers = pool::take();
        let Tokenized {
            tokens,
            words,
            terms,
            notable,
            sentences,
        } = tokenize_with_words(
            text,
            Tokenized {
                tokens: buffers.tokens,
                words: buffers.words,
                terms: buffers.terms,
                notable: buffers.notable,
                sentences: buffers.sentences,
            },
        );
        ArticleText {
            position,
            id,
            is_copy,
            source,
            text,
            tokens,
            words,
            notable,
            sentences,
            terms,
        }
    }

    /// The content-word terms of one of its sentences, in text order with repeats.
    #[cfg(test)]
    pub(crate) fn sentence_terms(&self, sentence: &Sentence) -> &[Term] {
        self.terms.get(sentence.terms.clone()).unwrap_or(&[])
    }

    pub(crate) fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text.get(sentence.start..sentence.end).unwrap_or("")
    }
}

/// The texts of a story's first `max_text_articles` articles; `articles[i].position == i`.
#[derive(Debug, Clone)]
pub(crate) struct StoryTexts<'a> {
    pub(crate) articles: Vec<ArticleText<'a>>,
}

impl Drop for StoryTexts<'_> {
    /// Gives the articles' vectors back to this thread's pool, for the next story.
    fn drop(&mut self) {
        for article in &mut self.articles {
            pool::give_back(
                std::mem::take(&mut article.tokens),
                std::mem::take(&mut article.words),
                std::mem::take(&mut article.terms),
                std::mem::take(&mut article.sentences),
                std::mem::take(&mut article.notable),
            );
        }
    }
}

impl<'a> StoryTexts<'a> {
    /// The read text of the article at `position` in the story, if it was read.
    pub(crate) fn article(&self, position: usize) -> Option<&ArticleText<'a>> {
        self.articles
            .get(position)
            .filter(|article| article.position == position)
    }
}

impl<'a> StoryTexts<'a> {
    pub(crate) fn new(
        articles: &[StoryArticle<'a>],
        view: &StoryView,
        config: &DigestConfig,
    ) -> Self {
        let max_bytes = if articles.len() < config.full_text_min_articles {
            config.lead_text_bytes
        } else {
            config.max_text_bytes
        };
        // The story's text budget is shared by its originals: a digest then costs about the
        // same per article whatever the story's size, and leads (where news puts the who,
        // what, when and where) are always read whole.
        let n_read = articles.len().min(config.max_text_articles);
        let n_originals = (0..n_read).filter(|&p| !view.is_copy(p)).count().max(1);
        let original_bytes =
            max_bytes.min((config.story_text_bytes / n_originals).max(config.lead_text_bytes));
        let articles = articles
            .iter()
            .enumerate()
            .take(config.max_text_articles)
            .map(|(position, article)| {
                // A copy adds no independent facts beyond its lead (where a rewrite's dateline
                // sits), so only its lead is read.
                let is_copy = view.is_copy(position);
                let bytes = if is_copy {
                    max_bytes.min(config.lead_text_bytes)
                } else {
                    original_bytes
                };
                let text = prefix_at_char_boundary(article.text, bytes);
                ArticleText::new(
                    position,
                    article.id,
                    is_copy,
                    crate::provenance::source_name(article),
                    text,
                )
            })
            .collect();
        StoryTexts { articles }
    }
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a char boundary.
pub(crate) fn prefix_at_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Words of `text` with their byte offsets (see [`word_ranges`]).
pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
    word_ranges(text)
        .into_iter()
        .map(|(start, end)| (start, &text[start..end]))
        .collect()
}

/// Strips a possessive ending ("Putin's" → "Putin"): `'s`, `’s`, `s'` or `s’`. Called
/// on most words, so it compares bytes.
#[inline]
pub(crate) fn strip_possessive(word: &str) -> &str {
    let n = word.len();
    word.get(..n - possessive_len(word.as_bytes()))
        .unwrap_or(word)
}

/// The length in bytes of the possessive ending of a word's bytes (see
/// [`strip_possessive`]), 0 when it has none: the tokenizer cuts the bytes it hashes
/// without slicing (and boundary-checking) the word's text.
#[inline]
pub(crate) fn possessive_len(bytes: &[u8]) -> usize {
    const CURLY: &[u8] = "’".as_bytes();
    let n = bytes.len();
    // The last byte decides which ending can be there; most words end in none of them.
    match bytes.last() {
        Some(b's') if n >= 2 && bytes[n - 2] == b'\'' => 2,
        // The curly quote's last byte first: most words ending in "s" have no quote.
        Some(b's') if n >= 4 && bytes[n - 2] == 0x99 && &bytes[n - 4..n - 1] == CURLY => 4,
        Some(b'\'') if n >= 2 && bytes[n - 2] == b's' => 2,
        Some(0x99) if n >= 4 && &bytes[n - 3..] == CURLY && bytes[n - 4] == b's' => 4,
        _ => 0,
    }
}

#[rustfmt::skip]
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all",
    "along", "already", "also", "although", "am", "amid", "among", "an", "and", "another",
    "any", "are", "around", "as", "at", "back", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "day", "did", "do", "does",
    "doing", "down", "during", "each", "even", "every", "few", "first", "for", "from",
    "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into",
    "is", "it", "its", "itself", "just", "last", "like", "made", "make", "many", "may", "me",
    "might", "month", "more", "most", "mr", "mrs", "ms", "much", "must", "my", "myself", "new",
    "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "onto", "or", "other",
    "our", "ours", "out", "over", "own", "per", "said", "same", "say", "says", "several",
    "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "though", "through",
    "time", "to", "today", "told", "tomorrow", "too", "two", "under", "until", "up", "upon",
    "us", "very", "via", "was", "way", "we", "week", "well", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
    "would", "year", "years", "yesterday", "yet", "you", "your",
];

/// Appends the sorted, deduplicated content terms of `text` to `terms` (what
/// `terms_of` returns, without a vector of words or of terms per text).
pub(crate) fn append_terms(text: &str, terms: &mut Vec<Term>) {
    let first = terms.len();
    terms.extend(
        WordRanges::new(text).filter_map(|(start, end)| term_of_word(text.get(start..end)?)),
    );
    let Some(own) = terms.get_mut(first..) else {
        return;
    };
    own.sort_unstable();
    let mut kept = first;
    for index in first..terms.len() {
        if kept == first || terms[index] != terms[kept - 1] {
            terms[kept] = terms[index];
            kept += 1;
        }
    }
    terms.truncate(kept);
}

/// Sorted, deduplicated content terms of `text`, and its number of words.
#[cfg(test)]
pub(crate) fn terms_of(text: &str) -> (Vec<Term>, usize) {
    let words = words(text);
    let mut terms: Vec<Term> = words
        .iter()
        .filter_map(|(_, word)| term_of_word(word))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    (terms, words.len())
}

/// Jaccard similarity of two sorted, deduplicated term lists.
pub(crate) fn jaccard(left: &[Term], right: &[Term]) -> f64 {
    if left.is_empty() && right.is_empty() {
        return 0.0;
    }
    let shared = count_shared(left, right);
    shared as f64 / (left.len() + right.len() - shared) as f64
}

/// Number of terms two sorted lists share. The merge steps without branching on the
/// comparison (which way it goes is a coin toss, and mispredicted branches made this the
/// summary's largest cost).
pub(crate) fn count_shared(left: &[Term], right: &[Term]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(&a), Some(&b)) = (left.get(i), right.get(j)) {
        shared += usize::from(a == b);
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tests::random_texts;

    /// Attaches tokens and terms to sentence ranges (both are in text order). Every token lies
    /// inside a sentence (sentences cover all but the whitespace between them, and no word
    /// holds whitespace or runs across a sentence's end), so a sentence's terms are a range
    /// of the article's, found from its tokens' [`Token::terms_before`].
    fn build_sentences(
        tokens: &[Token],
        n_terms: usize,
        ranges: &[(usize, usize)],
        sentences: &mut Vec<Sentence>,
    ) {
        let terms_before = |index: usize| {
            tokens
                .get(index)
                .map_or(n_terms, |token| token.terms_before as usize)
        };
        let mut next_token = 0;
        sentences.clear();
        sentences.extend(ranges.iter().map(|&(start, end)| {
            let rest = tokens.get(next_token..).unwrap_or(&[]);
            let first_token = next_token + rest.partition_point(|t| t.start() < start);
            let rest = tokens.get(first_token..).unwrap_or(&[]);
            next_token = first_token + rest.partition_point(|t| t.end() <= end);
            Sentence {
                start,
                end,
                terms: terms_before(first_token)..terms_before(next_token),
                n_words: next_token - first_token,
            }
        }));
    }

    #[test]
    fn sentences_found_in_gaps_are_those_of_the_text_scan() {
        let fragments = [
            "He", "said", "no", ".", "!", "?", "\n", " ", "  ", "'", "’", "”", "\"", ")", "(",
            "U.S.", "Mr.", "J.", "x-", "’s", "12", "3.5", "\u{a0}", "“", "É", "é", ":", "'s",
            "...", ". ", "? \"", "St.", "\t", "\r\n", "A",
        ];
        for text in random_texts(&fragments, 19, 5_000, 16) {
            let article = ArticleText::new(0, "a", false, String::new(), &text);
            let mut expected = Vec::new();
            let ranges = sentences::split_sentences(&text);
            build_sentences(&article.tokens, article.terms.len(), &ranges, &mut expected);
            let shown = |sentences: &[Sentence]| {
                sentences
                    .iter()
                    .map(|s| (s.start, s.end, s.terms.clone(), s.n_words))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shown(&article.sentences), shown(&expected), "{text:?}");
        }
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let found: Vec<&str> = words("Kim Jong-un's trip - 2 days")
            .iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(found, ["Kim", "Jong-un's", "trip", "2", "days"]);
    }

    #[test]
    fn strips_possessives() {
        for (word, expected) in [
            ("Putin's", "Putin"),
            ("Putin’s", "Putin"),
            ("allies'", "allie"),
            ("allies’", "allie"),
            ("news", "news"),
            ("'s", ""),
            ("s", "s"),
            ("’", "’"),
        ] {
            assert_eq!(strip_possessive(word), expected, "{word}");
        }
    }

    #[test]
    fn every_token_is_in_a_sentence() {
        // Fragments that end, open and quote sentences, and glue words across marks.
        let fragments = [
            "He", "said", "no", ".", "!", "?", "\n", " ", "  ", "'", "’", "”", "\"", ")", "(",
            "U.S.", "Mr.", "J.", "x-", "’s", "12", "3.5", "\u{a0}", "“", "É", "é", ":", "'s",
        ];
        for text in random_texts(&fragments, 11, 3_000, 14) {
            let article = ArticleText::new(0, "a", false, String::new(), &text);
            let in_sentences: usize = article.sentences.iter().map(|s| s.n_words).sum();
            assert_eq!(in_sentences, article.tokens.len(), "{text:?}");
            let mut expected = Vec::new();
            for sentence in &article.sentences {
                let words = crate::text::words(&text[sentence.start..sentence.end]);
                expected.extend(words.iter().filter_map(|(_, w)| term_of_word(w)));
                assert_eq!(
                    article.sentence_terms(sentence),
                    words
                        .iter()
                        .filter_map(|(_, w)| term_of_word(w))
                        .collect::<Vec<_>>()
                );
            }
            assert_eq!(article.terms, expected, "{text:?}");
        }
    }

    #[test]
    fn cuts_at_char_boundary() {
        assert_eq!(prefix_at_char_boundary("héllo", 2), "h");
    }
}
