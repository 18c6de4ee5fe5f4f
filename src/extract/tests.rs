//! Extraction tests, one family of formats at a time.

use super::*;
use crate::pack::Packs;
use crate::segment::{segment, LocaleChoice};
use crate::source::Format;

/// (text, kind, value, unit, qualifier) of each claim in `text` read with pack `locale`.
fn claims(text: &str, locale: &str) -> Vec<(String, &'static str, String, String, &'static str)> {
    let packs = Packs::builtin().unwrap();
    let doc = Document::new("t.txt", text.to_string(), Format::Plain);
    let choice = LocaleChoice::Fixed(packs.find(locale).unwrap());
    let sentences = segment(&doc, &packs, choice, 0);
    extract(&doc, &sentences, &packs)
        .claims
        .into_iter()
        .map(|c| {
            let mut value = c.value.normalize().to_string();
            if let Some((h, _)) = c.high {
                value = format!("{value}..{}", h.normalize());
            }
            (
                doc.text[c.span].to_string(),
                c.kind.as_str(),
                value,
                c.unit.as_str().to_string(),
                c.qualifier.as_str(),
            )
        })
        .collect()
}

fn one(text: &str, locale: &str) -> (String, &'static str, String, String, &'static str) {
    let mut all = claims(text, locale);
    assert_eq!(all.len(), 1, "expected one claim in {text:?}, got {all:?}");
    all.remove(0)
}

fn texts(text: &str, locale: &str) -> Vec<String> {
    claims(text, locale).into_iter().map(|c| c.0).collect()
}

#[test]
fn french_percentages_and_hedges() {
    assert_eq!(
        claims(
            "le taux passant de 41 % en 2019 à plus de 60 % ces dernières semaines",
            "fr"
        ),
        vec![
            ("41 %".into(), "percent", "41".into(), "%".into(), "exact"),
            (
                "plus de 60 %".into(),
                "percent",
                "60".into(),
                "%".into(),
                "above"
            ),
        ]
    );
    assert_eq!(one("une baisse de -3,2 %", "fr").2, "-3.2");
    assert_eq!(one("quarante pour cent des agents", "fr").2, "40");
    let pp = one("une hausse de 2,5 points de pourcentage", "fr");
    assert_eq!((pp.1, pp.3.as_str()), ("percent", "pp"));
}

#[test]
fn french_counts_and_amounts() {
    assert_eq!(
        one("environ 140 arrestations", "fr"),
        (
            "environ 140".into(),
            "count",
            "140".into(),
            "count".into(),
            "approx"
        )
    );
    assert_eq!(one("quelque 1 100 passages", "fr").2, "1100");
    assert_eq!(
        one("un investissement de 31,4 millions d'euros pour", "fr"),
        (
            "31,4 millions d'euros".into(),
            "amount",
            "31400000".into(),
            "EUR".into(),
            "exact"
        )
    );
    assert_eq!(one("un budget de 2,5 Md€ en tout", "fr").2, "2500000000");
    // Swiss abbreviations, next to a currency only.
    assert_eq!(one("La Suisse apportera CHF 12 mio.", "fr").2, "12000000");
    assert_eq!(one("un crédit de CHF 1,2 mrd", "fr").2, "1200000000");
    assert_eq!(one("soit 12\u{202F}000 agents", "fr").2, "12000");
    assert_eq!(one("Investissement : 2,5 milliards €", "fr").3, "EUR");
    assert_eq!(one("les 94.000 $ versés", "fr").2, "94000");
    assert_eq!(one("les prix commencent à 12,345 $.", "fr").2, "12.345");
    // A British amount quoted as written in London; a length stays a length.
    assert_eq!(
        one("le Royaume-Uni a engagé £54m", "fr"),
        (
            "£54m".into(),
            "amount",
            "54000000".into(),
            "GBP".into(),
            "exact"
        )
    );
    assert_eq!(one("soit £1,2bn au total", "fr").2, "1200000000");
    assert_eq!(one("une digue de 54 m de long", "fr").3, "m");
}

#[test]
fn french_words() {
    assert_eq!(one("au cours des six prochains mois", "fr").2, "6");
    assert_eq!(one("les six agences de l'eau", "fr").2, "6");
    assert_eq!(one("trois millions de personnes", "fr").2, "3000000");
    assert_eq!(one("une centaine de policiers", "fr").4, "approx");
    assert_eq!(one("un million d'euros", "fr").2, "1000000");
    assert!(claims("les deux ministres, des deux côtés, un renforcement", "fr").is_empty());
    // An approximate scale, "de", a larger scale: one number, still approximate.
    let c = one("une dizaine de milliers d'emplois", "fr");
    assert_eq!(
        (c.0.as_str(), c.2.as_str(), c.4),
        ("une dizaine de milliers", "10000", "approx")
    );
    assert_eq!(one("une centaine de millions d'euros", "fr").2, "100000000");
    assert_eq!(one("une dizaine de personnes", "fr").2, "10");
    assert!(claims("des dizaines de milliers de logements", "fr").is_empty());
}

#[test]
fn more_hedges_and_a_glued_plus() {
    assert_eq!(one("more or less 5% of sites", "en").4, "approx");
    assert_eq!(one("give or take 200 people", "en").4, "approx");
    assert_eq!(one("plus ou moins 5 % des sites", "fr").4, "approx");
    let c = one("1,000+ volunteers", "en");
    assert_eq!((c.0.as_str(), c.4), ("1,000+", "at_least"));
    assert_eq!(one("1 000+ bénévoles", "fr").4, "at_least");
    // A spaced plus is a sum, no hedge.
    assert_eq!(texts("10 + 5 more", "en"), vec!["10", "5"]);
    // A hedge word joined by a hyphen; a hyphened noun is none.
    let c = one("The fund supports 40-odd charities.", "en");
    assert_eq!((c.0.as_str(), c.4), ("40-odd", "approx"));
    assert_eq!(one("a 40-page report", "en").4, "exact");
    // Hedges a charity's report writes: each read as its kind, the whole phrase in the claim.
    for (text, locale, claim, qualifier) in [
        ("It cost shy of 8% of income.", "en", "shy of 8%", "below"),
        (
            "It ran for the best part of six weeks.",
            "en",
            "the best part of six",
            "approx",
        ),
        (
            "It raised just shy of £4m.",
            "en",
            "just shy of £4m",
            "approx",
        ),
        (
            "Pas loin de 900 bénévoles ont aidé.",
            "fr",
            "Pas loin de 900",
            "approx",
        ),
        (
            "Il reste à peine 8 % des dons.",
            "fr",
            "à peine 8 %",
            "approx",
        ),
        (
            "Au bas mot 3 000 donateurs.",
            "fr",
            "Au bas mot 3 000",
            "at_least",
        ),
    ] {
        let c = one(text, locale);
        assert_eq!((c.0.as_str(), c.4), (claim, qualifier), "{text}");
    }
}

#[test]
fn basis_points_are_hundredths_of_a_point() {
    let c = one("rates rose by 25 basis points", "en");
    assert_eq!(
        (c.0.as_str(), c.2.as_str(), c.3.as_str()),
        ("25 basis points", "0.25", "pp")
    );
    assert_eq!(one("a 25bp cut", "en").2, "0.25");
    assert_eq!(one("a 25 basis-point cut", "en").3, "pp");
    assert_eq!(one("relevé de 25 points de base", "fr").2, "0.25");
}

#[test]
fn hundreds_of_is_no_number_but_five_hundreds_is() {
    assert!(claims("Hundreds of volunteers joined.", "en").is_empty());
    assert!(claims("hundreds of thousands of homes", "en").is_empty());
    assert_eq!(one("five hundreds", "en").2, "500");
    assert_eq!(one("a hundred staff", "en").2, "100");
    assert_eq!(one("cent personnes", "fr").2, "100");
}

#[test]
fn a_negative_word_inside_a_hedge_is_the_hedges() {
    // "au moins 15" was "moins 15", -15.
    let c = one("avec au moins 15 chantiers par commune", "fr");
    assert_eq!(
        (c.0.as_str(), c.2.as_str(), c.4),
        ("au moins 15", "15", "at_least")
    );
    assert_eq!(one("tout au moins 3 sites", "fr").4, "at_least");
    assert_eq!(one("il fait moins 5 degrés", "fr").2, "-5");
    assert_eq!(one("pas moins de 200 artisans", "fr").4, "at_least");
}

#[test]
fn english_formats() {
    assert_eq!(one("a £54m contract", "en").2, "54000000");
    assert_eq!(one("a £54m contract", "en").3, "GBP");
    assert_eq!(one("some 12,000 officers", "en").4, "approx");
    assert_eq!(one("€31.4m for France", "en").2, "31400000");
    assert_eq!(one("31.4 million euros", "en").2, "31400000");
    assert_eq!(one("$3bn in aid", "en").2, "3000000000");
    assert_eq!(one("twenty-five organisations", "en").2, "25");
    assert_eq!(one("up 3.2% on last year", "en").2, "3.2");
    assert_eq!(
        texts("from 41% in 2019 to over 60% in recent weeks", "en"),
        vec!["41%", "over 60%"]
    );
    assert!(claims("the two governments agreed, one of them said", "en").is_empty());
    assert_eq!(one("a 10 km stretch", "en").3, "km");
    // A yield is tonnes per hectare, not tonnes.
    assert_eq!(one("un rendement de 7,3 t/ha", "fr").0, "7,3 t/ha");
    assert_eq!(
        one("un rendement de 7,3 tonnes à l'hectare", "fr").3,
        "t/ha"
    );
    assert_eq!(one("yields of 8.1 tonnes per hectare", "en").3, "t/ha");
    assert_eq!(one("a harvest of 8.1 tonnes", "en").3, "t");
    // A speed is no distance: "80 km/h" was "80 km", "/h" left over.
    assert_eq!(one("une route limitée à 80 km/h", "fr").0, "80 km/h");
    assert_eq!(one("une route limitée à 80 km/h", "fr").3, "km/h");
    assert_eq!(one("a 20mph limit", "en").3, "mph");
    // Millions and thousands of tonnes are units of their own (the number was a count).
    assert_eq!(
        one("Les émissions atteignent 33,4 Mt de CO2.", "fr").3,
        "Mt"
    );
    assert_eq!(one("soit 2,1 MtCO2e de moins", "fr").3, "Mt");
    assert_eq!(one("a cut of 412 kilotonnes", "en").3, "kt");
    // Energy: an amount of electricity is no count.
    assert_eq!(one("Generation reached 4.7 TWh.", "en").3, "TWh");
    assert_eq!(one("2,700 kilowatt-hours a year", "en").3, "kWh");
    assert_eq!(one("soit 310 gigawattheures", "fr").3, "GWh");
    assert_eq!(one("plus de 10 000 m² rénovés", "fr").3, "m2");
    assert_eq!(one("a 12,000 sq m warehouse", "en").3, "m2");
    // Volumes: cubic metres are no metres.
    assert_eq!(
        one("une baisse de 1,3 milliard de mètres cubes", "fr").3,
        "m3"
    );
    assert_eq!(one("down 1.3 billion cubic metres", "en").3, "m3");
    assert_eq!(one("2 000 litres d'eau", "fr").3, "l");
    // A multiple, glued or not; between two numbers, a size and no claim.
    assert_eq!(one("net debt of 1.4x EBITDA", "en").3, "x");
    assert_eq!(one("une couverture de 2,5 × les intérêts", "fr").3, "x");
    assert!(claims("a 4x4 vehicle in a 2 x 3 m garage", "en").is_empty());
}

#[test]
fn a_multiple_in_words_is_measured_in_x() {
    // How many times, not how many: the multiple `x`, which no count figure holds.
    for (text, locale, claim) in [
        ("2.5 times as many applications", "en", "2.5 times as many"),
        ("three times more people", "en", "three times more"),
        (
            "emissions three times the 2020 level",
            "en",
            "three times the",
        ),
        ("deux fois plus de dossiers", "fr", "deux fois plus"),
        // A ratio of finance: "times" before what it multiplies.
        ("net debt of 1.4 times EBITDA", "en", "1.4 times EBITDA"),
        (
            "shares trade at 11 times earnings",
            "en",
            "11 times earnings",
        ),
        ("une dette de 1,4 fois l'Ebitda", "fr", "1,4 fois l'"),
        (
            "des dépenses 2,5 fois supérieures",
            "fr",
            "2,5 fois supérieures",
        ),
    ] {
        let c = one(text, locale);
        assert_eq!((c.0.as_str(), c.3.as_str()), (claim, "x"), "{text}");
    }
    // Or after the words that make a bare number one ("multiplié par", "by a factor of").
    for (text, locale) in [
        ("le déficit a été multiplié par 2,5 en cinq ans", "fr"),
        ("les dépenses ont été multipliées par trois", "fr"),
        ("costs rose by a factor of 3 in a decade", "en"),
    ] {
        assert_eq!(claims(text, locale)[0].3, "x", "{text}");
    }
    assert_eq!(one("multiplié par 2 000 euros", "fr").3, "EUR");
    // A multiple in one word ("twice"), before one of the pack's `alone_then` words; "called
    // twice" is no claim.
    for text in [
        "admissions were twice as high",
        "Twice the national rate",
        "twice what was forecast",
        "2.5 times as high as in 2024",
    ] {
        let c = one(text, "en");
        assert_eq!(c.3, "x", "{text}");
    }
    assert_eq!(one("twice as many homes", "en").2, "2");
    assert!(claims("she called twice and left twice.", "en").is_empty());
    assert!(claims("the twice-yearly survey", "en").is_empty());
    // "times" alone counts times.
    assert_eq!(one("called 12,000 times last year", "en").3, "count");
    assert_eq!(one("appelé 12 000 fois en un an", "fr").3, "count");
}

#[test]
fn a_hedge_abbreviated_with_a_stop_may_be_glued_to_the_number() {
    assert_eq!(
        claims("Headcount of c.12,400, with c.40% abroad.", "en")
            .into_iter()
            .map(|c| (c.0, c.4))
            .collect::<Vec<_>>(),
        [
            ("c.12,400".to_string(), "approx"),
            ("c.40%".to_string(), "approx")
        ]
    );
    // Not after another word ending in "c": "etc.12" stays a reference.
    assert!(claims("see annex etc.12 below", "en").is_empty());
}

#[test]
fn ranges() {
    let r = one("entre 10 et 20 % des effectifs", "fr");
    assert_eq!((r.2.as_str(), r.3.as_str(), r.4), ("10..20", "%", "range"));
    assert_eq!(one("between 10 and 20 per cent", "en").2, "10..20");
    assert_eq!(one("10–20 % des agents", "fr").2, "10..20");
    assert_eq!(one("de 10 à 20 % des agents", "fr").2, "10..20");
    assert_eq!(
        one("between 10 and 20 million euros", "en").2,
        "10000000..20000000"
    );
    // A change verb makes "de X à Y" two claims, and the first borrows the unit.
    let two = claims("le taux est passé de 10 à 20 %", "fr");
    assert_eq!(two.len(), 2);
    assert_eq!(two[0].3, "%");
    // A noun of change, its subject between.
    let two = claims(
        "le relèvement du fonds d'urgence de 160 à 240 millions d'euros",
        "fr",
    );
    assert_eq!(
        (two[0].2.as_str(), two[1].2.as_str()),
        ("160000000", "240000000")
    );
    // With no "de"/"from": a range where only the second end states the unit.
    assert_eq!(one("des pertes de 25 à 30 % pour le blé", "fr").2, "25..30");
    assert_eq!(one("Les pertes atteignent 25 à 30 %.", "fr").2, "25..30");
    assert_eq!(one("1 000 à 2 000 euros par foyer", "fr").2, "1000..2000");
    assert_eq!(one("losses of 25 to 30% for wheat", "en").2, "25..30");
    // Not without a unit, nor after a verb of change.
    assert_eq!(texts("le score de 3 à 1", "fr"), vec!["3", "1"]);
    assert_eq!(texts("open 9 to 5", "en"), vec!["9", "5"]);
    assert_eq!(texts("it rose 25 to 30%", "en"), vec!["25", "30%"]);
    // Both ends stating the same unit and scale, with no "de"/"from": a range too (after
    // "de", as before, two claims: "de 10 % à 12 %" is as often a change).
    assert_eq!(
        texts("un coût facturé de 1 800 € à 2 500 € par passage", "fr"),
        vec!["1 800 €", "2 500 €"]
    );
    assert_eq!(one("il atteint 1 800 € à 2 500 €", "fr").2, "1800..2500");
    assert_eq!(
        one("costs of £3.2bn to £3.3bn", "en").2,
        "3200000000..3300000000"
    );
    assert_eq!(
        texts("it rose £3.2bn to £3.4bn, €5m to £6m", "en"),
        vec!["£3.2bn", "£3.4bn", "€5m", "£6m"]
    );
}

#[test]
fn not_claims() {
    for text in [
        "en 2019, depuis le 14 juillet, à 14h30, article 12, p. 4",
        "le 1er mars, la 3e édition, le XXIe siècle",
        "l'Airbus A320, le COVID-19, la version 1.2.3, le code 007",
        "appelez le 01 23 45 67 89, 75008 Paris",
        "voir https://example.org/2021/41 ou contact@uro42.fr",
        "entre 2019 et 2021",
        // Digits glued by a hyphen to smaller ones: a code, not a number and a stray one.
        "l'article L. 123-4 du code, l'article R. 4127-1",
        // A service round the clock, and a toll-free number.
        "ouvert 24 h/24 et 7j/7, 24 heures sur 24 et 7 jours sur 7",
        "appelez le 0 800 123 456 ou le 0800 123 456",
        // The choice of a phone menu.
        "appelez le 01 40 00 00 00 (option 3)",
    ] {
        assert!(
            claims(text, "fr").is_empty(),
            "{text:?}: {:?}",
            claims(text, "fr")
        );
    }
    for text in [
        "on 4 July 2021 at 3 pm, see section 12 and page 4",
        "the 21st century, the 2nd meeting, call +44 20 7946 0958",
        "SW1A 2AA, version 2.0.1, flight BA117",
        "a 3-1 win at home",
        "open 24 hours a day, seven days a week, 365 days a year",
        // The choice of a phone menu, and an extension.
        "call 0300 034 2222 (option 3) or ext. 214",
    ] {
        assert!(
            claims(text, "en").is_empty(),
            "{text:?}: {:?}",
            claims(text, "en")
        );
    }
}

#[test]
fn the_smaller_unit_of_a_duration_in_two_units_is_no_claim_of_its_own() {
    for (text, locale, expected) in [
        ("calls averaged 32 minutes 14 seconds", "en", vec!["32"]),
        (
            "the wait was 1 hour 20 minutes for 40 patients",
            "en",
            vec!["1", "40"],
        ),
        (
            "un délai de 1 heure 20 minutes pour 40 patients",
            "fr",
            vec!["1", "40"],
        ),
        ("un record en 3 min 20 s", "fr", vec!["3"]),
        // A number after a duration that counts something else stays a claim.
        ("it lasted 90 minutes 3 times a week", "en", vec!["90", "3"]),
    ] {
        assert_eq!(texts(text, locale), expected, "{text}");
    }
}

#[test]
fn a_date_with_a_month_cut_short_is_no_claim() {
    // A dateline: the stop after "Nov" neither ends the sentence nor hides the month.
    assert_eq!(
        texts(
            "SEATTLE, Nov. 19, 2026 — The company said it had 12 sales. On Sept. 3 it had 4.",
            "en"
        ),
        vec!["12", "4"]
    );
    assert_eq!(
        texts("Le 3 janv. 2026, la société a vendu 12 maisons.", "fr"),
        vec!["12"]
    );
    // A whole month's name may end a sentence: the number after it is read.
    assert_eq!(
        texts("The best since March. 19 people were hired.", "en"),
        vec!["19"]
    );
}

#[test]
fn the_days_of_a_period_are_no_claims() {
    for (text, locale, expected) in [
        // Day first: the first day is two words from its month (a range: both days).
        (
            "Enquête menée du 3 au 21 novembre auprès de 5 200 voyageurs.",
            "fr",
            vec!["5 200"],
        ),
        (
            "Réunions les 3 et 4 mars, entre le 3 et le 21 mai.",
            "fr",
            vec![],
        ),
        ("Du 3-21 novembre, 40 trains.", "fr", vec!["40"]),
        (
            "The survey ran from 3 to 21 November, on 3 and 4 March and 3rd–5th June.",
            "en",
            vec![],
        ),
        (
            "Held between 3 and 21 November with 40 staff.",
            "en",
            vec!["40"],
        ),
        // Month first: the second day is two words from its month.
        (
            "From November 3 to 21 and on March 3 and 4, 12 sites opened.",
            "en",
            vec!["12"],
        ),
        // No month after the second number.
        (
            "between 10 and 20 sites; from 3 to 21 sites",
            "en",
            vec!["between 10 and 20", "3", "21"],
        ),
        ("de 3 à 21 sites en 2026", "fr", vec!["3", "21"]),
    ] {
        assert_eq!(texts(text, locale), expected, "{text}");
    }
}

#[test]
fn a_year_written_as_a_span_is_no_claim() {
    // A financial year or a season: the two digits after the dash are the next year.
    assert_eq!(
        texts(
            "compared with 58% in 2024–25, 61% in 1998—99 and 3% over 2021–24; \
             in 2024-25 and 2024/25 too. Figures for 2024–25: 12 staff.",
            "en"
        ),
        vec!["58%", "61%", "3%", "12"]
    );
    assert_eq!(
        texts("la saison 2023–24 a réuni 40 clubs", "fr"),
        vec!["40"]
    );
    // Spaced, the dash may be an aside: what follows is read.
    assert_eq!(texts("in 2024 – 25 of them left", "en"), vec!["25"]);
}

#[test]
fn not_claim_patterns_start_at_the_number_before_it_or_a_word_before() {
    // Patterns are tried where a number starts, where what is glued to it starts ("(555)"),
    // and one word before ("SW1A 2AA"); the figures around them are still read.
    assert_eq!(
        texts(
            "Call (555) 123-4567 or 020 7946 0958 by 10:30 a.m. on 14/07/2021 or 7/14/2021; \
             write to SW1A 2AA. The unit has 1,200 staff and 3 pm is late.",
            "en"
        ),
        vec!["1,200"]
    );
    assert_eq!(
        texts(
            "Rendez-vous à 9 h du matin le 14/07/2021 ; appelez le +33 1 23 45 67 89 ; \
             75008 Paris compte 1 200 habitants, ouverts dès 14h30.",
            "fr"
        ),
        vec!["1 200"]
    );
    // A service's short number after its name or a verb of calling; the same digits
    // counting calls are a claim.
    assert_eq!(
        texts(
            "The NHS 111 service answered 1.8 million calls; call 999 in an emergency. \
             Police answered 999 calls.",
            "en"
        ),
        vec!["1.8 million", "999"]
    );
    // An age describes who is counted; the share of them is the claim.
    assert_eq!(
        texts(
            "A third of 16 to 24-year-olds, 21% of people aged 65 and over, 40% of 18-24 year \
             olds and of the over-65s; a 12-year-old boy. The pension age rises to 67.",
            "en"
        ),
        vec!["A third", "21%", "40%", "67"]
    );
    assert_eq!(
        texts(
            "Les 18-24 ans sont 40 %, les 75 ans et plus 21 %. Les plus de 65 ans ont voté, \
             depuis plus de 65 ans. La part des plus de 75 ans.",
            "fr"
        ),
        vec!["40 %", "21 %", "plus de 65"]
    );
    // An age range after who it counts, reached across "de" ("aged" alone hid only the
    // range's first number); a change of an age, or a sentence, stays a claim.
    assert_eq!(
        texts(
            "Chez les jeunes de 15 à 24 ans, 17,9 %. Les personnes âgées de 60 à 74 ans sont \
             7 millions. L'âge légal passe de 62 à 64 ans.",
            "fr"
        ),
        vec!["17,9 %", "7 millions", "62", "64"]
    );
    assert_eq!(
        texts(
            "Those aged 16 to 24 were 12%, those aged between 25 and 49 were 9%. Prices rose \
             between 2 and 3%.",
            "en"
        ),
        vec!["12%", "9%", "between 2 and 3%"]
    );
    // Ages in words, or either of two ("three" of "aged two or three" was a count).
    assert_eq!(
        texts(
            "Of children aged two or three, 33.9% were vaccinated; of those aged 2 or 3 in \
             care, 41%, and of pupils aged five to seven, 28%.",
            "en"
        ),
        vec!["33.9%", "41%", "28%"]
    );
    assert_eq!(
        texts(
            "Chez les enfants âgés de deux ou trois ans, 33,9 % ; chez les enfants de cinq à \
             sept ans, 28 %. Le délai passe de deux à trois ans.",
            "fr"
        ),
        vec!["33,9 %", "28 %", "deux", "trois"]
    );
    // An age bound after a person or a verb of having ("moins de 26" was a count, and `init`
    // wrote a figure of 25); a bound on a duration stays a claim.
    assert_eq!(
        texts(
            "Un visiteur sur quatre avait moins de 26 ans ; 50 % de jeunes de moins de 26 ans, \
             12 % de personnes âgées de plus de 65 ans. Le chantier a duré moins de 3 ans.",
            "fr"
        ),
        vec!["Un visiteur sur quatre", "50 %", "12 %", "moins de 3"]
    );
    assert_eq!(
        texts(
            "Two in five children under 16 joined, and 63% of people over 65, while costs were \
             under 16, the fund paid people under 16 million pounds.",
            "en"
        ),
        vec!["Two in five", "63%", "under 16", "under 16 million pounds"]
    );
    // Before a singular noun the number is the service's: no count of them takes one.
    assert_eq!(
        texts(
            "The 111 service took 1.2 million calls; a 999 call is free. 111 services closed.",
            "en"
        ),
        vec!["1.2 million", "111"]
    );
    // A study's p-value and the level of its confidence interval are statistics of the
    // method, not figures (init wrote "95 %" and "0.001" into ledgers); the estimate and the
    // interval's bounds are read. A sign alone before the number leads to the word before it.
    assert_eq!(
        texts(
            "Events fell by 26% (hazard ratio 0.74; 95% CI 0.61 to 0.88; p<0.001; p = 0.03; \
             P < .05; 95% confidence interval).",
            "en"
        ),
        vec!["26%", "0.74", "0.61", "0.88"]
    );
    assert_eq!(
        texts(
            "Le risque baisse de 26 % (IC 95 % : 0,61 à 0,88 ; p < 0,001 ; IC95 %).",
            "fr"
        ),
        vec!["26 %", "0,61", "0,88"]
    );
    // A margin of error qualifies the estimate before it; it is no figure of its own.
    assert_eq!(
        texts(
            "Support stands at 41% (± 2 points), up 3 points (+/- 1.5).",
            "en"
        ),
        vec!["41%", "3"]
    );
    assert_eq!(
        texts(
            "Le taux est de 12 % (± 2 points), soit ± 1,5 point ; ± 2 000 participants.",
            "fr"
        ),
        vec!["12 %", "± 2 000"]
    );
    // "= 12" after no p is read.
    assert_eq!(texts("Total = 12 sites.", "en"), vec!["12"]);
    // A second number offered after "or" is one too.
    assert_eq!(
        texts(
            "Call 999 in an emergency, or 101 to report a crime; 101 people did.",
            "en"
        ),
        vec!["101"]
    );
    // The base of a rate is no claim; the rate is.
    assert_eq!(
        texts(
            "The rate is 0.8 offences per 1,000 population, and 12.4 per 100,000.",
            "en"
        ),
        vec!["0.8", "12.4"]
    );
    assert_eq!(
        texts("8p in every £1 raised, and 9p of every £1.50.", "en"),
        vec!["8p", "9p", "£1.50"]
    );
    // At the start of a sentence too: "Every £1 donated" was a claim of £1.
    assert_eq!(texts("Every £1 donated buys £3 of food.", "en"), vec!["£3"]);
    assert_eq!(
        texts(
            "0,8 infraction pour 1 000 habitants, et 5 000 € pour 1 000 logements.",
            "fr"
        ),
        vec!["0,8", "5 000 €", "1 000"]
    );
    // With no noun, before a stop or a bracket ("100 000" was a count held against a figure).
    assert_eq!(
        texts(
            "Avec 11,3 cas pour 100 000. Le taux est de 2,7 pour 100 000 (contre 0,9), soit \
             2,7 pour 1 000, et 5 000 € pour 1 000 logements.",
            "fr"
        ),
        vec!["11,3", "2,7", "0,9", "2,7", "5 000 €", "1 000"]
    );
    assert_eq!(
        texts(
            "Composez le 3919 ou le 112. Le 115 a reçu 1 200 appels. Le 15 mars, 112 appels.",
            "fr"
        ),
        vec!["1 200", "112"]
    );
    // A bilingual release gives each country's phone numbers in both languages.
    assert_eq!(
        texts("Call 01 42 75 80 00 or +33 1 42 75 80 00; 1,200 jobs", "en"),
        vec!["1,200"]
    );
    assert_eq!(
        texts("Appelez le +44 20 7946 0958 ; 1 200 postes", "fr"),
        vec!["1 200"]
    );
    // The trunk "(0)" written after the country code.
    assert_eq!(
        texts(
            "Enquiries: +44 (0)1224 555 010; +33 (0)1 42 75 80 00; 1,200 jobs",
            "en"
        ),
        vec!["1,200"]
    );
    assert_eq!(
        texts(
            "Contact : +33 (0)1 42 75 80 00 ; +44 (0)20 7946 0958 ; 1 200 postes",
            "fr"
        ),
        vec!["1 200"]
    );
    // A pattern is no claim's mask beyond its own end: "3 pm" ends before "40 %".
    assert_eq!(texts("at 3 pm, 40% of staff", "en"), vec!["40%"]);
}

#[test]
fn list_numbers_are_not_claims() {
    assert_eq!(
        texts("1. Premier point avec 40 %\n2) Second", "fr"),
        vec!["40 %"]
    );
}

#[test]
fn huge_numbers_are_unreadable_not_panics() {
    let packs = Packs::builtin().unwrap();
    let text = format!("un total de {} euros", "9".repeat(400));
    let doc = Document::new("t.txt", text, Format::Plain);
    let sentences = segment(&doc, &packs, LocaleChoice::Fixed(0), 0);
    let ex = extract(&doc, &sentences, &packs);
    assert!(ex.claims.is_empty());
    assert_eq!(ex.unreadable.len(), 1);
}

#[test]
fn scales_beyond_exact_arithmetic_are_unreadable_not_panics() {
    let packs = Packs::builtin().unwrap();
    for text in [
        "un total de 888888888888888888888888824K euros",
        "soit 7777777777777777777777777777 millions de personnes",
    ] {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let sentences = segment(&doc, &packs, LocaleChoice::Fixed(0), 0);
        let ex = extract(&doc, &sentences, &packs);
        assert!(ex.claims.is_empty(), "{text}: {:?}", ex.claims);
        assert_eq!(ex.unreadable.len(), 1, "{text}");
    }
}

#[test]
fn hundreds_and_dozens_compose_only_where_they_can() {
    let values = |t: &str| -> Vec<(String, String)> {
        claims(t, "en").into_iter().map(|c| (c.0, c.2)).collect()
    };
    assert_eq!(
        values("some 322 hundred"),
        vec![("some 322 hundred".into(), "32200".into())]
    );
    assert_eq!(
        values("three hundred and two dozen eggs"),
        vec![("three hundred and two dozen".into(), "324".into())]
    );
    // Two numbers, not one: a hundred word after the second, a zero after "and".
    assert_eq!(
        values("3 hundred and 2 hundred people"),
        vec![
            ("3 hundred".into(), "300".into()),
            ("2 hundred".into(), "200".into())
        ]
    );
    assert_eq!(
        values("4 thousand 3 hundred and 0 people"),
        vec![
            ("4 thousand 3 hundred".into(), "4300".into()),
            ("0".into(), "0".into())
        ]
    );
    assert_eq!(
        values("4 thousand 3 hundred and 21 people"),
        vec![("4 thousand 3 hundred and 21".into(), "4321".into())]
    );
}

#[test]
fn indian_grouping_where_the_pack_reads_it() {
    assert_eq!(one("a loan of 12,34,567.89 rupees", "en").2, "1234567.89");
    assert_eq!(one("1,00,000 households", "en").2, "100000");
    // French groups by three only: "12 34 567" is no number of one piece there.
    assert_ne!(texts("12,34,567", "fr"), vec!["12,34,567".to_string()]);
}

#[test]
fn an_article_before_a_currency_prefix_is_no_amount() {
    assert_eq!(
        texts(
            "Russia accepted a US$ 150 million loan and a US$4.7 billion deal.",
            "en"
        ),
        vec!["US$ 150 million", "US$4.7 billion"]
    );
    assert_eq!(one("It cost a dollar.", "en").2, "1");
    // The same sign again before digits starts the next amount (it was taken as the first's
    // unit, and the second read as a count).
    assert_eq!(
        texts("Fees: $ 20,000.00 $ 37,305.97 in total.", "en"),
        vec!["$ 20,000.00", "$ 37,305.97"]
    );
    assert_eq!(one("It cost $ 20 $.", "en").0, "$ 20 $");
}

#[test]
fn a_scale_word_after_a_currency_code_scales_the_amount() {
    // "75 USD million" was read as 75 dollars.
    let amount = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.3)
    };
    assert_eq!(
        amount("The fund holds 75 USD million.", "en"),
        ("75 USD million".into(), "75000000".into(), "USD".into())
    );
    assert_eq!(amount("soit 30 EUR millions", "fr").2, "EUR");
    assert_eq!(amount("soit 3 € milliards", "fr").1, "3000000000");
    // An abbreviation is no scale there, and a comma ends the amount.
    assert_eq!(amount("It cost 5 EUR m.", "en").1, "5");
    assert_eq!(
        texts("It cost 20 USD, million viewers saw it.", "en"),
        vec!["20 USD"]
    );
}

#[test]
fn a_french_number_sign_is_a_reference_in_english_text_too() {
    // A heading too short to tell its language is read with the file's: "n° 0" stays no claim.
    assert!(claims("Press release n° 12 of the ministry", "en").is_empty());
}

#[test]
fn ratios_are_one_quotient() {
    let q = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.4)
    };
    assert_eq!(
        q("One in three households recycles.", "en"),
        (
            "One in three".into(),
            "0.3333333333333333333333333333".into(),
            "exact"
        )
    );
    assert_eq!(
        q("Some 3 out of 10 schools have panels.", "en"),
        ("Some 3 out of 10".into(), "0.3".into(), "approx")
    );
    assert_eq!(q("two out of five hundred sets failed", "en").1, "0.004");
    assert_eq!(q("3 sur 10 écoles", "fr").1, "0.3");
    assert_eq!(
        q("between 1 in 4 and 1 in 3 adults", "en").1,
        "0.25..0.3333333333333333333333333333"
    );
    // A grouped number is no year: "1 in 2,000" is a ratio.
    assert_eq!(q("1 in 2,000 people", "en").1, "0.0005");
    // Not ratios: a year, a span of time, a larger first number.
    assert_eq!(texts("He scored 2 in 2019.", "en"), vec!["2"]);
    assert_eq!(texts("Prices rose 3 in 12 months.", "en"), vec!["3", "12"]);
    assert_eq!(texts("une hausse de 3 sur 12 mois", "fr"), vec!["3", "12"]);
    assert_eq!(texts("5 in 3 cases", "en"), vec!["5", "3"]);
}

#[test]
fn a_decimal_over_a_whole_number_is_a_score_on_its_scale() {
    let q = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.1)
    };
    assert_eq!(
        q("Satisfaction scored 7.8 out of 10 this year.", "en"),
        ("7.8 out of 10".into(), "7.8".into(), "count")
    );
    assert_eq!(
        q("une note moyenne de 7,8 sur 10 cette année", "fr"),
        ("7,8 sur 10".into(), "7.8".into(), "count")
    );
    // Not a score: a larger first number, a span of time after the scale.
    assert_eq!(texts("12.5 out of 10", "en"), vec!["12.5", "10"]);
    assert_eq!(texts("2.5 in 12 months", "en"), vec!["2.5", "12"]);
}

#[test]
fn a_minus_sign_or_an_en_dash_glued_to_digits_is_a_sign() {
    assert_eq!(one("un recul de \u{2212}0,3 % sur un an", "fr").2, "-0.3");
    assert_eq!(one("(contre \u{2013}3,2 % en 2023)", "fr").2, "-3.2");
    // A dash between two numbers is a range, and a spaced dash no sign.
    assert_eq!(one("de 10 \u{2013}20 %", "fr").4, "range");
    assert_eq!(
        one("les pays \u{2013} 12 au total \u{2013} ont signé", "fr").2,
        "12"
    );
}

#[test]
fn a_french_point_after_decimals_is_a_percentage_point() {
    let c = one("le taux de chômage recule de 0,3 point", "fr");
    assert_eq!(
        (c.0.as_str(), c.1, c.3.as_str()),
        ("0,3 point", "percent", "pp")
    );
    assert_eq!(one("un plan en 10 points", "fr").3, "count");
    // English writes "percentage points"; "12.5 points" is an index's.
    assert_eq!(one("the index fell 12.5 points", "en").3, "count");
}

#[test]
fn a_glued_m_is_millions_unless_a_dimension_follows() {
    assert_eq!(
        one("The backlog stood at 7.6m in March.", "en").2,
        "7600000"
    );
    assert_eq!(one("2.5m households", "en").3, "count");
    // Lengths: spaced, or before a dimension, a hyphen or what a length measures.
    assert_eq!(one("7.6 m of cable", "en").3, "m");
    assert_eq!(one("The wall is 7.6m high.", "en").3, "m");
    assert_eq!(one("a 4m-long wall", "en").3, "m");
    assert_eq!(one("the 100m sprint", "en").2, "100");
    // French writes a million "M": "7,6m" is a length.
    assert_eq!(one("une digue de 7,6m", "fr").3, "m");
}

#[test]
fn pence_are_hundredths_of_a_pound() {
    assert_eq!(
        one("a final dividend of 4.5p per share", "en"),
        (
            "4.5p".into(),
            "amount",
            "0.045".into(),
            "GBP".into(),
            "exact"
        )
    );
    assert_eq!(one("up from 50 pence", "en").2, "0.5");
    assert_eq!(one("£5 50p", "en").2, "5.5");
    // The markets' code for pence, in both languages (currencies.toml).
    assert_eq!(one("a dividend of 4.2 GBX", "en").2, "0.042");
    assert_eq!(one("un dividende de 4,2 GBX", "fr").3, "GBP");
    // "p" glued to the digits only; a scale and pence do not mix.
    assert_eq!(one("see 4 p", "en").3, "count");
    assert_eq!(one("£54m", "en").2, "54000000");
}

#[test]
fn a_currency_before_a_dash_range_is_the_ranges() {
    assert_eq!(
        one("guidance of £80-90m.", "en"),
        (
            "£80-90m".into(),
            "amount",
            "80000000..90000000".into(),
            "GBP".into(),
            "range"
        )
    );
    assert_eq!(one("costs €10–20m", "en").2, "10000000..20000000");
    assert_eq!(one("US$5-6bn", "en").3, "USD");
    assert_eq!(one("£5-10 a week", "en").2, "5..10");
    // Without the currency, "20m" stays a length.
    assert_eq!(one("a 10-20m wall", "en").3, "m");
}

#[test]
fn a_range_may_state_its_unit_at_both_ends() {
    let r = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.3, c.4)
    };
    assert_eq!(
        r("a target of 3.25%–3.5% this year", "en"),
        ("3.25%–3.5%".into(), "3.25..3.5".into(), "%".into(), "range")
    );
    assert_eq!(r("growth of 10%-20%", "en").1, "10..20");
    assert_eq!(r("entre-temps, 10 %\u{2013}20 %", "fr").1, "10..20");
    assert_eq!(r("costs of £80m–£90m", "en").1, "80000000..90000000");
    assert_eq!(r("€5bn-€6bn", "en").1, "5000000000..6000000000");
    // Not a range: other units, a falling pair, or an em dash (an aside).
    assert_eq!(texts("10%-20 km", "en"), vec!["10%", "20 km"]);
    assert_eq!(texts("20%-10%", "en"), vec!["20%", "10%"]);
    assert_eq!(texts("rose 2% \u{2014} 3% in May", "en"), vec!["2%", "3%"]);
}

#[test]
fn a_dash_glued_to_a_number_is_no_sign_of_the_next() {
    // "10%-20%" was 10 % and -20 %; a sign stands after a space, a bracket or a quote.
    for (text, locale) in [("20%-10%", "en"), ("20 %\u{2013}10 %", "fr")] {
        assert!(
            claims(text, locale).iter().all(|c| !c.2.starts_with('-')),
            "{text:?}: {:?}",
            claims(text, locale)
        );
    }
    assert_eq!(one("fell to -0.3% in May", "en").2, "-0.3");
    assert_eq!(one("(\u{2013}0,1 % en mai)", "fr").2, "-0.1");
    assert_eq!(one("a change of \"-4%\"", "en").2, "-4");
}

#[test]
fn digits_after_a_scale_join_it_only_before_another_multiplier() {
    // "€6bn and 3.25%" read as 6,000,000,003.25 EUR.
    assert_eq!(
        texts("raised €6bn and 3.25% more", "en"),
        vec!["€6bn", "3.25%"]
    );
    assert_eq!(texts("£6bn and 300 jobs", "en"), vec!["£6bn", "300"]);
    assert_eq!(one("2 million 500 thousand people", "en").2, "2500000");
    assert_eq!(one("two million and 500 thousand", "en").2, "2500000");
    assert_eq!(one("4 thousand 3 hundred and 21", "en").2, "4321");
}

#[test]
fn a_noun_may_stand_inside_a_ratio() {
    assert_eq!(
        one("Une entreprise sur quatre prévoit d'embaucher.", "fr").0,
        "Une entreprise sur quatre"
    );
    assert_eq!(one("un élève sur 10 a redoublé", "fr").2, "0.1");
    assert_eq!(
        one("Environ 8 ménages sur 10 verront leur impôt baisser.", "fr"),
        (
            "Environ 8 ménages sur 10".into(),
            "count",
            "0.8".into(),
            "count".into(),
            "approx"
        )
    );
    assert_eq!(
        one("deux élèves sur trois", "fr").2,
        "0.6666666666666666666666666667"
    );
    // Larger counts are figures of their own.
    assert_eq!(texts("120 places sur 150", "fr"), vec!["120", "150"]);
    // At the start of a line, before a stop: a ratio, not list numbering.
    assert_eq!(
        one("Un Français sur trois.", "fr").2,
        "0.3333333333333333333333333333"
    );
    // An adjective after the noun, where the pack puts it there.
    assert_eq!(
        one("dans près d'un accident mortel sur trois", "fr").0,
        "près d'un accident mortel sur trois"
    );
    // The number counts the plural word after it, or a span of time: no ratio.
    assert_eq!(texts("un débat sur trois thèmes", "fr"), vec!["trois"]);
    assert_eq!(
        texts("un débat public sur trois thèmes", "fr"),
        vec!["trois"]
    );
    assert_eq!(texts("un plan sur trois ans", "fr"), vec!["trois"]);
    assert_eq!(texts("un plan national sur trois ans", "fr"), vec!["trois"]);
    // English too, with the same exceptions; a year is never a denominator.
    assert_eq!(
        one("One household in four has a smart meter.", "en"),
        (
            "One household in four".into(),
            "count",
            "0.25".into(),
            "count".into(),
            "exact"
        )
    );
    assert_eq!(one("two firms in ten", "en").2, "0.2");
    assert_eq!(texts("one meeting in 3 cities", "en"), vec!["3"]);
    assert_eq!(texts("one review in 3 months", "en"), vec!["3"]);
    assert!(claims("We opened one school in 2025.", "en").is_empty());
    // A list number is still one.
    assert!(claims("1. Premier point", "fr").is_empty());
}

#[test]
fn over_a_span_of_time_is_no_bound() {
    let c = claims("£54m a year over three years", "en");
    assert_eq!(c.len(), 2);
    assert_eq!((c[1].0.as_str(), c[1].4), ("three", "exact"));
    assert_eq!(one("over 12 months", "en").4, "exact");
    assert_eq!(one("over 60 people", "en").4, "above");
    assert_eq!(one("plus de trois ans", "fr").4, "above");
}

#[test]
fn a_half_with_no_number_is_a_share() {
    let q = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.4)
    };
    assert_eq!(
        q("Almost half of tenants receive benefit.", "en"),
        ("Almost half".into(), "0.5".into(), "approx")
    );
    assert_eq!(q("Half the staff left.", "en").0, "Half");
    assert_eq!(q("more than half of all councils", "en").2, "above");
    assert_eq!(
        q("Près de la moitié des ménages sont aidés.", "fr"),
        ("Près de la moitié".into(), "0.5".into(), "approx")
    );
    assert_eq!(q("Plus de la moitié des projets", "fr").2, "above");
    assert_eq!(
        q("la moitié environ des gares", "fr").0,
        "la moitié environ"
    );
    // « le tiers », « le quart » alone are shares too; « du » is « de » + « le », so the hedge
    // « près du » and the share « du tiers » share a word.
    assert_eq!(
        q("Près du tiers des écoles ont fermé.", "fr"),
        (
            "Près du tiers".into(),
            "0.3333333333333333333333333333".into(),
            "approx"
        )
    );
    assert_eq!(q("Le quart des ménages paie.", "fr").1, "0.25");
    assert_eq!(q("plus du quart des foyers", "fr").2, "above");
    assert_eq!(q("moins du tiers des votants", "fr").0, "moins du tiers");
    assert_eq!(q("la baisse du tiers des effectifs", "fr").2, "exact");
    // A part of something, not a share: an ordinal or a side before it, no "of" after it, or
    // (in French) no article right before "moitié".
    for (text, locale) in [
        ("in the second half of the year", "en"),
        ("the other half of the budget", "en"),
        ("half-year results were strong", "en"),
        ("cut in half by the reform", "en"),
        ("la première moitié de l'année", "fr"),
        ("réduire de moitié les émissions", "fr"),
        // A span of time, a person, a round of a cup: no share.
        ("il reste le quart d'heure de pause", "fr"),
        ("le tiers de confiance a signé", "fr"),
        ("avant le quart de finale", "fr"),
        ("le tiers payant généralisé", "fr"),
        ("a quarter of a century later", "en"),
        ("1/3 of a year passed", "en"),
    ] {
        assert!(
            claims(text, locale).is_empty(),
            "{text:?}: {:?}",
            claims(text, locale)
        );
    }
    // A possessive word of time is no span: these are shares of what it owns.
    assert_eq!(
        texts(
            "Half of this year's budget went to schools; a third of the year’s funding.",
            "en"
        ),
        vec!["Half", "a third"]
    );
    assert_eq!(texts("1/3 of this year's budget", "en"), vec!["1/3"]);
    // With a number, the part word is read as before.
    assert_eq!(q("one half of respondents", "en").0, "one half");
    assert_eq!(q("about half a million people", "en").1, "500000");
    assert_eq!(
        q("Around a quarter of a million starts", "en"),
        (
            "Around a quarter of a million".to_string(),
            "250000".to_string(),
            "approx"
        )
    );
}

#[test]
fn a_change_by_a_share_needs_no_of() {
    assert_eq!(
        texts("Overtime fell by a quarter.", "en"),
        vec!["a quarter"]
    );
    assert_eq!(one("costs were cut by half", "en").2, "0.5");
    assert_eq!(
        texts("down by a fifth, to 200", "en"),
        vec!["a fifth", "200"]
    );
    assert_eq!(
        one("cut by a third since 2020", "en").2,
        "0.3333333333333333333333333333"
    );
    // After a hedge too, with no word after it: "nearly a quarter." (not "about a third party").
    assert_eq!(
        texts("Delays fell, a fall of nearly a quarter.", "en"),
        vec!["nearly a quarter"]
    );
    assert_eq!(
        texts("Une baisse de près d'un quart.", "fr"),
        vec!["près d'un quart"]
    );
    assert!(claims("We spoke about a third party.", "en").is_empty());
    // After a word of comparison too, the same way ("contre un cinquième mandat" is a rank).
    assert_eq!(
        texts("Un tiers des foyers, contre un cinquième en 2010.", "fr"),
        vec!["Un tiers", "un cinquième"]
    );
    assert_eq!(
        texts("A third of homes, against a fifth.", "en"),
        vec!["A third", "a fifth"]
    );
    assert!(claims("Il brigue, contre un cinquième mandat, un siège.", "fr").is_empty());
    assert!(claims("They chose a supplier against a third party.", "en").is_empty());
    // Or a comparative after it: "a third lower than in 2019" (not "the third largest").
    assert_eq!(
        texts("Emissions were a third lower than in 2019.", "en"),
        vec!["a third"]
    );
    assert_eq!(one("We paid a quarter more for energy.", "en").2, "0.25");
    assert!(claims("The third largest city.", "en").is_empty());
    // Or a plural verb it is the subject of; a singular one may follow an ordinal.
    assert_eq!(
        texts(
            "A third were women. Around a fifth were refused. Half have applied. Two runways \
             exist and a third is planned. A third party were involved.",
            "en"
        ),
        vec!["A third", "Around a fifth", "Half", "Two"]
    );
    // A past tense is both numbers: a survey's answers ("Nearly half said", "a third reported").
    assert_eq!(
        texts(
            "Nearly half said they were satisfied and a third reported delays.",
            "en"
        ),
        vec!["Nearly half", "a third"]
    );
    assert_eq!(
        texts(
            "La moitié ont répondu. Un tiers étaient des femmes. Un tiers a accès aux données.",
            "fr"
        ),
        vec!["La moitié", "Un tiers"]
    );
    // An ordinal after "by": a word outside `part_by_then` follows, or a hyphen.
    assert!(claims("it was stood by a third party", "en").is_empty());
    assert!(claims("audited by a third-party firm", "en").is_empty());
    assert!(claims("by the second half of the year", "en").is_empty());
    // French: after a verb or noun of change and "d'" ("les moins de 26 ans" is an age).
    assert_eq!(
        texts(
            "Le prix baissera d'un tiers pour les moins de 26 ans.",
            "fr"
        ),
        vec!["un tiers"]
    );
    assert_eq!(
        one("Les effectifs ont baissé d'un tiers.", "fr").2,
        "0.3333333333333333333333333333"
    );
    assert_eq!(one("une réduction d'un cinquième en 2026", "fr").2, "0.2");
    // "d'un tiers" alone is "of a third party".
    assert!(claims("L'intervention d'un tiers est requise.", "fr").is_empty());
    assert!(claims("Le budget a augmenté d'un tiers payant.", "fr").is_empty());
}

#[test]
fn a_share_of_what_was_just_named_needs_no_of() {
    assert_eq!(
        texts(
            "1,5 milliard d'euros, dont la moitié pour le matériel roulant",
            "fr"
        ),
        vec!["1,5 milliard d'euros", "la moitié"]
    );
    assert_eq!(
        claims("1,5 Md€ dont un tiers pour les gares", "fr")[1].2,
        "0.3333333333333333333333333333"
    );
    let c = claims(
        "3,480 staff, of whom almost half are based in Aberdeen",
        "en",
    );
    assert_eq!(
        (c[1].0.as_str(), c[1].2.as_str(), c[1].4),
        ("almost half", "0.5", "approx")
    );
    assert_eq!(
        texts("£2bn, of which a third went on repairs", "en"),
        vec!["£2bn", "a third"]
    );
    // Elsewhere a lone half still needs its "of" (or a plural verb, see above), and an
    // ordinal stays one.
    assert!(claims("Il en garde la moitié pour lui.", "fr").is_empty());
    assert!(claims("the second half of which was late", "en").is_empty());
    assert!(claims("of which a third-party audit", "en").is_empty());
}

#[test]
fn parts_in_words_are_one_quotient() {
    let q = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.2, c.4)
    };
    assert_eq!(
        q("Nearly two thirds of the stations were upgraded.", "en"),
        (
            "Nearly two thirds".into(),
            "0.6666666666666666666666666667".into(),
            "approx"
        )
    );
    assert_eq!(q("three quarters of the budget", "en").1, "0.75");
    assert_eq!(
        q("a two-thirds majority", "en").1,
        "0.6666666666666666666666666667"
    );
    assert_eq!(q("a fifth of all crossings", "en").0, "a fifth");
    assert_eq!(q("près des deux tiers des gares", "fr").2, "approx");
    assert_eq!(q("un quart des communes", "fr").1, "0.25");
    assert_eq!(
        q("Un tiers environ des gares", "fr"),
        (
            "Un tiers environ".into(),
            "0.3333333333333333333333333333".into(),
            "approx"
        )
    );
    assert_eq!(q("les trois cinquièmes du budget", "fr").1, "0.6");
    // A part word is no share after an article without "of", nor over its own denominator.
    assert!(claims("a third runway will be built", "en").is_empty());
    // Quarters of a year, and a span of time after "of"/"d'".
    assert_eq!(texts("in each of the last two quarters", "en"), vec!["two"]);
    assert_eq!(q("three quarters of respondents", "en").1, "0.75");
    // A fraction of a span of time is no claim at all, not a count of "trois".
    assert!(claims("trois quarts d'heure", "fr").is_empty());
    assert!(claims("three quarters of an hour", "en").is_empty());
    assert_eq!(
        texts("trois quarts d'heure pour 40 % des usagers", "fr"),
        vec!["40 %"]
    );
    assert!(claims("un tiers payant généralisé", "fr").is_empty());
    assert_eq!(texts("five halves", "en"), vec!["five"]);
    // Scales still take the fraction: "three quarters billion" is no share.
    assert_eq!(q("three quarters billion", "en").1, "750000000");
    // A fraction joined to a whole number adds to it.
    assert_eq!(q("deux et demi", "fr").1, "2.5");
    assert_eq!(q("two and a half", "en").1, "2.5");
    assert_eq!(q("un million et demi", "fr").1, "1500000");
}

#[test]
fn a_slash_fraction_before_of_is_a_share() {
    let q = |text: &str, locale: &str| {
        let c = one(text, locale);
        (c.0, c.1, c.2, c.4)
    };
    assert_eq!(
        q("Près de 1/3 des dossiers ont été traités.", "fr"),
        (
            "Près de 1/3".into(),
            "count",
            "0.3333333333333333333333333333".into(),
            "approx"
        )
    );
    assert_eq!(q("soit 3/4 de la population", "fr").2, "0.75");
    assert_eq!(
        q("About 2/3 of the files were closed.", "en").0,
        "About 2/3"
    );
    assert_eq!(q("20/100 of the votes", "en").2, "0.2");
    // Without "of" after it, a slash keeps its other readings: a date, a code, a schedule.
    for text in [
        "open 24/7 for 9/11 victims",
        "on 5/17/2018 and 1/3/2025",
        "the 1/3 meeting",
        "3/4",
    ] {
        assert!(claims(text, "en").is_empty(), "{text}");
    }
    for text in [
        "La réunion du 1/3 a eu lieu.",
        "Le 1/3e des cas.",
        "Un 1/3 de mois.",
    ] {
        assert!(claims(text, "fr").is_empty(), "{text}");
    }
    // Not over its own denominator, nor glued to a word or a number before it.
    assert!(claims("4/3 of the budget", "en").is_empty());
    assert_eq!(texts("A1/3 of it, 2.1/3 of it", "en"), Vec::<String>::new());
}

#[test]
fn fraction_signs_read_as_their_value() {
    assert_eq!(
        claims("⅔ of firms, ½ of them, a 2½ day wait", "en")
            .into_iter()
            .map(|c| (c.0, c.2))
            .collect::<Vec<_>>(),
        vec![
            ("⅔".into(), "0.6666666666666666666666666667".into()),
            ("½".into(), "0.5".into()),
            ("2½".into(), "2.5".into()),
        ]
    );
}

#[test]
fn entities_in_markdown_read_as_their_characters() {
    let packs = Packs::builtin().unwrap();
    let text = "Le taux atteint 12,5&nbsp;%, soit 2&#8239;400 agents et 31,4&nbsp;M&euro;.\n";
    let doc = Document::new("d.md", text.to_string(), Format::Markdown);
    let found = extract(&doc, &segment(&doc, &packs, LocaleChoice::Auto, 0), &packs);
    let got: Vec<_> = found
        .claims
        .iter()
        .map(|c| {
            (
                &doc.text[c.span.clone()],
                c.value.normalize().to_string(),
                c.unit.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("12,5&nbsp;%", "12.5".to_string(), "%"),
            ("2&#8239;400", "2400".to_string(), "count"),
            ("31,4&nbsp;M&euro;", "31400000".to_string(), "EUR"),
        ]
    );
}

#[test]
fn a_number_in_a_rows_label_is_no_claim() {
    // An age band in a row's first cell is what the row's figures are of ("Moins de 25" was a
    // bound, "25-49" a range); a table of one column, or a cell after the first, keeps them.
    let packs = Packs::builtin().unwrap();
    let text = "| Âge | Taux |\n|---|---|\n| Moins de 25 ans | 18,2 % |\n| 25-49 ans | 6,9 % |\n\
                \n| Age group | Rate |\n|---|---|\n| 16 to 24 | 11.2% |\n| 65+ | 2.0% |\n\
                \n| Effectif |\n|---|\n| 2 530 |\n\n| Poste | Agents |\n|---|---|\n| Total | 140 |\n";
    let doc = Document::new("d.md", text.to_string(), Format::Markdown);
    let found = extract(&doc, &segment(&doc, &packs, LocaleChoice::Auto, 0), &packs);
    let got: Vec<_> = found
        .claims
        .iter()
        .map(|c| &doc.text[c.span.clone()])
        .collect();
    assert_eq!(got, ["18,2 %", "6,9 %", "11.2%", "2.0%", "2 530", "140"]);
}

#[test]
fn extracting_by_windows_finds_what_extracting_whole_finds() {
    let packs = Packs::builtin().unwrap();
    let mut text = String::new();
    for i in 1..=30 {
        text.push_str(&format!(
            "Environ {i}0 % des foyers.\n\nThe city has some {i},500 people and one in {} of them are adults.\n\n",
            i + 2
        ));
    }
    let doc = Document::new("d.md", text, Format::Markdown);
    let whole = extract(&doc, &segment(&doc, &packs, LocaleChoice::Auto, 0), &packs);
    let spans =
        |claims: &[Claim]| -> Vec<_> { claims.iter().map(|c| (c.span.clone(), c.value)).collect() };
    // About 2.7 KB: one window a block, three of 1 KB, one in all.
    assert_eq!(doc.text.len() / 100, 27);
    for (window, windows) in [(1, doc.blocks.len()), (1000, 3), (1 << 20, 1)] {
        let mut joined = Vec::new();
        let mut calls = 0;
        extract_windows(&doc, &packs, LocaleChoice::Auto, 0, window, |_, found| {
            calls += 1;
            joined.extend(spans(&found.claims));
        });
        assert_eq!(joined, spans(&whole.claims), "window of {window} bytes");
        assert_eq!(calls, windows, "window of {window} bytes");
    }
    assert_eq!(whole.claims.len(), 30 * 3);
}

#[test]
fn words_that_start_a_currency_or_percent_phrase_also_stand_alone() {
    // "A$", "AU$", "S$" start with words of the prose ("a", "au", "s"); "pour cent de" with
    // "pour": the scanner passes over those words unless what follows can go on with them.
    assert_eq!(
        texts(
            "Il a obtenu A$ 5 millions, au total AU$ 12, et pour 40 pour cent de la somme.",
            "fr"
        ),
        ["A$ 5 millions", "AU$ 12", "40 pour cent"]
    );
    assert_eq!(
        texts(
            "The UK's share is S$ 40 and a third of all visits; a £5 fee.",
            "en"
        ),
        ["S$ 40", "a third", "£5"]
    );
    assert_eq!(one("l'unité à l'étude a reçu 12 % de plus", "fr").0, "12 %");
    assert_eq!(one("pourcentage de 12", "fr").2, "12");
}

#[test]
fn a_scaled_share_of_an_amount_is_money_in_its_currency() {
    // French writes the currency once: "dont 1,1 milliard" is euros, a share of what was just
    // named; a counted noun after it keeps it a count, and only the number right after the
    // share word takes the currency.
    let units = |text: &str, locale: &str| -> Vec<(String, String)> {
        claims(text, locale)
            .into_iter()
            .map(|c| (c.0, format!("{} {} {}", c.1, c.2, c.3)))
            .collect()
    };
    let fr = |text: &str| units(text, "fr");
    let amounts = |found: Vec<(String, String)>| -> Vec<String> {
        found.into_iter().map(|(_, u)| u).collect()
    };
    assert_eq!(
        fr("Les aides atteignent 3,2 milliards d'euros, dont 1,1 milliard pour les ménages."),
        vec![
            (
                "3,2 milliards d'euros".into(),
                "amount 3200000000 EUR".into()
            ),
            ("1,1 milliard".into(), "amount 1100000000 EUR".into()),
        ]
    );
    assert_eq!(
        fr("Il consacre 3,2 milliards d'euros, dont près de 1,1 milliard.")[1].1,
        "amount 1100000000 EUR"
    );
    assert_eq!(
        fr("Il consacre 3,2 milliards d'euros, dont 1,1 milliard de personnes aidées.")[1].1,
        "count 1100000000 count"
    );
    // When the amount was spent may stand between it and the share word; a noun the share
    // could be of may not.
    assert_eq!(
        amounts(fr(
            "Elle a investi 86,5 millions d'euros depuis 2023, dont 52 millions pour les pistes."
        )),
        ["amount 86500000 EUR", "amount 52000000 EUR"]
    );
    assert_eq!(
        fr("Elle a reçu 3,2 milliards d'euros pour ses habitants, dont 1,1 million.")[1].1,
        "count 1100000 count"
    );
    // A share that says where it goes is money whatever stands before "dont" (it was a
    // count of 4.5 million, and `init` wrote it so).
    assert_eq!(
        fr(
            "La Région consacrera 22 millions d'euros à la promotion, dont 4,5 millions pour \
            les marchés lointains."
        )[1]
        .1,
        "amount 4500000 EUR"
    );
    assert_eq!(
        fr(
            "Ils engagent 128 millions d'euros pour électrifier les quais d'ici 2028, dont \
            45 millions au terminal."
        )[1]
        .1,
        "amount 45000000 EUR"
    );
    assert_eq!(
        fr("Elle a reçu 3,2 milliards d'euros pour ses habitants, dont 1,1 million en ville.")[1].1,
        "count 1100000 count"
    );
    // Not a share: "et" is no share word; a small number is no scaled amount.
    assert_eq!(
        fr("Il consacre 3,2 milliards d'euros et 1,1 milliard pour les ménages.")[1].1,
        "count 1100000000 count"
    );
    assert_eq!(
        fr("Il consacre 3,2 milliards d'euros, dont 400 pour les ménages.")[1].1,
        "count 400 count"
    );
    // An enumeration of where an amount goes: each scaled number after it is money too,
    // unless a counted noun follows.
    assert_eq!(
        amounts(fr(
            "Il mobilise 3,2 milliards d'euros, dont 12 millions pour l'outre-mer et 40 \
             millions pour la Corse."
        )),
        [
            "amount 3200000000 EUR",
            "amount 12000000 EUR",
            "amount 40000000 EUR"
        ]
    );
    assert_eq!(
        amounts(fr(
            "L'État consacre 1,2 Md€ pour les routes, 300 millions pour le rail et 80 millions."
        )),
        [
            "amount 1200000000 EUR",
            "amount 300000000 EUR",
            "amount 80000000 EUR"
        ]
    );
    assert_eq!(
        fr("Il a coûté 1,2 Md€ pour les routes et transporté 300 millions de voyageurs.")[1].1,
        "count 300000000 count"
    );
    // The same verb left out for another subject: money again, unless a noun follows or the
    // words between hold a verb.
    assert_eq!(
        amounts(fr(
            "L'État y a consacré 47,5 millions d'euros, et la Région 18 millions. L'État \
             verse 2 millions d'euros et l'Europe 1,5 million."
        )),
        [
            "amount 47500000 EUR",
            "amount 18000000 EUR",
            "amount 2000000 EUR",
            "amount 1500000 EUR"
        ]
    );
    assert_eq!(
        fr("Il a reçu 47,5 millions d'euros et la Région compte 18 millions d'habitants.")[1].1,
        "count 18000000 count"
    );
    assert_eq!(
        fr("Il a reçu 47,5 millions d'euros et la population atteint 18 millions.")[1].1,
        "count 18000000 count"
    );
    let en = |text: &str| units(text, "en");
    assert_eq!(
        en("The government gave £40m and the council 12 million.")[1].1,
        "amount 12000000 GBP"
    );
    assert_eq!(
        en("The plan commits £1.2bn for roads and 300 million for rail.")[1].1,
        "amount 300000000 GBP"
    );
    assert_eq!(
        en("The plan commits £1.2bn for roads and 300 million passengers.")[1].1,
        "count 300000000 count"
    );
    assert_eq!(
        en("The fund holds €3.2bn, of which 1.1bn to households.")[1].1,
        "amount 1100000000 EUR"
    );
    assert_eq!(
        en("The fund holds €3.2bn, of which 1.1 million people benefit.")[1].1,
        "count 1100000 count"
    );
    assert_eq!(
        en("The board spends £22m on promotion, of which 4.5 million for long-haul markets.")[1].1,
        "amount 4500000 GBP"
    );
    // A duration between the amount and its share is passed over.
    assert_eq!(
        fr("Il contribuera 54 millions de livres sur trois ans, dont 12 millions dès 2027.")[2].1,
        "amount 12000000 GBP"
    );
    assert_eq!(
        fr("Il versera 2,4 millions d'euros sur trois ans, contre 2,1 millions en 2023.")[2].1,
        "amount 2100000 EUR"
    );
    assert_eq!(
        fr("Il mobilise 54 millions d'euros sur trois ans pour ses habitants, dont 1,1 million.")
            [2]
        .1,
        "count 1100000 count"
    );
    // An amount compared with the one before it, after a word of comparison or in brackets.
    assert_eq!(
        amounts(fr(
            "Le coût atteint 2,4 millions d'euros, contre 2,1 millions en 2023."
        )),
        ["amount 2400000 EUR", "amount 2100000 EUR"]
    );
    assert_eq!(
        fr("Le coût atteint 2,4 millions d'euros (2,1 millions en 2023).")[1].1,
        "amount 2100000 EUR"
    );
    assert_eq!(
        fr("Un budget de 2,4 millions d'euros contre 2,1 millions de personnes.")[1].1,
        "count 2100000 count"
    );
    assert_eq!(
        en("Costs were €2.4 million, up from 2.1 million in 2023.")[1].1,
        "amount 2100000 EUR"
    );
    // What the money went to may stand between (a share would be of it).
    assert_eq!(
        fr(
            "Elle a engagé 214 millions d'euros pour la rénovation de ses écoles, contre 187 \
            millions en 2025."
        )[1]
        .1,
        "amount 187000000 EUR"
    );
    // A measured quantity is read on so too, and stays a count in its unit.
    assert_eq!(
        fr("Le trafic atteint 74,3 millions de tonnes, contre 71,6 millions en 2025.")[1].1,
        "count 71600000 t"
    );
    assert_eq!(
        en("The port handled 74.3 million tonnes, of which 12 million to Asia.")[1].1,
        "count 12000000 t"
    );
}
