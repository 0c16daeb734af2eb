//! `storyline show STORY`: print one story's digest from a finished run, in plain text.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};
use storyline_core::output::ArticleRecord;
use storyline_digest::StoryRecord;

use crate::args::ShowArgs;

pub(crate) fn show(args: &ShowArgs) -> Result<()> {
    let story = find_story(&args.out.join("stories.jsonl"), args.story)?;
    let articles = story_articles(&args.out.join("articles.jsonl"), args.story)?;
    let text = storyline_digest::show::render_story(&story, &articles);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn find_story(path: &Path, story: u32) -> Result<StoryRecord> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    for (line_idx, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        let record: StoryRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a story record", path.display(), line_idx + 1))?;
        if record.story == story {
            return Ok(record);
        }
    }
    anyhow::bail!("no story {story} in {}", path.display())
}

/// The story's articles, read by streaming `articles.jsonl` (never the whole file at once).
fn story_articles(path: &Path, story: u32) -> Result<Vec<ArticleRecord>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let needle = format!("\"story\":{story},");
    let mut articles = Vec::new();
    for (line_idx, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        // Cheap pre-filter: the writer puts `"story":N,` right after the id.
        if !line.contains(&needle) {
            continue;
        }
        let record: ArticleRecord = serde_json::from_str(&line).with_context(|| {
            format!("{}:{}: not an article record", path.display(), line_idx + 1)
        })?;
        if record.story == Some(story) {
            articles.push(record);
        }
    }
    Ok(articles)
}
