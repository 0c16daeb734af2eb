//! CLI tests: run the real `storyline` binary in temporary directories and check exit codes,
//! output files and what it prints.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn storyline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_ok(args: &[&str]) -> Output {
    let output = storyline().args(args).output().expect("storyline runs");
    assert!(
        output.status.success(),
        "storyline {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// `storyline run INPUT --out OUT`, which must succeed.
fn run_into(input: &Path, out: &Path) -> Output {
    run_ok(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .map(|line| serde_json::from_str(line).expect("valid JSON line"))
        .collect()
}

/// `(copy, original, kind)` of each line of `copies.jsonl`, in file order.
fn copy_edges(copies: &[Value]) -> Vec<(&str, &str, &str)> {
    copies
        .iter()
        .map(|copy| {
            let field = |name: &str| copy[name].as_str().unwrap();
            (field("copy"), field("original"), field("kind"))
        })
        .collect()
}

fn by_id<'a>(articles: &'a [Value], prefix: &str) -> &'a Value {
    articles
        .iter()
        .find(|article| {
            article["id"]
                .as_str()
                .is_some_and(|id| id.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

#[test]
fn help_answers_for_every_subcommand() {
    for subcommand in ["run", "eval", "show", "report"] {
        let output = run_ok(&[subcommand, "--help"]);
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(
            help.contains("--out"),
            "{subcommand} --help lacks --out:\n{help}"
        );
        assert!(
            help.contains("Exit codes"),
            "{subcommand} --help lacks exit codes"
        );
    }
    let output = run_ok(&["--help"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("run"));
}

#[test]
fn usage_error_exits_2() {
    let output = storyline().args(["run"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_missing_input_path_is_a_usage_error_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    std::fs::write(&good, "Some text of an article.").unwrap();
    let missing = dir.path().join("mistyped.jsonl");
    let out = dir.path().join("out");
    for inputs in [vec![&missing], vec![&good, &missing]] {
        let mut args = vec!["run".to_string()];
        args.extend(inputs.iter().map(|path| path.display().to_string()));
        args.extend(["--out".to_string(), out.display().to_string()]);
        let output = storyline().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("mistyped.jsonl") && stderr.contains("no such file"),
            "{stderr}"
        );
        assert!(!out.exists(), "nothing may be written: {args:?}");
    }
    // The readable input alone still runs (`-`, stdin, is read in `stdin_input_and_same_bytes_whatever_the_thread_count`).
    run_into(&good, &out);
    assert!(out.join("articles.jsonl").exists());
}

#[test]
fn unwritable_output_exits_1_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Some text of an article.").unwrap();
    let output = storyline()
        .args([
            "run",
            input.to_str().unwrap(),
            "--out",
            blocker.join("out").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("out"));
}

/// The seed articles: five reports of one event, one machine rewrite among them.
#[test]
fn seeds_make_one_story_with_one_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("examples/seeds");
    let out = dir.path().join("out");
    run_into(&seeds, &out);

    let articles = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(articles.len(), 5);
    let stories = read_jsonl(&out.join("stories.jsonl"));
    assert_eq!(stories.len(), 1, "one story: {stories:?}");
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);

    let copies = read_jsonl(&out.join("copies.jsonl"));
    assert_eq!(copies.len(), 1, "exactly one copy edge: {copies:#?}");
    assert!(copies[0]["copy"].as_str().unwrap().starts_with("000_"));
    assert!(copies[0]["original"].as_str().unwrap().starts_with("001_"));
    assert_eq!(copies[0]["kind"], "rewrite");
    assert!(!copies[0]["evidence"]["origin"]
        .as_array()
        .unwrap()
        .is_empty());

    // The digest (issue 3): names merged across spellings, the first report is no copy, the
    // rewrite's wrong dateline is a disagreement, the summary spreads over original sources.
    let digest = &stories[0];
    let entity = |name: &str| {
        digest["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entity| {
                entity["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|variant| variant == name)
            })
    };
    for name in [
        "Putin",
        "Pyongyang",
        "Sergey Lavrov",
        "Sergei Lavrov",
        "Yuri Ushakov",
        "Yuriy Ushakov",
    ] {
        assert!(entity(name).is_some(), "no entity {name}");
    }
    assert_eq!(
        entity("Kim Jong Un"),
        entity("Kim Jong-un"),
        "one entity for Kim Jong Un"
    );
    assert_eq!(entity("Sergey Lavrov"), entity("Sergei Lavrov"));
    assert!(!digest["first_report"]["id"]
        .as_str()
        .unwrap()
        .starts_with("000_"));
    let disagreements = digest["disagreements"].to_string();
    assert!(disagreements.contains("2022-12-09"), "{disagreements}");
    let summary_sources: std::collections::BTreeSet<&str> = digest["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|sentence| sentence["article"].as_str().unwrap())
        .collect();
    assert!(summary_sources.len() >= 3, "{summary_sources:?}");
    assert!(
        summary_sources.iter().all(|id| !id.starts_with("000_")),
        "{summary_sources:?}"
    );

    // The doubled body is kept once.
    let doubled = by_id(&articles, "004_")["text"].as_str().unwrap();
    let first_sentence = "Upon arrival, Putin was warmly welcomed";
    assert_eq!(doubled.matches(first_sentence).count(), 1, "{doubled}");

    // Site furniture and filler are gone from every cleaned text.
    for article in &articles {
        let text = article["text"].as_str().unwrap();
        for line in text.lines() {
            let line = line.trim();
            for furniture in ["Advertisement", "Related News", "About Us", "Instagram"] {
                assert_ne!(line, furniture, "{} keeps {furniture:?}", article["id"]);
            }
        }
        for phrase in [
            "filler text",
            "To suggest a correction",
            "Join NewsTrack",
            "Ctrl + Enter",
        ] {
            assert!(!text.contains(phrase), "{} keeps {phrase:?}", article["id"]);
        }
    }
}

/// A machine rewrite of the BBC's report of the 2005 Qeshm earthquake (ECB+ `20_1ecbplus`),
/// written for this test: the same facts in the same order in other words, quotes turned
/// into reported speech, under a dateline a year too early.
const QUAKE_REWRITE: &str = "MARCH 3, 2004
Ten killed as strong earthquake strikes southern Iran

At least ten people lost their lives and dozens were hurt when a strong earthquake shook southern Iran and damaged a number of villages, according to officials.

State media reported that the 6.1-magnitude tremor hit Qeshm island, where 120,000 people live, as well as the city of Bandar Abbas.

Officials said that between half and two-thirds of the houses in five villages on Qeshm island were damaged.

The earthquake hit at 1353 local time (1023 GMT) and was also felt in nearby Gulf countries, Oman and the UAE.

Iran lies in an unstable seismic zone and damaging earthquakes strike the country often.

In December 2003 a quake of magnitude 6.7 left more than 26,000 people dead in the historic city of Bam.

According to the US Geological Survey, the epicentre of Sunday's earthquake lay roughly 58km (36 miles) south-west of Bandar Abbas.

Qeshm island governor Heydar Alishbandi said five villages suffered heavy damage, though the hardest-hit areas seemed to be in the sparsely populated west.

The injured were flown to hospital by helicopter, and authorities say the rescue operation is now being scaled back.

Mr Alishbandi told AFP he did not expect the number of dead to increase.

Several children reportedly broke their legs while rushing out of their school, according to a correspondent in Tehran.

The first shock lasted a little more than 10 seconds and was followed by at least four aftershocks measuring about 4.0.

Tents and other relief supplies are being sent to people who lost their homes, officials say.

The area had not experienced an earthquake in over 25 years.
";

/// ECB+ dev's texts by document id (`../shared/data/ecbplus-dev`).
fn ecb_texts() -> std::collections::HashMap<String, String> {
    let docs = repo_root().join("../shared/data/ecbplus-dev/docs.jsonl");
    read_jsonl(&docs)
        .into_iter()
        .map(|doc| {
            let id = doc["id"].as_str().unwrap().to_owned();
            (id, doc["text"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// The article ids of each story of a run's `stories.jsonl`, in order.
fn story_members(out: &Path) -> Vec<Vec<String>> {
    read_jsonl(&out.join("stories.jsonl"))
        .iter()
        .map(|story| {
            let ids = story["articles"].as_array().unwrap();
            ids.iter()
                .map(|id| id.as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

/// Asserts that no cleaned text of a run holds any of `furniture`.
fn assert_cleaned_of(articles: &[Value], furniture: &[&str]) {
    for article in articles {
        let text = article["text"].as_str().unwrap();
        for line in furniture {
            assert!(!text.contains(line), "{} keeps {line:?}", article["id"]);
        }
    }
}

/// The seeds' kinds of mess on another event, built from real reports of the 2005 Qeshm
/// earthquake in ECB+: an original printed by two sites with different furniture (one adds
/// template filler), a machine rewrite of it, an independent report printed twice, another
/// with an app prompt, and a report of a different earthquake on the same island three years
/// later. Built to see whether the seeds' behaviour carries over; the furniture it found
/// kept ("Print this article", "More Top Stories") became general rules, checked on WCXB dev.
#[test]
fn an_unseen_event_with_the_same_mess() {
    let ecb = ecb_texts();
    let original = &ecb["20_1ecbplus"];
    let paragraphs: Vec<&str> = original.lines().collect();
    let other_report = ecb["20_8ecbplus"].trim();
    let corpus = [
        (
            "q0",
            "2005-11-27",
            format!(
                "World News\n\n{}\n\nAdvertisement\n\n{}\n\nShare this story on Facebook\n\n{}\n\n\
                 More Top Stories\n\nFar far away, behind the word mountains, far from the \
                 countries Vokalia and Consonantia, there live the blind texts.\n\n\
                 Follow us on Twitter\n",
                paragraphs[..5].join("\n\n"),
                paragraphs[5..12].join("\n\n"),
                paragraphs[12..].join("\n\n")
            ),
        ),
        ("q1", "2005-11-28", QUAKE_REWRITE.to_owned()),
        (
            "q2",
            "2005-11-28",
            format!(
                "Middle East\n\n{other_report}\n\nSubscribe to our newsletter\n\n{other_report}\n\n\
                 Read more: Middle East news\n"
            ),
        ),
        (
            "q3",
            "2005-11-28",
            format!("{}\n\nClick here to download our app\n", ecb["20_4ecbplus"]),
        ),
        (
            "q4",
            "2005-11-27",
            format!(
                "Breaking News\n\n{}\n\nPrint this article\n\nEmail to a friend\n",
                paragraphs.join("\n\n")
            ),
        ),
        (
            "q5",
            "2008-09-10",
            format!("{}\n\nAdvertisement\n", ecb["20_1ecb"]),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("quake.jsonl");
    let lines: Vec<String> = corpus
        .iter()
        .map(|(id, date, text)| {
            serde_json::json!({"id": id, "date": date, "text": text}).to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.path().join("out");
    run_into(&input, &out);

    assert_eq!(
        story_members(&out),
        [vec!["q0", "q1", "q2", "q3", "q4"], vec!["q5"]],
        "the 2005 reports in one story, the 2008 quake apart"
    );

    let copies = read_jsonl(&out.join("copies.jsonl"));
    let edge = |copy: &str| copies.iter().find(|edge| edge["copy"] == copy);
    assert_eq!(copies.len(), 2, "{copies:#?}");
    let rewrite = edge("q1").expect("the rewrite is found");
    assert_eq!(rewrite["kind"], "rewrite");
    assert_eq!(
        rewrite["original"], "q4",
        "the original, not its filler-carrying copy"
    );
    let reprint = edge("q0").expect("the reprint is found");
    assert_eq!(reprint["kind"], "exact");
    assert_eq!(reprint["original"], "q4");

    let articles = read_jsonl(&out.join("articles.jsonl"));
    let doubled = by_id(&articles, "q2")["text"].as_str().unwrap();
    assert_eq!(
        doubled
            .matches("A powerful earthquake hit southern Iran")
            .count(),
        1
    );
    assert_cleaned_of(
        &articles,
        &[
            "World News",
            "Advertisement",
            "Share this story",
            "More Top Stories",
            "blind texts",
            "Follow us on Twitter",
            "Middle East\n",
            "Subscribe to our newsletter",
            "Read more:",
            "Click here to download",
            "Breaking News",
            "Print this article",
            "Email to a friend",
        ],
    );
}

/// A machine rewrite of the New York Times' report of the 2007 Troy, Michigan office
/// shooting (ECB+ `18_9ecbplus`), written for this test: the same facts in the same order in
/// other words, under a dateline two years too early, a section label, the headline twice
/// and filler text.
const SHOOTING_REWRITE: &str = "MARCH 2, 2005
US Crime

Fired Accountant Opens Fire at Former Workplace, Killing Receptionist and Wounding Two Partners

Fired Accountant Opens Fire at Former Workplace, Killing Receptionist and Wounding Two Partners

A man who had lost his job at a suburban Detroit accounting firm just days earlier returned to his old office on Monday armed with a shotgun, shooting three people and killing one of them before he fled and drew police into a high-speed pursuit, according to authorities.

Police said the suspect, Anthony LaCalamita, walked into the second-floor offices of Gordon Advisors at around 10 a.m. and started shooting. Three people were hit: a woman aged 63 and two men aged 47 and 48.

The woman, whom police named as Madeline Kafoury, was pronounced dead at the scene. The two men were taken to Beaumont Hospital in Royal Oak for treatment. A hospital spokeswoman, Ilene Wolff, said their families had asked for privacy and that no details about their injuries or condition would be made public.

Police did not release the names of the wounded men, but The Detroit Free Press reported that they were Paul Riva, 47, of Sterling Heights, and Alan Steinberg, 48, of Bruce Township, both of them partners at the firm.

LaCalamita, 38, was let go from the firm last week, police said, although the company website still showed him as part of its \"professional staff.\" Troy police chief Charles Craft would not discuss his ties to the victims or a possible motive, but said \"it doesn't appear it was random.\"

Witnesses and officers described chaos in the moments after the gunfire, with employees barricading themselves inside cubicles and offices. Later in the day some workers gathered outside the three-story building but declined to talk to reporters. Chief Craft said the building, which is shared with other tenants, did not appear to have any formal security system, and that witnesses saw LaCalamita enter the firm's unlocked suite as if hiding something.

LaCalamita drove off before police arrived, but witnesses wrote down his license plate. Roughly two hours later, a motorist in Flint, some 50 miles to the north, tipped off police about the car. Officers then pursued him for about 30 miles along Interstate 75 at speeds reaching 120 mph before arresting him near Bay City.

It is a long established fact that a reader will be distracted by the readable content of a page when looking at its layout. The point of using placeholder text is that it has a more-or-less normal distribution of letters, as opposed to using content here, content here, making it look like readable English.
";

/// A second unseen event, as undated text files like the seeds: reports of the 2007 Troy,
/// Michigan office shooting from ECB+ with a machine rewrite, furniture and a cookie notice,
/// a story about another country pasted in under its own sentence-case title, a body printed
/// twice, and a report of another office shooting (Vancouver, 2008). Built to find what the
/// first unseen event did not; what it found became general rules (pasted stories without a
/// heading, counts beside links, names across initials) measured on ECB+ and WCXB dev.
#[test]
fn a_second_unseen_event_as_text_files() {
    let ecb = ecb_texts();
    let paragraphs = |id: &str| -> Vec<String> {
        ecb[id]
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let with_furniture = {
        let p = paragraphs("18_5ecbplus");
        let mut lines = p[..3].to_vec();
        lines.extend(["ADVERTISEMENT".into(), "Story continues below".into()]);
        lines.extend_from_slice(&p[3..6]);
        lines.push("Click here to sign up for our daily newsletter".into());
        lines.extend_from_slice(&p[6..9]);
        lines.push("Have a news tip? Contact our newsroom".into());
        lines.extend_from_slice(&p[9..]);
        lines.extend([
            "Copyright 2007 The Associated Press. All rights reserved. This material may not be \
             published, broadcast, rewritten or redistributed."
                .into(),
            "Tags: Troy, shooting, accounting firm".into(),
            "We use cookies to improve your experience on our site. By continuing to browse, you \
             agree to our use of cookies."
                .into(),
            "Comments (14)".into(),
        ]);
        lines
    };
    let with_foreign_story = {
        let p = paragraphs("18_1ecbplus");
        let mut lines = p[..5].to_vec();
        lines.push("Turkmenistan holds parliamentary election".into());
        lines.extend_from_slice(&paragraphs("11_1ecb")[..5]);
        lines.extend_from_slice(&p[5..]);
        lines
    };
    let doubled = [paragraphs("18_11ecbplus"), paragraphs("18_11ecbplus")].concat();
    let files = [
        ("s0", SHOOTING_REWRITE.to_owned()),
        ("s1", paragraphs("18_9ecbplus").join("\n\n")),
        ("s2", with_furniture.join("\n\n")),
        ("s3", with_foreign_story.join("\n\n")),
        ("s4", doubled.join("\n\n")),
        ("s5", paragraphs("18_1ecb").join("\n\n")),
    ];
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("shooting");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in &files {
        std::fs::write(input.join(format!("{name}.txt")), text).unwrap();
    }
    let out = dir.path().join("out");
    run_into(&input, &out);

    assert_eq!(
        story_members(&out),
        [vec!["s0", "s1", "s2", "s3", "s4"], vec!["s5"]],
        "the Troy reports in one story, the Vancouver shooting apart"
    );
    let copies = read_jsonl(&out.join("copies.jsonl"));
    assert_eq!(copies.len(), 1, "{copies:#?}");
    assert_eq!(
        (
            &copies[0]["copy"],
            &copies[0]["original"],
            &copies[0]["kind"]
        ),
        (&"s0".into(), &"s1".into(), &"rewrite".into())
    );

    let articles = read_jsonl(&out.join("articles.jsonl"));
    let text_of = |id: &str| by_id(&articles, id)["text"].as_str().unwrap().to_owned();
    assert_eq!(text_of("s4").matches("Sacked worker shoots").count(), 1);
    assert_eq!(
        text_of("s0").matches("Fired Accountant Opens Fire").count(),
        1
    );
    let foreign: Vec<&Value> = by_id(&articles, "s3")["removals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|removal| removal["kind"] == "foreign_block")
        .collect();
    assert_eq!(foreign.len(), 1, "the pasted story is flagged");
    assert!(foreign[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Turkmenistan holds parliamentary election"));
    assert!(!text_of("s3").contains("Ashgabat"));
    assert_cleaned_of(
        &articles,
        &[
            "MARCH 2, 2005",
            "US Crime",
            "long established fact",
            "ADVERTISEMENT",
            "Story continues below",
            "Click here to sign up",
            "Have a news tip",
            "Copyright 2007",
            "Tags:",
            "We use cookies",
            "Comments (14)",
        ],
    );

    // The digest counts nobody killed three times ("shot three people, killing one").
    let stories = read_jsonl(&out.join("stories.jsonl"));
    let disagreements = stories[0]["disagreements"].as_array().unwrap();
    assert!(
        disagreements
            .iter()
            .all(|disagreement| disagreement["about"] != "people killed"),
        "{disagreements:#?}"
    );
}

#[test]
fn bad_input_gets_diagnostics_and_good_articles_survive() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("good.txt"),
        "A good article about a flood in the valley.\nIt rained for days.",
    )
    .unwrap();
    std::fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 owners in the old town reopened after the storm.",
    )
    .unwrap();
    std::fs::write(input.join("empty.txt"), "   \n").unwrap();
    std::fs::write(
        input.join("blob.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    let lines = [
        r#"{"id": "j1", "text": "First JSONL article about an election in the north."}"#,
        r#"{"id": "j2", "text": "truncated"#,
        r#"{"text": "An article without an id, about a bridge that collapsed."}"#,
        r#"{"id": "j1", "text": "A different article reusing the id j1, about a fire."}"#,
        r#"[1, 2, 3]"#,
        r#"{"id": "j5", "title": "Kept", "text": "The last good line, about a marathon.", "lang": "en"}"#,
        r#"{"id": "j6", "text": "Advertisement"}"#,
    ];
    std::fs::write(input.join("records.jsonl"), lines.join("\n")).unwrap();
    let out = dir.path().join("out");
    let output = run_into(&input, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);

    let articles = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = articles
        .iter()
        .map(|article| article["id"].as_str().unwrap())
        .collect();
    for id in ["good", "latin1", "j1", "j5"] {
        assert!(ids.contains(&id), "{id} lost: {ids:?}");
    }
    // The duplicate id and the missing id are kept under new ids.
    assert_eq!(
        ids.iter().filter(|id| id.starts_with("j1")).count(),
        2,
        "{ids:?}"
    );
    assert!(articles
        .iter()
        .any(|article| article["text"].as_str().unwrap().contains("bridge")));
    // Fields storyline does not read are kept.
    assert_eq!(by_id(&articles, "j5")["extra"]["lang"], "en");

    let diagnostics = read_jsonl(&out.join("diagnostics.jsonl"));
    let named = |file: &str, line: Option<u64>| {
        diagnostics.iter().any(|diagnostic| {
            diagnostic["pos"]["file"]
                .as_str()
                .is_some_and(|path| path.ends_with(file))
                && line.map_or(true, |line| diagnostic["pos"]["line"] == line)
        })
    };
    assert!(
        named("records.jsonl", Some(2)),
        "truncated line: {diagnostics:#?}"
    );
    assert!(
        named("records.jsonl", Some(3)),
        "missing id: {diagnostics:#?}"
    );
    assert!(
        named("records.jsonl", Some(4)),
        "duplicate id: {diagnostics:#?}"
    );
    assert!(
        named("records.jsonl", Some(5)),
        "not an object: {diagnostics:#?}"
    );
    assert!(named("blob.bin", None), "binary file: {diagnostics:#?}");
    assert!(named("latin1.txt", None), "invalid UTF-8: {diagnostics:#?}");
    assert!(named("empty.txt", None), "empty article: {diagnostics:#?}");
    // Found empty only by the cleaner, long after reading: still named by file and line.
    assert!(
        diagnostics
            .iter()
            .any(|diagnostic| diagnostic["code"] == "empty_article"
                && diagnostic["pos"]["line"] == 7
                && diagnostic["pos"]["file"]
                    .as_str()
                    .is_some_and(|path| path.ends_with("records.jsonl"))),
        "empty after cleaning: {diagnostics:#?}"
    );
    assert!(
        stderr.contains("records.jsonl:2"),
        "diagnostics on stderr name file:line:\n{stderr}"
    );
}

#[test]
fn huge_article_is_truncated_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("huge.txt");
    let paragraph = "The council met again on Monday to discuss the new budget for the harbour.\n";
    let text = paragraph.repeat(100 * 1024 * 1024 / paragraph.len());
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("out");
    run_ok(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let articles = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(articles.len(), 1);
    let diagnostics = read_jsonl(&out.join("diagnostics.jsonl"));
    assert!(diagnostics
        .iter()
        .any(|diagnostic| diagnostic["pos"]["file"]
            .as_str()
            .unwrap()
            .ends_with("huge.txt")));
}

#[test]
fn stdin_input_and_same_bytes_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = Vec::new();
    storyline_bench_corpus(&mut corpus);
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.path().join(format!("out{threads}"));
        let mut child = storyline()
            .args([
                "run",
                "-",
                "--out",
                out.to_str().unwrap(),
                "-j",
                threads,
                "--quiet",
            ])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&corpus).unwrap();
        }
        assert!(child.wait().unwrap().success());
        outputs.push(out);
    }
    for file in ["articles.jsonl", "copies.jsonl", "stories.jsonl"] {
        let one = std::fs::read(outputs[0].join(file)).unwrap();
        let two = std::fs::read(outputs[1].join(file)).unwrap();
        assert!(one == two, "{file} differs between -j1 and -j2");
    }
    assert_eq!(read_jsonl(&outputs[0].join("articles.jsonl")).len(), 300);
}

/// 300 small articles: 60 events, five reports each, some copied.
fn storyline_bench_corpus(out: &mut Vec<u8>) {
    for idx in 0..300 {
        let event = idx / 5;
        let text = if idx % 7 == 0 && idx > 0 {
            format!("Report on event {}: the mayor of town{event} opened bridge number {event}. Officials said {} people attended.", event, event * 13)
        } else {
            format!(
                "Event {event} report {idx}: the mayor of town{event} opened bridge number {event}. Officials said {} people attended. Reporter {idx} wrote this.",
                event * 13
            )
        };
        let record =
            serde_json::json!({"id": format!("d{idx}"), "text": text, "date": "2024-06-18"});
        out.extend_from_slice(record.to_string().as_bytes());
        out.push(b'\n');
    }
}

#[test]
fn eval_scores_against_a_gold_field() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("gold.jsonl");
    let mut corpus = Vec::new();
    storyline_bench_corpus(&mut corpus);
    let with_gold: String = String::from_utf8(corpus)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(idx, line)| {
            let mut value: Value = serde_json::from_str(line).unwrap();
            value["gold"] = Value::from(idx / 5);
            format!("{value}\n")
        })
        .collect();
    std::fs::write(&input, with_gold).unwrap();
    let out = dir.path().join("out");
    let output = run_ok(&[
        "eval",
        "--gold",
        "gold",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("ARI"), "{stdout}");
    let scores: Value =
        serde_json::from_slice(&std::fs::read(out.join("eval.json")).unwrap()).unwrap();
    assert_eq!(scores["n_items"], 300);
    assert!(scores["ari"].as_f64().is_some());
}

/// Plain machine rewrites of eight ECB+ articles (`tests/data/rewrites/plain`), written for
/// this test by a language model asked for a content farm's paraphrase: same facts in the
/// same order, about half the words kept, some quotes turned into reported speech or split
/// in two, three trimmed to 75–80% and one condensed to 44%. No filler, no dateline and no
/// dates: only the texts (and their quote marks) can tell the copy. A rewrite may
/// be missed (the condensed one and one trimmed one are, today: the alignment covers 85% and
/// 71% of their sentences), but one that is found must name its original.
#[test]
fn plain_rewrites_name_their_originals() {
    let ecb = ecb_texts();
    let rewrites = repo_root().join("crates/storyline/tests/data/rewrites/plain");
    let mut ids: Vec<String> = std::fs::read_dir(&rewrites)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            path.file_stem().unwrap().to_str().unwrap().to_owned()
        })
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 8);
    let mut lines = String::new();
    for id in &ids {
        let rewrite = std::fs::read_to_string(rewrites.join(format!("{id}.txt"))).unwrap();
        for (article, text) in [
            (format!("rw_{id}"), rewrite.as_str()),
            (id.clone(), &ecb[id]),
        ] {
            let record = serde_json::json!({ "id": article, "text": text });
            lines.push_str(&format!("{record}\n"));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rewrites.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = dir.path().join("out");
    run_into(&input, &out);

    let copies = read_jsonl(&out.join("copies.jsonl"));
    let edges = copy_edges(&copies);
    for &(copy, original, kind) in &edges {
        assert_eq!(
            (copy, kind),
            (format!("rw_{original}").as_str(), "rewrite"),
            "{edges:?}"
        );
    }
    assert!(edges.len() >= 6, "{edges:?}");
}

/// The seed-like probe sets of `bench/probes` (four independent ECB+ reports of one event
/// with site boilerplate, a hand-written machine rewrite of one, a body printed twice):
/// every set's rewrite is found with its original and no other edge is printed, its doubled
/// body is kept once and it comes out as one story, but for the sets named below; and a
/// floor holds on the lines of boilerplate, filler and pasted stories left in the cleaned
/// texts. ho11–ho20 were built
/// alongside the rules; ho21–ho146 were built blind by separate sessions (ho21–ho38's
/// rewrites are looser: words Jaccard 0.25–0.50 against the seeds' 0.59; ho39–ho146's follow
/// the seeds' closeness), each batch of nine first run before any rule was written for it.
#[test]
fn seed_like_probe_sets() {
    let probes = repo_root().join("bench/probes");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(probes.join("expected.json")).unwrap())
            .unwrap();
    let sets = expected.as_object().unwrap();
    assert_eq!(sets.len(), 136);
    // The loosest rewrites of the blind sets (content Jaccard 0.24–0.37, under half of one
    // side's sentences aligned, or their order broken), ho46's, ho52's, ho64's and ho65's
    // reports of one to three sentences, and ho81's (every report one sentence, the rewrite
    // two), ho82's, and ho97's, ho113's and ho116's (rewrites of one to three sentences:
    // every report of those events is that short), ho124's (its pages' comments and
    // sidebars leave the alignment 0.46 of one side and 0.58 of its span) and ho133's (0.24
    // of one side: a neighbourhood app's post among its replies), and the fourteenth blind
    // batch's ho138, ho139 and ho143 (first run at the end of the session that built it,
    // not yet studied; ho143's reports are one to four sentences): no edge is printed for
    // them.
    const MISSED_REWRITES: [&str; 20] = [
        "ho24", "ho27", "ho34", "ho36", "ho37", "ho38", "ho46", "ho52", "ho64", "ho65", "ho81",
        "ho82", "ho97", "ho113", "ho116", "ho124", "ho133", "ho138", "ho139", "ho143",
    ];
    // ho66's two "independent" reports are AP's story (00) and the New York Times' edit of it
    // (01; ECB+ 8_2ecb and 8_1ecb: the same sentences in the same order, lightly reworded).
    // The engine calls AP's a rewrite of the NYT's, the wrong way round, and the set's
    // rewrite (of AP's) then joins the NYT's too: a known error, pinned here as ho32's is.
    const ANOTHER_FAMILY: [(&str, &str); 1] = [("ho66", "01_kingstonwhig_blast")];
    // ho32's rewrite is named the wrong way round: the specifics count 140 against 138,
    // and no other clue tells; so is ho142's (not yet studied).
    const REVERSED_REWRITES: [&str; 2] = ["ho32", "ho142"];
    // ho12: a report of the same cable cut from another country stands apart; ho50: a coach's
    // firing told by two outlets apart from three others (since a headline the text opens
    // with counts once more rather than twice); ho122 and ho124 (the twelfth blind batch,
    // whose pages keep the most furniture: a radio page's two sentences under its programme
    // links, a transcript among listeners' comments) split in two; so do the fourteenth
    // batch's ho142 (two opinion posts that only mention the fire), ho143 (reports of one to
    // four sentences), ho145 (reports from an arrest to a verdict 18 months later) and ho146
    // (an August outage among reports of an October one, as ECB+'s gold has them).
    const SPLIT_STORIES: [&str; 8] = [
        "ho12", "ho50", "ho122", "ho124", "ho142", "ho143", "ho145", "ho146",
    ];
    // ho46's and ho64's reports are one paragraph each: a body of one paragraph printed
    // twice with an edit is no block the repeat rules take (it could be a quote given twice).
    const BODIES_KEPT_TWICE: [&str; 2] = ["ho46", "ho64"];
    let (mut n_left, mut n_boilerplate) = (0, 0);
    for (name, answer) in sets {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        run_into(&probes.join("sets").join(name), &out);
        let copies = read_jsonl(&out.join("copies.jsonl"));
        let rewrite = &answer["rewrite"];
        let edges = copy_edges(&copies);
        let wanted = (
            rewrite["copy"].as_str().unwrap(),
            rewrite["original"].as_str().unwrap(),
            "rewrite",
        );
        let expected_edges = if MISSED_REWRITES.contains(&name.as_str()) {
            vec![]
        } else if let Some(&(_, original)) =
            ANOTHER_FAMILY.iter().find(|(set, _)| *set == name.as_str())
        {
            vec![
                (wanted.1, original, "rewrite"),
                (wanted.0, original, "rewrite"),
            ]
        } else if REVERSED_REWRITES.contains(&name.as_str()) {
            vec![(wanted.1, wanted.0, wanted.2)]
        } else {
            vec![wanted]
        };
        assert_eq!(edges, expected_edges, "{name}");
        let doubled = answer["doubled_body"].as_str().unwrap();
        let articles = read_jsonl(&out.join("articles.jsonl"));
        let text = articles
            .iter()
            .find(|article| article["id"] == doubled)
            .and_then(|article| article["text"].as_str())
            .unwrap();
        let paragraphs: Vec<&str> = text
            .lines()
            .filter(|line| line.split_whitespace().count() >= 8)
            .collect();
        let distinct: std::collections::HashSet<&str> = paragraphs.iter().copied().collect();
        assert_eq!(
            distinct.len() == paragraphs.len(),
            !BODIES_KEPT_TWICE.contains(&name.as_str()),
            "{name}: {doubled}"
        );
        let stories = read_jsonl(&out.join("stories.jsonl"));
        assert_eq!(
            stories.len() == 1,
            !SPLIT_STORIES.contains(&name.as_str()),
            "{name}: {} stories",
            stories.len()
        );
        // The site boilerplate, filler and pasted lines each report was given.
        for (id, lines) in answer["boilerplate"].as_object().unwrap() {
            let text = articles
                .iter()
                .find(|article| article["id"] == id.as_str())
                .and_then(|article| article["text"].as_str())
                .unwrap();
            // Lines compare with their spaces normalised on both sides: a menu printed with
            // runs of spaces between its items is kept with single ones.
            let normalised = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
            let kept: std::collections::HashSet<String> = text.lines().map(normalised).collect();
            for line in lines.as_array().unwrap() {
                n_boilerplate += 1;
                n_left += usize::from(kept.contains(&normalised(line.as_str().unwrap())));
            }
        }
    }
    // A floor against losing what the rules catch (see bench/probes/check.py for the lines
    // left).
    assert_eq!(n_boilerplate, 10087);
    assert!(
        n_left <= 1923,
        "{n_left} of {n_boilerplate} boilerplate lines left"
    );
}

/// Machine rewrites of four more ECB+ events (a coach fired, a pirate attack foiled, a
/// church fire, riots after a police shooting), written for this test in the styles such
/// rewrites take: a light paraphrase, a heavy one that merges and reorders sentences (7% of
/// word 5-grams shared), one under a false dateline with a section label, each ending in
/// template filler or a stock closing line. Each is dated two days before the report it
/// rewrites, which quotes no more than it and names fewer specifics in one case: only the
/// template filler tells the copy. With three more reports of each event, one printed twice
/// with its paragraphs merged into longer lines, one with a menu line, a publication stamp
/// and a wire credit, all twenty in one run.
#[test]
fn rewrites_of_four_more_events_with_their_originals() {
    let ecb = ecb_texts();
    let events = [
        ("5_1ecb", ["5_2ecb", "5_3ecb", "5_6ecb"]),
        ("12_2ecb", ["12_1ecb", "12_3ecb", "12_6ecb"]),
        ("13_1ecb", ["13_2ecb", "13_3ecb", "13_4ecb"]),
        ("19_1ecb", ["19_2ecb", "19_4ecb", "19_5ecb"]),
    ];
    let rewrites = repo_root().join("crates/storyline/tests/data/rewrites");
    let mut lines = String::new();
    let mut record = |id: &str, date: &str, text: &str| {
        let record = serde_json::json!({ "id": id, "date": date, "text": text });
        lines.push_str(&format!("{record}\n"));
    };
    for (original, others) in &events {
        let rewrite = std::fs::read_to_string(rewrites.join(format!("{original}.txt"))).unwrap();
        record(&format!("rw_{original}"), "2024-03-01", &rewrite);
        record(original, "2024-03-03", &ecb[*original]);
        let doubled = {
            let paragraphs: Vec<&str> = ecb[others[0]].lines().collect();
            let merged: Vec<String> = paragraphs.chunks(2).map(|pair| pair.join(" ")).collect();
            format!("{}\n{}", paragraphs.join("\n"), merged.join("\n"))
        };
        record(others[0], "2024-03-03", &doubled);
        let furnished = format!(
            "Home | News | World | Crime\nPublished: 14:32 GMT, 3 March 2024 | Updated: 16:05 \
             GMT, 3 March 2024\n{}\nReporting by Jane Doe; Editing by John Roe",
            ecb[others[1]]
        );
        record(others[1], "2024-03-03", &furnished);
        record(others[2], "2024-03-04", &ecb[others[2]]);
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("events.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = dir.path().join("out");
    run_into(&input, &out);

    let stories = story_members(&out);
    assert_eq!(stories.len(), 4, "{stories:?}");
    for (original, others) in &events {
        let mut expected = vec![format!("rw_{original}"), (*original).to_owned()];
        expected.extend(others.iter().map(|id| (*id).to_owned()));
        assert!(stories.contains(&expected), "{expected:?} in {stories:?}");
    }
    let copies = read_jsonl(&out.join("copies.jsonl"));
    let edges = copy_edges(&copies);
    let expected: Vec<(String, &str, &str)> = events
        .iter()
        .map(|(original, _)| (format!("rw_{original}"), *original, "rewrite"))
        .collect();
    let expected: Vec<(&str, &str, &str)> = expected
        .iter()
        .map(|(copy, original, kind)| (copy.as_str(), *original, *kind))
        .collect();
    assert_eq!(edges, expected);

    let articles = read_jsonl(&out.join("articles.jsonl"));
    for (_, others) in &events {
        let text = by_id(&articles, others[0])["text"].as_str().unwrap();
        let first_line = ecb[others[0]].lines().next().unwrap().trim();
        assert_eq!(
            text.matches(first_line).count(),
            1,
            "{} holds its body once",
            others[0]
        );
    }
    assert_cleaned_of(
        &articles,
        &[
            "Home | News",
            "Published: 14:32",
            "Reporting by Jane Doe",
            "long established fact",
            "Lorem ipsum",
            "MARCH 3, 2007",
            "World News",
        ],
    );
}

/// `text` as a publisher's page sets it: curly quotes and apostrophes.
fn typeset(text: &str) -> String {
    let mut open = false;
    let mut previous = ' ';
    text.chars()
        .map(|c| {
            let set = match c {
                '"' => {
                    open = !open;
                    if open {
                        '“'
                    } else {
                        '”'
                    }
                }
                '\'' if previous.is_alphanumeric() => '’',
                '\'' => '‘',
                other => other,
            };
            previous = c;
            set
        })
        .collect()
}

#[test]
fn rewrites_with_no_filler_and_no_dates_against_typeset_originals() {
    // The four rewrites with nothing a cleaner removes (no dateline, section label or
    // filler: only their lines of 12 words or more, none of them template text), each in
    // the directory before its original, as text files without dates. The originals are
    // set as a news site prints them. Some rewrites name more people and numbers than
    // their original (the riots one: 32 against 26), so the specifics alone chose the
    // rewrite; the sentences the rewrite dropped and its plain quote marks now tell.
    let ecb = ecb_texts();
    let rewrites = repo_root().join("crates/storyline/tests/data/rewrites");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles");
    std::fs::create_dir(&input).unwrap();
    let events = ["5_1ecb", "12_2ecb", "13_1ecb", "19_1ecb"];
    for event in events {
        let rewrite = std::fs::read_to_string(rewrites.join(format!("{event}.txt"))).unwrap();
        let body: Vec<&str> = rewrite
            .lines()
            .filter(|line| line.split_whitespace().count() >= 12)
            .filter(|line| !line.starts_with("Lorem") && !line.starts_with("It is a long"))
            .filter(|line| !line.starts_with("In conclusion"))
            .collect();
        let write = |name: String, text: &str| std::fs::write(input.join(name), text).unwrap();
        write(format!("{event}_a.txt"), &body.join("\n\n"));
        write(format!("{event}_b.txt"), &typeset(&ecb[event]));
    }
    let out = dir.path().join("out");
    run_into(&input, &out);

    let copies = read_jsonl(&out.join("copies.jsonl"));
    let edges = copy_edges(&copies);
    let names: Vec<(String, String)> = events
        .iter()
        .map(|event| (format!("{event}_a"), format!("{event}_b")))
        .collect();
    let mut expected: Vec<(&str, &str, &str)> = names
        .iter()
        .map(|(copy, original)| (copy.as_str(), original.as_str(), "rewrite"))
        .collect();
    // Edges come in the order of their copies, files by name.
    expected.sort_unstable();
    assert_eq!(edges, expected);
    let reasons = copies
        .iter()
        .map(|copy| copy["evidence"]["origin"].to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(reasons.contains("quote marks are typeset"), "{reasons}");
    assert!(reasons.contains("original is the fuller text"), "{reasons}");
}
