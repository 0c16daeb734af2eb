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
//!
//! Emptying the table for the next story writes nothing: every story numbers its users
//! (articles, then candidate sentences) from where the previous story stopped, and a slot
//! whose last user is below the story's first number is empty. Zeroing the slots for every
//! story was 3% of the digest's instructions.

use std::cell::RefCell;

use crate::text::Term;

/// One slot: a term, how many articles use it, and the last user: while counting, the last
/// article counted, so that a term counts once per article; then the last candidate
/// sentence read, so that a sentence's repeats are told at once (see
/// [`TermCounts::first_use`]). Users are stored offset by the story's first number (see
/// [`TermCounts::base`]); a slot whose last user is below it is empty, whatever its term
/// and count (left over from an earlier story).
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
    /// The table is `slots[..n_slots]`; the vector keeps the slots of larger stories.
    slots: Vec<Slot>,
    /// Number of slots of this story's table (a power of two).
    n_slots: usize,
    /// log2 of `n_slots`.
    bits: u32,
    /// This story's user 0 as stored in [`Slot::last_user`]: the story's users are stored
    /// as `base + user`, and every slot with a smaller last user is empty.
    base: u32,
    /// One past the highest number the story may store: where the next story's start.
    next_base: u32,
}

thread_local! {
    static COUNTS: RefCell<TermCounts> = RefCell::new(TermCounts::default());
}

/// Runs `work` with this thread's table, emptied and sized for `n_terms` terms, for users
/// (article and sentence numbers) below `n_users`.
pub(crate) fn with_counts<R>(
    n_terms: usize,
    n_users: usize,
    work: impl FnOnce(&mut TermCounts) -> R,
) -> R {
    COUNTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut counts) => {
            counts.reset(n_terms, n_users);
            work(&mut counts)
        }
        // Only a nested call could find it borrowed; it gets a table of its own.
        Err(_) => {
            let mut counts = TermCounts::default();
            counts.reset(n_terms, n_users);
            work(&mut counts)
        }
    })
}

impl TermCounts {
    /// Empties the table and sizes it for up to `n_terms` distinct terms and users below
    /// `n_users`.
    fn reset(&mut self, n_terms: usize, n_users: usize) {
        // Terms repeat (within and across articles), so the distinct ones are well under
        // `n_terms`: a quarter more slots than that keeps the table at most four-fifths
        // full, and small enough to stay in cache.
        let n_slots = (n_terms.saturating_add(n_terms / 4).saturating_add(1))
            .next_power_of_two()
            .max(16);
        // Number 0 is never a story's first, so that zeroed slots are empty.
        let mut base = u64::from(self.next_base).max(1);
        let n_users = u64::try_from(n_users).unwrap_or(u64::MAX);
        if base.saturating_add(n_users) > u64::from(u32::MAX) {
            // The numbers are used up (after some billions of sentences): zero the slots
            // and start again.
            self.slots.clear();
            base = 1;
        }
        if self.slots.len() < n_slots {
            self.slots.resize(n_slots, Slot::default());
        }
        self.n_slots = n_slots;
        self.bits = n_slots.trailing_zeros();
        // Lossless: `base + n_users` fits a `u32` (checked above), or users are beyond any
        // story (more than 4 billion), and stored numbers wrap as before this table kept them.
        self.base = base as u32;
        self.next_base = base.saturating_add(n_users).min(u64::from(u32::MAX)) as u32;
    }

    fn first_slot(&self, term: Term) -> usize {
        // Spread the hash again so that the slot does not depend on a few of its bits.
        (term.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    /// Counts `term` for `article`, once per article (an article's terms are counted
    /// together, one article after another), and returns its slot ([`NO_SLOT`] only if the
    /// table were full, which its sizing rules out).
    pub(crate) fn count(&mut self, term: Term, article: u32) -> u32 {
        let mask = self.n_slots - 1;
        let article = self.base.wrapping_add(article);
        let mut index = self.first_slot(term);
        for _ in 0..self.n_slots {
            let Some(slot) = self.slots.get_mut(index) else {
                return NO_SLOT;
            };
            // Whether the term is new or seen is a coin toss: the slot is updated without
            // branching on it (an empty slot's count reads as 0, so it becomes 1), and the
            // only branch is whether the probe ends here, which it nearly always does. The
            // compiler splits `empty | same` back into two branches, the first of them
            // mispredicted for every other term; `black_box` keeps it one test.
            let empty = slot.last_user < self.base;
            if std::hint::black_box(empty | (slot.term == term)) {
                let counts_now = empty | (slot.last_user != article);
                // An empty slot's stale count is masked to 0 with arithmetic: as a multiply
                // or a select, the compiler made it a branch on `empty`, mispredicted for
                // every other term.
                let keep = std::hint::black_box(u32::from(empty).wrapping_sub(1));
                let before = slot.count & keep;
                slot.term = term;
                slot.count = before + u32::from(counts_now);
                slot.last_user = article;
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
        let user = self.base.wrapping_add(user);
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
        self.n_slots
    }

    /// Number of articles using `term` (0 when none).
    #[cfg(test)]
    pub(crate) fn get(&self, term: Term) -> u32 {
        let mask = self.n_slots - 1;
        let mut index = self.first_slot(term);
        for _ in 0..self.n_slots {
            match self.slots.get(index) {
                // An empty slot ends the probe with a count of 0.
                Some(slot) if slot.last_user < self.base => return 0,
                Some(slot) if slot.term == term => return slot.count,
                Some(_) => index = (index + 1) & mask,
                None => return 0,
            }
        }
        0
    }

    /// The number of distinct terms counted and the sum of their squared counts (whole
    /// numbers: exact whatever the slot order). Read once per story: a pass over the slots
    /// costs less than keeping them up to date as terms are counted.
    pub(crate) fn totals(&self) -> (usize, u64) {
        self.slots
            .get(..self.n_slots)
            .unwrap_or(&[])
            .iter()
            // Without a branch on whether a slot is live: that is a coin toss.
            .fold((0, 0), |(n_distinct, squares), slot| {
                let live = u64::from(slot.last_user >= self.base);
                let count = u64::from(slot.count) * live;
                (n_distinct + live as usize, squares + count * count)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts `(term, article)` pairs; checks each term's count against `expected`.
    fn check(pairs: &[(Term, u32)], expected: &[(Term, u32)]) {
        with_counts(pairs.len(), 4, |counts| {
            for &(term, article) in pairs {
                counts.count(term, article);
            }
            for &(term, count) in expected {
                assert_eq!(counts.get(term), count, "{term}");
            }
            let distinct = expected.iter().filter(|(_, count)| *count > 0).count();
            let squares: u32 = expected.iter().map(|(_, count)| count * count).sum();
            assert_eq!(counts.totals(), (distinct, u64::from(squares)));
        });
    }

    #[test]
    fn a_reused_table_starts_empty() {
        // A larger story, then smaller ones: nothing of the earlier stories is seen.
        check(&[(1, 0), (2, 0), (2, 1), (3, 2)], &[(1, 1), (2, 2), (3, 1)]);
        check(&[(2, 0)], &[(1, 0), (2, 1), (3, 0)]);
        check(&[(3, 1), (3, 2)], &[(2, 0), (3, 2)]);
    }

    #[test]
    fn used_up_numbers_start_again() {
        COUNTS.with(|cell| cell.borrow_mut().next_base = u32::MAX - 2);
        check(&[(1, 0), (1, 3)], &[(1, 2)]);
        check(&[(1, 0)], &[(1, 1), (2, 0)]);
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
