//! Tests of the clean pass's exact-copy sharing.

use super::*;

fn record(text: &str, title: Option<&str>, date: Option<&str>) -> SpillRecord {
    let mut record: SpillRecord = vec![None; read::N_FIELDS];
    record[read::F_ID] = Some(b"id".to_vec());
    record[read::F_TEXT] = Some(text.as_bytes().to_vec());
    record[read::F_TITLE] = title.map(|title| title.as_bytes().to_vec());
    record[read::F_DATE] = date.map(|date| date.as_bytes().to_vec());
    record
}

/// The value `shared` stands for: its own, or the one that article `doc` computed itself
/// (`of_doc` gives that article's; an article reused from must own what it shares).
fn resolve<'a, T>(shared: &'a Shared<T>, of_doc: impl Fn(u32) -> &'a Shared<T>) -> &'a T {
    match shared {
        Shared::Own(value) => value,
        Shared::SameAs(doc) => match of_doc(*doc) {
            Shared::Own(value) => value,
            Shared::SameAs(_) => panic!("a reused article reuses"),
        },
    }
}

/// Which earlier article each of `articles` (text, title, date) shares its fingerprint
/// with, and whether its features too (`doc`, `features_too`), when the batch starts at
/// article 10; and that what is shared is what the article would have computed itself.
fn check(articles: &[(&str, Option<&str>, Option<&str>)], expected: &[Option<(u32, bool)>]) {
    let config = RunConfig::default();
    let model = storyline_clean::BoilerplateModelBuilder::new(&config.clean).build();
    let clean_all = || -> Vec<Cleaned> {
        articles
            .iter()
            .map(|&(text, title, date)| clean_record(record(text, title, date), &model, &config))
            .collect()
    };
    let batch = clean_all();
    let decided = SameText::default().decide(&batch, 10);
    let expected: Vec<Option<Reuse>> = expected
        .iter()
        .map(|reuse| reuse.map(|(doc, features_too)| Reuse { doc, features_too }))
        .collect();
    assert_eq!(decided, expected);
    // Every article computed on its own, to compare the shared values with.
    let own: Vec<Processed> = clean_all()
        .into_iter()
        .map(|cleaned| derive(cleaned, None, &config))
        .collect();
    let own_of = |doc: u32| &own[doc as usize - 10];
    for (position, (cleaned, reuse)) in batch.into_iter().zip(decided).enumerate() {
        let processed = derive(cleaned, reuse, &config);
        let (Shared::Own(own_fingerprint), Shared::Own(own_features)) =
            (&own[position].fingerprint, &own[position].features)
        else {
            panic!("computed on its own, article {position} shares");
        };
        let fingerprint = resolve(&processed.fingerprint, |doc| &own_of(doc).fingerprint);
        assert_eq!(fingerprint, own_fingerprint, "article {position}");
        let features = resolve(&processed.features, |doc| &own_of(doc).features);
        assert_eq!(features, own_features, "article {position}");
        match (reuse, &processed.fingerprint, &processed.features) {
            (Some(reuse), Shared::SameAs(a), features) => {
                assert_eq!(*a, reuse.doc);
                assert_eq!(
                    matches!(features, Shared::SameAs(b) if *b == reuse.doc),
                    reuse.features_too
                );
            }
            (None, Shared::Own(_), Shared::Own(_)) => {}
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn exact_copies_share_what_their_inputs_share() {
    let text = "The council approved the budget on Monday after a long debate.";
    let other = "Mayor Ana Ruiz said the plan adds 40 buses and three bridges.";
    check(
        &[
            (text, Some("Budget passes"), Some("2024-06-18")),
            (text, Some("Budget passes"), Some("2024-06-18")),
            (text, Some("Council says yes"), Some("2024-06-18")),
            (text, Some("Budget passes"), Some("2024-06-19")),
            (other, None, None),
            ("", None, None),
            ("   ", None, None),
            (other, None, None),
        ],
        &[
            None,
            Some((10, true)),
            Some((10, false)),
            Some((10, false)),
            None,
            None,
            None,
            Some((14, true)),
        ],
    );
}

#[test]
fn a_stamp_dates_the_article_and_furniture_is_no_copy_clue() {
    // Every news page has its date stamp and its site's furniture ("Related News"): neither
    // tells a copy; the stamp dates an article without a date field.
    let config = RunConfig::default();
    let model = storyline_clean::BoilerplateModelBuilder::new(&config.clean).build();
    let text = "Posted: Apr 02, 2009 11:06 PM\nUpdated: Apr 02, 2009 11:06 PM\n\
                The council approved the budget on Monday after a long debate in the town hall.\n\
                Related News\n\
                Mayor Ana Ruiz said the plan adds 40 buses and repairs three bridges in the city.";
    let cleaned = clean_record(record(text, Some("Budget passes"), None), &model, &config);
    assert!(
        cleaned.processed.n_removals >= 2,
        "{}",
        cleaned.processed.n_removals
    );
    assert_eq!(cleaned.processed.facts.n_template_filler, 0);
    assert!(cleaned.processed.facts.date_days.is_some());
}
