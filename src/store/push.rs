//! Writing a collection into the database, idempotent by id: sources by id
//! (an article's text checked by its SHA-256), vocabulary terms by id (a
//! term already there keeps its label and colour), events by id, each
//! inserted, updated where it differs, or left alone where it is the same.
//! Events are streamed with `COPY` into a staging table and written by one
//! statement. All in one transaction: a push lands whole or not at all,
//! and a cancelled one leaves the database as it was.

use std::sync::atomic::{AtomicBool, Ordering};

use postgres::{Client, Transaction};

use crate::data::events::Collection;
use crate::data::source::{Source, SourceKind, sha256_hex};
use crate::data::vocabulary::{Term, to_hex};

use super::error::StoreError;
use super::stage;
use super::viewport::VIEW_ABOVE;

/// What a push did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PushReport {
    /// Sources written (new or updated).
    pub sources: usize,
    /// Events added.
    pub inserted: usize,
    /// Events changed.
    pub updated: usize,
    /// Events already there as they are.
    pub unchanged: usize,
    /// Whether the summaries were vacuumed after the push, as they are
    /// after one of [`VIEW_ABOVE`] events or more, the size from which the
    /// app counts a store's events per view; otherwise autovacuum does it
    /// later.
    pub vacuumed: bool,
}

/// How often, in events sent, progress is told and a cancel looked for.
const STEP: usize = 10_000;

/// The event columns a push writes, in `event_columns`' order.
pub const EVENT_COLUMNS: [&str; 27] = [
    "id",
    "source_id",
    "kind",
    "title",
    "start_text",
    "end_text",
    "date_text",
    "date_precision",
    "place",
    "place_ref",
    "geonameid",
    "location_precision",
    "uncertainty_km",
    "geom",
    "geometry_note",
    "category",
    "summary",
    "actors",
    "claimant",
    "side",
    "refers_to",
    "account_of",
    "quotes",
    "figures",
    "verification",
    "fields",
    "extraction",
];

/// Writes `collection` into the database, calling `progress` with the
/// number of events sent so far. A set `cancel` stops it, the database
/// left as it was (the transaction is never committed).
pub fn push(
    client: &mut Client,
    collection: &Collection,
    progress: &mut dyn FnMut(usize),
    cancel: Option<&AtomicBool>,
) -> Result<PushReport, StoreError> {
    check_points(collection)?;
    let cancel_token = client.cancel_token();
    let mut tx = client
        .transaction()
        .map_err(|e| StoreError::from_query(e, "starting the push"))?;
    let may_verify = may_set_verdicts(&mut tx)?;
    if !may_verify && let Some(e) = collection.events.iter().find(|e| e.verification.is_some()) {
        return Err(StoreError::Denied(format!(
            "event {:?} carries a verification verdict, which only a reviewer may set",
            e.id
        )));
    }
    let mut report = PushReport::default();
    for source in &collection.sources {
        report.sources += push_source(&mut tx, source)?;
    }
    let terms = [
        ("sides", &collection.vocabulary.sides),
        ("categories", &collection.vocabulary.categories),
    ];
    for (list, terms) in terms {
        for term in terms.iter() {
            push_term(&mut tx, list, term)?;
        }
    }
    stage_events(&mut tx, collection, progress, cancel)?;
    let (inserted, updated) = write_staged(&mut tx, may_verify, &cancel_token, cancel)?;
    report.inserted = inserted;
    report.updated = updated;
    report.unchanged = collection.events.len() - inserted - updated;
    if is_set(cancel) {
        return Err(StoreError::Cancelled);
    }
    tx.commit()
        .map_err(|e| StoreError::from_query(e, "finishing the push"))?;
    if (report.inserted + report.updated) as u64 >= VIEW_ABOVE {
        report.vacuumed = settle(client).unwrap_or(false);
    }
    Ok(report)
}

/// The summary tables the view's counts read with index-only scans.
const SUMMARIES: [&str; 4] = [
    "border_incidents.cell_years",
    "border_incidents.cell_months",
    "border_incidents.cell_days",
    "border_incidents.event_days",
];

/// After a large push: marks the summaries' pages all-visible, so the
/// views' index-only scans stop reading the heap, and refreshes the
/// planner's statistics of the events. Autovacuum would do both later on
/// its own. Only the tables' owner may vacuum them: for another role this
/// is `Ok(false)` and nothing is done. An error here leaves the committed
/// push as it is.
fn settle(client: &mut Client) -> Result<bool, postgres::Error> {
    let owned: bool = client
        .query_one(
            "SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) FROM pg_class c
             WHERE c.oid = ANY($1::text[]::regclass[])",
            &[&SUMMARIES.as_slice()],
        )?
        .get(0);
    if !owned {
        return Ok(false);
    }
    // One statement each: VACUUM cannot run in a (multi-statement) transaction.
    client.batch_execute(&format!("VACUUM (ANALYZE) {}", SUMMARIES.join(", ")))?;
    client.batch_execute("ANALYZE border_incidents.events")?;
    Ok(true)
}

/// Whether the flag is set.
fn is_set(flag: Option<&AtomicBool>) -> bool {
    flag.is_some_and(|f| f.load(Ordering::Relaxed))
}

/// Streams every event into the staging table.
fn stage_events(
    tx: &mut Transaction<'_>,
    collection: &Collection,
    progress: &mut dyn FnMut(usize),
    cancel: Option<&AtomicBool>,
) -> Result<(), StoreError> {
    let what = "sending the events";
    tx.batch_execute(stage::CREATE_STAGE)
        .map_err(|e| StoreError::from_query(e, what))?;
    let writer = tx
        .copy_in(stage::COPY_STAGE)
        .map_err(|e| StoreError::from_query(e, what))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, writer);
    for (i, e) in collection.events.iter().enumerate() {
        if i % STEP == 0 {
            if is_set(cancel) {
                return Err(StoreError::Cancelled);
            }
            progress(i);
        }
        stage::write_row(&mut out, collection, e)
            .map_err(|e| StoreError::Lost(format!("{what}: {e}")))?;
    }
    let writer = out
        .into_inner()
        .map_err(|e| StoreError::Lost(format!("{what}: {}", e.error())))?;
    writer
        .finish()
        .map_err(|e| StoreError::from_query(e, what))?;
    progress(collection.events.len());
    Ok(())
}

/// Writes the staged events into `events` in one statement; returns how
/// many were added and how many changed. A set `cancel` cancels the
/// statement on the server.
fn write_staged(
    tx: &mut Transaction<'_>,
    may_verify: bool,
    token: &postgres::CancelToken,
    cancel: Option<&AtomicBool>,
) -> Result<(usize, usize), StoreError> {
    let statement = upsert_statement(may_verify);
    let done = AtomicBool::new(false);
    let row = std::thread::scope(|scope| {
        if let Some(flag) = cancel {
            let done = &done;
            scope.spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    if flag.load(Ordering::Relaxed) {
                        let _ = token.cancel_query(postgres::NoTls);
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            });
        }
        let row = tx.query_one(&statement, &[]);
        done.store(true, Ordering::Relaxed);
        row
    });
    let row = match row {
        Ok(row) => row,
        Err(_) if is_set(cancel) => return Err(StoreError::Cancelled),
        Err(e) => return Err(StoreError::from_query(e, "writing the events")),
    };
    let (inserted, updated): (i64, i64) = (row.get(0), row.get(1));
    Ok((inserted as usize, updated as usize))
}

/// Refuses events whose geometry is not a point: the table holds points.
fn check_points(collection: &Collection) -> Result<(), StoreError> {
    for e in &collection.events {
        match &e.geometry {
            None => {}
            Some(geo::Geometry::Point(p)) if p.x().is_finite() && p.y().is_finite() => {}
            Some(geo::Geometry::Point(p)) => {
                return Err(StoreError::Refused {
                    what: format!("event {:?}", e.id),
                    detail: format!("its point ({}, {}) is not a pair of numbers", p.x(), p.y()),
                });
            }
            Some(other) => {
                return Err(StoreError::Refused {
                    what: format!("event {:?}", e.id),
                    detail: format!(
                        "the database stores events as points, and this one is a {}",
                        geometry_name(other)
                    ),
                });
            }
        }
    }
    Ok(())
}

/// A geometry's GeoJSON type name.
fn geometry_name(g: &geo::Geometry<f64>) -> &'static str {
    use geo::Geometry as G;
    match g {
        G::Point(_) => "Point",
        G::MultiPoint(_) => "MultiPoint",
        G::Line(_) | G::LineString(_) => "LineString",
        G::MultiLineString(_) => "MultiLineString",
        G::Polygon(_) | G::Rect(_) | G::Triangle(_) => "Polygon",
        G::MultiPolygon(_) => "MultiPolygon",
        G::GeometryCollection(_) => "GeometryCollection",
    }
}

/// Whether the session's role may set verification verdicts.
fn may_set_verdicts(tx: &mut Transaction<'_>) -> Result<bool, StoreError> {
    tx.query_one(
        "SELECT has_column_privilege('border_incidents.events', 'verification', 'UPDATE')
            AND has_column_privilege('border_incidents.events', 'verification', 'INSERT')",
        &[],
    )
    .map(|row| row.get(0))
    .map_err(|e| StoreError::from_query(e, "reading the role's rights"))
}

/// One source: added, or its details updated; a different text under a
/// taken id is refused. Returns 1 if a row was written.
pub(super) fn push_source(tx: &mut Transaction<'_>, s: &Source) -> Result<usize, StoreError> {
    let what = format!("source {:?}", s.id);
    let text = s.text.as_deref();
    let sha = s.sha256.clone().or_else(|| text.map(sha256_hex));
    let held = tx
        .query_opt(
            "SELECT sha256 FROM border_incidents.sources WHERE id = $1",
            &[&s.id],
        )
        .map_err(|e| StoreError::from_query(e, &what))?;
    let held_sha: Option<String> = held.and_then(|row| row.get(0));
    if let (Some(a), Some(b)) = (&held_sha, &sha)
        && a != b
    {
        return Err(StoreError::Refused {
            what,
            detail: "the database holds a different text under this id (its SHA-256 differs): give the source another id".to_owned(),
        });
    }
    let kind = match s.kind {
        SourceKind::Article => "article",
        SourceKind::Dataset => "dataset",
    };
    let published = s.published.map(|d| d.to_string());
    let written = tx
        .execute(
            "INSERT INTO border_incidents.sources AS s
                 (id, kind, title, outlet, author, url, licence, published, text_file, body, sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::date, $9, $10, $11)
             ON CONFLICT (id) DO UPDATE SET
                 kind = EXCLUDED.kind, title = EXCLUDED.title, outlet = EXCLUDED.outlet,
                 author = EXCLUDED.author, url = EXCLUDED.url, licence = EXCLUDED.licence,
                 published = EXCLUDED.published, text_file = EXCLUDED.text_file,
                 body = coalesce(EXCLUDED.body, s.body), sha256 = coalesce(EXCLUDED.sha256, s.sha256)
             WHERE (s.kind, s.title, s.outlet, s.author, s.url, s.licence, s.published, s.text_file)
                 IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.outlet, EXCLUDED.author,
                     EXCLUDED.url, EXCLUDED.licence, EXCLUDED.published, EXCLUDED.text_file)
                 OR (s.body IS NULL AND EXCLUDED.body IS NOT NULL)",
            &[
                &s.id,
                &kind,
                &s.title,
                &s.outlet,
                &s.author,
                &s.url,
                &s.licence,
                &published,
                &s.text_file,
                &text,
                &sha,
            ],
        )
        .map_err(|e| StoreError::from_query(e, &what))?;
    Ok(written as usize)
}

/// One vocabulary term, unless the database has it already.
pub(super) fn push_term(tx: &mut Transaction<'_>, list: &str, t: &Term) -> Result<(), StoreError> {
    let colour = t.declared_colour.then(|| to_hex(t.colour));
    let symbol = serde_json::to_value(t.symbol)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "circle".to_owned());
    tx.execute(
        "INSERT INTO border_incidents.terms (vocabulary, id, label, colour, symbol)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        &[&list, &t.id, &t.label, &colour, &symbol],
    )
    .map_err(|e| StoreError::from_query(e, &format!("{list} term {:?}", t.id)))?;
    Ok(())
}

/// The insert-or-update of the staged events, counting what it added and
/// changed. Without the right to set verdicts, the column is left out.
/// Events already there as staged are passed over before the insert (no
/// row locked, no trigger fired for them); the rest go in with their time
/// range and first day, so that the server's stamping trigger finds them
/// stamped (it still stamps an update).
pub fn upsert_statement(with_verdicts: bool) -> String {
    let cols: Vec<&str> = EVENT_COLUMNS
        .iter()
        .copied()
        .filter(|c| with_verdicts || *c != "verification")
        .collect();
    let list = cols.join(", ");
    let data: Vec<&str> = cols.iter().copied().filter(|c| *c != "id").collect();
    let prefixed = |prefix: &str| {
        data.iter()
            .map(|c| format!("{prefix}{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let set_left = data.join(", ");
    let (set_right, held, kept, staged_data) = (
        prefixed("EXCLUDED."),
        prefixed("e."),
        prefixed("h."),
        prefixed("s."),
    );
    let staged = stage::staged_columns(with_verdicts);
    format!(
        "WITH written AS (
             INSERT INTO border_incidents.events AS e ({list}, during, start_day)
             SELECT {list}, during, lower(during)::date
             FROM (SELECT *, border_incidents.during_of(start_text, end_text) AS during
                   FROM (SELECT {staged} FROM push_stage) AS t) AS s
             WHERE NOT EXISTS (
                 SELECT FROM border_incidents.events AS h
                 WHERE h.id = s.id AND ({kept}) IS NOT DISTINCT FROM ({staged_data}))
             ON CONFLICT (id) DO UPDATE SET ({set_left}) = ROW({set_right})
             WHERE ({held}) IS DISTINCT FROM ({set_right})
             RETURNING (xmax = 0) AS added)
         SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added) FROM written"
    )
}
