//! The menu bar: File, View, Story and Help.

use crate::model::action::Action;
use crate::model::view::{PlaceNames, Theme, Toggle, ViewState};

/// Which auxiliary windows are open (not saved between runs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Windows {
    /// The About / Sources window.
    pub about: bool,
    /// The Layers window (opened overlay layers).
    pub layers: bool,
    /// The table of events (a panel over the timeline).
    pub table: bool,
    /// The Export events window.
    pub export_events: bool,
    /// The Export image window.
    pub export_image: bool,
    /// The Export animation window.
    pub export_animation: bool,
    /// The Connect to database window.
    pub connect: bool,
}

/// Draws the menu bar and returns what the user chose.
pub fn show(
    ui: &mut egui::Ui,
    view: &ViewState,
    toggles: &[Toggle],
    windows: &mut Windows,
    story: &crate::story::session::Session,
    may_push: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            actions.extend(file_menu(ui, windows, story, may_push));
        });
        ui.menu_button("View", |ui| {
            actions.extend(view_menu(ui, view, toggles, windows));
        });
        ui.menu_button("Story", |ui| actions.extend(story_menu(ui, story)));
        ui.menu_button("Help", |ui| {
            if ui.button("About / Sources").clicked() {
                windows.about = true;
            }
        });
    });
    actions
}

/// The View menu: the map's layers, the table, fitting, place names, theme.
fn view_menu(
    ui: &mut egui::Ui,
    view: &ViewState,
    toggles: &[Toggle],
    windows: &mut Windows,
) -> Vec<Action> {
    let mut actions = Vec::new();
    for toggle in toggles {
        let mut shown = view.layers.shown(&toggle.id);
        if ui.checkbox(&mut shown, toggle.name.as_str()).changed() {
            actions.push(Action::SetLayers(view.layers.with(&toggle.id, shown)));
        }
    }
    ui.separator();
    ui.checkbox(&mut windows.table, "Table of events");
    if ui.button("Layers…").clicked() {
        windows.layers = true;
        ui.close();
    }
    if ui.button("Fit map (F)").clicked() {
        actions.push(Action::FitMap);
    }
    ui.menu_button("Place names", |ui| {
        actions.extend(place_names_items(ui, view.names));
    });
    let dark = view.theme == Theme::Dark;
    let label = if dark { "Light theme" } else { "Dark theme" };
    if ui.button(label).clicked() {
        actions.push(Action::SetTheme(if dark {
            Theme::Light
        } else {
            Theme::Dark
        }));
    }
    actions
}

/// The File menu's items: open, stories, coding, the shared store, exports.
fn file_menu(
    ui: &mut egui::Ui,
    windows: &mut Windows,
    story: &crate::story::session::Session,
    may_push: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if ui.button("Open…").clicked() {
        actions.push(Action::OpenFiles);
        ui.close();
    }
    if ui.button("Save view…").clicked() {
        actions.push(Action::SaveView);
        ui.close();
    }
    actions.extend(story_file_items(ui, story));
    // Coding an article (src/coding, the review panel).
    ui.separator();
    for (label, command) in [
        ("Code an article…", crate::coding::Command::OpenArticle),
        ("Code pasted text…", crate::coding::Command::PasteText),
        ("Save events", crate::coding::Command::Save),
        ("Save events as…", crate::coding::Command::SaveAs),
    ] {
        if ui.button(label).clicked() {
            actions.push(Action::Coding(command));
            ui.close();
        }
    }
    ui.separator();
    if ui.button("Connect to database…").clicked() {
        windows.connect = true;
        ui.close();
    }
    let push = ui
        .add_enabled(
            may_push,
            egui::Button::new("Push a file into the database…"),
        )
        .on_disabled_hover_text("Connect to the database as a coder or reviewer first");
    if push.clicked() {
        actions.push(Action::Store(crate::store::live::Command::PushFiles));
        ui.close();
    }
    ui.separator();
    for (open, name) in [
        (&mut windows.export_events, "Export events…"),
        (&mut windows.export_image, "Export image…"),
        (&mut windows.export_animation, "Export animation…"),
    ] {
        if ui.button(name).clicked() {
            *open = true;
            ui.close();
        }
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    actions
}

/// The File menu's story items: open, save, save as.
fn story_file_items(ui: &mut egui::Ui, story: &crate::story::session::Session) -> Vec<Action> {
    use crate::story::action::StoryAction;
    let mut chosen = None;
    ui.separator();
    if ui.button("Open story…").clicked() {
        chosen = Some(StoryAction::Open);
    }
    if ui
        .add_enabled(story.is_open(), egui::Button::new("Save story"))
        .clicked()
    {
        chosen = Some(StoryAction::Save);
    }
    if ui
        .add_enabled(story.is_open(), egui::Button::new("Save story as…"))
        .clicked()
    {
        chosen = Some(StoryAction::SaveAs);
    }
    ui.separator();
    if chosen.is_some() {
        ui.close();
    }
    chosen.map(Action::Story).into_iter().collect()
}

/// The Story menu: play the bundled story, write a new one, edit, leave,
/// and whether steps are reached at once.
fn story_menu(ui: &mut egui::Ui, story: &crate::story::session::Session) -> Vec<Action> {
    use crate::story::action::StoryAction;
    let mut chosen = None;
    if ui.button("Play the September 2022 story").clicked() {
        chosen = Some(StoryAction::PlayBundled);
    }
    if ui.button("New story").clicked() {
        chosen = Some(StoryAction::New);
    }
    let open = story.is_open();
    if ui
        .add_enabled(open && !story.editing, egui::Button::new("Edit steps"))
        .clicked()
    {
        chosen = Some(StoryAction::SetEditing(true));
    }
    if ui
        .add_enabled(open, egui::Button::new("Leave story"))
        .clicked()
    {
        chosen = Some(StoryAction::Leave);
    }
    ui.separator();
    let mut reduced = story.settings.reduced_motion;
    if ui.checkbox(&mut reduced, "Reduce motion").changed() {
        chosen = Some(StoryAction::SetReducedMotion(reduced));
    }
    if chosen.is_some() {
        ui.close();
    }
    chosen.map(Action::Story).into_iter().collect()
}

/// View → Place names: one choice a script.
fn place_names_items(ui: &mut egui::Ui, shown: PlaceNames) -> Option<Action> {
    let mut chosen = None;
    for names in PlaceNames::ALL {
        if ui.radio(shown == names, names.label()).clicked() {
            chosen = Some(Action::SetNames(names));
            ui.close();
        }
    }
    chosen
}
