//! One marker layout as a piece of work that owns what it reads (shared,
//! not copied), so that it can be made on another thread while the map
//! keeps drawing the last one; and the thread that makes such layouts.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use egui::Rect;

use crate::map::layers::marker_layout::{self, EventPositions, Layout};
use crate::model::camera::ScreenTransform;
use crate::model::view::{ViewState, layer_ids};
use crate::model::visibility::Visible;

/// Which events the layer toggles let on the map: background rows only
/// when their layer is on, the others when the events layer is. Read from
/// the toggles once, then asked of every event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OnMap {
    /// Whether incidents and statements are on the map.
    pub events: bool,
    /// Whether background rows are on the map.
    pub context: bool,
}

impl OnMap {
    /// What `view`'s layer toggles let on the map.
    pub fn new(view: &ViewState) -> Self {
        Self {
            events: view.layers.shown(layer_ids::EVENTS),
            context: view.layers.shown(layer_ids::CONTEXT),
        }
    }

    /// Whether the event with this index is drawn on the map.
    pub fn shows(&self, positions: &EventPositions, index: usize) -> bool {
        if positions.is_context(index) {
            self.context
        } else {
            self.events
        }
    }
}

/// Which events a layout is made of, without listing them: the result of
/// the filters and window they come from (`Visible::serial`) and what the
/// layer toggles and the view let on the map. Equal keys on the same
/// positions mean the same events, so a frame need not list a million
/// events to learn that nothing changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemsKey {
    /// The serial of the visible events they were chosen from.
    pub visible: u64,
    /// What the layer toggles let on the map.
    pub on_map: OnMap,
    /// Whether events outside the window are drawn faint.
    pub outside: bool,
}

/// What a layout was made from besides where the map is centred.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutKey {
    /// The generation of the positions it was made from.
    pub generation: u64,
    /// The zoom.
    pub points_per_km: f64,
    /// The map's size.
    pub size: egui::Vec2,
    /// Which events.
    pub items: ItemsKey,
}

/// The events a layout is made of: the visible ones that the toggles let
/// on the map, and those outside the window (drawn faint) when asked for.
/// Made every frame: it only shares what it reads.
#[derive(Clone)]
pub struct Items {
    /// Every event's position and radius.
    pub positions: EventPositions,
    /// The events passing the filters and overlapping the window, ascending.
    pub shown: Arc<Vec<usize>>,
    /// The events passing the filters, ascending, when those outside the
    /// window are drawn too.
    pub passing: Option<Arc<Vec<usize>>>,
    /// What the layer toggles let on the map.
    pub on_map: OnMap,
    /// The serial of the visible events they come from.
    pub serial: u64,
}

impl Items {
    /// The events of `visible` that `on_map` lets on the map, with those
    /// outside the window when `outside`.
    pub fn new(
        positions: &EventPositions,
        visible: &Visible,
        on_map: OnMap,
        outside: bool,
    ) -> Self {
        Self {
            positions: positions.clone(),
            shown: visible.shown.clone(),
            passing: outside.then(|| visible.passing.clone()),
            on_map,
            serial: visible.serial,
        }
    }

    /// What tells these events apart from others without listing them.
    pub fn key(&self) -> ItemsKey {
        ItemsKey {
            visible: self.serial,
            on_map: self.on_map,
            outside: self.passing.is_some(),
        }
    }

    /// About how many events there are to lay out (at most this many).
    pub fn estimate(&self) -> usize {
        self.passing.as_ref().map_or(self.shown.len(), |p| p.len())
    }

    /// The events as (index, faint): those in the window, then those
    /// outside it.
    pub fn iter(&self) -> impl Iterator<Item = (usize, bool)> + '_ {
        let on_map = |i: usize| self.on_map.shows(&self.positions, i);
        let inside = self
            .shown
            .iter()
            .filter(move |&&i| on_map(i))
            .map(|&i| (i, false));
        let mut shown = self.shown.iter().peekable();
        let outside = self
            .passing
            .iter()
            .flat_map(|p| p.iter())
            .filter_map(move |&i| {
                if shown.peek() == Some(&&i) {
                    shown.next();
                    None
                } else {
                    on_map(i).then_some((i, true))
                }
            });
        inside.chain(outside)
    }
}

/// A layout to make: of `items`, seen through `transform`, over `reach`
/// (the map and its margin).
pub struct LayoutJob {
    /// Tells requests apart, later ones larger.
    pub request: u64,
    /// What the layout is made from besides where the map is centred.
    pub key: LayoutKey,
    /// The events.
    pub items: Items,
    /// From the map plane to the screen.
    pub transform: ScreenTransform,
    /// The area laid out.
    pub reach: Rect,
}

/// A layout made over the map and its margin.
pub struct LaidOut {
    /// The request it answers.
    pub request: u64,
    /// The positions it was made from (to see it at another zoom while the
    /// next one is made).
    pub positions: EventPositions,
    /// What it was made from.
    pub key: LayoutKey,
    /// The transform it was made with.
    pub made_with: ScreenTransform,
    /// The area it covers.
    pub reach: Rect,
    /// The markers and clusters.
    pub layout: Layout,
}

impl LayoutJob {
    /// Makes the layout.
    pub fn run(self) -> LaidOut {
        let layout = marker_layout::layout(
            &self.items.positions,
            self.items.iter(),
            &self.transform,
            self.reach,
        );
        self.laid_out(layout)
    }

    /// Makes the layout, or gives it up (`None`) as soon as `stop` says a
    /// newer one is wanted.
    pub fn run_unless(self, stop: &dyn Fn() -> bool) -> Option<LaidOut> {
        let layout = marker_layout::layout_unless(
            &self.items.positions,
            self.items.iter(),
            &self.transform,
            self.reach,
            stop,
        )?;
        Some(self.laid_out(layout))
    }

    /// The job's answer, `layout`.
    fn laid_out(self, layout: Layout) -> LaidOut {
        LaidOut {
            request: self.request,
            positions: self.items.positions,
            key: self.key,
            made_with: self.transform,
            reach: self.reach,
            layout,
        }
    }
}

/// Up to how many events a layout is made within the frame that needs it
/// (about 3 ms here); larger ones are made by a [`LayoutRunner`] while the
/// map draws the last layout.
pub const IN_FRAME_UP_TO: usize = 20_000;

/// Makes the layouts too large to be made within a frame, away from the
/// UI thread.
pub trait LayoutRunner: Send {
    /// Starts making `job`, or queues it; a job queued and not started is
    /// replaced by a newer one. `repaint` is asked to repaint when a layout
    /// is ready.
    fn start(&mut self, job: LayoutJob, repaint: &egui::Context);

    /// A layout finished since the last call, if any (the newest first).
    fn finished(&mut self) -> Option<LaidOut>;

    /// Up to how many events a layout is made within the frame instead.
    fn in_frame_up_to(&self) -> usize {
        IN_FRAME_UP_TO
    }
}

/// The channels to the layout thread: jobs (with the context to repaint)
/// to it, layouts back.
type Channels = (Sender<(LayoutJob, egui::Context)>, Receiver<LaidOut>);

/// A thread that makes layouts one after the other, always the newest
/// asked for: while it makes one, later requests replace each other, and
/// one asked for while it makes another stops that one, so that it never
/// falls behind a scrub. It ends with the map.
#[derive(Default)]
pub struct LayoutThread {
    /// Jobs to the thread and layouts back, once it has started.
    channels: Option<Channels>,
    /// The request of the newest job sent to the thread.
    newest: Arc<AtomicU64>,
    /// A layout made on the UI thread after all, when no thread could start.
    made_here: Option<LaidOut>,
}

impl LayoutThread {
    /// The channels to the thread, started on first use; `None` when no
    /// thread can be started.
    fn channels(&mut self) -> Option<&Channels> {
        if self.channels.is_none() {
            let (send_job, jobs) = std::sync::mpsc::channel::<(LayoutJob, egui::Context)>();
            let (send_done, done) = std::sync::mpsc::channel();
            let newest = self.newest.clone();
            let work = move || {
                while let Ok(mut next) = jobs.recv() {
                    while let Ok(newer) = jobs.try_recv() {
                        next = newer;
                    }
                    let (job, repaint) = next;
                    let request = job.request;
                    let superseded = || newest.load(Ordering::Relaxed) > request;
                    let Some(laid_out) = job.run_unless(&superseded) else {
                        continue;
                    };
                    if send_done.send(laid_out).is_err() {
                        return;
                    }
                    repaint.request_repaint();
                }
            };
            let spawned = std::thread::Builder::new()
                .name("marker-layout".into())
                .spawn(work);
            if spawned.is_ok() {
                self.channels = Some((send_job, done));
            }
        }
        self.channels.as_ref()
    }
}

impl LayoutRunner for LayoutThread {
    fn start(&mut self, job: LayoutJob, repaint: &egui::Context) {
        self.newest.fetch_max(job.request, Ordering::Relaxed);
        let sent = match self.channels() {
            Some((send, _)) => send.send((job, repaint.clone())).map_err(|e| e.0.0),
            None => Err(job),
        };
        // Without a thread (none could start, or it ended), the layout is
        // made here.
        if let Err(job) = sent {
            self.channels = None;
            self.made_here = Some(job.run());
        }
    }

    fn finished(&mut self) -> Option<LaidOut> {
        if let Some(laid_out) = self.made_here.take() {
            return Some(laid_out);
        }
        let (_, done) = self.channels.as_ref()?;
        let mut newest = None;
        loop {
            match done.try_recv() {
                Ok(laid_out) => newest = Some(laid_out),
                Err(TryRecvError::Empty) => return newest,
                Err(TryRecvError::Disconnected) => {
                    self.channels = None;
                    return newest;
                }
            }
        }
    }
}
