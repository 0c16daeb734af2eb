//! Integration tests of copy detection on the shared seeds (five crawled reports of one
//! event, one of them a machine rewrite of another), on hostile inputs, and on a generated
//! corpus with planted exact copies and near-duplicates.

use std::path::PathBuf;

use storyline_core::CopyKind;
use storyline_match::{find_copies, fingerprint, DocFacts, Fingerprint, MatchConfig};

/// `../../shared/seeds` relative to the crate (a checkout with `shared/` at its root), else
/// `../../../shared/seeds` (the workspace sits beside `shared/`), else `$STORYLINE_SHARED/seeds`.
fn seeds_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = vec![
        manifest.join("../../shared/seeds"),
        manifest.join("../../../shared/seeds"),
    ];
    if let Some(shared) = std::env::var_os("STORYLINE_SHARED") {
        candidates.push(PathBuf::from(shared).join("seeds"));
    }
    candidates.into_iter().find(|dir| dir.is_dir())
}

/// Reads the seeds sorted by file name; `None` when the shared folder is absent.
fn read_seeds() -> Option<Vec<(String, String)>> {
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(seeds_dir()?).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let name = path.file_name()?.to_string_lossy().into_owned();
            seeds.push((name, std::fs::read_to_string(&path).ok()?));
        }
    }
    seeds.sort();
    Some(seeds)
}

#[test]
fn seeds_have_exactly_one_rewrite_edge() {
    let Some(seeds) = read_seeds() else {
        return; // the shared data is not checked out here
    };
    assert_eq!(seeds.len(), 5);
    let config = MatchConfig::default();
    let fingerprints: Vec<Fingerprint> = seeds
        .iter()
        .map(|(_, text)| fingerprint(text, &config))
        .collect();
    // The cleaner reports the template filler at the end of 000; dates are left unknown.
    let facts: Vec<DocFacts> = seeds
        .iter()
        .map(|(name, _)| DocFacts {
            date_days: None,
            n_template_filler: u32::from(name.starts_with("000_")),
        })
        .collect();
    let edges = find_copies(&fingerprints, &facts, &config);
    let found: Vec<(u32, u32, CopyKind)> = edges
        .iter()
        .map(|edge| (edge.copy.0, edge.original.0, edge.kind))
        .collect();
    assert_eq!(found, [(0, 1, CopyKind::Rewrite)], "{edges:#?}");
    assert!(!edges[0].evidence.origin.is_empty());
}

#[test]
fn seeds_rewrite_original_survives_a_misleading_date() {
    let Some(seeds) = read_seeds() else {
        return;
    };
    let config = MatchConfig::default();
    let fingerprints: Vec<Fingerprint> = seeds
        .iter()
        .map(|(_, text)| fingerprint(text, &config))
        .collect();
    // 000 carries a dateline eighteen months before the event; 001 is dated on the day.
    let mut facts = vec![DocFacts::default(); seeds.len()];
    facts[0] = DocFacts {
        date_days: Some(19_335),
        n_template_filler: 1,
    };
    facts[1] = DocFacts {
        date_days: Some(19_892),
        ..DocFacts::default()
    };
    let edges = find_copies(&fingerprints, &facts, &config);
    assert_eq!(edges.len(), 1);
    assert_eq!((edges[0].copy.0, edges[0].original.0), (0, 1));
}

/// A crude stand-in for the cleaner: drops short lines (furniture like "Related News") and
/// repeated lines (004's doubled body).
fn crude_clean(text: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .filter(|line| line.split_whitespace().count() >= 5 && seen.insert(*line))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seeds_after_crude_cleaning_still_have_one_rewrite_edge() {
    let Some(seeds) = read_seeds() else {
        return;
    };
    let config = MatchConfig::default();
    let fingerprints: Vec<Fingerprint> = seeds
        .iter()
        .map(|(_, text)| fingerprint(&crude_clean(text), &config))
        .collect();
    // No facts: the filler stays in 000's text, and the texts alone must tell the original.
    let facts = vec![DocFacts::default(); seeds.len()];
    let edges = find_copies(&fingerprints, &facts, &config);
    let found: Vec<(u32, u32, CopyKind)> = edges
        .iter()
        .map(|edge| (edge.copy.0, edge.original.0, edge.kind))
        .collect();
    assert_eq!(found, [(0, 1, CopyKind::Rewrite)], "{edges:#?}");
}

#[test]
fn hostile_inputs_do_not_panic() {
    let config = MatchConfig::default();
    let huge =
        "Breaking news from the wire desk, with numbers 1,234.5 and “quotes”. ".repeat(15_000);
    assert!(huge.len() > 1_000_000);
    let texts = [
        String::new(),
        "word".to_string(),
        huge.clone(),
        huge,
        "普京周二抵达平壤，开始对朝鲜进行国事访问。这是他二十四年来首次访问朝鲜。双方预计将签署全面战略伙伴关系协定。".repeat(3),
        "Президент России Владимир Путин прибыл в Пхеньян. Это его первый визит в КНДР за 24 года. ".repeat(4),
        "\u{0}\u{FFFF}\u{10FFFF}....!!!???\n\n\t\"\"\"“”«»".to_string(),
    ];
    let fingerprints: Vec<Fingerprint> = texts
        .iter()
        .map(|text| fingerprint(text, &config))
        .collect();
    for fingerprint in &fingerprints {
        assert!(
            fingerprint.size_bytes() < 4096,
            "{}",
            fingerprint.size_bytes()
        );
    }
    let edges = find_copies(&fingerprints, &[], &config);
    // The two megabyte texts are exact copies of each other; nothing else is a copy.
    let found: Vec<(u32, u32, CopyKind)> = edges
        .iter()
        .map(|edge| (edge.copy.0, edge.original.0, edge.kind))
        .collect();
    assert_eq!(found, [(3, 2, CopyKind::Exact)]);
}

/// A tiny deterministic generator (SplitMix64), so the corpus is the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes_do_not_panic() {
    let mut random = Random(99);
    let config = MatchConfig::default();
    let alphabet = [
        "a", "B", " ", ".", "\n", "“", "”", "\"", "é", "普", "Ж", "3", "…", "'", "\u{0}", "。",
    ];
    let mut fingerprints = Vec::new();
    for _ in 0..300 {
        let n_bytes = random.below(600);
        let lossy: Vec<u8> = (0..n_bytes).map(|_| random.next() as u8).collect();
        let mixed: String = (0..n_bytes)
            .map(|_| alphabet[random.below(alphabet.len())])
            .collect();
        for text in [String::from_utf8_lossy(&lossy).into_owned(), mixed] {
            let fingerprint = fingerprint(&text, &config);
            assert!(fingerprint.size_bytes() < 4096);
            fingerprints.push(fingerprint);
        }
    }
    let edges = find_copies(&fingerprints, &[], &config);
    assert!(edges.windows(2).all(|pair| pair[0].copy < pair[1].copy));
}

/// Word soup from a 2,000-word vocabulary, with a full stop every 12–20 words.
fn soup(random: &mut Random, vocabulary: &[String], n_words: usize) -> Vec<String> {
    let mut words = Vec::with_capacity(n_words);
    let mut until_stop = 12 + random.below(9);
    for _ in 0..n_words {
        let mut word = vocabulary[random.below(vocabulary.len())].clone();
        until_stop -= 1;
        if until_stop == 0 {
            word.push('.');
            until_stop = 12 + random.below(9);
        }
        words.push(word);
    }
    words
}

/// 180 word-soup articles plus 10 exact copies and 10 near-duplicates (5% of words replaced)
/// of every seventh one; returns the texts and the expected `(copy, original, kind)`.
fn planted_corpus() -> (Vec<String>, Vec<(u32, u32, CopyKind)>) {
    let mut random = Random(7);
    let vocabulary: Vec<String> = (0..2000)
        .map(|_| {
            let len = 3 + random.below(7);
            (0..len)
                .map(|_| char::from(b'a' + random.below(26) as u8))
                .collect()
        })
        .collect();
    let mut docs: Vec<Vec<String>> = (0..180)
        .map(|_| {
            let n_words = 250 + random.below(250);
            soup(&mut random, &vocabulary, n_words)
        })
        .collect();
    let mut expected = Vec::new();
    for planted in 0..20 {
        let source = planted * 7;
        let mut copy = docs[source].clone();
        let kind = if planted < 10 {
            CopyKind::Exact
        } else {
            let n_replaced = copy.len() / 20;
            for _ in 0..n_replaced {
                let at = random.below(copy.len());
                copy[at] = vocabulary[random.below(vocabulary.len())].clone();
            }
            CopyKind::NearDuplicate
        };
        expected.push((docs.len() as u32, source as u32, kind));
        docs.push(copy);
    }
    (docs.iter().map(|words| words.join(" ")).collect(), expected)
}

#[test]
fn generated_corpus_planted_copies_are_found() {
    let (texts, expected) = planted_corpus();
    let config = MatchConfig::default();
    let fingerprints: Vec<Fingerprint> = texts
        .iter()
        .map(|text| fingerprint(text, &config))
        .collect();
    let edges = find_copies(
        &fingerprints,
        &vec![DocFacts::default(); texts.len()],
        &config,
    );
    let found: Vec<(u32, u32, CopyKind)> = edges
        .iter()
        .map(|edge| (edge.copy.0, edge.original.0, edge.kind))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn same_edges_whatever_the_thread_count() {
    let (mut texts, _) = planted_corpus();
    // Add families with several members, so originals and evidence are exercised too.
    texts.extend(texts[..30].to_vec());
    let config = MatchConfig::default();
    let fingerprints: Vec<Fingerprint> = texts
        .iter()
        .map(|text| fingerprint(text, &config))
        .collect();
    let facts: Vec<DocFacts> = (0..texts.len())
        .map(|doc| DocFacts {
            date_days: Some(19_000 + (doc % 13) as i32),
            n_template_filler: (doc % 5 == 0).into(),
        })
        .collect();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| find_copies(&fingerprints, &facts, &config))
    };
    let single = run(1);
    assert!(single.len() > 40);
    assert_eq!(single, run(3));
}

/// The texts of `ids` in `../shared/data/ecbplus-dev/docs.jsonl`, in that order; `None` when
/// the shared data is not checked out.
fn ecb_texts(ids: &[&str]) -> Option<Vec<String>> {
    let docs = seeds_dir()?.join("../data/ecbplus-dev/docs.jsonl");
    let lines = std::fs::read_to_string(docs).ok()?;
    let mut texts: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for line in lines.lines() {
        let record: serde_json::Value = serde_json::from_str(line).ok()?;
        let id = record["id"].as_str()?.to_owned();
        texts.insert(id, record["text"].as_str()?.to_owned());
    }
    ids.iter().map(|id| texts.remove(*id)).collect()
}

#[test]
fn a_small_run_finds_the_rewrite_its_lsh_bands_miss() {
    // A trade site's rewrite of a BBC report (ECB+ 14_8ecbplus of 14_1ecbplus), at a
    // content-word Jaccard of about 0.4: the two share fewer than two of the 42 content
    // bands, so LSH alone misses them; a small run compares every pair's signatures.
    let Some(mut texts) = ecb_texts(&["14_1ecbplus", "14_8ecbplus"]) else {
        return;
    };
    // The BBC page opens with its time stamp, which cleaning removes.
    texts[0] = texts[0].lines().skip(1).collect::<Vec<_>>().join("\n");
    let kinds = |config: &MatchConfig| -> Vec<CopyKind> {
        let fingerprints: Vec<Fingerprint> =
            texts.iter().map(|text| fingerprint(text, config)).collect();
        find_copies(
            &fingerprints,
            &[DocFacts::default(), DocFacts::default()],
            config,
        )
        .iter()
        .map(|edge| edge.kind)
        .collect()
    };
    assert_eq!(kinds(&MatchConfig::default()), [CopyKind::Rewrite]);
    let lsh_only = MatchConfig {
        exhaustive_max_docs: 0,
        ..MatchConfig::default()
    };
    assert_eq!(kinds(&lsh_only), []);
}
