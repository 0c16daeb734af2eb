//! Dates: article dates (ISO 8601 / RFC 3339 / RFC 2822) and the dates articles mention
//! for the event ("DECEMBER 9, 2022", "on Tuesday, June 18", "June 17").
//!
//! [`story_dates`] reads each article's date and text once and returns [`StoryDates`]: the
//! story's time span, its event dates (each with the articles that mention it) and each
//! article's lead date, which the disagreement pass compares across articles. The phrases
//! are found in `phrases.rs`; day arithmetic and article-date parsing are in `calendar.rs`.

use rustc_hash::FxHashMap;

use crate::text::StoryTexts;

mod calendar;
mod phrases;
use crate::{EventDate, StoryArticle};
use calendar::weekday_of;
pub(crate) use calendar::{civil_from_days, days_from_civil, parse_article_date};
#[cfg(test)]
use phrases::find_mentions;
use phrases::{date_word_hashes, is_iso_date_prefix, mentions_in, Mention};

/// A calendar day as days since 1970-01-01.
pub(crate) type Day = i64;

/// A mentioned date: a whole day, or a month and day whose year could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum DateValue {
    Full(Day),
    Partial { month: u32, day: u32 },
}

impl DateValue {
    fn month_day(self) -> (u32, u32) {
        match self {
            DateValue::Full(day) => {
                let (_, month, day) = civil_from_days(day);
                (month, day)
            }
            DateValue::Partial { month, day } => (month, day),
        }
    }

    /// Whether two values can name the same day (a partial date matches any year).
    pub(crate) fn agrees_with(self, other: DateValue) -> bool {
        match (self, other) {
            (DateValue::Full(a), DateValue::Full(b)) => a == b,
            _ => self.month_day() == other.month_day(),
        }
    }
}

impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            DateValue::Full(day) => {
                let (year, month, day) = civil_from_days(day);
                write!(f, "{year:04}-{month:02}-{day:02}")
            }
            DateValue::Partial { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

/// Phrases and article positions of one mentioned date.
type Mentioned = (Vec<String>, Vec<usize>);

/// Everything date-related the digest needs about one story.
#[derive(Debug, Clone, Default)]
pub(crate) struct StoryDates {
    pub(crate) first_seen: Option<String>,
    pub(crate) last_seen: Option<String>,
    pub(crate) event_dates: Vec<EventDate>,
    /// Publication instant (seconds since the epoch, UTC) per article position.
    instants: Vec<Option<i64>>,
    /// The first date each read article mentions near its top: (position, date).
    pub(crate) leads: Vec<(usize, DateValue)>,
}

impl StoryDates {
    pub(crate) fn article_instant(&self, position: usize) -> Option<i64> {
        self.instants.get(position).copied().flatten()
    }
}

/// A date mentioned in a text, before resolution against the article's date.
/// How far into an article a date still counts as its dateline / lead date.
const LEAD_BYTES: usize = 400;

/// Reads the article dates and the mentioned dates of a story.
pub(crate) fn story_dates(articles: &[StoryArticle<'_>], texts: &StoryTexts<'_>) -> StoryDates {
    let parsed: Vec<Option<(Day, i64)>> = articles
        .iter()
        .map(|article| article.date.and_then(parse_any_date))
        .collect();
    let instants: Vec<Option<i64>> = parsed
        .iter()
        .map(|p| p.map(|(_, instant)| instant))
        .collect();
    let span_label = |position: usize| -> Option<String> {
        let (day, _) = parsed.get(position).copied().flatten()?;
        let given = articles.get(position)?.date?.trim();
        // Keep the article's own ISO form (it may carry a time); normalise anything else.
        Some(if is_iso_date_prefix(given) {
            given.to_owned()
        } else {
            DateValue::Full(day).to_string()
        })
    };
    let dated: Vec<usize> = (0..articles.len())
        .filter(|&p| instants[p].is_some())
        .collect();
    let first = dated.iter().copied().min_by_key(|&p| (instants[p], p));
    let last = dated
        .iter()
        .copied()
        .max_by_key(|&p| (instants[p], std::cmp::Reverse(p)));

    // The story's reference day for undated articles: the median dated day.
    let mut days: Vec<Day> = parsed.iter().flatten().map(|&(day, _)| day).collect();
    days.sort_unstable();
    let story_reference = days.get(days.len() / 2).copied();

    let mentions: Vec<Vec<Mention>> = texts
        .articles
        .iter()
        .map(|t| {
            // A word starting with an ASCII capital or digit is capitalised or holds a
            // digit, so it is a notable token. A phrase starts with a digit, a month or a
            // weekday, so a capitalised word without a digit starts one only if it is a
            // month's or weekday's name, which the hash filter tells at once for most.
            let tokens = &t.tokens;
            let date_words = date_word_hashes();
            let starts = t
                .notable
                .iter()
                .map(|&index| index as usize)
                .filter(|&index| {
                    tokens.get(index).map_or(true, |token| {
                        token.has_digit || (token.capitalised && date_words.contains(token.lower))
                    })
                });
            mentions_in(t.text, &t.words, starts)
        })
        .collect();
    let year_hint = mentions.iter().flatten().filter_map(|m| m.year).max();

    let mut by_value: FxHashMap<DateValue, Mentioned> = FxHashMap::default();
    let mut leads = Vec::new();
    for (text, mentions) in texts.articles.iter().zip(&mentions) {
        let own = parsed
            .get(text.position)
            .copied()
            .flatten()
            .map(|(day, _)| day);
        let mut reference = own.or(story_reference);
        if reference.is_none() {
            // An undated story: a weekday with a day and month pins the year.
            reference = mentions
                .iter()
                .find_map(|m| infer_with_weekday(m, year_hint));
        }
        let mut lead_found = false;
        for mention in mentions {
            let Some(value) = resolve(mention, reference) else {
                continue;
            };
            let phrase = text
                .text
                .get(mention.start..mention.end)
                .unwrap_or("")
                .to_owned();
            if !lead_found && mention.start < LEAD_BYTES && mention.month_day.is_some() {
                leads.push((text.position, value));
                lead_found = true;
            }
            let entry = by_value.entry(value).or_default();
            if !entry.0.contains(&phrase) && entry.0.len() < 4 {
                entry.0.push(phrase);
            }
            if !entry.1.contains(&text.position) {
                entry.1.push(text.position);
            }
        }
    }
    StoryDates {
        first_seen: first.and_then(span_label),
        last_seen: last.and_then(span_label),
        event_dates: merge_event_dates(by_value, articles, texts),
        instants,
        leads,
    }
}

/// Folds partial dates into the full date with the same month and day, and orders the
/// dates by how many original (non-copy) articles mention them, then by how many articles
/// do: a copy repeats its original's dates, or brings a wrong one (a rewrite's dateline).
fn merge_event_dates(
    by_value: FxHashMap<DateValue, Mentioned>,
    articles: &[StoryArticle<'_>],
    texts: &StoryTexts<'_>,
) -> Vec<EventDate> {
    let originals = |positions: &[usize]| {
        positions
            .iter()
            .filter(|&&position| !texts.article(position).is_some_and(|text| text.is_copy))
            .count()
    };
    let mut values: Vec<(DateValue, Mentioned)> = by_value.into_iter().collect();
    values.sort_by_key(|(value, _)| *value);
    let mut merged: Vec<(DateValue, Vec<String>, Vec<usize>)> = Vec::new();
    for (value, (phrases, positions)) in values {
        let target = match value {
            DateValue::Partial { .. } => {
                let fulls: Vec<usize> = (0..merged.len())
                    .filter(|&i| {
                        matches!(merged[i].0, DateValue::Full(_)) && merged[i].0.agrees_with(value)
                    })
                    .collect();
                // Only merge when exactly one year fits.
                (fulls.len() == 1).then(|| fulls[0])
            }
            DateValue::Full(_) => None,
        };
        match target {
            Some(index) => {
                let entry = &mut merged[index];
                for phrase in phrases {
                    if !entry.1.contains(&phrase) {
                        entry.1.push(phrase);
                    }
                }
                entry.1.truncate(4);
                entry.2.extend(positions);
                entry.2.sort_unstable();
                entry.2.dedup();
            }
            None => merged.push((value, phrases, positions)),
        }
    }
    merged.sort_by(|a, b| {
        (originals(&b.2), b.2.len())
            .cmp(&(originals(&a.2), a.2.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    merged.truncate(20);
    merged
        .into_iter()
        .map(|(value, mentions, mut positions)| {
            positions.sort_unstable();
            EventDate {
                date: value.to_string(),
                mentions,
                articles: positions
                    .iter()
                    .filter_map(|&p| articles.get(p))
                    .map(|a| a.id.to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// Resolves a mention against the article's reference day.
fn resolve(mention: &Mention, reference: Option<Day>) -> Option<DateValue> {
    match (mention.month_day, mention.year) {
        (Some((month, day)), Some(year)) => {
            Some(DateValue::Full(days_from_civil(year, month, day)))
        }
        (Some((month, day)), None) => match reference {
            Some(reference) => {
                let (year, _, _) = civil_from_days(reference);
                Some(DateValue::Full(days_from_civil(year, month, day)))
            }
            None => Some(DateValue::Partial { month, day }),
        },
        (None, _) => {
            // A weekday alone: the latest such weekday on or before the reference day.
            let weekday = mention.weekday?;
            let reference = reference?;
            let back = (weekday_of(reference) + 7 - weekday) % 7;
            Some(DateValue::Full(reference - i64::from(back)))
        }
    }
}

/// The day of "Tuesday, June 18" in the year nearest `year_hint` where June 18 is a Tuesday.
fn infer_with_weekday(mention: &Mention, year_hint: Option<i64>) -> Option<Day> {
    let (month, day) = mention.month_day?;
    let weekday = mention.weekday?;
    let hint = year_hint?;
    (0..=6)
        .flat_map(|distance| [hint + distance, hint - distance])
        .map(|year| days_from_civil(year, month, day))
        .find(|&candidate| weekday_of(candidate) == weekday)
}

/// An article date in a standard form, else written out ("June 18, 2024", "18 June 2024").
pub(crate) fn parse_any_date(text: &str) -> Option<(Day, i64)> {
    parse_article_date(text).or_else(|| {
        let text = crate::text::prefix_at_char_boundary(text, 64);
        let mention = {
            let words = crate::text::words(text);
            mentions_in(text, &words, 0..words.len())
        }
        .into_iter()
        .find(|m| m.year.is_some() && m.month_day.is_some())?;
        let (month, day) = mention.month_day?;
        let day = days_from_civil(mention.year?, month, day);
        Some((day, day * 86_400))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves every mention of `text` against `reference` (an ISO date) and prints them.
    fn check(text: &str, reference: Option<&str>, expected: &[&str]) {
        let reference = reference.and_then(parse_article_date).map(|(day, _)| day);
        let found: Vec<String> = find_mentions(text)
            .iter()
            .filter_map(|m| resolve(m, reference))
            .map(|value| value.to_string())
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_copy_s_date_ranks_below_an_original_s() {
        use crate::provenance::tests::{article, edge};
        // Each date is in one article; the rewrite's is its false dateline.
        let articles = [
            StoryArticle {
                text: "DECEMBER 9, 2022\nRescuers reached the flooded town of Riverton.",
                ..article(0, "rewrite")
            },
            StoryArticle {
                text: "Rescuers reached Riverton on June 18, 2024, officials said.",
                ..article(1, "original")
            },
        ];
        let edges = [edge(0, 1)];
        let digest = crate::build_digest(
            storyline_core::StoryId(0),
            &articles,
            &edges,
            &crate::DigestConfig::default(),
        );
        let dates: Vec<&str> = digest.event_dates.iter().map(|d| d.date.as_str()).collect();
        assert_eq!(dates, ["2024-06-18", "2022-12-09"]);
    }

    #[test]
    fn full_dateline() {
        check("DECEMBER 9, 2022\nRussia News", None, &["2022-12-09"]);
    }

    #[test]
    fn day_month_takes_the_article_year() {
        check(
            "On Tuesday, June 18, Putin arrived. Signed June 17.",
            Some("2024-06-20"),
            &["2024-06-18", "2024-06-17"],
        );
    }

    #[test]
    fn weekday_alone_is_latest_on_or_before() {
        check(
            "He arrived on Tuesday.",
            Some("2024-06-20T08:00:00Z"),
            &["2024-06-18"],
        );
        check(
            "He arrived on Thursday.",
            Some("2024-06-20"),
            &["2024-06-20"],
        );
    }

    #[test]
    fn without_reference_partial_or_nothing() {
        check(
            "Signed June 17 and on Monday, 3rd of nothing.",
            None,
            &["--06-17"],
        );
    }

    #[test]
    fn day_before_month_and_iso() {
        check(
            "On 5 March 2023 and 2021-02-28.",
            None,
            &["2023-03-05", "2021-02-28"],
        );
    }

    #[test]
    fn ordinary_words_are_not_months() {
        check("They may 5 times.", None, &[]);
    }

    #[test]
    fn written_out_article_dates() {
        let day = |text| parse_any_date(text).map(|(day, _)| DateValue::Full(day).to_string());
        assert_eq!(day("June 18, 2024").as_deref(), Some("2024-06-18"));
        assert_eq!(
            day("Tuesday 18 June 2024 10:00 CET").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(day("2024-06-18").as_deref(), Some("2024-06-18"));
        assert_eq!(day("June 18"), None);
    }

    #[test]
    fn weekday_pins_the_year() {
        let mention = find_mentions("On Tuesday, June 18, he came")[0];
        let day = infer_with_weekday(&mention, Some(2022)).map(DateValue::Full);
        assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2024-06-18"));
    }
}
