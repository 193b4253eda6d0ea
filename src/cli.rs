//! Command-line interface.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::data::time::{EventTime, Seconds};
use crate::formats::Format;
use crate::model::view::Theme;

/// A desktop map of the September 2022 Kyrgyz–Tajik border clashes: incidents and
/// statements from the article, on the region's borders, with a timeline.
///
/// Without a subcommand, opens the app on the bundled data. Files given as
/// arguments are opened as overlay layers (GeoJSON) or events (with --events).
#[derive(Debug, Parser)]
#[command(name = "border-incidents", version, about, long_about)]
pub struct Cli {
    /// Check or convert files without opening a window.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// GeoJSON files to open as overlay layers.
    pub files: Vec<PathBuf>,

    /// An events file (GeoJSON FeatureCollection in the events schema) to add.
    #[arg(long, value_name = "FILE")]
    pub events: Vec<PathBuf>,

    /// Render the app once to this PNG file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,

    /// Window size, as WIDTHxHEIGHT in points.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub size: [f32; 2],

    /// Select the event with this id at start.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,

    /// Put the time cursor at this date (YYYY-MM-DD or YYYY-MM-DDTHH:MM).
    #[arg(long, value_name = "DATE", value_parser = parse_time)]
    pub time: Option<Seconds>,

    /// Set the time window, as FROM..TO (dates as for --time).
    #[arg(long, value_name = "FROM..TO", value_parser = parse_window)]
    pub window: Option<(Seconds, Seconds)>,

    /// Colour theme.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,

    /// The script place names are labelled in: latin, local (the Cyrillic
    /// of Kyrgyz, Tajik or Russian, where GeoNames has it) or both.
    #[arg(long, value_enum)]
    pub names: Option<NamesArg>,

    /// Open on the view a view file holds (see assets/README.md): camera,
    /// time, filters, layers, selection and story step, once the files
    /// given have loaded.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["select", "time", "window", "theme", "names", "story"])]
    pub view: Option<PathBuf>,

    /// With --screenshot: also write the view that picture shows as a view
    /// file, which --view opens again.
    #[arg(long, value_name = "FILE", requires = "screenshot")]
    pub save_view: Option<PathBuf>,
    /// Connect to the shared store at start: a libpq connection string
    /// (postgres://USER@HOST:PORT/DB or "host=… dbname=…"); left out
    /// after --db, the libpq environment (PGHOST, PGUSER, ~/.pgpass…). The
    /// map, list, timeline and table then show the database's events.
    #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = "")]
    pub db: Option<String>,

    /// Start from the default view instead of the one saved by the last run
    /// (and with every section and window as on a first start).
    #[arg(long)]
    pub fresh: bool,

    /// A region profile (JSON, see assets/regions/fergana.json) to start on
    /// instead of the bundled Fergana Valley one; it starts with no events.
    #[arg(long, value_name = "FILE")]
    pub region: Option<PathBuf>,

    /// Play a story: a story file (JSON, see assets/README.md), or the
    /// bundled story of the September 2022 clashes when FILE is left out.
    /// With --screenshot, renders the step --step names.
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub story: Option<Option<PathBuf>>,

    /// With --screenshot: picture the map alone, with its time window,
    /// legend, scale bar and credits; --size is then the map's size. Drawn
    /// off screen, without a window.
    #[arg(long, requires = "screenshot")]
    pub map_only: bool,

    /// Pixels per point of --screenshot and --animate pictures (2 for
    /// print): the image is --size times this many pixels.
    #[arg(long, value_name = "F", default_value = "1", value_parser = parse_scale)]
    pub scale: f32,

    /// Export the playback from FROM to TO (dates as for --window) as an
    /// animation of the map, without a window; see --step and --out. With
    /// --story, FROM..TO is left out: every step of the story is exported,
    /// the map gliding from one to the next, each held --frame-ms.
    #[arg(long, value_name = "FROM..TO", value_parser = parse_window, num_args = 0..=1, requires = "out")]
    pub animate: Option<Option<(Seconds, Seconds)>>,

    /// With --story: the step to show, counted from 1 (default 1). With
    /// --animate: the time each frame moves on: 30m, 6h, 1d or 1w (default
    /// 1d).
    #[arg(long, value_name = "N|STEP")]
    pub step: Option<String>,

    /// Where --animate writes: FILE.gif, FILE.png (animated PNG), or a
    /// folder for numbered PNG frames and their index frames.csv.
    #[arg(long, value_name = "FILE.gif|DIR", requires = "animate")]
    pub out: Option<PathBuf>,

    /// With --animate: each frame shows everything from FROM on, instead
    /// of its step alone.
    #[arg(long, requires = "animate")]
    pub cumulative: bool,

    /// With --animate: how long each frame shows, in milliseconds (default
    /// 500; with --story, how long each step shows, default 4000).
    #[arg(long, value_name = "MS", requires = "animate")]
    pub frame_ms: Option<u64>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate files in any format the app reads (GeoJSON, events files,
    /// ACLED, UCDP GED and GDELT tables): prints FILE:LINE:COL: message per
    /// problem; exits 0 when all are valid, 1 when any is not, 2 on usage
    /// errors.
    Check {
        /// Check the files as events files (the events schema).
        #[arg(long)]
        events: bool,
        /// With --events: the text of an article source that names no
        /// `text_file` (the quotes are byte spans of it).
        #[arg(long, value_name = "FILE", requires = "events")]
        article: Option<PathBuf>,
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert events between the formats the app reads and writes: reads
    /// every input, merges them and writes OUT (the format told by its
    /// extension, or --to; a .csv output needs --to).
    Convert {
        /// The files to read (events GeoJSON, ACLED, UCDP GED or GDELT).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The file to write, or a connection string: into the shared
        /// database (inputs may be connection strings too).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The format to write.
        #[arg(long, value_name = "FORMAT", value_parser = format_parser())]
        to: Option<Format>,
        /// Convert the rows of a CSV file that read even when others have errors.
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// Propose incidents, statements and context rows from articles
    /// (.txt, .md, .html): writes an events file per article, its source
    /// the article, every proposal with its quotes, confidence and rules.
    /// Exits 0 when done, 1 when an article cannot be read, 2 on usage
    /// errors or when an article's publication date is unknown.
    Extract {
        /// Article files, or folders of them.
        #[arg(required = true, value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// The publication date every date phrase is read against, when
        /// the text gives none (a dateline, a "Published …" line or a
        /// date under the title).
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<jiff::civil::Date>,
        /// The article's title (default: its first line).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// The outlet that published it.
        #[arg(long, value_name = "O")]
        outlet: Option<String>,
        /// The events file to write (one article), or the folder for
        /// several (default: NAME.events.geojson beside each article), or a
        /// connection string: every article's proposals into the shared
        /// database.
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// The shared store: a PostgreSQL database with PostGIS that a team of
    /// coders reads and edits together. URL is a libpq connection string
    /// (postgres://USER@HOST:PORT/DB?sslmode=… or "host=… dbname=…"); left
    /// out, the libpq environment is used (PGHOST, PGPORT, PGUSER,
    /// PGDATABASE, PGPASSWORD, PGPASSFILE or ~/.pgpass, PGSSLMODE), as psql
    /// does. Exits 0 when done, 1 on errors, 2 on usage errors.
    Db {
        /// What to do.
        #[command(subcommand)]
        action: DbCommand,
    },
}

/// What `db` does.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Create or upgrade the schema (tables, indexes, triggers, and the
    /// roles border_incidents_viewer, _coder and _reviewer). Running it
    /// again changes nothing; a database whose schema is newer than this
    /// program is refused.
    Init {
        /// The database.
        url: Option<String>,
    },
    /// Write the events of files (events GeoJSON, ACLED or UCDP GED CSV, a
    /// coded article's events file) into the database: by id, each added,
    /// changed where it differs, or left alone; all files in one
    /// transaction.
    Push {
        /// The files to push.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The database.
        #[arg(long, value_name = "URL")]
        to: Option<String>,
    },
    /// Write the database's events (those in a box and a time window) to a
    /// file, as convert writes (the format by extension, or --to).
    Pull {
        /// The database.
        url: Option<String>,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Only events placed in this box (degrees: west, south, east, north).
        #[arg(long, value_name = "W,S,E,N", value_parser = parse_bbox, allow_hyphen_values = true)]
        bbox: Option<[f64; 4]>,
        /// Only events overlapping FROM..TO (dates as for --time).
        #[arg(long, value_name = "FROM..TO", value_parser = parse_window)]
        window: Option<(Seconds, Seconds)>,
        /// The format to write.
        #[arg(long, value_name = "FORMAT", value_parser = format_parser())]
        to: Option<Format>,
        /// Write counts per grid cell instead of events: GeoJSON squares of
        /// the grid level that gives about N cells across the box (the
        /// data's extent without --bbox), each with its count and counts by
        /// category, as the app draws a zoomed-out view.
        #[arg(long, value_name = "N", conflicts_with = "to", value_parser = clap::value_parser!(u32).range(1..=4096))]
        cells: Option<u32>,
    },
    /// Who changed an event, what and when: old and new values, oldest
    /// first.
    History {
        /// [URL] EVENT_ID: the database (optional) and the event.
        #[arg(required = true, num_args = 1..=2, value_name = "URL] [EVENT_ID")]
        args: Vec<String>,
    },
}

/// `--to`: one of the formats events are written in, by name, each shown
/// with its label in `--help`.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
    let names = Format::all().map(|f| PossibleValue::new(f.name()).help(f.label()));
    PossibleValuesParser::new(names).try_map(|name| {
        Format::named(&name)
            .ok_or_else(|| format!("{name:?} is not a format events are written in"))
    })
}

/// Scripts of place names on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum NamesArg {
    /// Latin letters.
    Latin,
    /// The local script (Cyrillic) where known.
    Local,
    /// The Latin name over the local one.
    Both,
}

impl From<NamesArg> for crate::model::view::PlaceNames {
    fn from(n: NamesArg) -> Self {
        match n {
            NamesArg::Latin => Self::Latin,
            NamesArg::Local => Self::Local,
            NamesArg::Both => Self::Both,
        }
    }
}

/// Theme names on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    /// Light theme.
    Light,
    /// Dark theme.
    Dark,
}

impl From<ThemeArg> for Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }
    }
}

impl Cli {
    /// `--step` read as a story's step, counted from 1 (none when not
    /// given).
    pub fn story_step(&self) -> anyhow::Result<Option<u64>> {
        let Some(step) = self.step.as_deref() else {
            return Ok(None);
        };
        match step.trim().parse::<u64>() {
            Ok(n) if n >= 1 => Ok(Some(n)),
            _ => anyhow::bail!("--step {step}: with --story, give a step number counted from 1"),
        }
    }

    /// `--step` read as the time each --animate frame moves on (a day when
    /// not given).
    pub fn animate_step(&self) -> anyhow::Result<Seconds> {
        match self.step.as_deref() {
            None => Ok(86_400),
            Some(step) => parse_step(step).map_err(|e| anyhow::anyhow!("--step {step}: {e}")),
        }
    }
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, like 1600x1000, got {s:?}"))?;
    let parse = |v: &str| -> Result<f32, String> {
        let n: u32 = v
            .trim()
            .parse()
            .map_err(|_| format!("{v:?} is not a whole number"))?;
        if (200..=8192).contains(&n) {
            Ok(n as f32)
        } else {
            Err(format!("{n} is out of range (200 to 8192)"))
        }
    };
    Ok([parse(w)?, parse(h)?])
}

fn parse_time(s: &str) -> Result<Seconds, String> {
    EventTime::parse(s.trim())
        .map(|t| t.first_second())
        .map_err(|e| format!("{s:?} is not a date like 2022-09-16 or 2022-09-16T04:50: {e}"))
}

/// `FROM..TO` as the first second and one past the last (dates as for
/// `--time`).
pub fn parse_window(s: &str) -> Result<(Seconds, Seconds), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("expected FROM..TO, like 2022-09-14..2022-09-19, got {s:?}"))?;
    let from = parse_time(a)?;
    let to = EventTime::parse(b.trim())
        .map(|t| t.end_exclusive())
        .map_err(|e| format!("{b:?} is not a date: {e}"))?;
    if to <= from {
        return Err(format!("the window ends before it starts: {s:?}"));
    }
    Ok((from, to))
}

/// `W,S,E,N` in degrees, west of east and south of north.
fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let [w, so, e, n] = parts[..] else {
        return Err(format!(
            "expected W,S,E,N, like 69.5,39.5,71.5,40.5, got {s:?}"
        ));
    };
    let mut out = [0.0; 4];
    for (slot, text) in out.iter_mut().zip([w, so, e, n]) {
        *slot = text
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{text:?} is not a number of degrees"))?;
    }
    let [w, so, e, n] = out;
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) {
        return Err(format!("longitudes run from -180 to 180: {s:?}"));
    }
    if !(-90.0..=90.0).contains(&so) || !(-90.0..=90.0).contains(&n) {
        return Err(format!("latitudes run from -90 to 90: {s:?}"));
    }
    if w >= e || so >= n {
        return Err(format!(
            "the box must run west to east and south to north: {s:?}"
        ));
    }
    Ok(out)
}

fn parse_scale(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(f) if (0.5..=4.0).contains(&f) => Ok(f),
        Ok(f) => Err(format!("{f} is out of range (0.5 to 4)")),
        Err(_) => Err(format!("{s:?} is not a number like 1 or 2")),
    }
}

fn parse_step(s: &str) -> Result<Seconds, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: Seconds = n
        .parse()
        .map_err(|_| format!("expected a number and a unit, like 6h or 1d, got {s:?}"))?;
    let unit = match unit {
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(format!("{unit:?} is not a unit: use m, h, d or w (6h, 1d)")),
    };
    match n.checked_mul(unit) {
        Some(step) if step > 0 => Ok(step),
        _ => Err(format!("{s:?} is not a step forward in time")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_reject() {
        assert_eq!(parse_size("800x600"), Ok([800.0, 600.0]));
        assert!(parse_size("800").is_err());
        assert!(parse_size("10x10").is_err());
    }

    #[test]
    fn steps_and_scales_parse_and_reject() {
        assert_eq!(parse_step("6h"), Ok(6 * 3600));
        assert_eq!(parse_step("1d"), Ok(86_400));
        assert!(parse_step("0d").is_err());
        assert!(parse_step("3y").is_err());
        assert!(parse_step("h").is_err());
        assert_eq!(parse_scale("2"), Ok(2.0));
        assert!(parse_scale("10").is_err());
    }

    #[test]
    fn window_is_inclusive_of_its_last_day() {
        let (a, b) = parse_window("2022-09-14..2022-09-19").unwrap();
        assert_eq!(b - a, 6 * 86_400);
        assert!(parse_window("2022-09-19..2022-09-14").is_err());
    }
}
