//! The static HTML report: a run directory in, a self-contained site out.
//!
//! [`write_report`] reads `articles.jsonl`, `copies.jsonl` and `stories.jsonl` from a run
//! directory ([`ArticleRecord`], [`CopyRecord`], [`StoryRecord`]) and writes `index.html`
//! (every story, largest and newest first, with a search box that filters as you type and
//! honours `#q=word` / `?q=word`) and `story/<n>.html` per story (see `story_page`). Pages
//! carry their CSS and the one small script inline: the site works offline from `file://`.

pub(crate) mod html;
mod story_page;

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;
use storyline_core::output::{ArticleRecord, CopyRecord};

use crate::error::{Error, Result};
use crate::StoryRecord;
use html::{count, escape, page_end, page_start};

/// What [`write_report`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// Number of stories (one page each).
    pub stories: usize,
    /// Number of articles read.
    pub articles: usize,
    /// Number of copy edges read.
    pub copies: usize,
    /// Path of the index page.
    pub index: PathBuf,
}

/// Reads one JSON record per non-blank line.
pub(crate) fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let file = fs::File::open(path).map_err(Error::io(path))?;
    let mut records = Vec::new();
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(Error::io(path))?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|source| Error::Record {
            path: path.to_owned(),
            line: index + 1,
            source,
        })?;
        records.push(record);
    }
    Ok(records)
}

/// Writes the HTML report of the run in `run_dir` into `report_dir` (created if needed).
/// A missing `copies.jsonl` reads as no copies.
pub fn write_report(run_dir: &Path, report_dir: &Path) -> Result<ReportSummary> {
    let articles: Vec<ArticleRecord> = read_jsonl(&run_dir.join("articles.jsonl"))?;
    let copies_path = run_dir.join("copies.jsonl");
    let copies: Vec<CopyRecord> = if copies_path.exists() {
        read_jsonl(&copies_path)?
    } else {
        Vec::new()
    };
    let mut stories: Vec<StoryRecord> = read_jsonl(&run_dir.join("stories.jsonl"))?;

    let story_dir = report_dir.join("story");
    fs::create_dir_all(&story_dir).map_err(Error::io(&story_dir))?;

    let article_by_id: FxHashMap<&str, &ArticleRecord> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut copies_by_copy: FxHashMap<&str, Vec<&CopyRecord>> = FxHashMap::default();
    for copy in &copies {
        copies_by_copy
            .entry(copy.copy.as_str())
            .or_default()
            .push(copy);
    }
    for story in &stories {
        let page = story_page::render(story, &article_by_id, &copies_by_copy);
        let path = story_dir.join(format!("{}.html", story.story));
        fs::write(&path, page).map_err(Error::io(&path))?;
    }

    // Largest first, then newest (latest date), then story number for a stable order.
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| newest_key(b).cmp(&newest_key(a)))
            .then_with(|| a.story.cmp(&b.story))
    });
    let index = render_index(&stories, articles.len(), copies.len());
    let index_path = report_dir.join("index.html");
    fs::write(&index_path, index).map_err(Error::io(&index_path))?;
    Ok(ReportSummary {
        stories: stories.len(),
        articles: articles.len(),
        copies: copies.len(),
        index: index_path,
    })
}

/// Sort key for "newest": the story's last date, normalised to its `YYYY-MM-DD` prefix.
fn newest_key(story: &StoryRecord) -> String {
    let date = story
        .digest
        .last_seen
        .as_deref()
        .or(story.digest.first_seen.as_deref())
        .unwrap_or("");
    crate::dates::parse_any_date(date)
        .map(|(day, _)| crate::dates::DateValue::Full(day).to_string())
        .unwrap_or_default()
}

/// The headline to show for a story: its digest headline, else "Story n".
pub(crate) fn story_title(story: &StoryRecord) -> String {
    story
        .digest
        .headline
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map_or_else(|| format!("Story {}", story.story), str::to_owned)
}

/// Date span of a story for people: "2024-06-18", "2024-06-18 – 2024-06-19" or nothing.
pub(crate) fn date_span(story: &StoryRecord) -> Option<String> {
    let short = |date: &str| {
        date.get(..10)
            .filter(|_| date.is_char_boundary(10))
            .unwrap_or(date)
            .to_owned()
    };
    match (
        story.digest.first_seen.as_deref(),
        story.digest.last_seen.as_deref(),
    ) {
        (Some(first), Some(last)) if short(first) != short(last) => {
            Some(format!("{} – {}", short(first), short(last)))
        }
        (Some(date), _) | (None, Some(date)) => Some(short(date)),
        (None, None) => None,
    }
}

const SEARCH_SCRIPT: &str = r#"(function () {
  var input = document.getElementById('q');
  var items = Array.prototype.slice.call(document.querySelectorAll('#stories > li'));
  var counter = document.getElementById('count');
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute('data-search') || '';
      var match = words.every(function (word) { return text.indexOf(word) >= 0; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    counter.textContent = 'Showing ' + shown + ' of ' + items.length + ' stories';
  }
  function fromAddress() {
    var found = /[#&?]q=([^&]*)/.exec(location.hash) || /[?&]q=([^&]*)/.exec(location.search);
    if (found) {
      try { input.value = decodeURIComponent(found[1].replace(/\+/g, ' ')); } catch (e) { input.value = found[1]; }
      input.setAttribute('value', input.value);
    }
  }
  fromAddress();
  apply();
  input.addEventListener('input', apply);
  window.addEventListener('hashchange', function () { fromAddress(); apply(); });
})();
"#;

fn render_index(stories: &[StoryRecord], n_articles: usize, n_copies: usize) -> String {
    let mut out = String::with_capacity(4096 + stories.len() * 400);
    page_start(&mut out, "Stories — storyline report", "stories");
    let _ = write!(
        out,
        "<header>\n<h1>Stories</h1>\n<p class=\"meta\">{} from {}, {} found.</p>\n</header>\n<main>\n",
        count("story", stories.len()),
        count("article", n_articles),
        count("copy", n_copies)
    );
    let _ = write!(
        out,
        "<form class=\"search\" role=\"search\" action=\"\" onsubmit=\"return false\">\n\
         <label for=\"q\">Search stories by word</label>\n\
         <input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"e.g. a name or place\">\n\
         <p id=\"count\" class=\"meta\" aria-live=\"polite\">Showing {n} of {n} stories</p>\n</form>\n\
         <ol id=\"stories\" class=\"stories\">\n",
        n = stories.len()
    );
    for story in stories {
        let title = story_title(story);
        let mut search = title.to_lowercase();
        for entity in &story.digest.entities {
            for variant in &entity.variants {
                search.push(' ');
                search.push_str(&variant.to_lowercase());
            }
        }
        for source in &story.digest.sources {
            search.push(' ');
            search.push_str(&source.source.to_lowercase());
        }
        for sentence in &story.digest.summary {
            search.push(' ');
            search.push_str(&sentence.text.to_lowercase());
        }
        let mut meta = vec![
            count("article", story.articles.len()),
            count("source", story.digest.sources.len()),
        ];
        let n_copies: usize = story.digest.families.iter().map(|f| f.copies.len()).sum();
        if n_copies > 0 {
            meta.push(count("copy", n_copies));
        }
        if let Some(span) = date_span(story) {
            meta.push(span);
        }
        let people: Vec<&str> = story
            .digest
            .entities
            .iter()
            .take(5)
            .map(|e| e.name.as_str())
            .collect();
        let _ = write!(
            out,
            "<li data-search=\"{}\"><a href=\"story/{}.html\">{}</a>\n<p class=\"meta\">{}</p>",
            escape(&search),
            story.story,
            escape(&title),
            escape(&meta.join(" · "))
        );
        if !people.is_empty() {
            let _ = write!(out, "<p class=\"meta\">{}</p>", escape(&people.join(", ")));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</main>\n<script>\n");
    out.push_str(SEARCH_SCRIPT);
    out.push_str("</script>\n");
    page_end(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Digest;

    fn story(number: u32, headline: &str, n: usize, last_seen: Option<&str>) -> StoryRecord {
        StoryRecord {
            story: number,
            articles: (0..n).map(|i| format!("{number}-{i}")).collect(),
            digest: Digest {
                headline: Some(headline.to_owned()),
                last_seen: last_seen.map(str::to_owned),
                ..Digest::default()
            },
        }
    }

    /// Renders an index of `stories` and checks the order of the story links.
    fn check(stories: Vec<StoryRecord>, expected: &[&str]) {
        let mut stories = stories;
        stories.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| newest_key(b).cmp(&newest_key(a)))
                .then_with(|| a.story.cmp(&b.story))
        });
        let page = render_index(&stories, 0, 0);
        let links: Vec<&str> = page
            .split("<a href=\"story/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(links, expected);
    }

    #[test]
    fn largest_then_newest_first() {
        check(
            vec![
                story(0, "Old", 2, Some("2020-01-01")),
                story(1, "New", 2, Some("Tue, 18 Jun 2024 10:00:00 +0000")),
                story(2, "Big", 5, None),
            ],
            &["2.html", "1.html", "0.html"],
        );
    }

    #[test]
    fn index_escapes_titles() {
        let page = render_index(&[story(0, "<b>x</b> & \"y\"", 1, None)], 1, 0);
        assert!(page.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"));
        assert!(!page.contains("<b>x"));
    }
}
