//! HTML building blocks of the report: escaping, the page shell and its stylesheet.
//!
//! Every piece of text that comes from articles or digests goes through [`escape`]; the
//! pages carry their CSS inline so the site works offline and from `file://`.

use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not valid in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Colours of the report. Every text colour is paired with the backgrounds it is used on;
/// `tests/browser/run.sh` checks each pair for a contrast of at least 4.5:1.
pub(crate) const STYLE: &str = r#":root{--fg:#1a1a1a;--bg:#ffffff;--muted:#4a5160;--link:#0b4f9c;--panel:#f2f4f7;--border:#6b7480;--focus:#b34700;--warn-fg:#7a2e00;--warn-bg:#fff4e5;--node-fg:#10243e;--node-bg:#e3edf9;--copy-bg:#fbe9e7}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:54rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--border);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
a{color:var(--link);text-underline-offset:2px}
a:focus-visible,input:focus-visible,summary:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:.5rem;background:var(--bg);color:var(--link);padding:.4rem .6rem;z-index:1}
.meta{color:var(--muted);font-size:.92rem;margin:.15rem 0}
.search label{display:block;font-weight:600;margin:.5rem 0 .25rem}
.search input{width:100%;font:inherit;padding:.55rem .7rem;border:2px solid var(--border);border-radius:6px;color:var(--fg);background:var(--bg)}
.stories{list-style:none;padding:0;margin:1rem 0}
.stories li{padding:.7rem 0;border-bottom:1px solid var(--panel)}
.stories a{font-size:1.08rem;font-weight:600}
.panel{background:var(--panel);color:var(--fg);border-radius:6px;padding:.6rem .9rem}
.warn{background:var(--warn-bg);color:var(--warn-fg);border-radius:6px;padding:.6rem .9rem}
.disagreements{list-style:none;padding:0}
.disagreements>li{margin:.5rem 0}
.copy-badge{background:var(--copy-bg);color:var(--warn-fg);border-radius:4px;padding:0 .3rem;font-size:.85rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--panel);vertical-align:top}
.num{text-align:right}
figure{margin:.5rem 0 1rem}
svg{max-width:100%;height:auto}
details{margin:.4rem 0}
summary{cursor:pointer;color:var(--link)}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);color:var(--fg);padding:.5rem;border-radius:4px;font-size:.85rem}
article.doc{border-top:1px solid var(--border);margin-top:1.5rem}
.text p{margin:.5rem 0;overflow-wrap:anywhere}
ul.tags{padding-left:1.2rem}
@media (max-width:480px){h1{font-size:1.35rem}body{font-size:15px}th,td{padding:.25rem}}
"#;

/// Writes the start of a page: doctype, head with title and inline style, skip link.
pub(crate) fn page_start(out: &mut String, title: &str, skip_target: &str) {
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#{skip_target}\">Skip to content</a>\n",
        escape(title)
    );
}

/// Closes a page.
pub(crate) fn page_end(out: &mut String) {
    out.push_str("<footer><p class=\"meta\">Made by storyline. Works offline; no scripts or fonts are loaded from elsewhere.</p></footer>\n</body>\n</html>\n");
}

/// Plural helper: `count("article", 2)` → "2 articles".
pub(crate) fn count(noun: &str, n: usize) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if noun.ends_with('y') && !noun.ends_with("ey") {
        format!("{n} {}ies", &noun[..noun.len() - 1])
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(escape(input), expected);
    }

    #[test]
    fn escapes_markup_and_quotes() {
        check(
            "<script>\"x\" & 'y'</script>",
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;",
        );
        check("plain é", "plain é");
    }

    #[test]
    fn plurals() {
        assert_eq!(count("story", 2), "2 stories");
        assert_eq!(count("copy", 1), "1 copy");
        assert_eq!(count("source", 3), "3 sources");
    }
}
