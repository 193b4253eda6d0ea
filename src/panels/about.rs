//! The About / Sources window: what the app shows, the article it is built
//! on, the map data's attributions and how uncertainty is encoded.

use egui::RichText;

use crate::data::Data;
use crate::data::geodata::ATTRIBUTION;

/// Shows the window while `open` is true.
pub fn show(ctx: &egui::Context, data: &Data, open: &mut bool) {
    egui::Window::new("About / Sources")
        .open(open)
        .default_width(520.0)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| content(ui, data));
        });
}

/// The window's text.
fn content(ui: &mut egui::Ui, data: &Data) {
    ui.heading("border-incidents");
    ui.label(
        "A map, timeline and reading view of armed border incidents and of the statements \
         about them, as told by news articles and recorded by datasets. Every incident and \
         statement is tied to the source it comes from and, for an article, to its words.",
    );
    ui.add_space(8.0);
    ui.label(RichText::new("Sources").strong());
    for source in &data.sources {
        let count = data
            .events
            .iter()
            .filter(|e| data.source_of(e).is_some_and(|s| s.id == source.id))
            .count();
        let mut line = crate::ui_kit::format::byline(source);
        if line.is_empty() {
            line = source.id.clone();
        }
        ui.label(format!("{line}: {count} events"));
        if let Some(licence) = &source.licence {
            ui.label(RichText::new(format!("Used as: {licence}")).small().weak());
        }
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Map data").strong());
    ui.label(ATTRIBUTION);
    ui.label(crate::data::geodata::elevation::ATTRIBUTION);
    ui.label(crate::data::geodata::world::ATTRIBUTION);
    ui.add_space(8.0);
    ui.label(RichText::new("Uncertainty").strong());
    ui.label(
        "Dates: each item keeps the article's own words for its time (“late last week”) and a \
         precision — time of day, day, a few days, week, month, year or several years. The \
         timeline draws the whole span the words allow.",
    );
    ui.label(
        "Places: each item keeps the place as the article names it, a precision (exact, near a \
         named place, district, region, along the border, country, or away from the region) and \
         an uncertainty radius in kilometres, drawn as a halo on the map. Items that cannot be \
         placed carry a note saying why.",
    );
    ui.label(
        "Figures are kept in the article's words with the lowest and highest numbers those \
         words allow. Claims are checked against other reports and marked consistent, partly \
         documented, imprecise, unverified or contradicted.",
    );
    ui.label(
        "The Fergana Valley outline is approximate: it is the low land around the valley floor \
         in an elevation grid, not a surveyed boundary.",
    );
}
