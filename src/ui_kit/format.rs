//! Words for dates, places, figures and codes, as the panels show them.

use crate::data::event::{DatePrecision, Event, EventKind, Figure, LocationPrecision, Verdict};
use crate::data::source::Source;
use crate::data::time::EventTime;

/// Short month names, January first.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Sep" for a jiff month number (1–12).
fn month(m: i8) -> &'static str {
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?")
}

/// The time of day of a moment, if it has one ("04:50").
fn clock(t: &EventTime) -> Option<String> {
    match t {
        EventTime::Date(_) => None,
        EventTime::DateTime(dt) => Some(format!("{:02}:{:02}", dt.hour(), dt.minute())),
    }
}

/// When an event happened (or a statement was made), with the article's
/// words for it: "15–18 Sep 2022 · ‘late last week’".
pub fn when(event: &Event) -> String {
    let dates = date_range(&event.start, &event.end);
    match &event.date_text {
        Some(words) => format!("{dates} · ‘{words}’"),
        None => dates,
    }
}

/// A compact date range: "16 Sep 2022", "15–17 Sep 2022",
/// "30 Aug – 2 Sep 2022", "1917 – 1991" style ranges across years, with
/// times of day when the source gives them.
pub fn date_range(start: &EventTime, end: &EventTime) -> String {
    let (a, b) = (start.date(), end.date());
    let with_clock = |t: &EventTime, text: String| match clock(t) {
        Some(c) => format!("{text} {c}"),
        None => text,
    };
    if a == b {
        let day = format!("{} {} {}", a.day(), month(a.month()), a.year());
        return match (clock(start), clock(end)) {
            (Some(s), Some(e)) if s != e => format!("{day} {s}–{e}"),
            (Some(s), _) => format!("{day} {s}"),
            _ => day,
        };
    }
    let full_end = with_clock(
        end,
        format!("{} {} {}", b.day(), month(b.month()), b.year()),
    );
    if clock(start).is_some() || clock(end).is_some() || a.year() != b.year() {
        let full_start = with_clock(
            start,
            format!("{} {} {}", a.day(), month(a.month()), a.year()),
        );
        return format!("{full_start} – {full_end}");
    }
    if a.month() == b.month() {
        format!("{}–{full_end}", a.day())
    } else {
        format!("{} {} – {full_end}", a.day(), month(a.month()))
    }
}

/// A short date for list rows: "15–17 Sep 2022" without times of day.
pub fn short_date(event: &Event) -> String {
    date_range(
        &EventTime::Date(event.start.date()),
        &EventTime::Date(event.end.date()),
    )
}

/// What a date precision means, in words.
pub fn date_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Time => "time of day known",
        DatePrecision::Day => "known to the day",
        DatePrecision::Days => "known to a few days",
        DatePrecision::Week => "known to about a week",
        DatePrecision::Month => "known to the month",
        DatePrecision::Year => "known to the year",
        DatePrecision::Years => "known only to several years",
    }
}

/// What a location precision means, in words.
pub fn location_precision(p: LocationPrecision) -> &'static str {
    match p {
        LocationPrecision::Exact => "exact place",
        LocationPrecision::Near => "near a named place",
        LocationPrecision::District => "district only",
        LocationPrecision::Region => "region only",
        LocationPrecision::Border => "somewhere along the border",
        LocationPrecision::Country => "country only",
        LocationPrecision::Elsewhere => "away from the border region",
    }
}

/// A count with thousands separators ("136,000"); fractions keep one decimal.
pub fn number(n: f64) -> String {
    if n.fract() != 0.0 {
        return format!("{n:.1}");
    }
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 { format!("-{out}") } else { out }
}

/// A figure in the source's words with the numbers they allow:
/// "nearly 100 (90–99)".
pub fn figure(f: &Figure) -> String {
    let range = match (f.low, f.high) {
        (Some(l), Some(h)) if l == h => Some(number(l)),
        (Some(l), Some(h)) => Some(format!("{}–{}", number(l), number(h))),
        (Some(l), None) => Some(format!("at least {}", number(l))),
        (None, Some(h)) => Some(format!("at most {}", number(h))),
        (None, None) => None,
    };
    match range {
        Some(r) if r != f.as_stated => format!("“{}” ({r})", f.as_stated),
        _ => format!("“{}”", f.as_stated),
    }
}

/// "Incident", "Statement" or "Context".
pub fn kind(k: EventKind) -> &'static str {
    match k {
        EventKind::Incident => "Incident",
        EventKind::Statement => "Statement",
        EventKind::Context => "Context",
    }
}

/// The plural, for filters and timeline rows.
pub fn kinds(k: EventKind) -> &'static str {
    match k {
        EventKind::Incident => "Incidents",
        EventKind::Statement => "Statements",
        EventKind::Context => "Background",
    }
}

/// A verdict in words; `None` means not checked against other reports.
pub fn verdict(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Consistent) => "Consistent",
        Some(Verdict::PartlyDocumented) => "Partly documented",
        Some(Verdict::Imprecise) => "Imprecise",
        Some(Verdict::Unverified) => "Unverified",
        Some(Verdict::Contradicted) => "Contradicted",
        None => "Not checked",
    }
}

/// The ground's elevation at a point, "1,035 m", from the GEBCO grid, when
/// the point lies on it and the grid has been read (the map reads it on a
/// thread after its first frame; nothing waits for it).
pub fn elevation_at(lon: f64, lat: f64) -> Option<String> {
    let grid = crate::data::geodata::elevation::ElevationGrid::decoded()?;
    let m = grid.elevation_m(lon, lat)?;
    Some(format!("{} m", number(m.round())))
}

/// A source in one line: "“Title” · Outlet · Author · 19 Sep 2022".
pub fn byline(s: &Source) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &s.title {
        parts.push(format!("“{t}”"));
    }
    if let Some(o) = &s.outlet {
        parts.push(o.clone());
    }
    if let Some(a) = &s.author {
        parts.push(a.clone());
    }
    if let Some(d) = s.published {
        parts.push(d.strftime("%-d %b %Y").to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> EventTime {
        EventTime::parse(s).unwrap()
    }

    #[test]
    fn ranges_are_compact() {
        assert_eq!(
            date_range(&t("2022-09-16"), &t("2022-09-16")),
            "16 Sep 2022"
        );
        assert_eq!(
            date_range(&t("2022-09-15"), &t("2022-09-17")),
            "15–17 Sep 2022"
        );
        assert_eq!(
            date_range(&t("2022-08-30"), &t("2022-09-02")),
            "30 Aug – 2 Sep 2022"
        );
        assert_eq!(
            date_range(&t("1917-01-01"), &t("1991-12-31")),
            "1 Jan 1917 – 31 Dec 1991"
        );
        assert_eq!(
            date_range(&t("2022-09-16T04:50"), &t("2022-09-16T04:50")),
            "16 Sep 2022 04:50"
        );
    }

    #[test]
    fn figures_show_words_and_range() {
        let f = Figure {
            as_stated: "nearly 100".into(),
            low: Some(90.0),
            high: Some(99.0),
        };
        assert_eq!(figure(&f), "“nearly 100” (90–99)");
        assert_eq!(number(136_000.0), "136,000");
        let exact = Figure {
            as_stated: "136,000".into(),
            low: Some(136_000.0),
            high: Some(136_000.0),
        };
        assert_eq!(figure(&exact), "“136,000”");
    }
}
