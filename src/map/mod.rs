//! The map: camera, prepared layers, markers, labels.

pub mod camera;
