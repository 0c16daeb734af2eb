//! Fuzz tests: extraction never panics, whatever the bytes (random data, mangled HTML, deep
//! nesting, cut-off pages). Inputs come from proptest; nothing is asserted about the output.

use proptest::prelude::*;
use storyline_extract::{extract, ExtractConfig};

const TEMPLATE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Storm hits coast | Daily Example</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm","datePublished":"2024-06-18","author":{"name":"Ann Lee"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>
<p class="byline">By Ann Lee, June 18, 2024</p>
<p>A storm hit the coast on Tuesday, cutting power to thousands of homes &amp; closing roads.</p>
<ul><li>One</li><li>Two &#8212; three</li></ul><table><tr><td>a<td>b</table>
<p>Crews worked through the night.<br>Most homes had power again by Wednesday.</p>
</article><div class="comments"><p>First!</p></div><footer>&copy; Daily Example</footer></body></html>"#;

fn run(bytes: &[u8]) {
    let config = ExtractConfig::default();
    let _ = extract(
        bytes,
        None,
        Some("https://example.com/2024/06/18/storm"),
        &config,
    );
    let _ = extract(bytes, Some("windows-1252"), None, &config);
}

proptest! {
    // Few cases per run keep debug-build CI fast; proptest varies the inputs from run to run.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_do_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        run(&bytes);
    }

    #[test]
    fn mangled_html_does_not_panic(
        cut in 0usize..TEMPLATE.len(),
        insert_at in 0usize..TEMPLATE.len(),
        insert in "[<>/=\"'&#;a-z!\\- \u{e9}\u{2014}]{0,40}",
        drop_len in 0usize..200,
    ) {
        let mut page = TEMPLATE.as_bytes().to_vec();
        let insert_at = insert_at.min(page.len());
        page.splice(insert_at..insert_at, insert.bytes());
        let drop_end = (cut + drop_len).min(page.len());
        if cut < drop_end {
            page.drain(cut..drop_end);
        }
        run(&page);
        run(&page[..cut.min(page.len())]);
    }

    #[test]
    fn tag_soup_does_not_panic(parts in proptest::collection::vec(
        prop_oneof![
            Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<li>"), Just("<table>"),
            Just("<td>"), Just("<script>"), Just("</script>"), Just("<!--"), Just("-->"),
            Just("<a href='x'>"), Just("</a>"), Just("text with words, "), Just("&amp"), Just("&#x"),
            Just("<br/>"), Just("<h1>"), Just("</h1>"), Just("<time datetime='2024-06-18'>"),
            Just("\u{c3}\u{a2}\u{e2}\u{82}\u{ac}"), Just("<body>"), Just("</html>"),
        ],
        0..200,
    )) {
        run(parts.concat().as_bytes());
    }
}

#[test]
fn deep_nesting_and_large_pages_do_not_panic() {
    let deep = format!("{}<p>{}</p>", "<div>".repeat(20_000), "word ".repeat(100));
    run(deep.as_bytes());
    let unclosed = "<p><b><i><span>".repeat(5_000);
    run(unclosed.as_bytes());
    let config = ExtractConfig {
        max_input_bytes: 256 * 1024,
        ..ExtractConfig::default()
    };
    let big = format!(
        "<html><body>{}</body></html>",
        "<p>Some words in a paragraph, again.</p>".repeat(20_000)
    );
    let page = extract(big.as_bytes(), None, None, &config).expect("article from a cut page");
    assert!(page.text.len() < big.len());
}
