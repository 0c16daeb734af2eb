//! Document frequencies of a story's terms: [`TermCounts`], an open-addressing table from
//! a term to the number of quotable articles that use it.
//!
//! The summary counts every term of every quotable article and then reads each candidate
//! sentence's terms; a general hash map did this at a cost per term several times that of
//! a multiplication and a probe, and was allocated afresh for every story. This table is
//! kept per thread and reused ([`with_counts`]), so a story allocates nothing once the
//! table has grown to the largest story seen. Counting a term returns its slot, and the
//! summary reads candidates through those slots ([`TermCounts::first_use`]): no second
//! probe, and a slot number names a term within the story (see `super::PickedTerms`).

use std::cell::RefCell;

use crate::text::Term;

/// One slot: a term, how many articles use it (0 marks an empty slot), and the last user:
/// while counting, the last article counted, so that a term counts once per article; then
/// the last candidate sentence read, so that a sentence's repeats are told at once (see
/// [`TermCounts::first_use`]).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    term: Term,
    count: u32,
    last_user: u32,
}

/// The slot number [`TermCounts::count`] would return for a full table.
pub(crate) const NO_SLOT: u32 = u32::MAX;

/// Terms → number of articles using them; never full, so every probe ends.
#[derive(Debug, Default)]
pub(crate) struct TermCounts {
    slots: Vec<Slot>,
    /// log2 of the number of slots.
    bits: u32,
    /// Number of distinct terms counted.
    n_distinct: usize,
}

thread_local! {
    static COUNTS: RefCell<TermCounts> = RefCell::new(TermCounts::default());
}

/// Runs `work` with this thread's table, emptied and sized for `n_terms` terms.
pub(crate) fn with_counts<R>(n_terms: usize, work: impl FnOnce(&mut TermCounts) -> R) -> R {
    COUNTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut counts) => {
            counts.reset(n_terms);
            work(&mut counts)
        }
        // Only a nested call could find it borrowed; it gets a table of its own.
        Err(_) => {
            let mut counts = TermCounts::default();
            counts.reset(n_terms);
            work(&mut counts)
        }
    })
}

impl TermCounts {
    /// Empties the table and sizes it for up to `n_terms` distinct terms.
    fn reset(&mut self, n_terms: usize) {
        // Terms repeat (within and across articles), so the distinct ones are well under
        // `n_terms`: a quarter more slots than that keeps the table at most four-fifths
        // full, and small enough to stay in cache.
        let n_slots = (n_terms.saturating_add(n_terms / 4).saturating_add(1))
            .next_power_of_two()
            .max(16);
        self.slots.clear();
        self.slots.resize(n_slots, Slot::default());
        self.bits = n_slots.trailing_zeros();
        self.n_distinct = 0;
    }

    fn first_slot(&self, term: Term) -> usize {
        // Spread the hash again so that the slot does not depend on a few of its bits.
        (term.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    /// Counts `term` for `article`, once per article (an article's terms are counted
    /// together, one article after another), and returns its slot ([`NO_SLOT`] only if the
    /// table were full, which its sizing rules out).
    pub(crate) fn count(&mut self, term: Term, article: u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut index = self.first_slot(term);
        for _ in 0..self.slots.len() {
            let Some(slot) = self.slots.get_mut(index) else {
                return NO_SLOT;
            };
            // Whether the term is new or seen is a coin toss: the slot is updated without
            // branching on it (an empty slot's count is 0, so it becomes 1), and the only
            // branch is whether the probe ends here, which it nearly always does. The
            // compiler splits `empty | same` back into two branches, the first of them
            // mispredicted for every other term; `black_box` keeps it one test.
            let empty = slot.count == 0;
            if std::hint::black_box(empty | (slot.term == term)) {
                let counts_now = empty | (slot.last_user != article);
                slot.term = term;
                slot.count += u32::from(counts_now);
                slot.last_user = article;
                self.n_distinct += usize::from(empty);
                return index as u32;
            }
            index = (index + 1) & mask;
        }
        NO_SLOT
    }

    /// The count of the term at `slot` the first time `user` asks for it, `None` on a
    /// repeat. `user` must differ from every article number counted and from every other
    /// user (the summary numbers its sentences from the number of articles up).
    #[inline]
    pub(crate) fn first_use(&mut self, slot: u32, user: u32) -> Option<u32> {
        match self.slots.get_mut(slot as usize) {
            Some(slot) if slot.last_user != user => {
                slot.last_user = user;
                Some(slot.count)
            }
            Some(_) => None,
            // Only [`NO_SLOT`]: a term without a slot counts as used by no article.
            None => Some(0),
        }
    }

    /// Number of slots (slot numbers are below it).
    pub(crate) fn n_slots(&self) -> usize {
        self.slots.len()
    }

    /// Number of articles using `term` (0 when none).
    #[cfg(test)]
    pub(crate) fn get(&self, term: Term) -> u32 {
        let mask = self.slots.len() - 1;
        let mut index = self.first_slot(term);
        for _ in 0..self.slots.len() {
            match self.slots.get(index) {
                // An empty slot ends the probe with its count of 0.
                // One test, as in `count`.
                Some(slot) if std::hint::black_box((slot.count == 0) | (slot.term == term)) => {
                    return slot.count
                }
                Some(_) => index = (index + 1) & mask,
                None => return 0,
            }
        }
        0
    }

    /// Number of distinct terms counted.
    pub(crate) fn n_distinct(&self) -> usize {
        self.n_distinct
    }

    /// The sum of the squared counts (whole numbers: exact whatever the slot order).
    pub(crate) fn sum_of_squares(&self) -> f64 {
        self.slots
            .iter()
            .map(|slot| u64::from(slot.count) * u64::from(slot.count))
            .sum::<u64>() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts `(term, article)` pairs; checks each term's count against `expected`.
    fn check(pairs: &[(Term, u32)], expected: &[(Term, u32)]) {
        with_counts(pairs.len(), |counts| {
            for &(term, article) in pairs {
                counts.count(term, article);
            }
            for &(term, count) in expected {
                assert_eq!(counts.get(term), count, "{term}");
            }
            let distinct = expected.iter().filter(|(_, count)| *count > 0).count();
            assert_eq!(counts.n_distinct(), distinct);
        });
    }

    #[test]
    fn counts_once_per_article() {
        check(
            &[(5, 0), (5, 0), (7, 0), (5, 1), (0, 1), (0, 2)],
            &[(5, 2), (7, 1), (0, 2), (9, 0)],
        );
    }

    #[test]
    fn colliding_terms_stay_apart() {
        // Terms differing only in low bits land near each other after the spread.
        let pairs: Vec<(Term, u32)> = (0..40).map(|i| (i << 60 | i, (i % 3) as u32)).collect();
        let expected: Vec<(Term, u32)> = pairs.iter().map(|&(term, _)| (term, 1)).collect();
        check(&pairs, &expected);
    }
}
