//! Measured quality of the extractor: precision and recall on each test
//! article of tests/data/articles (hand-coded expected events beside
//! each) and on the bundled article against assets/events.geojson. The
//! table is printed (`cargo test --test model extract_quality -- --nocapture`);
//! the floors asserted are the figures measured, so a rule that makes
//! things worse fails. `thai-cambodia-2011` was written last and is only
//! scored (held out), never tuned on.

use border_incidents::data::events::{self, TextsBeside};
use border_incidents::data::geodata::GeoData;
use border_incidents::extract::score::{Score, score};
use border_incidents::extract::{Options, PlaceIndex, extract};

const ARTICLES: [&str; 5] = [
    "kyrgyz-tajik-2021",
    "armenia-azerbaijan-2022",
    "india-china-2020",
    "ethiopia-sudan-2020",
    "thai-cambodia-2011",
];

fn run(
    text: &str,
    published: jiff::civil::Date,
    places: &PlaceIndex,
) -> Vec<border_incidents::data::event::Event> {
    let options = Options {
        published,
        source: 0,
        id_prefix: "p",
        places,
        progress: None,
        cancel: None,
    };
    extract(text, &options)
        .proposals
        .into_iter()
        .map(|p| p.event)
        .collect()
}

#[test]
fn precision_and_recall_per_article() {
    let places = PlaceIndex::new(&GeoData::bundled().unwrap().places);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut total = Score::default();
    let mut rows = Vec::new();
    for name in ARTICLES {
        let path = dir.join(format!("{name}.expected.geojson"));
        let file = std::fs::read_to_string(&path).unwrap();
        let expected = events::parse(
            &path.display().to_string(),
            &file,
            &TextsBeside::file(&path),
            &[],
        )
        .into_result()
        .unwrap();
        let source = &expected.sources[0];
        let proposed = run(source.text_or_empty(), source.published.unwrap(), &places);
        let s = score(&proposed, &expected.events);
        total = total.plus(s);
        rows.push((name.to_owned(), s));
    }
    let bundled = events::bundled().unwrap();
    let source = &bundled.sources[0];
    let proposed = run(source.text_or_empty(), source.published.unwrap(), &places);
    let b = score(&proposed, &bundled.events);
    rows.push(("bundled (assets/events.geojson)".into(), b));
    println!("| article | proposed | expected | matched | precision | recall |");
    println!("|---|---|---|---|---|---|");
    for (name, s) in rows
        .iter()
        .chain([&("test articles, all".to_owned(), total)])
    {
        println!(
            "| {name} | {} | {} | {} | {:.0} % | {:.0} % |",
            s.proposed,
            s.expected,
            s.matched,
            100.0 * s.precision(),
            100.0 * s.recall()
        );
    }
    assert!(total.recall() >= 0.85, "recall fell: {total:?}");
    assert!(total.precision() >= 0.7, "precision fell: {total:?}");
    assert!(b.recall() >= 0.9, "bundled recall fell: {b:?}");
    assert!(b.precision() >= 0.7, "bundled precision fell: {b:?}");
}
