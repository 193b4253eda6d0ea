//! Many sources at once, and a region from data: a second article's events
//! load beside the bundled ones, each source's quotes highlight in its own
//! text, an account from one source stands beside another source's, the
//! Source filter works, `check --events` checks quotes against the source
//! they name; and a region profile in `tests/data/regions` starts the app
//! on its own border.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use border_incidents::app::App;
use border_incidents::commands::check::{CheckOptions, run_check};
use border_incidents::data::Data;
use border_incidents::data::region::RegionProfile;
use border_incidents::start::StartOptions;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const REPORT_EVENT: &str = "Guided bomb on the square of Ovchi Kal'acha";
const REPORT_TITLE: &str =
    "Rights group documents strikes on civilians on both sides of the Kyrgyz-Tajik border";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The app on the bundled data with the second source's events opened.
fn with_second_source(select: Option<&str>) -> Harness<'static, App> {
    let opts = StartOptions {
        events: vec![fixture("sources/rights-report.geojson")],
        ..Default::default()
    };
    let mut harness = common::harness_with(opts);
    common::wait_loaded(&mut harness);
    assert!(
        harness.query_by_label("Problems opening files").is_none(),
        "the fixture loads cleanly"
    );
    if let Some(id) = select {
        harness
            .state_mut()
            .apply(border_incidents::model::action::Action::Reveal {
                event_id: id.into(),
                quote: 0,
            });
        harness.run_steps(3);
    }
    harness
}

#[test]
fn a_second_source_loads_beside_the_bundled_one_with_its_own_highlights() {
    let harness = with_second_source(None);
    let data = harness.state().data().clone();
    assert_eq!(data.sources.len(), 2);
    assert_eq!(data.events.len(), common::data().events.len() + 2);
    let report = data
        .events
        .iter()
        .find(|e| e.id == "ovchi-kalacha-bomb")
        .expect("loaded");
    assert_eq!(data.sources[report.source].id, "rights-report-2023");
    // Nothing selected: the article panel shows the bundled article.
    harness.get_by_label("Quote of 136,000 residents evacuated");
    assert!(
        harness
            .query_by_label(&format!("Quote of {REPORT_EVENT}"))
            .is_none()
    );

    // Selecting the report's event shows its own text, highlighted.
    let mut harness = with_second_source(Some("ovchi-kalacha-bomb"));
    harness.run_steps(2);
    harness.get_by_label(&format!("Quote of {REPORT_EVENT}"));
    assert!(
        harness
            .query_by_label("Quote of 136,000 residents evacuated")
            .is_none()
    );
    // The card names the source, as does the byline over its text.
    assert_eq!(
        harness
            .query_all_by_label_contains("Test fixture · 2 May 2023")
            .count(),
        2
    );
}

#[test]
fn the_article_panel_switches_between_sources() {
    let mut harness = with_second_source(None);
    harness.get_by_label("Article source").click();
    harness.run_steps(2);
    harness.get_by_label(REPORT_TITLE).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view().reading.as_deref(),
        Some("rights-report-2023")
    );
    harness.get_by_label(&format!("Quote of {REPORT_EVENT}"));
    // A click on a highlight selects the event and follows its source.
    harness
        .get_by_label(&format!("Quote of {REPORT_EVENT}"))
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some("ovchi-kalacha-bomb")
    );
}

#[test]
fn an_account_from_another_source_stands_beside_the_incident() {
    let harness = with_second_source(Some("clashes-2022-09"));
    let card_left = harness
        .get_by_label("Other accounts of this incident")
        .rect()
        .left();
    let in_card = |label: &str| {
        harness
            .query_all_by_label(label)
            .any(|n| n.rect().center().x >= card_left)
    };
    assert!(in_card(REPORT_EVENT), "the report's account is in the card");
    assert!(in_card(
        "Tajik towns shelled from across the border (Tajik account)"
    ));
}

#[test]
fn the_source_filter_hides_a_source() {
    let mut harness = with_second_source(None);
    let total = harness.state().data().events.len();
    harness.get_by_label(&format!("{total} of {total} events shown"));
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness.get_by_label("Source").click();
    harness.run_steps(2);
    harness.get_by_label(REPORT_TITLE).click();
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .view()
            .filters
            .hidden_sources
            .contains("rights-report-2023")
    );
    harness.get_by_label(&format!("{} of {total} events shown", total - 2));
    assert!(harness.query_by_label(REPORT_EVENT).is_none());
}

#[test]
fn check_events_checks_quotes_against_the_source_they_name() {
    let run = |path: &Path| {
        let mut out = Vec::new();
        let opts = CheckOptions {
            events: true,
            article: None,
        };
        let code = run_check(&[path.to_path_buf()], &opts, &mut out);
        (code, String::from_utf8(out).expect("UTF-8"))
    };
    let good = fixture("sources/rights-report.geojson");
    let (code, out) = run(&good);
    assert_eq!(code, 0, "{out}");

    // A copy whose quote was edited no longer matches its source's text.
    let dir = std::env::temp_dir().join(format!("bi-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        fixture("sources/rights-report.txt"),
        dir.join("rights-report.txt"),
    )
    .unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let bad = dir.join("edited.geojson");
    std::fs::write(
        &bad,
        text.replacen("killed at least 10", "killed at least 12", 1),
    )
    .unwrap();
    let (code, out) = run(&bad);
    assert_eq!(code, 1, "{out}");
    let line = out.lines().next().unwrap_or_default();
    let at = format!("{}:", bad.display());
    assert!(line.starts_with(&at), "{line}");
    let rest: Vec<&str> = line[at.len()..].splitn(3, ':').collect();
    assert!(
        rest[0].parse::<usize>().is_ok() && rest[1].parse::<usize>().is_ok(),
        "{line}"
    );
    assert!(
        line.contains("quote #0: the source \"rights-report-2023\" has"),
        "{line}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_region_profile_starts_the_app_on_its_own_border() {
    let region = RegionProfile::read(&fixture("regions/kyrgyz-uzbek.json")).expect("reads");
    let data = Arc::new(Data::for_region(region).expect("loads"));
    assert!(data.events.is_empty());
    let size = common::SIZE;
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| common::app(data.clone(), StartOptions::default()).started_in(cc));
    harness.run_steps(4);
    // The map fits the profile's focus: Andijan and Osh are in view.
    let cam = harness.state().view().camera;
    assert!((72.3..73.4).contains(&cam.center_lon), "{cam:?}");
    assert!((40.55..41.3).contains(&cam.center_lat), "{cam:?}");
    // The legend names the emphasised border after its countries.
    harness.get_by_label("Legend").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Uzbekistan–Kyrgyzstan border (≈ ");
    // And it is drawn in the emphasised colour, which the bundled region
    // gives only to the Kyrgyz–Tajik border (not in this view).
    let main = border_incidents::ui_kit::palette::palette(false).border_main;
    let image = harness.render().expect("renders");
    let emphasised = image
        .pixels()
        .filter(|p| {
            let [r, g, b, _] = p.0;
            r.abs_diff(main.r()) < 12 && g.abs_diff(main.g()) < 12 && b.abs_diff(main.b()) < 12
        })
        .count();
    assert!(
        emphasised > 400,
        "{emphasised} pixels of the emphasised border"
    );
    // The timeline offers the profile's preset.
    harness.get_by_label("2022");
}
