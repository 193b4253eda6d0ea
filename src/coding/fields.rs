//! What a reviewer types or picks, as event fields: a date phrase read by
//! the resolver, a figure's words with the numbers they allow, a place
//! from the gazetteer or a point clicked on the map, a new incident from a
//! selected quote.

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::dates::{self, ResolvedDate};
use crate::data::event::{
    DatePrecision, Event, EventKind, Figure, Figures, LocationPrecision, Quote,
};
use crate::data::geodata::Place;
use crate::data::time::EventTime;

/// Reads a date phrase against the publication date, as the events file
/// will check it.
pub fn date(published: Date, phrase: &str) -> Result<ResolvedDate, String> {
    dates::resolve(published, phrase).map_err(|e| e.to_string())
}

/// The event with its time read from `phrase`.
pub fn with_date(event: &Event, published: Date, phrase: &str) -> Result<Event, String> {
    let r = date(published, phrase)?;
    Ok(Event {
        date_text: Some(phrase.trim().to_owned()),
        start: r.start,
        end: r.end,
        date_precision: Some(r.precision),
        ..event.clone()
    })
}

/// A figure from its words ("at least 31"): the numbers the extractor's
/// table allows for them, or none when it reads no number (the words are
/// kept either way); the table must read all of the words. Empty words
/// give no figure.
pub fn figure(words: &str) -> Option<Figure> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let phrase = format!("{words} killed");
    let read = crate::extract::text::sentences(&phrase)
        .first()
        .and_then(|s| crate::extract::figures::find(&phrase, s).killed)
        // Numbers only when the table reads all the words ("a great many"
        // is not "a").
        .filter(|f| f.as_stated == words);
    Some(Figure {
        as_stated: words.to_owned(),
        low: read.as_ref().and_then(|f| f.low),
        high: read.as_ref().and_then(|f| f.high),
    })
}

/// The figures from the words typed for each (killed, injured,
/// evacuated, displaced), keeping a figure whose words did not change.
pub fn figures(old: &Figures, words: [&str; 4]) -> Figures {
    let keep = |old: &Option<Box<Figure>>, words: &str| match old {
        Some(f) if f.as_stated == words.trim() => Some(f.clone()),
        _ => figure(words).map(Box::new),
    };
    Figures {
        killed: keep(&old.killed, words[0]),
        injured: keep(&old.injured, words[1]),
        evacuated: keep(&old.evacuated, words[2]),
        displaced: keep(&old.displaced, words[3]),
    }
}

/// The event placed at a gazetteer place: its point, name and id, exact.
pub fn at_place(event: &Event, place: &Place) -> Event {
    Event {
        place: event.place.clone().or_else(|| Some(place.name.clone())),
        place_ref: Some(place.name.clone()),
        geonameid: Some(place.geonameid),
        location_precision: Some(LocationPrecision::Exact),
        geometry: Some(geo::Geometry::Point(place.point)),
        geometry_note: None,
        ..event.clone()
    }
}

/// The event placed at a point the reviewer clicked on the map: no
/// gazetteer place traces it, and its note says so.
pub fn at_point(event: &Event, lon: f64, lat: f64) -> Event {
    Event {
        place_ref: None,
        geonameid: None,
        location_precision: event.location_precision.or(Some(LocationPrecision::Near)),
        geometry: Some(geo::Geometry::Point(geo::Point::new(lon, lat))),
        geometry_note: Some(format!(
            "Placed by the reviewer on the map at {lat:.4}, {lon:.4}"
        )),
        ..event.clone()
    }
}

/// A new incident from a quote the reviewer selected: dated only as the
/// 30 days before publication (to be edited), not placed, hand-coded (no
/// extraction evidence).
pub fn new_incident(id: String, quote: Quote, published: Option<Date>) -> Event {
    let end = published.unwrap_or(Date::constant(2000, 1, 1));
    let start = end.checked_sub(30.days()).unwrap_or(end);
    Event {
        id,
        kind: EventKind::Incident,
        source: 0,
        title: "New incident (review)".to_owned(),
        start: EventTime::Date(start),
        end: EventTime::Date(end),
        date_text: None,
        date_precision: Some(DatePrecision::Month),
        place: None,
        place_ref: None,
        geonameid: None,
        location_precision: None,
        uncertainty_km: None,
        category: None,
        summary: None,
        actors: Vec::new(),
        quotes: vec![quote],
        claimant: None,
        side: None,
        refers_to: Vec::new(),
        account_of: None,
        figures: Figures::default(),
        verification: None,
        geometry: None,
        geometry_note: Some("Not placed yet: made by the reviewer from a quote".to_owned()),
        fields: Default::default(),
        extraction: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn figures_keep_their_words_and_read_their_numbers() {
        let f = figure("at least 31").unwrap();
        assert_eq!(
            (f.as_stated.as_str(), f.low, f.high),
            ("at least 31", Some(31.0), None)
        );
        let f = figure("dozens").unwrap();
        assert_eq!((f.low, f.high), (Some(24.0), Some(99.0)));
        let f = figure("a great many").unwrap();
        assert_eq!((f.low, f.high), (None, None));
        assert_eq!(figure("  "), None);
    }

    #[test]
    fn a_date_phrase_sets_the_range_the_file_checks() {
        let published = date(2022, 9, 19);
        let e = new_incident(
            "x".into(),
            Quote {
                text: "a".into(),
                start: 0,
                end: 1,
            },
            Some(published),
        );
        let dated = with_date(&e, published, "late last week").unwrap();
        assert_eq!(dated.start, EventTime::Date(date(2022, 9, 15)));
        assert_eq!(dated.end, EventTime::Date(date(2022, 9, 16)));
        assert!(with_date(&e, published, "in the reign of nobody").is_err());
    }

    #[test]
    fn a_clicked_point_says_it_was_placed_by_hand() {
        let e = new_incident(
            "x".into(),
            Quote {
                text: "a".into(),
                start: 0,
                end: 1,
            },
            None,
        );
        let placed = at_point(&e, 70.5, 39.9);
        assert_eq!(
            placed.geometry,
            Some(geo::Geometry::Point(geo::Point::new(70.5, 39.9)))
        );
        assert!(placed.geometry_note.unwrap().contains("by the reviewer"));
        assert_eq!(placed.place_ref, None);
    }
}
