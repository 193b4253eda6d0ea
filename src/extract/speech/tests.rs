//! How claimants are found in sentences.

use super::*;
use crate::extract::text::sentences;

fn claimant(text: &str) -> Option<(String, &'static str)> {
    let s = &sentences(text)[0];
    find(text, s).map(|sp| {
        (
            s.slice(text, sp.claimant.0, sp.claimant.1 - 1).to_owned(),
            sp.category,
        )
    })
}

#[test]
fn claimants_before_after_and_according_to() {
    assert_eq!(
        claimant("The Tajik military maintains, however, that its towns were shelled."),
        Some(("The Tajik military".into(), "declaration"))
    );
    assert_eq!(
        claimant("Authorities in Bishkek continue to accuse Dushanbe of lying."),
        Some(("Authorities in Bishkek".into(), "accusation"))
    );
    assert_eq!(
        claimant("\u{201C}We were attacked,\u{201D} said Colonel Aziz Karimov, a spokesman."),
        Some(("Colonel Aziz Karimov".into(), "declaration"))
    );
    assert_eq!(
        claimant("According to the Indian Army, two soldiers died."),
        Some(("the Indian Army".into(), "declaration"))
    );
    assert_eq!(
        claimant("On Monday, Kyrgyzstan declared that militants had crossed."),
        Some(("Kyrgyzstan".into(), "declaration"))
    );
    assert_eq!(
        claimant("This weekend, Russian President Vladimir Putin appealed to both sides."),
        Some(("Russian President Vladimir Putin".into(), "appeal"))
    );
    assert_eq!(
        claimant("The UN called for restraint."),
        Some(("The UN".into(), "appeal"))
    );
}

#[test]
fn claimants_are_trimmed_of_openers_and_verbs() {
    assert_eq!(
        claimant("Late on Thursday the two foreign ministries said talks would go on."),
        Some(("the two foreign ministries".into(), "declaration"))
    );
    assert_eq!(
        claimant("And Kyrgyz officials said the road was shut."),
        Some(("Kyrgyz officials".into(), "declaration"))
    );
    assert_eq!(
        claimant("He called the move an encroachment and said troops must leave.").map(|c| c.0),
        Some("He".into())
    );
    // "told" names the listener after it, never the speaker.
    let told = "\u{201C}We will respond,\u{201D} told a session of the council.";
    assert_eq!(claimant(told), None);
}

#[test]
fn a_subject_set_off_by_an_apposition() {
    assert_eq!(
        claimant("Ataullah Zaid, a spokesman for the governor, said two were killed."),
        Some((
            "Ataullah Zaid, a spokesman for the governor".into(),
            "declaration"
        ))
    );
    assert_eq!(
        claimant("Another resident, Mohammad Qasim, called the strikes cruel and said more."),
        Some(("Another resident, Mohammad Qasim".into(), "declaration"))
    );
    // A clause of its own between the commas is no apposition.
    assert_eq!(
        claimant("The village, which was shelled, said nothing."),
        None
    );
}

#[test]
fn footage_and_pronouns() {
    let text = "Videos on social media appear to show a bloodbath.";
    assert_eq!(
        claimant(text),
        Some(("Videos on social media".into(), "footage"))
    );
    let s = &sentences("He said the talks failed.")[0];
    assert!(find("He said the talks failed.", s).unwrap().pronoun);
}

#[test]
fn sentences_without_speech() {
    assert_eq!(claimant("Shelling hit the village of Ak-Sai."), None);
    assert_eq!(claimant("The called meeting was short."), None);
    // Passive: no one is named saying it.
    assert_eq!(
        claimant("Fighting was also reported around El Usra that week."),
        None
    );
    // After a determiner a verb of saying is a noun.
    assert_eq!(
        claimant("The claims of the other side were rejected out of hand."),
        None
    );
}

#[test]
fn what_happened_never_speaks() {
    assert_eq!(
        claimant("The fighting that Tajik officials said killed ten began at dawn.").map(|c| c.0),
        Some("Tajik officials".into())
    );
    assert_eq!(
        claimant("Three soldiers were killed and two wounded, said the ministry.").map(|c| c.0),
        Some("the ministry".into())
    );
    assert_eq!(
        claimant("Russian President Vladimir Putin spoke with both leaders and urged calm.")
            .map(|c| c.0),
        Some("Russian President Vladimir Putin".into())
    );
    assert_eq!(
        claimant("According to the latest data of the Ministry of Health, 36 died.").map(|c| c.0),
        Some("the Ministry of Health".into())
    );
    let s = &sentences("According to him, 14,361 people left.")[0];
    assert!(
        find("According to him, 14,361 people left.", s)
            .unwrap()
            .pronoun
    );
}
