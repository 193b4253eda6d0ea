//! Starting the native window, or rendering one screenshot of it
//! (`screenshot.rs`).

pub mod screenshot;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, anyhow};

use crate::app::App;
use crate::cli::Cli;
use crate::data::Data;
use crate::data::region::RegionProfile;
use crate::map::preparing::MapPreparation;
use crate::start::StartOptions;

/// Runs the app as the command line asks: a window, or one screenshot.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let region = match &cli.region {
        None => None,
        Some(path) => {
            Some(RegionProfile::read(path).map_err(|e| anyhow!("{}: {e}", path.display()))?)
        }
    };
    let opts = StartOptions {
        select: cli.select.clone(),
        time: cli.time,
        window: cli.window,
        theme: cli.theme.map(Into::into),
        names: cli.names.map(Into::into),
        restore: !cli.fresh && cli.screenshot.is_none(),
        files: cli.files.clone(),
        events: cli.events.clone(),
        view: cli.view.clone(),
        db: cli.db.clone(),
    };
    // Nothing is asked of the data before the window opens: it is read on
    // a thread, with the map's first frame prepared, while eframe opens it.
    let asks_first = cli.select.is_some()
        || cli.story.is_some()
        || cli.animate.is_some()
        || cli.map_only
        || cli.scale != 1.0
        || cli.view.is_some();
    if !asks_first {
        let title = match &region {
            Some(region) => region.title.clone(),
            None => {
                RegionProfile::bundled()
                    .map_err(|e| anyhow!("assets/regions/fergana.json: {e}"))?
                    .title
            }
        };
        let path = cli.region.clone();
        let data = move || load(path.as_deref(), region);
        // A screenshot waits for every layer: they all start at once.
        let map = match cli.screenshot {
            None => MapPreparation::load_and_start(data),
            Some(_) => MapPreparation::load_and_start_in_full(data),
        };
        return open(&cli, &title, map, opts, None);
    }
    let data = Arc::new(load(cli.region.as_deref(), region)?);
    if let Some(path) = &cli.view {
        check_view_file(path, &data)?;
    }
    // With files to open the id may be one of theirs: it is checked once
    // they have loaded.
    if let Some(id) = &opts.select
        && opts.events.is_empty()
        && opts.files.is_empty()
        && !data.events.iter().any(|e| &e.id == id)
    {
        return Err(anyhow!("--select {id}: no event has this id"));
    }
    if let Some(done) = crate::commands::picture::from_cli(&cli, data.clone(), opts.clone()) {
        return done;
    }
    let story = crate::story::start::load(cli.story.as_ref(), cli.story_step()?, &data)?;
    let title = data.region.title.clone();
    let map = match cli.screenshot {
        None => MapPreparation::start(data),
        Some(_) => MapPreparation::start_in_full(data),
    };
    open(&cli, &title, map, opts, story)
}

/// The bundled data, or the data of `region` (read from `path`).
fn load(path: Option<&std::path::Path>, region: Option<RegionProfile>) -> anyhow::Result<Data> {
    match (path, region) {
        (Some(path), Some(region)) => {
            Data::for_region(region).with_context(|| format!("loading {}", path.display()))
        }
        _ => Data::bundled().context("loading the bundled data"),
    }
}

/// Opens the window, or draws the screenshot the command line asks for,
/// on the data and map `map` prepares.
fn open(
    cli: &Cli,
    title: &str,
    map: MapPreparation,
    opts: StartOptions,
    story: Option<crate::story::start::Start>,
) -> anyhow::Result<()> {
    let viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size(cli.size)
        .with_min_inner_size([640.0, 400.0]);
    if let Some(out) = &cli.screenshot {
        let outputs = Outputs {
            picture: out.clone(),
            view: cli.save_view.clone(),
        };
        return screenshot(viewport, map, opts, outputs, story);
    }
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let fresh = cli.fresh;
    eframe::run_native(
        "border-incidents",
        native,
        Box::new(move |cc| {
            // A fresh start forgets what the last run left open too (the
            // sections, windows and their places egui keeps).
            if fresh {
                cc.egui_ctx.memory_mut(|m| *m = egui::Memory::default());
            }
            let (data, map) = map.finish()?;
            let mut app = App::with_map(cc.storage, data, map, opts);
            // Unsaved coding work and edits made while the shared store
            // is away are kept in the app's data folder.
            if let Some(dir) = eframe::storage_dir("border-incidents") {
                app = app
                    .with_recovery_dir(dir.join("recovery"))
                    .with_outbox_dir(dir.join("outbox"));
            }
            Ok(Box::new(app.started_in(cc).with_story_start(story)))
        }),
    )
    .map_err(|e| anyhow!("cannot open the window: {e}"))
}

/// Fails when the view file `--view` names has errors (warnings about
/// sources not loaded wait until the files given have loaded).
fn check_view_file(path: &std::path::Path, data: &Data) -> anyhow::Result<()> {
    let loaded = crate::view_file::read::read(path, data);
    if loaded.file.is_some() {
        return Ok(());
    }
    let name = path.display().to_string();
    let lines: Vec<String> = (loaded.diagnostics.iter())
        .map(|d| d.in_file(&name).to_string())
        .collect();
    Err(anyhow!(
        "--view: the view file cannot be used:\n{}",
        lines.join("\n")
    ))
}

/// The viewer as a screenshot pictures it: the app, and where to write
/// the view the picture shows.
struct ViewerShot {
    app: App,
    view: Option<PathBuf>,
}

impl screenshot::Subject for ViewerShot {
    fn pass(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) -> anyhow::Result<bool> {
        use eframe::App as _;
        self.app.ui(ui, frame);
        // The picture shows the files opened, and the full detail its zoom
        // calls for (prepared once the first frame is drawn).
        if self.app.files_loading() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            return Ok(false);
        }
        if let Some(id) = self.app.missing_selection() {
            return Err(anyhow!("--select {id}: no event has this id"));
        }
        if !self.app.map_in_full_detail() {
            self.app.wait_for_full_map_detail();
        }
        Ok(true)
    }

    /// The view is written as the picture is asked for, of the same frame.
    fn at_picture(&mut self) -> anyhow::Result<()> {
        match &self.view {
            Some(path) => self
                .app
                .save_view_to(path)
                .map_err(|e| anyhow!("cannot write {}: {e}", path.display())),
            None => Ok(()),
        }
    }
}

/// Draws the viewer in a window of `viewport` and writes its picture (and
/// the view it shows) where `out` says.
fn screenshot(
    viewport: egui::ViewportBuilder,
    map: MapPreparation,
    opts: StartOptions,
    out: Outputs,
    story: Option<crate::story::start::Start>,
) -> anyhow::Result<()> {
    screenshot::take(
        "border-incidents-screenshot",
        viewport,
        out.picture,
        move |cc| {
            let (data, map) = map.finish()?;
            Ok(ViewerShot {
                app: App::with_map(None, data, map, opts)
                    .started_in(cc)
                    .with_story_start(story),
                view: out.view,
            })
        },
    )
}

/// What a screenshot run writes: the picture, and the view it shows.
struct Outputs {
    picture: PathBuf,
    view: Option<PathBuf>,
}
