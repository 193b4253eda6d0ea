//! File → Connect to database…: a libpq connection string (or nothing,
//! for the libpq environment and `~/.pgpass`) and a password typed apart,
//! never shown, saved or logged. While connecting the dialog says so; a
//! refusal is said in one line and the work open stays as it was; once
//! connected the dialog closes, and it offers to leave the database.

use egui::RichText;

use crate::model::action::Action;
use crate::store::conninfo::ConnInfo;
use crate::store::live::{Command, Home, LinkState, Secret};

/// The dialog's typed fields.
#[derive(Default)]
pub struct Dialog {
    url: String,
    password: String,
    /// The last string connected with, its password left out.
    remembered: Option<String>,
    /// Whether a connection asked from this dialog is under way (the
    /// dialog closes when it is up).
    waiting: bool,
}

impl Dialog {
    /// The dialog offering `remembered`, the string saved by the last run.
    pub fn new(remembered: Option<String>) -> Self {
        Self {
            url: remembered.clone().unwrap_or_default(),
            remembered,
            ..Self::default()
        }
    }

    /// A connection is under way: close once it is up.
    pub fn wait(&mut self) {
        self.waiting = true;
    }

    /// The string to save for the next run (never with a password).
    pub fn remembered(&self) -> Option<&str> {
        self.remembered.as_deref()
    }

    /// Draws the dialog while `open`; returns what the user asked for.
    pub fn show(&mut self, ctx: &egui::Context, home: &Home, open: &mut bool) -> Vec<Action> {
        if self.waiting && home.is_database() {
            self.waiting = false;
            *open = false;
        }
        if home.refusal().is_some() {
            self.waiting = false;
        }
        let mut actions = Vec::new();
        let mut shown = *open;
        egui::Window::new("Connect to database")
            .open(&mut shown)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                actions.extend(self.fields(ui));
                actions.extend(self.state(ui, home));
            });
        *open = shown && *open;
        if actions
            .iter()
            .any(|a| matches!(a, Action::Store(Command::Disconnect)))
        {
            *open = false;
        }
        actions
    }

    /// The connection string and password, and the Connect button.
    fn fields(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut connect = false;
        egui::Grid::new("connect_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Connection string");
                let typed = ui.add(
                    egui::TextEdit::singleline(&mut self.url)
                        .hint_text("postgres://user@host:5432/db")
                        .desired_width(360.0),
                );
                let typed = typed.labelled_by(label.id);
                connect |= typed.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
                let label = ui.label("Password");
                let typed = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.password)
                            .password(true)
                            .hint_text("or PGPASSWORD, ~/.pgpass")
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                connect |= typed.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
            });
        ui.label(
            RichText::new(
                "Or host=… dbname=… user=…; left empty, the libpq environment (PGHOST, PGUSER, PGDATABASE…).",
            )
            .small()
            .weak(),
        );
        connect |= ui.button("Connect").clicked();
        if !connect {
            return Vec::new();
        }
        self.waiting = true;
        let password = std::mem::take(&mut self.password);
        if let Ok(mut info) = ConnInfo::parse(&self.url) {
            info.password = None;
            self.remembered = Some(info.redacted());
        }
        vec![Action::Store(Command::Connect {
            url: self.url.clone(),
            password: (!password.is_empty()).then_some(Secret(password)),
        })]
    }

    /// What the link is doing: connecting, the refusal, or connected (with
    /// the way out).
    fn state(&mut self, ui: &mut egui::Ui, home: &Home) -> Vec<Action> {
        if let Some(refusal) = home.refusal() {
            let red = ui.visuals().error_fg_color;
            ui.label(RichText::new(refusal).color(red));
            return Vec::new();
        }
        let Some(live) = home.live() else {
            return Vec::new();
        };
        if live.state() == LinkState::Connecting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(live.describe());
            });
            return Vec::new();
        }
        ui.separator();
        ui.label(format!("Connected: {}", live.describe()));
        if ui.button("Disconnect").clicked() {
            return vec![Action::Store(Command::Disconnect)];
        }
        Vec::new()
    }
}
