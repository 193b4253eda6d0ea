//! The data underneath the app: the bundled events and their sources, the
//! region's geodata and terrain, and the extractor's quality on articles.

mod events;
mod extract_quality;
mod geodata;
mod prepared_map;
mod terrain;
