//! Publication dates: the many ways inputs write a date → days since 1970-01-01.
//!
//! Handles ISO 8601 / RFC 3339 (`2024-06-18`, `2024-06-18T09:00:00Z`), RFC 2822
//! (`Tue, 18 Jun 2024 09:00:00 +0000`), `18 June 2024`, `June 18, 2024` and `2024/06/18`.
//! Only the calendar day matters to the stages that use it.

/// Days since 1970-01-01 of the date written in `text`, if it reads as one.
pub fn parse_date_days(text: &str) -> Option<i32> {
    let text = text.trim();
    parse_numeric(text).or_else(|| parse_words(text))
}

/// `YYYY-MM-DD…` or `YYYY/MM/DD…` at the start of the text.
fn parse_numeric(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || !(bytes[4] == b'-' || bytes[4] == b'/') || bytes[7] != bytes[4] {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    days_from_civil(year, month, day)
}

/// Dates written with a month name: `18 Jun 2024`, `June 18, 2024`, `Tue, 18 Jun 2024 …`.
fn parse_words(text: &str) -> Option<i32> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .take(6)
        .collect();
    let month_at = tokens
        .iter()
        .position(|token| month_number(token).is_some())?;
    let month = month_number(tokens[month_at])?;
    let number_at = |idx: usize| -> Option<u32> {
        tokens.get(idx).and_then(|token| {
            token
                .trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
                .parse()
                .ok()
        })
    };
    let (day, year) = match (
        month_at.checked_sub(1).and_then(number_at),
        number_at(month_at + 1),
    ) {
        (Some(day), Some(year)) if day <= 31 && year > 31 => (day, year),
        (_, Some(day)) if day <= 31 => (day, number_at(month_at + 2)?),
        _ => return None,
    };
    days_from_civil(i32::try_from(year).ok()?, month, day)
}

fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = token.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let prefix = lower.get(..3)?;
    let idx = MONTHS.iter().position(|month| *month == prefix)?;
    // "march" and "mar" are months, "marching" is not.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][idx];
    (lower.len() == 3 || full.starts_with(&lower) || lower == "sept").then_some(idx as u32 + 1)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> Option<i32> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1..=9999).contains(&year) {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400) as u32;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era as i32 - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(i32, u32, u32)>) {
        let expected = expected.and_then(|(y, m, d)| days_from_civil(y, m, d));
        assert_eq!(parse_date_days(text), expected, "{text}");
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(2024, 6, 18), Some(19_892));
    }

    #[test]
    fn reads_common_forms() {
        check("2024-06-18", Some((2024, 6, 18)));
        check("2024-06-18T09:30:00+02:00", Some((2024, 6, 18)));
        check("2024/06/18", Some((2024, 6, 18)));
        check("Tue, 18 Jun 2024 09:00:00 +0000", Some((2024, 6, 18)));
        check("June 18, 2024", Some((2024, 6, 18)));
        check("DECEMBER 9, 2022", Some((2022, 12, 9)));
        check("18th March 2021", Some((2021, 3, 18)));
    }

    #[test]
    fn rejects_non_dates() {
        check("", None);
        check("yesterday", None);
        check("2024-13-01", None);
        check("marching band 2024", None);
        check("ü-ü-ü-ü-ü", None);
    }
}
