//! Names in a role, for [`super::find_disagreements`]: "defense minister Andrei Belousov",
//! "Russian President Vladimir Putin" (a modifier, a role head one person holds, and a
//! capitalised name the entity pass knows as a person). Also lists the words the fact passes
//! look for, so the tokenizer can mark them.

use std::sync::OnceLock;

use super::{numbers, Fact, FactValue};
use crate::entities::FoundEntities;
use crate::lexicon;
use crate::text::ArticleText;
use crate::tokens::HashFilter;
use crate::{DisagreementKind, EntityKind};

/// Role heads that a single person holds ("defense minister", "Russian president").
const ROLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "coach",
    "ceo",
    "director",
    "chief",
    "governor",
    "mayor",
    "chancellor",
    "ambassador",
    "commander",
    "publicist",
    "lawyer",
    "attorney",
    "premier",
];

/// Lower-case words the fact passes look for ([`ROLE_HEADS`] and number words): the
/// tokenizer lists the tokens that are one of these, capitalised or hold a digit (see
/// [`crate::tokens::Tokenized::notable`]), and these passes read only those.
pub(crate) fn fact_words() -> Vec<&'static str> {
    ROLE_HEADS
        .iter()
        .copied()
        .chain(numbers::number_words())
        .collect()
}

/// The hashes of the role heads: every word is asked about, and most are turned away by
/// their hash before any text is compared.
fn role_head_hashes() -> &'static HashFilter {
    static HASHES: OnceLock<HashFilter> = OnceLock::new();
    HASHES.get_or_init(|| HashFilter::new(ROLE_HEADS))
}

/// Whether a word (in any case) is a role that one person holds at a time.
fn is_role_head(word: &str) -> bool {
    ROLE_HEADS
        .iter()
        .any(|head| head.eq_ignore_ascii_case(word))
}

/// "defense minister Andrei Belousov", "Russian President Vladimir Putin": a role of at
/// least two words (a modifier and a head) followed by a capitalised name.
pub(super) fn role_name_facts(
    article: &ArticleText<'_>,
    entities: &FoundEntities,
    facts: &mut Vec<Fact>,
) {
    let (text, words, position) = (article.text, &article.words[..], article.position);
    let role_heads = role_head_hashes();
    // Role heads are notable tokens (see `Tokenized::notable`).
    for &index in &article.notable {
        let index = index as usize;
        let (Some(token), Some(&(start, word))) = (article.tokens.get(index), words.get(index))
        else {
            continue;
        };
        // A role head is ASCII without a possessive, so its lower hash is in the filter.
        if index == 0 || !role_heads.contains(token.lower) || !is_role_head(word) {
            continue;
        }
        let head = word.to_lowercase();
        let modifier = words[index - 1].1.to_lowercase();
        let previous_gap = text
            .get(words[index - 1].0 + words[index - 1].1.len()..start)
            .unwrap_or("");
        let is_modifier = lexicon::is_title(&modifier) || lexicon::is_nationality(&modifier);
        // "deputy" roles come in several at once; they never disagree.
        if !is_modifier || modifier == "deputy" || modifier == "vice" || previous_gap != " " {
            continue;
        }
        if index >= 2
            && matches!(
                words[index - 2].1.to_lowercase().as_str(),
                "deputy" | "vice" | "former" | "ex"
            )
        {
            continue;
        }
        let name: Vec<&str> = words[index + 1..]
            .iter()
            .take(4)
            .scan(
                (start + word.len(), word),
                |(end, previous), &(next_start, next)| {
                    let gap = text.get(*end..next_start).unwrap_or("x");
                    // A middle initial ("Dirk A. Kempthorne") is part of the name.
                    let initial_gap = gap == ". " && previous.chars().count() == 1;
                    let joined = matches!(gap, " " | ", ") || initial_gap;
                    *end = next_start + next.len();
                    *previous = next;
                    (joined && next.starts_with(char::is_uppercase)).then_some(next)
                },
            )
            .collect();
        if name.is_empty() {
            continue;
        }
        let Some((canonical, kind)) = entities.canonical(&name.join(" ")) else {
            continue;
        };
        if kind != EntityKind::Person {
            continue;
        }
        // Whose role it is: "Ukraine's foreign minister" and "Russian foreign minister" are
        // different roles; a bare "foreign minister" is its own.
        let owner = index
            .checked_sub(2)
            .map(|i| words[i].1)
            .filter(|w| {
                let lower = w.to_lowercase();
                lexicon::is_nationality(&lower)
                    || (w.starts_with(char::is_uppercase) && crate::text::strip_possessive(w) != *w)
            })
            .map(|w| format!("{} ", w.to_lowercase().replace('’', "'")))
            .unwrap_or_default();
        let about = format!("{owner}{} {head}", modifier.replace("defence", "defense"));
        facts.push(Fact {
            kind: DisagreementKind::Name,
            about,
            value: FactValue::Name(canonical.to_owned()),
            position,
        });
    }
}
