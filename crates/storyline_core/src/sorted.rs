//! Small algorithms on sorted slices that more than one stage needs.

/// Number of values two sorted, deduplicated slices share (a merge walk, no allocation).
///
/// ```
/// use storyline_core::sorted::count_common;
/// assert_eq!(count_common(&[1, 3, 5, 7], &[3, 4, 5]), 2);
/// assert_eq!(count_common::<u32>(&[], &[1]), 0);
/// ```
pub fn count_common<T: Ord>(left: &[T], right: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}
