//! Cleaning: article text → text without boilerplate, repeated blocks, filler and foreign
//! blocks, with every [`Removal`] recorded.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): a first pass feeds every
//! article to a [`BoilerplateModelBuilder`] (builders of parallel shards are merged), the
//! built [`BoilerplateModel`] is shared read-only, and [`clean`] runs per article.
//!
//! [`clean`] splits the text into lines (`text`), marks lines by general rules (`rules`:
//! furniture, filler), by the learned model (`model`), then by structure (`blocks`: furniture
//! above the headline, repeated title, repeated blocks, foreign blocks, teaser lists), and
//! finally joins the kept lines and groups the marked ones into `Removal`s. Nothing leaves the
//! text without a `Removal` naming its original line range and the reason.
//!
//! Invariants: `clean` never fails or panics on any text; same text + same model + same
//! config ⇒ the same `Cleaned`, whatever the thread count (the model is built from counts
//! and bitmaps that merge commutatively; see `model` for the one caveat, pruning when the
//! memory cap is reached). The builder's memory is capped by `learn_max_tracked_lines`.
//! Measure quality with `cargo run --release -p storyline_clean --example clean_eval --
//! --jsonl FILE`, and cost with `cargo bench -p storyline_clean --bench clean` or the
//! `clean_speed` example (CPU per article and a checksum of every output, to show that a
//! speed change leaves the output the same).
//!
//! Performance: every line is folded (lowercase letters and digits) once per pass, so the
//! fold is the hot loop. A normalised ASCII line (most lines) is checked in whole-line loops
//! that compile to vector instructions (ASCII, no control byte or double space; its spaces
//! counted), then copied lowered sixteen bytes at a time, stopping only at punctuation
//! (`line_fold`); anything else goes to the general fold (`fold`). `observe` only needs each
//! line's key, word count and folded length (`text::line_keys`), not the lines' texts. The
//! lines of an article borrow their text and folded form from per-thread buffers reused from
//! article to article. Phrase rules on short lines compare words (`phrase_set`) rather than
//! run a regex, and the article-wide filler check first scans for a few covering words (in
//! two groups). Every speed change keeps the output byte for byte (checked with the
//! `clean_speed` checksum); on a generated 2k corpus under callgrind, `observe` costs about a
//! fifth of the instructions it did before any of these changes, and `clean` under half.
//!
//! ```
//! use storyline_clean::{clean, BoilerplateModel, CleanConfig};
//! use storyline_core::RemovalKind;
//!
//! let text = "Bridge Reopens After Two Years\n\nThe bridge reopened on Friday.\n\nAdvertisement\n\n\
//!             Traffic was light.";
//! let cleaned = clean(text, None, None, &BoilerplateModel::default(), &CleanConfig::default());
//! assert_eq!(cleaned.headline.as_deref(), Some("Bridge Reopens After Two Years"));
//! assert_eq!(
//!     cleaned.text,
//!     "Bridge Reopens After Two Years\nThe bridge reopened on Friday.\nTraffic was light."
//! );
//! assert_eq!(cleaned.removals[0].kind, RemovalKind::Boilerplate);
//! assert_eq!(cleaned.removals[0].lines, [5, 5]);
//! ```

mod blocks;
mod filler;
mod fold;
mod line_fold;
mod model;
mod notes;
mod phrase_set;
mod phrases;
#[cfg(test)]
mod random;
mod rules;
mod text;

use model::SourceKey;
pub use model::{BoilerplateModel, BoilerplateModelBuilder};
pub use rules::is_publication_stamp;
use storyline_core::{Removal, RemovalKind};

use crate::blocks::Mark;
use crate::fold::fold;
use crate::text::{split_lines, with_line_buffers, Line, LineBuffers};

/// Thresholds for cleaning. `CleanConfig::default()` is tuned to be conservative: real
/// content is never worth losing for a cleaner text.
#[derive(Debug, Clone)]
pub struct CleanConfig {
    /// Remove generic site furniture (ads, share prompts, navigation, credits, bylines).
    pub remove_furniture: bool,
    /// Remove template filler (lorem ipsum, "filler text" prose, garbled lines).
    pub remove_filler: bool,
    /// Remove later copies of lines and blocks repeated inside an article.
    pub remove_repeated_blocks: bool,
    /// Remove unrelated stories pasted into the article.
    pub remove_foreign_blocks: bool,
    /// Remove teaser headline lists after the end of the body.
    pub remove_teasers: bool,
    /// A line is learned boilerplate of a source when it recurs in at least this many
    /// articles of that source with different bodies.
    pub learn_min_docs_per_source: u32,
    /// … and in at least this share of the source's articles.
    pub learn_min_source_share: f32,
    /// A line is learned boilerplate across sources when it recurs in at least this many
    /// articles with different bodies …
    pub learn_min_docs_global: u32,
    /// … from at least this many sources (articles without a source count as their own).
    pub learn_min_sources_global: u32,
    /// Longer lines (in folded bytes) are never learned: boilerplate is short-ish.
    pub learn_max_line_chars: usize,
    /// Most line hashes the builder tracks per table before pruning the rarest (memory bound:
    /// about 30 bytes per line hash).
    pub learn_max_tracked_lines: usize,
    /// A block under a related-stories heading is foreign when at most this share of its
    /// content words occurs in the rest of the article.
    pub foreign_max_overlap: f32,
    /// The same share for a block without a heading, which needs stronger evidence.
    pub foreign_unheaded_max_overlap: f32,
}

impl Default for CleanConfig {
    fn default() -> CleanConfig {
        CleanConfig {
            remove_furniture: true,
            remove_filler: true,
            remove_repeated_blocks: true,
            remove_foreign_blocks: true,
            remove_teasers: true,
            learn_min_docs_per_source: 3,
            learn_min_source_share: 0.005,
            learn_min_docs_global: 6,
            learn_min_sources_global: 3,
            learn_max_line_chars: 200,
            learn_max_tracked_lines: 2_000_000,
            foreign_max_overlap: 0.3,
            foreign_unheaded_max_overlap: 0.1,
        }
    }
}

/// An article after cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The cleaned text, paragraphs separated by newlines.
    pub text: String,
    /// The first line when it reads as a headline (kept once in `text` too).
    pub headline: Option<String>,
    pub removals: Vec<Removal>,
}

/// Cleans one article. Never fails and never panics: any text yields a `Cleaned`, and every
/// line missing from `Cleaned::text` is covered by a `Removal`.
pub fn clean(
    text: &str,
    title: Option<&str>,
    source: Option<&str>,
    model: &BoilerplateModel,
    config: &CleanConfig,
) -> Cleaned {
    with_line_buffers(|buffers| clean_with(text, title, source, model, config, buffers))
}

/// [`clean`] with the buffers that hold the article's lines.
fn clean_with(
    text: &str,
    title: Option<&str>,
    source: Option<&str>,
    model: &BoilerplateModel,
    config: &CleanConfig,
    buffers: &mut LineBuffers,
) -> Cleaned {
    let split = split_lines(text, buffers);
    let lines = split.lines;
    let mut marks: Vec<Option<Mark>> = vec![None; lines.len()];
    let title_key = title
        .map(fold)
        .filter(|(folded, _)| !folded.is_empty())
        .map(|(folded, _)| xxhash_rust::xxh3::xxh3_64(folded.as_bytes()));

    let hits = rules::PhraseHits::scan(&lines, split.folded_article);
    let check_filler_phrases = config.remove_filler && hits.may_hold_filler();
    let source = SourceKey::new(source);
    for (index, mark) in marks.iter_mut().enumerate() {
        // The given title is never furniture, whatever it says.
        if Some(lines[index].key) == title_key {
            continue;
        }
        *mark = line_mark(
            &lines,
            index,
            &hits,
            &source,
            model,
            config,
            check_filler_phrases,
        );
    }
    if config.remove_furniture {
        blocks::mark_vertical_menu(&lines, &mut marks);
        blocks::mark_masthead(&lines, &mut marks, title_key);
        blocks::mark_top(&lines, &mut marks, title_key);
        blocks::mark_header_dates(&lines, &mut marks);
        blocks::mark_unrelated_header(&lines, &mut marks, title_key);
    }
    if config.remove_foreign_blocks {
        blocks::mark_foreign(&lines, &mut marks, config);
    }
    if config.remove_repeated_blocks {
        blocks::mark_repeats(&lines, &mut marks);
        blocks::mark_rewrapped_repeats(&lines, &mut marks);
        blocks::mark_edited_repeats(&lines, &mut marks);
    }
    if config.remove_teasers {
        blocks::mark_teasers(&lines, &mut marks);
        blocks::mark_headed_teasers(&lines, &mut marks);
        blocks::mark_tag_lists(&lines, &mut marks);
        blocks::mark_unheaded_tags(&lines, &mut marks);
    }
    if config.remove_filler && filler::may_hold_marketing_talk(split.folded_article) {
        blocks::mark_marketing_filler(&lines, &mut marks);
    }
    if config.remove_furniture {
        notes::mark_author_notes(&lines, &mut marks);
        blocks::mark_comments(&lines, &mut marks);
        blocks::mark_forum_post_headers(&lines, &mut marks);
        blocks::mark_reply_titles(&lines, &mut marks);
        blocks::mark_footer_islands(&lines, &mut marks);
        blocks::mark_unrelated_footer(&lines, &mut marks);
    }

    let mut kept: Vec<&Line> = Vec::with_capacity(lines.len());
    kept.extend(
        lines
            .iter()
            .zip(&marks)
            .filter(|(_, mark)| mark.is_none())
            .map(|(line, _)| line),
    );
    let headline = kept.first().and_then(|first| {
        let is_title = Some(first.key) == title_key;
        let reads = rules::reads_as_headline(first) && kept.len() >= 2;
        (is_title || reads).then(|| first.text.to_owned())
    });
    let mut cleaned_text = String::with_capacity(text.len());
    for line in &kept {
        if !cleaned_text.is_empty() {
            cleaned_text.push('\n');
        }
        cleaned_text.push_str(line.text);
    }
    Cleaned {
        text: cleaned_text,
        headline,
        removals: removals(text, &lines, marks),
    }
}

/// Lines with at least this many words count as body paragraphs around a subheading.
const PARAGRAPH_MIN_WORDS: u32 = 12;

/// The per-line verdict of general rules and the learned model.
fn line_mark(
    lines: &[Line],
    index: usize,
    hits: &rules::PhraseHits,
    source: &SourceKey<'_>,
    model: &BoilerplateModel,
    config: &CleanConfig,
    check_filler_phrases: bool,
) -> Option<Mark> {
    let line = &lines[index];
    if config.remove_furniture {
        if let Some(reason) = rules::furniture_reason(lines, index, hits) {
            return Some(Mark::new(RemovalKind::Boilerplate, reason));
        }
    }
    if config.remove_filler {
        if let Some(reason) = filler::filler_reason(line, check_filler_phrases) {
            return Some(Mark::new(RemovalKind::Filler, reason));
        }
    }
    let is_paragraph = |neighbour: Option<usize>| {
        neighbour
            .and_then(|neighbour| lines.get(neighbour))
            .is_some_and(|line| line.n_words >= PARAGRAPH_MIN_WORDS)
    };
    let between_paragraphs = is_paragraph(index.checked_sub(1)) && is_paragraph(Some(index + 1));
    model
        .reason(line, source, between_paragraphs)
        .map(|reason| Mark::new(RemovalKind::Boilerplate, reason))
}

/// Groups marked lines into removals: consecutive marked lines with the same kind and reason
/// (any reason for repeated blocks) become one removal holding the original text verbatim,
/// blank lines between them included.
fn removals(text: &str, lines: &[Line], marks: Vec<Option<Mark>>) -> Vec<Removal> {
    let mut removals = Vec::new();
    // (first line index, last line index, mark, lowest and highest origin line)
    let mut open: Option<(usize, usize, Mark)> = None;
    let mut origins: (u32, u32) = (u32::MAX, 0);
    let close = |group: (usize, usize, Mark), origins: (u32, u32), removals: &mut Vec<Removal>| {
        let (first, last, mark) = group;
        let reason = if mark.kind == RemovalKind::RepeatedBlock && origins.0 != origins.1 {
            format!("repeats lines {}–{}", origins.0, origins.1)
        } else {
            mark.reason.into_owned()
        };
        removals.push(Removal {
            kind: mark.kind,
            lines: [lines[first].number, lines[last].number],
            text: text
                .get(lines[first].start..lines[last].end)
                .unwrap_or_default()
                .to_owned(),
            reason,
        });
    };
    for (index, mark) in marks.into_iter().enumerate() {
        let Some(mark) = mark else {
            if let Some(group) = open.take() {
                close(group, origins, &mut removals);
            }
            continue;
        };
        let joins = open.as_ref().is_some_and(|(_, _, current)| {
            current.kind == mark.kind
                && (current.reason == mark.reason || mark.kind == RemovalKind::RepeatedBlock)
        });
        if joins {
            if let Some(group) = open.as_mut() {
                group.1 = index;
            }
        } else {
            if let Some(group) = open.take() {
                close(group, origins, &mut removals);
            }
            origins = (u32::MAX, 0);
            open = Some((index, index, mark.clone()));
        }
        if let Some(origin) = mark.origin {
            origins = (origins.0.min(origin), origins.1.max(origin));
        }
    }
    if let Some(group) = open.take() {
        close(group, origins, &mut removals);
    }
    removals
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans `input` with an empty model and compares the text and the removals as
    /// `(kind, first line, last line)`.
    fn check(input: &str, expected_text: &str, expected_removals: &[(RemovalKind, u32, u32)]) {
        let cleaned = clean(
            input,
            None,
            None,
            &BoilerplateModel::default(),
            &CleanConfig::default(),
        );
        assert_eq!(cleaned.text, expected_text);
        let got: Vec<(RemovalKind, u32, u32)> = cleaned
            .removals
            .iter()
            .map(|removal| (removal.kind, removal.lines[0], removal.lines[1]))
            .collect();
        assert_eq!(got, expected_removals);
        for removal in &cleaned.removals {
            assert!(!removal.text.is_empty() && !removal.reason.is_empty());
        }
    }

    #[test]
    fn normal_article_keeps_every_paragraph() {
        let input = "Harbour Works Begin In Northport\n\n\
                     Work on the new harbour wall in Northport began on Monday, the port authority said.\n\n\
                     The wall will protect the fishing fleet from winter storms, which damaged 40 boats last year.\n\n\
                     “We have waited ten years for this,” said Mary Quinn, who chairs the fishermen’s association.\n\n\
                     The project costs £12 million and should be finished by 2026.\n\n\
                     Residents have been invited to a public meeting on Thursday.";
        let expected = input.split("\n\n").collect::<Vec<_>>().join("\n");
        check(input, &expected, &[]);
    }

    #[test]
    fn furniture_filler_and_teasers() {
        check(
            "JUNE 1, 2024\nCity News\n\nBridge Reopens After Two Years\nBridge Reopens After Two Years\n\
             The bridge over the river reopened on Friday after repairs.\nAdvertisement\n\
             Drivers said traffic was light in the morning.\n\
             Mayor Promises New Parks Across The City\nLocal Team Wins Regional Cup Final\n\
             Join the Daily Bugle WhatsApp group\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.",
            "Bridge Reopens After Two Years\nThe bridge over the river reopened on Friday after repairs.\n\
             Drivers said traffic was light in the morning.",
            &[
                (RemovalKind::Boilerplate, 1, 1),
                (RemovalKind::Boilerplate, 2, 2),
                (RemovalKind::DuplicateTitle, 5, 5),
                (RemovalKind::Boilerplate, 7, 7),
                (RemovalKind::Boilerplate, 9, 10),
                (RemovalKind::Boilerplate, 11, 11),
                (RemovalKind::Filler, 12, 12),
            ],
        );
    }

    #[test]
    fn short_title_over_the_site_menu_is_the_masthead() {
        let body = "The bridge over the river reopened on Friday after two years of repairs.\n\
                    Drivers said traffic was light in the morning, the council said.";
        // The menu sets its items apart by runs of spaces; the short title over it is the
        // site's name, with a row of account links between them or not.
        check(
            &format!("The Age\nNational  World  Opinion  Business  Sport\nBridge reopens after two years\n{body}"),
            &format!("Bridge reopens after two years\n{body}"),
            &[(RemovalKind::Boilerplate, 1, 1), (RemovalKind::Boilerplate, 2, 2)],
        );
        check(
            &format!(
                "The Age\nSubscribe | Log in\nNews  World  Opinion  Business\n\
                 Bridge reopens after two years\n{body}"
            ),
            &format!("Bridge reopens after two years\n{body}"),
            &[
                (RemovalKind::Boilerplate, 1, 1),
                (RemovalKind::Boilerplate, 2, 2),
                (RemovalKind::Boilerplate, 3, 3),
            ],
        );
        // A tagline between the site's name and its menu goes with the name.
        check(
            &format!(
                "Kilkenny Observer\nYour voice in the Marble City\nNews | Sport | Community\n\
                 Bridge reopens after two years\n{body}"
            ),
            &format!("Bridge reopens after two years\n{body}"),
            &[
                (RemovalKind::Boilerplate, 1, 2),
                (RemovalKind::Boilerplate, 3, 3),
            ],
        );
        // A headline and its deck over a share row stay.
        check(
            &format!(
                "Commute Returns To Normal\nThe span carries traffic again\nShare | Tweet | Email\n\
                 Bridge reopens after two years\n{body}"
            ),
            &format!(
                "Commute Returns To Normal\nThe span carries traffic again\n\
                 Bridge reopens after two years\n{body}"
            ),
            &[(RemovalKind::Boilerplate, 3, 3)],
        );
        // A short headline over a share row and its deck stays.
        check(
            &format!(
                "Bridge Reopens\nShare | Tweet | Email\nThe span carries traffic again\n{body}"
            ),
            &format!("Bridge Reopens\nThe span carries traffic again\n{body}"),
            &[(RemovalKind::Boilerplate, 2, 2)],
        );
    }

    #[test]
    fn body_held_twice() {
        check(
            "KYIV: Talks on grain exports resumed on Monday in Istanbul.\n\
             Negotiators from both sides met for three hours.\nA statement is expected on Tuesday.\n\
             Negotiators from both sides met for three hours.\nA statement is expected on Tuesday.",
            "KYIV: Talks on grain exports resumed on Monday in Istanbul.\n\
             Negotiators from both sides met for three hours.\nA statement is expected on Tuesday.",
            &[(RemovalKind::RepeatedBlock, 4, 5)],
        );
    }

    #[test]
    fn headline_from_title_and_shape() {
        let model = BoilerplateModel::default();
        let config = CleanConfig::default();
        let cleaned = clean(
            "Short Title\nBody sentence one.",
            Some("Short Title"),
            None,
            &model,
            &config,
        );
        assert_eq!(cleaned.headline.as_deref(), Some("Short Title"));
        let cleaned = clean(
            "A sentence that ends.\nAnother one.",
            None,
            None,
            &model,
            &config,
        );
        assert_eq!(cleaned.headline, None);
        // Without a title field, the headline is the line under the site's masthead.
        let cleaned = clean(
            "TerraDaily\nNews About Planet Earth\n\nBridge Reopens After Two Years\n\
             The bridge over the Mara reopened on Friday after two years of repairs.",
            None,
            None,
            &model,
            &config,
        );
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Bridge Reopens After Two Years")
        );
    }

    #[test]
    fn generated_noise_never_panics_and_accounts_for_every_line() {
        // A fixed-seed generator over a palette of awkward pieces: Unicode spaces, invisible
        // characters, quotes, furniture words, repeated lines and bare line breaks.
        let palette = [
            "Advertisement",
            "\u{a0}",
            "\u{200b}",
            "“",
            "”",
            "’",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\r",
            "Related News",
            "Putin",
            "Lorem ipsum dolor sit amet",
            "é",
            "日本",
            "\u{feff}",
            ".",
            "Other Topics of Interest",
            "JUNE 1, 2024",
            "x7f9kq",
            "The vote was unanimous.",
            "\t",
        ];
        let mut random = crate::random::Xorshift(0x2545_f491_4f6c_dd1d);
        let model = BoilerplateModel::default();
        let config = CleanConfig::default();
        for _ in 0..300 {
            let mut input = String::new();
            for _ in 0..(random.0 % 60) {
                input.push_str(random.pick(&palette));
            }
            let cleaned = clean(&input, Some("Putin"), Some("x"), &model, &config);
            let n_lines = input.split(['\n', '\r']).count() as u32;
            for removal in &cleaned.removals {
                assert!(removal.lines[0] >= 1 && removal.lines[0] <= removal.lines[1]);
                assert!(removal.lines[1] <= n_lines);
                assert!(input.contains(&removal.text));
            }
        }
    }

    #[test]
    fn learned_label_between_paragraphs_stays() {
        let config = CleanConfig::default();
        let mut builder = BoilerplateModelBuilder::new(&config);
        for index in 0..12 {
            let text = format!(
                "Report {index} on the harbour works in district {index} of the northern city region\n\
                 Officials said on day {index} that the harbour in district {index} would reopen after the long repairs.\n\
                 Home\nNetwork Partner Content Feed"
            );
            builder.observe(Some(["a", "b", "c", "d"][index % 4]), &text);
        }
        let model = builder.build();
        let paragraph = "Officials said on Monday that the harbour in the old town would reopen after the long repairs.";
        let second =
            "Work on the harbour walls began last spring and ran months late, the council said.";
        let probe = format!("{paragraph}\nNetwork Partner Content Feed\n{second}\nHome\nNetwork Partner Content Feed");
        let cleaned = clean(&probe, None, Some("e"), &model, &config);
        let removed: Vec<[u32; 2]> = cleaned
            .removals
            .iter()
            .map(|removal| removal.lines)
            .collect();
        // Line 2 sits between paragraphs (a subheading); line 5 follows a menu entry.
        assert_eq!(removed, [[4, 4], [5, 5]]);
    }

    #[test]
    fn model_is_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<BoilerplateModel>();
        assert_send_sync::<BoilerplateModelBuilder>();
    }

    #[test]
    fn odd_input_never_panics() {
        let model = BoilerplateModel::default();
        let config = CleanConfig::default();
        for input in [
            "",
            "\n\n\r\n",
            "é",
            "\u{feff}\u{a0}",
            "…\n…\n…",
            "a\rb\r\nc\n",
            "Ünïcödé Tïtle\nÜnïcödé Tïtle",
        ] {
            let cleaned = clean(input, Some(""), Some(""), &model, &config);
            assert!(cleaned.text.len() <= input.len() + 1);
        }
    }
}
