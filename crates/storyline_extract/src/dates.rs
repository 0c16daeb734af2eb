//! Date strings as pages write them → ISO 8601 days (`YYYY-MM-DD`).
//!
//! Main functions: [`parse_date`] for machine-readable values (`2024-06-18T09:00:00Z`, RFC 2822
//! `Tue, 18 Jun 2024 …`, `20240618`) and spelled dates (`June 18, 2024`, `18 June 2024`),
//! [`date_from_url`] for `/2024/06/18/`-style paths and [`find_dateline`] for a date written in
//! visible text. Used by [`crate::metadata`]. Only the calendar day is kept: the local day the
//! page states, without converting time zones.

/// English month names and abbreviations (with the month number); `sept` is a common variant.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Years outside this range are taken for noise (ids, prices), not publication dates.
const YEARS: std::ops::RangeInclusive<u32> = 1990..=2035;

fn format_day(year: u32, month: u32, day: u32) -> Option<String> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if !YEARS.contains(&year) || day == 0 || day > days_in_month {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    // Called on every word of a page: reject most words before comparing.
    if !(3..=9).contains(&word.len()) || !word.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, number)| *number)
}

/// Splits `text` into runs of ASCII digits and runs of letters, dropping everything else.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut start_is_digit = false;
    for (index, character) in text.char_indices() {
        let is_digit = character.is_ascii_digit();
        let is_word = is_digit || character.is_alphabetic();
        match start {
            Some(begin) if !is_word || is_digit != start_is_digit => {
                out.push(&text[begin..index]);
                start = is_word.then_some(index);
                start_is_digit = is_digit;
            }
            None if is_word => {
                start = Some(index);
                start_is_digit = is_digit;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        out.push(&text[begin..]);
    }
    out
}

/// Parses a date value from a meta tag, JSON-LD or `<time datetime>`.
pub(crate) fn parse_date(value: &str) -> Option<String> {
    let value = value.trim();
    let bytes = value.as_bytes();
    // ISO 8601: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, optionally followed by a time.
    if bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(bytes[4], b'-' | b'/' | b'.')
        && bytes[7] == bytes[4]
    {
        let year = value.get(..4)?.parse().ok()?;
        let month = value.get(5..7)?.parse().ok()?;
        let day = value.get(8..10)?.parse().ok()?;
        return format_day(year, month, day);
    }
    // Compact YYYYMMDD (optionally with a time after it).
    if bytes.len() >= 8
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && !bytes.get(8).is_some_and(u8::is_ascii_digit)
    {
        let year = value.get(..4)?.parse().ok()?;
        let month = value.get(4..6)?.parse().ok()?;
        let day = value.get(6..8)?.parse().ok()?;
        return format_day(year, month, day);
    }
    spelled_date(&words(value)).or_else(|| numeric_date(value))
}

/// A machine-readable date with its time: the local day it names and, when it carries a time
/// and an offset, the moment in seconds since 1970 (UTC) and the offset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timestamp {
    pub(crate) day: String,
    pub(crate) utc_second: Option<i64>,
    pub(crate) offset_minutes: Option<i32>,
}

/// Parses an ISO 8601 timestamp (`2024-05-01T23:30:00-04:00`, `2024-05-02T03:30Z`); the day is
/// the local day written, never shifted to UTC.
pub(crate) fn parse_timestamp(value: &str) -> Option<Timestamp> {
    let value = value.trim();
    let day = parse_date(value)?;
    let bytes = value.as_bytes();
    let rest = value.get(10..).unwrap_or("");
    let no_time = Timestamp {
        day: day.clone(),
        utc_second: None,
        offset_minutes: None,
    };
    if bytes.get(4) != Some(&b'-') || !matches!(rest.as_bytes().first(), Some(b'T' | b' ')) {
        return Some(no_time);
    }
    let time = &rest[1..];
    let (Some(hour), Some(minute)) = (
        time.get(..2).and_then(|text| text.parse::<i64>().ok()),
        time.get(3..5).and_then(|text| text.parse::<i64>().ok()),
    ) else {
        return Some(no_time);
    };
    // The offset follows the seconds and fractions: `Z`, `+02:00`, `-0400`.
    let zone_start = time
        .char_indices()
        .skip(5)
        .find(|(_, c)| matches!(c, 'Z' | 'z' | '+' | '-'))
        .map(|(index, _)| index);
    let offset_minutes = zone_start.and_then(|start| {
        let zone = &time[start..];
        if zone.starts_with(['Z', 'z']) {
            return Some(0);
        }
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits: String = zone[1..]
            .chars()
            .filter(char::is_ascii_digit)
            .take(4)
            .collect();
        let hours: i32 = digits.get(..2)?.parse().ok()?;
        let minutes: i32 = digits.get(2..4).unwrap_or("00").parse().ok()?;
        Some(sign * (hours * 60 + minutes))
    });
    let (year, month, day_of_month) = (
        value.get(..4)?.parse::<i64>().ok()?,
        value.get(5..7)?.parse::<i64>().ok()?,
        value.get(8..10)?.parse::<i64>().ok()?,
    );
    let second = time
        .get(5..8)
        .and_then(|text| text.strip_prefix(':'))
        .and_then(|text| text.parse::<i64>().ok())
        .unwrap_or(0);
    let local_second =
        ((days_from_civil(year, month, day_of_month) * 24 + hour) * 60 + minute) * 60 + second;
    Some(Timestamp {
        day,
        utc_second: offset_minutes.map(|offset| local_second - i64::from(offset) * 60),
        offset_minutes,
    })
}

/// The number of days from one `YYYY-MM-DD` day to another (negative when `to` is earlier).
pub(crate) fn days_between(from: &str, to: &str) -> Option<i64> {
    let day_number = |day: &str| {
        let mut parts = day
            .get(..10)?
            .split('-')
            .map(|part| part.parse::<i64>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        Some(days_from_civil(year, month, day))
    };
    Some(day_number(to)? - day_number(from)?)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Reads `09/25/2025` (US order unless the first number exceeds 12) or `25.09.2025` (European).
fn numeric_date(value: &str) -> Option<String> {
    for separator in ['/', '.'] {
        for candidate in value.split_whitespace() {
            let parts: Vec<&str> = candidate
                .trim_matches(|c: char| !c.is_ascii_digit())
                .split(separator)
                .collect();
            let [first, second, year] = parts.as_slice() else {
                continue;
            };
            if year.len() != 4 || first.len() > 2 || second.len() > 2 {
                continue;
            }
            let (Ok(first), Ok(second), Ok(year)) = (
                first.parse::<u32>(),
                second.parse::<u32>(),
                year.parse::<u32>(),
            ) else {
                continue;
            };
            let (month, day) = if separator == '.' || first > 12 {
                (second, first)
            } else {
                (first, second)
            };
            if let Some(date) = format_day(year, month, day) {
                return Some(date);
            }
        }
    }
    None
}

/// Finds "June 18, 2024", "18 June 2024" or "2024 June 18" at the start of `tokens` or later.
fn spelled_date(tokens: &[&str]) -> Option<String> {
    for (index, token) in tokens.iter().enumerate() {
        let Some(month) = month_number(token) else {
            continue;
        };
        let number = |offset: isize| -> Option<u32> {
            let position = index.checked_add_signed(offset)?;
            tokens.get(position)?.parse().ok()
        };
        // Month Day Year ("June 18, 2024", "Jun 18th 2024").
        if let (Some(day), Some(year)) = (
            number(1),
            number(2).or_else(|| ordinal_then(tokens, index + 1)),
        ) {
            if let Some(date) = format_day(year, month, day) {
                return Some(date);
            }
        }
        // Day Month Year ("18 June 2024").
        if let (Some(day), Some(year)) = (number(-1), number(1)) {
            if let Some(date) = format_day(year, month, day) {
                return Some(date);
            }
        }
        // Year Month Day ("2024 June 18").
        if let (Some(year), Some(day)) = (number(-1), number(1)) {
            if let Some(date) = format_day(year, month, day) {
                return Some(date);
            }
        }
    }
    None
}

/// Year after an ordinal day written as digits plus suffix ("18th 2024" → tokens "18","th","2024").
fn ordinal_then(tokens: &[&str], day_index: usize) -> Option<u32> {
    let suffix = tokens.get(day_index + 1)?;
    if matches!(*suffix, "st" | "nd" | "rd" | "th") {
        tokens.get(day_index + 2)?.parse().ok()
    } else {
        None
    }
}

/// Reads `/2024/06/18/`, `/2024-06-18/` or `/20240618/` from a URL path.
pub(crate) fn date_from_url(url: &str) -> Option<String> {
    let path_start = url.find("://").map_or(0, |scheme| {
        let host_start = scheme + 3;
        url[host_start..]
            .find('/')
            .map_or(url.len(), |slash| host_start + slash)
    });
    let path = url.get(path_start..)?;
    let parts: Vec<&str> = path
        .split(|character: char| !character.is_ascii_digit())
        .collect();
    for window in parts.windows(3) {
        if let [year, month, day] = window {
            if year.len() == 4 && (1..=2).contains(&month.len()) && (1..=2).contains(&day.len()) {
                if let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) {
                    if let Some(date) = format_day(year, month, day) {
                        return Some(date);
                    }
                }
            }
        }
    }
    if let Some(date) = parts
        .iter()
        .filter(|part| part.len() == 8)
        .find_map(|part| parse_date(part))
    {
        return Some(date);
    }
    // `/2023/october/03/`: a spelled month between the year and the day.
    let segments: Vec<&str> = path.split(['/', '?', '#']).collect();
    segments.windows(3).find_map(|window| {
        let [year, month, day] = window else {
            return None;
        };
        if year.len() != 4 || !(1..=2).contains(&day.len()) {
            return None;
        }
        format_day(year.parse().ok()?, month_number(month)?, day.parse().ok()?)
    })
}

/// Every spelled date in `text` ("June 18, 2024", "18 June 2024") with its byte offset, in
/// order.
pub(crate) fn all_datelines(text: &str) -> Vec<(usize, String)> {
    let tokens = words(text);
    let mut found = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if month_number(token).is_none() {
            continue;
        }
        let start = index.saturating_sub(1);
        let end = (index + 4).min(tokens.len());
        if let Some(date) = spelled_date(&tokens[start..end]) {
            let offset = token.as_ptr() as usize - text.as_ptr() as usize;
            if found.last().map(|(_, last)| last) != Some(&date) {
                found.push((offset, date));
            }
        }
    }
    found.extend(numeric_datelines(text));
    found.extend(iso_datelines(text));
    found.sort_by_key(|(offset, _)| *offset);
    found
}

/// Every `10/31/2024` or `23.07.2025` in `text` with its byte offset (see [`numeric_date`]).
fn numeric_datelines(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let at_run_start = bytes[start].is_ascii_digit()
            && (start == 0 || !(bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'/'));
        if at_run_start {
            let end = (start + 10).min(bytes.len());
            let candidate_len = bytes[start..end]
                .iter()
                .take_while(|byte| byte.is_ascii_digit() || matches!(byte, b'/' | b'.'))
                .count();
            let followed_by_digit = bytes
                .get(start + candidate_len)
                .is_some_and(u8::is_ascii_digit);
            if candidate_len >= 8 && !followed_by_digit {
                if let Some(date) = text
                    .get(start..start + candidate_len)
                    .and_then(numeric_date)
                {
                    found.push((start, date));
                    start += candidate_len;
                    continue;
                }
            }
        }
        start += 1;
    }
    found
}

/// Every ISO `2024-06-18` in `text` (not inside a longer run of digits) with its byte offset.
fn iso_datelines(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'-', bytes)
        .filter_map(|dash| {
            let start = dash.checked_sub(4)?;
            let clean_start = start == 0 || !bytes[start - 1].is_ascii_digit();
            let clean_end = !bytes.get(start + 10).is_some_and(u8::is_ascii_digit);
            let window = text.get(start..start + 10)?;
            (clean_start && clean_end && window.as_bytes()[7] == b'-')
                .then(|| parse_date(window))
                .flatten()
                .map(|date| (start, date))
        })
        .collect()
}

/// Finds the first date written in `text` as a spelled date or as ISO `YYYY-MM-DD`.
pub(crate) fn find_dateline(text: &str) -> Option<String> {
    if let Some(date) = spelled_date(&words(text)) {
        return Some(date);
    }
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|start| {
        let window = text.get(start..start + 10)?;
        let starts_clean = start == 0 || !bytes[start - 1].is_ascii_digit();
        if starts_clean && window.as_bytes()[4] == b'-' {
            parse_date(window)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(parse_date(input).as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn days_between_days() {
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2025-01-01", "2024-12-31"), Some(-1));
        assert_eq!(days_between("2025-01-01", "June 1"), None);
        assert_eq!(days_between("", "2024-12-31"), None);
    }

    #[test]
    fn machine_dates() {
        check("2024-06-18T09:30:00+02:00", Some("2024-06-18"));
        check("2024/06/18", Some("2024-06-18"));
        check("20240618", Some("2024-06-18"));
        check("Tue, 18 Jun 2024 09:30:00 GMT", Some("2024-06-18"));
        check("2024-02-30", None);
        check("Thu, 09/25/2025 - 11:38", Some("2025-09-25"));
        check("25/09/2025", Some("2025-09-25"));
        check("12.11.2025", Some("2025-11-12"));
        check("1871-01-01", None);
        check("", None);
        check("yesterday", None);
    }

    #[test]
    fn spelled_dates() {
        check("June 18, 2024", Some("2024-06-18"));
        check("Published: 18 June 2024, 10:00", Some("2024-06-18"));
        check("Sept. 3rd 2024", Some("2024-09-03"));
        check("Jun 3rd, 2024", Some("2024-06-03"));
        check("May 2024", None);
    }

    #[test]
    fn url_and_dateline() {
        assert_eq!(
            date_from_url("https://x.com/2024/06/18/story").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            date_from_url("https://x.com/news/2024-6-8-story").as_deref(),
            Some("2024-06-08")
        );
        assert_eq!(
            date_from_url("https://x.com/a/20240618/b").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(date_from_url("https://2024.x.com/12/11/a").as_deref(), None);
        assert_eq!(
            date_from_url("https://x.com/blog/2023/october/03/story").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(date_from_url("https://x.com/id/123456789").as_deref(), None);
        assert_eq!(
            find_dateline("Posted on 2024-06-18 by admin").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            find_dateline("By Ann Lee | March 4, 2023").as_deref(),
            Some("2023-03-04")
        );
        assert_eq!(find_dateline("nothing here 12345"), None);
        assert_eq!(
            all_datelines("Posted June 18, 2024. Updated 20 June 2024"),
            vec![(7, "2024-06-18".to_owned()), (33, "2024-06-20".to_owned())]
        );
        assert_eq!(
            all_datelines("Updated: 10/31/2024 · 23.07.2025 · v1.2.3 · 123/45/67890"),
            vec![(9, "2024-10-31".to_owned()), (23, "2025-07-23".to_owned())]
        );
        assert_eq!(
            all_datelines("By Ann Lee 2022-11-23T08:10+02:00 · id 12024-01-011"),
            vec![(11, "2022-11-23".to_owned())]
        );
    }

    #[test]
    fn timestamps_keep_the_local_day() {
        let local = parse_timestamp("2024-05-01T23:30:00-04:00").expect("timestamp");
        assert_eq!(local.day, "2024-05-01");
        assert_eq!(local.offset_minutes, Some(-240));
        let utc = parse_timestamp("2024-05-02T03:30:00.000Z").expect("timestamp");
        assert_eq!(utc.day, "2024-05-02");
        assert_eq!(utc.utc_second, local.utc_second);
        let compact_offset = parse_timestamp("2025-01-17T13:39:16-0500").expect("timestamp");
        assert_eq!(compact_offset.offset_minutes, Some(-300));
        let day_only = parse_timestamp("2024-05-01").expect("timestamp");
        assert_eq!(day_only.utc_second, None);
        let seconds = parse_timestamp("2024-05-02T03:30:09Z").expect("timestamp");
        assert_eq!(
            seconds.utc_second.zip(utc.utc_second).map(|(a, b)| a - b),
            Some(9)
        );
        assert_eq!(
            parse_timestamp("May 1, 2024")
                .map(|found| found.day)
                .as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
