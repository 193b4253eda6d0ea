//! The map's layers, each a [`crate::map::layer::MapLayer`] drawn in the
//! order `MapView::new` lists them: the relief, the world beyond the base
//! map, the base map, users' overlays, uncertainty halos, the area's name,
//! place labels, the events' markers (with their layout) and a large
//! store's counts per cell.

pub mod area_label;
pub mod base;
mod base_paint;
pub mod base_prepare;
pub mod counts;
pub mod events;
pub mod halos;
pub mod labels;
pub mod layout_cache;
pub mod layout_job;
pub mod marker_layout;
pub mod markers;
pub mod overlay;
pub mod overlay_shapes;
pub mod places;
pub mod proposals;
pub mod terrain;
pub mod world;
