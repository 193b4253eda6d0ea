//! Reading events out of the database: those in a box and a time window,
//! written as an events file (the sources they name with their texts, the
//! vocabularies, the features) and read back through the same reader as a
//! file, so that what comes out is checked as a file is.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator as _;

use super::error::StoreError;
use super::narrow::Narrowing;
use super::row_feature::{FEATURE_COLUMN_COUNT, FEATURE_COLUMNS, write_feature};
use crate::data::time::{Seconds, from_seconds};

/// Which events to read. The events that those chosen refer to (the
/// incidents a statement speaks of, the incident an account tells) come
/// too, wherever they are, so that what is read back stands on its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    /// West, south, east, north in degrees: events placed inside it (an
    /// event without a point is never inside a box).
    pub bbox: Option<[f64; 4]>,
    /// From the first second to one past the last (civil time, as the
    /// timeline counts): events that overlap it.
    pub window: Option<(Seconds, Seconds)>,
    /// Only these kinds, if given.
    pub kinds: Option<Vec<String>>,
    /// Only these categories (`""`: none), if given.
    pub categories: Option<Vec<String>>,
    /// What else is hidden.
    pub narrowing: Narrowing,
    /// Whether the file lists every source of the store, those none of its
    /// events names without their texts: a view's answer, whose filters
    /// offer every source, the hidden ones too.
    pub every_source: bool,
}

/// Events read out of the store as an events file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PulledText {
    /// The events file.
    pub text: String,
    /// The version each event is at (what an edit of it is made on).
    pub versions: HashMap<String, i32>,
    /// How many of its events are in the scope itself; the rest are
    /// there because one of those refers to them.
    pub in_scope: u64,
}

/// The events of `scope` as the text of an events file.
pub fn pull_text(client: &mut Client, scope: &Scope) -> Result<String, StoreError> {
    Ok(pull_with_versions(client, scope)?.text)
}

/// The events of `scope` as the text of an events file, with the version
/// each event is at and how many are in the scope itself.
pub fn pull_with_versions(client: &mut Client, scope: &Scope) -> Result<PulledText, StoreError> {
    let mut versions = HashMap::new();
    let mut features = String::new();
    let mut sources = BTreeSet::new();
    let in_scope = features_into(
        client,
        scope,
        &mut features,
        &mut sources,
        Some(&mut versions),
    )?;
    Ok(PulledText {
        text: file_text(client, &features, &sources, scope.every_source)?,
        versions,
        in_scope,
    })
}

/// One event as the server has it now: an events file holding it alone
/// (with its source and the vocabularies), and its version; none when no
/// event has this id.
pub fn one(client: &mut Client, id: &str) -> Result<Option<(String, i32)>, StoreError> {
    let what = format!("reading event {id:?}");
    let row = client
        .query_opt(
            &format!(
                "SELECT {FEATURE_COLUMNS}, ev.version FROM border_incidents.events AS ev
                 WHERE ev.id = $1"
            ),
            &[&id],
        )
        .map_err(|e| StoreError::from_query(e, &what))?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut feature = String::from("\n");
    write_feature(&row, &mut feature);
    let sources = BTreeSet::from([row.get::<_, String>(2)]);
    let text = file_text(client, &feature, &sources, false)?;
    Ok(Some((text, row.get(FEATURE_COLUMN_COUNT))))
}

/// An events file of no events with every source of the store (without
/// their texts) and every vocabulary term: what the filters of a view
/// drawn as counts offer.
pub fn catalogue(client: &mut Client) -> Result<String, StoreError> {
    file_text(client, "", &BTreeSet::new(), true)
}

/// An events file of `features` (comma-separated Feature texts) with the
/// `sources` they name and every vocabulary term; with `every_source`, the
/// store's other sources too, without their texts.
fn file_text(
    client: &mut Client,
    features: &str,
    sources: &BTreeSet<String>,
    every_source: bool,
) -> Result<String, StoreError> {
    let sources_json = sources_json(client, sources, every_source)?;
    let vocabularies = vocabularies_json(client)?;
    let mut out = String::with_capacity(features.len() + sources_json.len() + 256);
    let _ = write!(
        out,
        "{{\"type\": \"FeatureCollection\",\n\"sources\": {sources_json},\n\"vocabularies\": {vocabularies},\n\"features\": [{features}\n]}}\n"
    );
    Ok(out)
}

/// Streams the matching features, one per line, noting their sources;
/// returns how many of them are in the scope itself (not only referred
/// to). The rows in the scope are read once, with their columns; those
/// they refer to (the incidents a statement speaks of, the incident an
/// account tells, and so on) are then fetched by their ids as one array,
/// so the primary key's index finds them (`id IN (SELECT …)` let the
/// planner guess a large join); following their links, each is looked up
/// by its id on its own (a plain join to the events let the planner hash
/// the whole table: 3.3 s a view at ten million events once statements
/// referred to incidents).
fn features_into(
    client: &mut Client,
    scope: &Scope,
    out: &mut String,
    sources: &mut BTreeSet<String>,
    mut versions: Option<&mut HashMap<String, i32>>,
) -> Result<u64, StoreError> {
    let [w, s, e, n] = scope.bbox.map_or([None; 4], |b| b.map(Some));
    let (from, to) = match scope.window {
        Some((a, b)) => (Some(timestamp(a)), Some(timestamp(b))),
        None => (None, None),
    };
    let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> =
        vec![&w, &s, &e, &n, &from, &to, &scope.kinds, &scope.categories];
    params.extend(scope.narrowing.params());
    let narrowed = scope.narrowing.condition(9);
    let rows = client
        .query_raw(
            &format!(
                "WITH RECURSIVE direct AS MATERIALIZED (
                 SELECT e.* FROM border_incidents.events AS e
                 WHERE ($1::float8 IS NULL OR e.geom &&
                        ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
                   AND ($5::text IS NULL
                        OR e.during && tsrange($5::text::timestamp, $6::text::timestamp, '[)'))
                   AND ($7::text[] IS NULL OR e.kind = ANY($7))
                   AND ($8::text[] IS NULL OR coalesce(e.category, '') = ANY($8))
                   AND {narrowed}
             ),
             linked (id) AS (
                 SELECT r.id FROM direct AS ev,
                 LATERAL unnest(array_remove(ev.refers_to || ev.account_of, NULL)) AS r (id)
               UNION
                 SELECT r.id FROM linked AS l,
                 LATERAL (SELECT e.refers_to, e.account_of FROM border_incidents.events AS e
                          WHERE e.id = l.id LIMIT 1) AS ev,
                 LATERAL unnest(array_remove(ev.refers_to || ev.account_of, NULL)) AS r (id)
             )
             SELECT {FEATURE_COLUMNS}, ev.version, true FROM direct AS ev
             UNION ALL
             SELECT {FEATURE_COLUMNS}, ev.version, false FROM border_incidents.events AS ev
             WHERE ev.id = ANY(ARRAY(SELECT id FROM linked EXCEPT SELECT id FROM direct))
             ORDER BY 1"
            ),
            params,
        )
        .map_err(|e| StoreError::from_query(e, "reading events"))?;
    let (mut count, mut in_scope) = (0, 0);
    let mut rows = rows;
    while let Some(row) = rows
        .next()
        .map_err(|e| StoreError::from_query(e, "reading events"))?
    {
        out.push_str(if count == 0 { "\n" } else { ",\n" });
        write_feature(&row, out);
        sources.insert(row.get(2));
        if let Some(versions) = versions.as_deref_mut() {
            versions.insert(row.get(0), row.get(FEATURE_COLUMN_COUNT));
        }
        count += 1;
        in_scope += u64::from(row.get::<_, bool>(FEATURE_COLUMN_COUNT + 1));
    }
    Ok(in_scope)
}

/// A civil second as PostgreSQL reads a timestamp.
fn timestamp(s: Seconds) -> String {
    from_seconds(s).strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

/// The `sources` member: the sources named, each with its text inline;
/// with `every_source`, every other source too, without its text.
fn sources_json(
    client: &mut Client,
    ids: &BTreeSet<String>,
    every_source: bool,
) -> Result<String, StoreError> {
    let ids: Vec<&String> = ids.iter().collect();
    let row = client
        .query_one(
            "SELECT coalesce(json_agg(json_strip_nulls(json_build_object(
                 'id', id, 'kind', kind, 'title', title, 'outlet', outlet, 'author', author,
                 'url', url, 'licence', licence, 'published', published::text,
                 'text', CASE WHEN id = ANY($1) THEN body END, 'sha256', sha256)) ORDER BY id), '[]')::text
             FROM border_incidents.sources WHERE id = ANY($1) OR $2",
            &[&ids, &every_source],
        )
        .map_err(|e| StoreError::from_query(e, "reading sources"))?;
    Ok(row.get(0))
}

/// The `vocabularies` member: every term.
fn vocabularies_json(client: &mut Client) -> Result<String, StoreError> {
    let row = client
        .query_one(
            "SELECT json_build_object(
                 'sides', coalesce((SELECT json_agg(json_strip_nulls(json_build_object(
                     'id', id, 'label', label, 'colour', colour, 'symbol', symbol)) ORDER BY ordinal)
                     FROM border_incidents.terms WHERE vocabulary = 'sides'), '[]'),
                 'categories', coalesce((SELECT json_agg(json_strip_nulls(json_build_object(
                     'id', id, 'label', label, 'colour', colour, 'symbol', symbol)) ORDER BY ordinal)
                     FROM border_incidents.terms WHERE vocabulary = 'categories'), '[]'))::text",
            &[],
        )
        .map_err(|e| StoreError::from_query(e, "reading vocabularies"))?;
    Ok(row.get(0))
}
