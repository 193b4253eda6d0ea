//! Confidence that means something: the rules' raw score of a proposal
//! (a base per kind and word, moved by each rule that fired) mapped to
//! the share of proposals with that score that a coder's events matched
//! on the build reports (`tests/data/reports/build`, strict scorer), so a
//! proposal at 0.8 is right about four times in five there.
//!
//! The table was fitted by pooling adjacent violators: the build set's
//! proposals sorted by raw score, in bins of 0.05, each bin's share of
//! matched proposals, neighbouring bins pooled until the shares rise with
//! the score. The quality test (`tests/model/extract_quality`) prints the
//! calibration it gives and fails when a bin of at least 20 proposals is
//! more than 0.1 from its share.

/// Raw scores up to each bound get the confidence beside it: the share
/// of the build set's proposals with such scores that matched (in
/// brackets, matched of proposed, when fitted).
const TABLE: &[(f64, f64)] = &[
    (0.225, 0.05), // 0 of 2
    (0.325, 0.40), // 17 of 43: 0.25 and 0.30 pooled
    (0.625, 0.53), // 126 of 237: 0.35 to 0.60 pooled
    (1.0, 0.58),   // 102 of 177: 0.65 and above pooled (3 of them at 0.85 and 0.90)
];

/// The calibrated confidence of a raw score.
pub fn calibrate(raw: f64) -> f64 {
    TABLE
        .iter()
        .find(|(bound, _)| raw <= *bound)
        .map_or(raw, |(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_rises_with_the_score() {
        assert!(
            TABLE
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1)
        );
        assert_eq!(calibrate(0.2), 0.05);
        assert_eq!(calibrate(0.5), 0.53);
        assert_eq!(calibrate(0.95), 0.58);
    }
}
