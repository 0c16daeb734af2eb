//! Calendar arithmetic and article date parsing: ISO 8601 / RFC 3339 and RFC 2822 dates to
//! day numbers (days since 1970-01-01) and UTC instants, and back.
//!
//! The mention finder in [`super`] and the report's ordering of stories use these; there is
//! no time-zone database: offsets are taken as written.

use super::phrases::month_number;
use super::Day;

/// `YYYY-MM-DD` at the start of `text`.
pub(super) fn parse_iso_date(text: &str) -> Option<(i64, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i64 = text.get(..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then_some((year, month, day))
}

/// Parses an article date: ISO 8601 / RFC 3339 (`2024-06-18`, `2024-06-18T10:00:00+02:00`)
/// or RFC 2822 (`Tue, 18 Jun 2024 10:00:00 +0000`); returns its day and UTC instant.
pub(crate) fn parse_article_date(text: &str) -> Option<(Day, i64)> {
    let text = text.trim();
    if let Some((year, month, day)) = parse_iso_date(text) {
        let day_number = days_from_civil(year, month, day);
        let rest = text.get(10..).unwrap_or("");
        let seconds = rest
            .strip_prefix(['T', 't', ' '])
            .and_then(parse_time_and_zone)
            .unwrap_or(0);
        return Some((day_number, day_number * 86_400 + seconds));
    }
    parse_rfc2822(text)
}

/// `HH:MM[:SS][.fff][Z|±HH:MM|±HHMM]` → seconds after midnight UTC (may be negative).
fn parse_time_and_zone(text: &str) -> Option<i64> {
    let hours: i64 = text.get(..2)?.parse().ok()?;
    let minutes: i64 = text.get(3..5)?.parse().ok()?;
    let mut rest = text.get(5..)?;
    let mut seconds = 0;
    if let Some(after) = rest.strip_prefix(':') {
        seconds = after.get(..2)?.parse().ok()?;
        rest = after.get(2..)?;
    }
    rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = parse_zone(rest.trim()).unwrap_or(0);
    Some(hours * 3600 + minutes * 60 + seconds - offset)
}

/// A zone offset in seconds east of UTC: `Z`, `UTC`, `GMT`, `+02:00`, `-0500`.
fn parse_zone(text: &str) -> Option<i64> {
    if text.is_empty() || matches!(text, "Z" | "z" | "UTC" | "GMT" | "UT") {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(char::is_ascii_digit).collect();
    let hours: i64 = digits.get(..2)?.parse().ok()?;
    let minutes: i64 = digits.get(2..4).and_then(|m| m.parse().ok()).unwrap_or(0);
    Some(sign * (hours * 3600 + minutes * 60))
}

/// `[Tue, ]18 Jun 2024[ 10:00[:00] +0000]`.
fn parse_rfc2822(text: &str) -> Option<(Day, i64)> {
    let text = text.split_once(',').map_or(text, |(_, rest)| rest).trim();
    let mut parts = text.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = month_number(&capitalise(parts.next()?))?;
    let year: i64 = parts.next()?.parse().ok()?;
    if !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let day_number = days_from_civil(year, month, day);
    let seconds = match (parts.next(), parts.next()) {
        (Some(time), zone) => {
            let time = if time.len() == 5 {
                format!("{time}:00")
            } else {
                time.to_owned()
            };
            parse_time_and_zone(&format!("{time}{}", zone.unwrap_or(""))).unwrap_or(0)
        }
        (None, _) => 0,
    };
    Some((day_number, day_number * 86_400 + seconds))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(super) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> Day {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The (year, month, day) of a day number.
pub(crate) fn civil_from_days(days: Day) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday).
pub(super) fn weekday_of(days: Day) -> u32 {
    (days + 4).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateValue;

    /// Parses an article date and shows its day and its UTC instant as seconds after that
    /// day's midnight.
    fn check(text: &str, expected: Option<(&str, i64)>) {
        let found = parse_article_date(text)
            .map(|(day, instant)| (DateValue::Full(day).to_string(), instant - day * 86_400));
        assert_eq!(
            found,
            expected.map(|(day, seconds)| (day.to_owned(), seconds)),
            "{text}"
        );
    }

    #[test]
    fn article_date_formats() {
        check("2024-06-18", Some(("2024-06-18", 0)));
        check("2024-06-18T23:30:00-02:00", Some(("2024-06-18", 91_800)));
        check("2024-06-18 10:00Z", Some(("2024-06-18", 36_000)));
        check(
            "Tue, 18 Jun 2024 10:00:00 +0000",
            Some(("2024-06-18", 36_000)),
        );
        check("18 Jun 2024", Some(("2024-06-18", 0)));
        check("2024-02-30", None);
        check("garbage", None);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000, -1, 0, 59, 19_000, 800_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(weekday_of(days_from_civil(2024, 6, 18)), 2);
    }
}
