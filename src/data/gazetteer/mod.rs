//! Finding places by name across spellings, scripts and transliterations.
//!
//! Every name of a place (its name, ASCII name and alternate names) is
//! folded to a key by [`crate::data::gazetteer::translit::key`]; a query is folded the same
//! way and compared with each key by normalised Damerau–Levenshtein
//! similarity, so typos such as "Bakten" (swapped letters) still match.

pub mod translit;
pub mod world;

use crate::data::geodata::Place;

/// Candidates scoring below this similarity are not returned.
pub const MIN_SCORE: f32 = 0.75;

/// One possible match for a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the place in the slice given to [`Gazetteer::new`].
    pub index: usize,
    /// Similarity from 0 to 1 (1 = same key).
    pub score: f32,
    /// The place's name that matched best.
    pub matched: String,
}

struct Entry {
    index: usize,
    name: String,
    key: String,
}

/// A name index over places.
pub struct Gazetteer {
    entries: Vec<Entry>,
    population: Vec<u64>,
}

impl Gazetteer {
    /// Indexes every name of every place.
    pub fn new(places: &[Place]) -> Self {
        let mut entries = Vec::new();
        for (index, p) in places.iter().enumerate() {
            let names = [&p.name, &p.ascii_name]
                .into_iter()
                .chain(&p.alternate_names);
            for name in names {
                let key = translit::key(name);
                if !key.is_empty()
                    && !entries
                        .iter()
                        .any(|e: &Entry| e.index == index && e.key == key)
                {
                    entries.push(Entry {
                        index,
                        name: name.clone(),
                        key,
                    });
                }
            }
        }
        Gazetteer {
            entries,
            population: places.iter().map(|p| p.population).collect(),
        }
    }

    /// Places whose names resemble `name`, best first (ties: larger
    /// population first). At most one candidate per place.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let query = translit::key(name);
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: Vec<Candidate> = Vec::new();
        for e in &self.entries {
            let score = strsim::normalized_damerau_levenshtein(&query, &e.key) as f32;
            if score < MIN_SCORE {
                continue;
            }
            match best.iter_mut().find(|c| c.index == e.index) {
                Some(c) if c.score >= score => {}
                Some(c) => {
                    c.score = score;
                    c.matched = e.name.clone();
                }
                None => best.push(Candidate {
                    index: e.index,
                    score,
                    matched: e.name.clone(),
                }),
            }
        }
        best.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(self.population[b.index].cmp(&self.population[a.index]))
                .then(a.index.cmp(&b.index))
        });
        best
    }
}
