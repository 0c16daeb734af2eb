//! Notes about the author at the end of an article: a short biography ("Jane Doe is a senior
//! correspondent for Example News, covering …"), an "About the author" paragraph, or an
//! opinion page's disclaimer ("The views expressed are the author's own …").
//!
//! Only the last lines the other rules kept are judged, from the end back, and only while
//! enough body stays before them. A biography counts only when the person it names appears
//! nowhere in the kept text before it: a story about a journalist may end on who she is, and
//! her name is then all over the story.
//!
//! A site's stock sign-off to its reader ("Thanks for reading! … keep visiting our website",
//! "Stay tuned for more updates …"), the outro a content site appends to every article, is
//! taken out as filler when it is one of the last three kept lines: it names itself by its
//! phrases (see [`SIGN_OFF_PHRASES`]), wherever a desk's name or a footer link puts it.

use storyline_core::RemovalKind;

use crate::blocks::Mark;
use crate::text::Line;

/// Most lines at the end that can be notes (a biography and a disclaimer, say).
const MAX_NOTES: usize = 2;
/// Kept lines that must stay before the notes: a short text is never stripped to nothing.
const MIN_BODY_LINES: usize = 3;
/// Longer lines are body paragraphs, whatever they start with.
const MAX_NOTE_WORDS: u32 = 70;
/// A biography names the role within this many words after its verb.
const ROLE_WITHIN: usize = 8;

/// What a journalist is, in a biography ("is a senior correspondent for …").
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "reporter", "correspondent", "journalist", "writer", "editor", "columnist", "contributor",
    "producer", "photographer", "photojournalist", "freelancer", "freelance", "intern",
    "commentator", "blogger", "critic", "contributing", "stringer",
];

/// Words for the person who wrote an opinion piece, in its disclaimer.
#[rustfmt::skip]
const WRITERS: &[&str] = &["author", "authors", "writer", "writers", "columnist", "contributor"];

/// Marks the author's notes and stock sign-offs among the last kept lines of an article.
pub(crate) fn mark_author_notes(lines: &[Line], marks: &mut [Option<Mark>]) {
    mark_sign_offs(lines, marks);
    // The last kept lines with words, from the end back; only as many as can be judged.
    let (tail, n_tail, n_kept) = last_kept::<MAX_NOTES>(lines, marks);
    let mut n_notes = 0;
    while n_notes < n_tail && n_kept > n_notes + MIN_BODY_LINES {
        if !is_author_note(lines, tail[n_notes], marks) {
            break;
        }
        n_notes += 1;
    }
    for &index in &tail[..n_notes] {
        marks[index] = Some(Mark::new(
            RemovalKind::Boilerplate,
            "note about the author at the end of the article",
        ));
    }
}

/// Most lines from the end among which a stock sign-off is looked for: a desk's name or a
/// footer link may follow it.
const SIGN_OFF_LINES: usize = 3;

/// Marks the stock sign-offs to the reader among the last [`SIGN_OFF_LINES`] kept lines,
/// as filler: each is judged alone, since such a line says what it is.
fn mark_sign_offs(lines: &[Line], marks: &mut [Option<Mark>]) {
    let (tail, n_tail, n_kept) = last_kept::<SIGN_OFF_LINES>(lines, marks);
    for (from_end, &index) in tail[..n_tail].iter().enumerate() {
        // Enough body stays before it.
        if n_kept > from_end + MIN_BODY_LINES && is_reader_sign_off(&lines[index]) {
            marks[index] = Some(Mark::new(
                RemovalKind::Filler,
                "stock sign-off to the reader at the end of the article",
            ));
        }
    }
}

/// The last `N` kept lines with words, from the end back, how many there are, and how many
/// kept lines there are (counted up to `N` + [`MIN_BODY_LINES`] + 1).
fn last_kept<const N: usize>(lines: &[Line], marks: &[Option<Mark>]) -> ([usize; N], usize, usize) {
    let mut tail = [0usize; N];
    let mut n_tail = 0;
    let mut n_kept = 0;
    for index in (0..lines.len()).rev() {
        if marks[index].is_some() || lines[index].folded.is_empty() {
            continue;
        }
        if n_tail < N {
            tail[n_tail] = index;
            n_tail += 1;
        }
        n_kept += 1;
        if n_kept > N + MIN_BODY_LINES {
            break;
        }
    }
    (tail, n_tail, n_kept)
}

/// Folded phrases of a site's stock sign-off to its reader ("Thanks for reading! …",
/// "Stay tuned for more updates …"), each with its weight: the first ones only a site
/// says of itself, the others a news sentence may say too.
#[rustfmt::skip]
const SIGN_OFF_PHRASES: &[(&str, u32)] = &[
    ("thanks for reading", 2), ("thank you for reading", 2), ("hope you enjoyed", 2),
    ("stay tuned for", 2), ("keep visiting", 2), ("keep coming back", 2), ("our website", 2),
    ("our site", 2), ("bookmark this", 2), ("bookmark our", 2), ("our team works", 2),
    ("we bring you", 2), ("check back soon", 2), ("share it with your friends", 2),
    ("dont forget to share", 2), ("stay informed", 1), ("stay connected", 1),
    ("stay prepared", 1), ("more updates", 1), ("latest updates", 1), ("your loved ones", 1),
    ("everything you need to know", 1), ("stories that matter", 1), ("you always get", 1),
    ("for more news", 1),
];

/// Weight of [`SIGN_OFF_PHRASES`] a line needs: two phrases, one of them a site's own, or
/// three of the others.
const SIGN_OFF_WEIGHT: u32 = 3;

/// True when `needle` opens a word of the folded line ("our" in "our site" and "ours", not
/// in "hour"): a quick test, whole words or not after it.
fn starts_a_word(folded: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find_iter(folded, needle).any(|at| at == 0 || folded.get(at - 1) == Some(&b' '))
}

/// True when the folded line holds `phrase` as whole words.
fn holds_words(folded: &str, phrase: &str) -> bool {
    folded.match_indices(phrase).any(|(at, _)| {
        let before = folded.get(..at).and_then(|head| head.bytes().next_back());
        let after = folded
            .get(at + phrase.len()..)
            .and_then(|tail| tail.bytes().next());
        before.map_or(true, |byte| byte == b' ') && after.map_or(true, |byte| byte == b' ')
    })
}

/// True for a stock sign-off to the reader: the template outro a content site appends to
/// every article ("We hope you enjoyed reading this article. Our team works around the
/// clock …"). Quoted speech is never one.
fn is_reader_sign_off(line: &Line) -> bool {
    if line.n_words > MAX_NOTE_WORDS || line.has_quote() {
        return false;
    }
    // A sign-off speaks to the reader or for the site: three quick searches rule out most
    // lines before any phrase is looked for.
    let addresses_reader = [&b"you"[..], b"our", b"we "]
        .iter()
        .any(|needle| starts_a_word(line.folded.as_bytes(), needle));
    if !addresses_reader {
        return false;
    }
    let weight: u32 = SIGN_OFF_PHRASES
        .iter()
        .filter(|(phrase, _)| holds_words(line.folded, phrase))
        .map(|&(_, weight)| weight)
        .sum();
    weight >= SIGN_OFF_WEIGHT
}

/// True when line `index` is a note about the author, judged against the kept lines
/// before it.
fn is_author_note(lines: &[Line], index: usize, marks: &[Option<Mark>]) -> bool {
    let line = &lines[index];
    if line.n_words > MAX_NOTE_WORDS {
        return false;
    }
    let folded = line.folded;
    if folded.starts_with("about the author") {
        return true;
    }
    let has = |words: &[&str]| folded.split(' ').any(|word| words.contains(&word));
    // Most lines hold neither word: one substring search each rules them out.
    if (folded.contains("views") || folded.contains("opinions"))
        && has(&["views", "opinions"])
        && has(WRITERS)
        && has(&["own", "necessarily"])
    {
        return true;
    }
    let Some(surname) = biography_subject(line.text) else {
        return false;
    };
    !(0..index).any(|before| {
        marks[before].is_none()
            && lines[before]
                .folded
                .split(' ')
                .any(|word| word.eq_ignore_ascii_case(surname))
    })
}

/// The surname of the person a biography line is about: a name of two to four capitalised
/// words opening the line, then "is/was … <role>", "covers", "writes about", "reports on"
/// or "can be reached".
fn biography_subject(text: &str) -> Option<&str> {
    // Most lines open with one capitalised word and go on in lower case: the first two
    // words rule them out before anything else is read.
    let mut words = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty());
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let mut surname = None;
    let mut n_name = 0;
    let verb = loop {
        let word = words.next()?;
        if !capitalised(word) {
            break word;
        }
        n_name += 1;
        if n_name > 4 {
            return None;
        }
        surname = Some(word);
    };
    if n_name < 2 {
        return None;
    }
    let is = |word: Option<&str>, expected: &str| {
        word.is_some_and(|word| word.eq_ignore_ascii_case(expected))
    };
    let about_work = match verb.to_ascii_lowercase().as_str() {
        "is" | "was" => words
            .take(ROLE_WITHIN)
            .any(|word| ROLES.iter().any(|role| word.eq_ignore_ascii_case(role))),
        "covers" | "covered" => true,
        "writes" | "reports" => {
            let next = words.next();
            is(next, "about") || is(next, "on") || is(next, "for")
        }
        "can" => is(words.next(), "be") && is(words.next(), "reached"),
        _ => false,
    };
    about_work.then_some(surname).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_lines;

    /// Marks `input` and lists the numbers of the lines marked as notes.
    fn marked(input: &str) -> Vec<u32> {
        let lines = test_lines(input);
        let mut marks = vec![None; lines.len()];
        mark_author_notes(&lines, &mut marks);
        lines
            .iter()
            .zip(&marks)
            .filter(|(_, mark)| mark.is_some())
            .map(|(line, _)| line.number)
            .collect()
    }

    const BODY: &str = "\
Flood waters forced the evacuation of 2,300 residents from Kelburn on Sunday.
The Mara river rose four metres overnight after three days of heavy rain.
Regional governor Elena Markov ordered schools closed and opened two shelters.
Power was cut to about 9,000 homes, and the main road remains closed.";

    #[test]
    fn biographies_and_disclaimers_at_the_end_go() {
        let notes = [
            "Jane Doe is a senior correspondent for Example News, covering East Asia.",
            "About the author: Jane Doe has reported from Asia for 15 years.",
            "The views expressed in this article are the author's own and do not necessarily \
             reflect the editorial stance of Example News.",
            "Tom O'Neill covers climate and energy for the Daily Planet.",
            "Ana Ruiz can be reached at ana.ruiz@example.com.",
            "Kim Min-ji writes about politics and the courts.",
        ];
        for note in notes {
            assert_eq!(marked(&format!("{BODY}\n{note}")), [5], "{note}");
        }
        // A biography and a disclaimer, in either order.
        let both = format!("{BODY}\n{}\n{}", notes[0], notes[2]);
        assert_eq!(marked(&both), [5, 6]);
    }

    #[test]
    fn stock_sign_offs_to_the_reader_go_as_filler() {
        let sign_offs = [
            "Thanks for reading! For more sports news, live scores and interviews, keep \
             visiting our website every day.",
            "Stay tuned for more updates on this developing story. We bring you the latest \
             breaking news, so bookmark this page.",
            "We hope you enjoyed reading this article. Our team works around the clock to bring \
             you the freshest news, so share it with your friends.",
            "Natural disasters can strike at any moment, which is why it is more important than \
             ever to stay informed, stay prepared and stay connected with the stories that \
             matter to you.",
        ];
        for sign_off in sign_offs {
            // At the very end, or before a desk's name and a footer line.
            for after in ["", "\nSports Desk\nContact Us"] {
                let lines = test_lines(&format!("{BODY}\n{sign_off}{after}"));
                let mut marks = vec![None; lines.len()];
                mark_author_notes(&lines, &mut marks);
                let kinds: Vec<_> = marks.iter().flatten().map(|mark| mark.kind).collect();
                assert_eq!(kinds, [RemovalKind::Filler], "{sign_off}{after}");
            }
        }
        // News sentences that speak of updates or of staying informed stay.
        for last in [
            "Officials urged residents to stay informed and to keep off the flooded roads.",
            "The agency said more updates would follow on its website by Monday evening.",
            "“Stay tuned for more updates, and stay connected,” the mayor told our reporter.",
        ] {
            assert_eq!(
                marked(&format!("{BODY}\n{last}")),
                Vec::<u32>::new(),
                "{last}"
            );
        }
    }

    #[test]
    fn the_story_and_its_people_stay() {
        for last in [
            // A story about a journalist ends on who he is: his name is in the story.
            "Doe is a reporter for the Example Times and has worked in Moscow since 2017.",
            // News sentences that only look like notes.
            "Elena Markov is a former engineer who ran the dam for a decade.",
            "The views of residents were not sought, officials admitted.",
            "Rescue teams reached 140 people trapped on rooftops by Sunday evening.",
        ] {
            let text = format!("Jane Doe was detained on Friday.\n{BODY}\n{last}");
            assert_eq!(marked(&text), Vec::<u32>::new(), "{last}");
        }
        // A note in the middle of the text is not at the end.
        let middle = format!("Jane Doe is a senior correspondent for Example News.\n{BODY}");
        assert_eq!(marked(&middle), Vec::<u32>::new());
        // Too little body to strip.
        assert_eq!(
            marked("One line.\nTwo lines.\nJane Doe is a reporter for Example News."),
            Vec::<u32>::new()
        );
    }
}
