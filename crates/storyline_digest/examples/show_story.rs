//! Prints one story of a run directory as `storyline show` would:
//! `show_story RUN_DIR STORY`.

// A command-line tool prints the story.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

use anyhow::Context as _;
use storyline_core::output::ArticleRecord;
use storyline_digest::StoryRecord;

fn read_lines<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> anyhow::Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).with_context(|| format!("a record of {}", path.display()))
        })
        .collect()
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let (Some(run_dir), Some(story)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: show_story RUN_DIR STORY");
    };
    let run_dir = PathBuf::from(run_dir);
    let number: u32 = story
        .to_string_lossy()
        .parse()
        .context("STORY is a story number")?;
    let stories: Vec<StoryRecord> = read_lines(&run_dir.join("stories.jsonl"))?;
    let articles: Vec<ArticleRecord> = read_lines(&run_dir.join("articles.jsonl"))?;
    let story = stories
        .iter()
        .find(|s| s.story == number)
        .with_context(|| format!("no story {number}"))?;
    print!("{}", storyline_digest::show::render_story(story, &articles));
    Ok(())
}
