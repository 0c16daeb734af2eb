//! `storyline show STORY`: print one story's digest from a finished run. (Placeholder
//! rendering until the digest crate's terminal renderer lands.)

use std::io::BufRead;

use anyhow::{Context, Result};

use crate::args::ShowArgs;

pub(crate) fn show(args: &ShowArgs) -> Result<()> {
    let path = args.out.join("stories.jsonl");
    let file =
        std::fs::File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        let value: serde_json::Value = serde_json::from_str(&line)?;
        if value.get("story").and_then(serde_json::Value::as_u64) == Some(u64::from(args.story)) {
            println!("{}", serde_json::to_string_pretty(&value)?);
            return Ok(());
        }
    }
    anyhow::bail!("no story {} in {}", args.story, path.display())
}
