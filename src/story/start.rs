//! The story the command line asks for: `--story [FILE] --step N`.

use std::path::PathBuf;

use anyhow::anyhow;

use super::Story;
use crate::data::Data;

/// A story to open at start, at a step.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The story.
    pub story: Story,
    /// Its file (`None` for the bundled story).
    pub path: Option<PathBuf>,
    /// The step to show, counted from 0.
    pub step: usize,
}

/// Reads the story `--story` names (`Some(None)`: the bundled one) and
/// checks `--step` (counted from 1) against it. Warnings (events not
/// loaded) are printed to standard error as `FILE:LINE:COL: warning: …`;
/// errors make the run fail with all of them.
pub fn load(
    story: Option<&Option<PathBuf>>,
    step: Option<u64>,
    data: &Data,
) -> anyhow::Result<Option<Start>> {
    let Some(file) = story else {
        return Ok(None);
    };
    let known = |id: &str| data.events.iter().any(|e| e.id == id);
    let (name, loaded) = match file {
        None => (
            super::bundled::NAME.to_owned(),
            super::read::parse(super::bundled::TEXT, &known),
        ),
        Some(path) => (path.display().to_string(), super::read::read(path, &known)),
    };
    let problems: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.in_file(&name).to_string())
        .collect();
    let Some(story) = loaded.story else {
        return Err(anyhow!(
            "the story cannot be read:\n{}",
            problems.join("\n")
        ));
    };
    for problem in &problems {
        eprintln!("{problem}");
    }
    let n = story.steps.len();
    let step = usize::try_from(step.unwrap_or(1)).unwrap_or(usize::MAX);
    if step > n {
        return Err(anyhow!("--step {step}: the story {name} has {n} steps"));
    }
    Ok(Some(Start {
        story,
        path: file.clone(),
        step: step.saturating_sub(1),
    }))
}
