//! Each place's name in the local script: one of its GeoNames alternate
//! names, written in the Cyrillic alphabet of the place's country (Kyrgyz
//! in Kyrgyzstan, Tajik in Tajikistan, Russian in Uzbekistan, whose own
//! language is written in Latin letters), preferring a name that uses a
//! letter only the national alphabet has (Хуҷанд over Худжанд), then the
//! one whose transliteration is nearest the Latin name (Исфара over
//! Исфәрә, which is not in the alphabet anyway). GeoNames does not say
//! which language an alternate name is in; the alphabet tells enough.

use border_incidents::data::gazetteer::translit;

/// The letters of the Russian alphabet, which every alphabet here holds.
const RUSSIAN: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

/// The letters a country's alphabet adds to the Russian one.
fn own_letters(country: &str) -> &'static str {
    match country {
        "KG" => "ңөү",
        "TJ" => "ғӣқӯҳҷ",
        "UZ" => "ўқғҳ",
        _ => "",
    }
}

/// Whether `name` is written in the alphabet of `country`: its letters
/// all in it, with at least one letter.
fn in_alphabet(name: &str, country: &str) -> bool {
    let own = own_letters(country);
    let mut letters = 0;
    for c in name.chars().flat_map(char::to_lowercase) {
        if RUSSIAN.contains(c) || own.contains(c) {
            letters += 1;
        } else if !(c == ' ' || c == '-' || c == '’') {
            return false;
        }
    }
    letters > 0
}

/// The name of a place of `country` (ISO alpha-2) called `latin` in the
/// local script, chosen among its `alternates`; `None` when none is
/// written in the country's Cyrillic alphabet.
pub fn local_name(country: &str, latin: &str, alternates: &[String]) -> Option<String> {
    let own = own_letters(country);
    let target = translit::key(latin);
    let score = |name: &str| {
        let national = name
            .chars()
            .flat_map(char::to_lowercase)
            .any(|c| own.contains(c));
        let near = strsim::normalized_levenshtein(&translit::key(name), &target);
        (national, near)
    };
    let mut best: Option<(&String, (bool, f64))> = None;
    for name in alternates.iter().filter(|n| in_alphabet(n, country)) {
        let s = score(name);
        let better = match &best {
            None => true,
            // A name in the national alphabet first, then the nearest.
            Some((_, b)) => s.0.cmp(&b.0).then(s.1.total_cmp(&b.1)).is_gt(),
        };
        if better {
            best = Some((name, s));
        }
    }
    best.map(|(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::local_name;

    fn names(list: &str) -> Vec<String> {
        list.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn the_national_alphabet_and_the_nearest_spelling_win() {
        let khujand = names("Khujand,Leninabad,Ходжент,Худжанд,Хужант,Хуҷанд,Хӯҷвнд,خجند");
        assert_eq!(
            local_name("TJ", "Khujand", &khujand).as_deref(),
            Some("Хуҷанд")
        );
        let isfara = names("Isfara,Ісфара,Исфара,Исфәрә,اسفره");
        assert_eq!(
            local_name("TJ", "Isfara", &isfara).as_deref(),
            Some("Исфара")
        );
        let batken = names("Batken,Botken,Баткен,巴特肯");
        assert_eq!(
            local_name("KG", "Batken", &batken).as_deref(),
            Some("Баткен")
        );
        let osh = names("Osh,Oš,Ош,אוש");
        assert_eq!(local_name("KG", "Osh", &osh).as_deref(), Some("Ош"));
        assert_eq!(local_name("UZ", "Urgut", &names("Urgut,Gorod Urgut")), None);
    }

    #[test]
    fn letters_of_other_alphabets_rule_a_name_out() {
        // Kazakh ә and Ukrainian і are not Kyrgyz letters.
        let list = names("Ісфана,Исфәна");
        assert_eq!(local_name("KG", "Isfana", &list), None);
        assert_eq!(
            local_name("KG", "Kara-Suu", &names("Кара-Суу")).as_deref(),
            Some("Кара-Суу")
        );
    }

    #[test]
    fn the_committed_places_have_the_names_this_chooses() {
        let text = include_str!("../../../geodata/places.geojson");
        let doc: serde_json::Value = serde_json::from_str(text).expect("places.geojson");
        let features = doc["features"].as_array().expect("features");
        for f in features {
            let p = &f["properties"];
            let text = |v: &serde_json::Value| v.as_str().expect("a string").to_owned();
            let alternates: Vec<String> = (p["alternatenames"].as_array().expect("names").iter())
                .map(text)
                .collect();
            let chosen = local_name(&text(&p["country"]), &text(&p["name"]), &alternates);
            assert_eq!(p["local_name"].as_str(), chosen.as_deref(), "{}", p["name"]);
        }
    }
}
