//! Reading the values of dataset cells: dates in the forms ACLED and UCDP
//! exports write them, coordinates and counts, each with a message a
//! person can act on when the cell cannot be read.

use jiff::civil::Date;

// The month names dates may use, full or shortened to three letters.
use crate::data::dates::clock::MONTH_NAMES as MONTHS;

/// A date as the exports write it: `2022-09-16` (current exports, UCDP;
/// a time of day after it is ignored), `16 September 2022` or
/// `16-September-2022` or `16-Sep-22`… (older ACLED exports).
pub fn date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    if let Some(d) = iso_digits(t) {
        return Ok(d);
    }
    let iso = t
        .get(..10)
        .filter(|_| t.len() == 10 || t[10..].starts_with(' ') || t[10..].starts_with('T'));
    if let Some(day) = iso
        && let Ok(d) = day.parse::<Date>()
    {
        return Ok(d);
    }
    day_month_year(t)
        .ok_or_else(|| format!("{t:?} is not a date (expected 2022-09-16 or 16 September 2022)"))
}

/// `2022-09-16` alone, read from its digits without the general parser
/// (the form of nearly every cell of a current export); `None` for any
/// other text, which the general parser then reads or rejects.
fn iso_digits(t: &str) -> Option<Date> {
    let b: &[u8; 10] = t.as_bytes().try_into().ok()?;
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0i16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(year, month as i8, day as i8).ok()
}

/// `16 September 2022`, `16-Sep-2022`, `16 Sep 22`.
fn day_month_year(t: &str) -> Option<Date> {
    let mut parts = t.split([' ', '-', '/']).filter(|p| !p.is_empty());
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: i8 = day.parse().ok()?;
    let month = month.to_ascii_lowercase();
    let index = MONTHS
        .iter()
        .position(|m| *m == month || (month.len() == 3 && m.starts_with(&month)))?;
    let year: i16 = match year.len() {
        2 => 2000 + year.parse::<i16>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    Date::new(year, index as i8 + 1, day).ok()
}

/// A latitude (−90 to 90) or longitude (−180 to 180), by `name`.
pub fn coordinate(text: &str, name: &str, limit: f64) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("no {name} given"));
    }
    let value: f64 = t.parse().map_err(|_| format!("{t:?} is not a number"))?;
    if !value.is_finite() || value.abs() > limit {
        return Err(format!("{t} is outside −{limit}…{limit}"));
    }
    Ok(value)
}

/// A count of people: a whole number, not negative.
pub fn count(text: &str) -> Result<u64, String> {
    let t = text.trim();
    t.parse()
        .map_err(|_| format!("{t:?} is not a whole number of people"))
}

/// A code: one of `codes` ("1".."3"), as its position; `what` is what
/// the message calls it ("precision code").
pub fn code(text: &str, codes: &[&str], what: &str, meaning: &str) -> Result<usize, String> {
    let t = text.trim();
    codes.iter().position(|c| *c == t).ok_or_else(|| {
        if t.is_empty() {
            format!("no code given; expected {meaning}")
        } else {
            format!("unknown {what} {t:?}; expected {meaning}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_exports_forms() {
        let d = jiff::civil::date(2022, 9, 16);
        for text in [
            "2022-09-16",
            " 2022-09-16 ",
            "2022-09-16 00:00:00.000",
            "16 September 2022",
            "16-September-2022",
            "16-Sep-22",
            "16 sep 2022",
        ] {
            assert_eq!(date(text), Ok(d), "{text}");
        }
        for bad in [
            "",
            "2022-13-01",
            "31 September 2022",
            "Sept 16 2022",
            "16/09/2022",
        ] {
            assert!(date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_and_codes() {
        assert_eq!(coordinate(" 39.98 ", "latitude", 90.0), Ok(39.98));
        assert!(coordinate("91", "latitude", 90.0).is_err());
        assert!(coordinate("north", "latitude", 90.0).is_err());
        assert!(coordinate("NaN", "latitude", 90.0).is_err());
        assert_eq!(count("12"), Ok(12));
        assert!(count("-1").is_err() && count("1.5").is_err());
        assert_eq!(code("2", &["1", "2", "3"], "code", "1, 2 or 3"), Ok(1));
        assert_eq!(
            code("4", &["1", "2", "3"], "precision code", "1, 2 or 3"),
            Err("unknown precision code \"4\"; expected 1, 2 or 3".to_owned())
        );
    }
}
