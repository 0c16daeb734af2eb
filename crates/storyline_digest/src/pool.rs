//! A per-thread pool of the large per-article vectors (tokens, words, terms, sentences,
//! notable tokens),
//! so that digesting a story allocates them only while the pool is
//! still growing.
//!
//! [`take`] hands out an [`ArticleBuffers`] (emptied, capacity kept) to
//! [`crate::text::ArticleText::new`]; [`crate::text::StoryTexts`] gives its articles'
//! vectors back with [`give_back`] when it is dropped. These vectors are the digest's
//! largest allocations, a dozen kilobytes each: allocated afresh per article, each one
//! also made the allocator sweep the small chunks freed since (glibc consolidates its
//! fast bins before serving a large request), which cost about as much as the digest's
//! date pass.

use std::cell::RefCell;

use crate::text::{Sentence, Term};
use crate::tokens::Token;

/// At most this many sets are kept per thread: a story reads at most a few hundred
/// articles, and most read a handful, so the pool stays a few megabytes at most.
const MAX_POOLED: usize = 64;

/// The vectors one article's text is read into; all empty when handed out.
#[derive(Debug, Default)]
pub(crate) struct ArticleBuffers {
    pub(crate) tokens: Vec<Token>,
    /// Word texts borrow the article's text; pooled empty, as `'static` (see [`give_back`]).
    pub(crate) words: Vec<(usize, &'static str)>,
    pub(crate) terms: Vec<Term>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) notable: Vec<u32>,
}

thread_local! {
    static POOL: RefCell<Vec<ArticleBuffers>> = const { RefCell::new(Vec::new()) };
}

/// Empty vectors for one article: pooled ones when there are any.
pub(crate) fn take() -> ArticleBuffers {
    POOL.with(|pool| {
        pool.try_borrow_mut()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default()
    })
}

/// Returns one article's vectors to the pool, emptied. The words vector holds borrowed
/// texts: emptied, it is turned into a vector of `'static` texts in place (a mapping
/// collect of an empty vector into an element type of the same size keeps its buffer).
pub(crate) fn give_back(
    mut tokens: Vec<Token>,
    mut words: Vec<(usize, &str)>,
    mut terms: Vec<Term>,
    mut sentences: Vec<Sentence>,
    mut notable: Vec<u32>,
) {
    tokens.clear();
    words.clear();
    terms.clear();
    sentences.clear();
    notable.clear();
    let words: Vec<(usize, &'static str)> =
        words.into_iter().map(|(start, _)| (start, "")).collect();
    let buffers = ArticleBuffers {
        tokens,
        words,
        terms,
        sentences,
        notable,
    };
    POOL.with(|pool| {
        if let Ok(mut pool) = pool.try_borrow_mut() {
            if pool.len() < MAX_POOLED {
                pool.push(buffers);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives back vectors with `capacity` words and checks what the next `take` holds.
    fn check(capacity: usize, expected_words_capacity_at_least: usize) {
        let text = String::from("a b");
        let mut words: Vec<(usize, &str)> = Vec::with_capacity(capacity);
        words.push((0, &text[..1]));
        give_back(Vec::new(), words, vec![1], Vec::new(), vec![2]);
        let buffers = take();
        assert!(buffers.words.is_empty() && buffers.terms.is_empty() && buffers.notable.is_empty());
        assert!(buffers.words.capacity() >= expected_words_capacity_at_least);
    }

    #[test]
    fn vectors_come_back_empty_with_their_buffers() {
        check(100, 100);
    }
}
