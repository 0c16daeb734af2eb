//! The generated corpus as a crawl: a `.warc.gz` (WARC/1.1, one gzip member per record, as
//! Common Crawl writes them) with one HTML `response` per article, a `request` before each,
//! and, to make the archive as large as a real one without more articles, a binary payload
//! (an "image") after each page, which storyline must skip.
//!
//! Used by `storyline-gen N SEED --warc [--padding-kb K]` for the streaming-memory benchmark.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::words::Rng;
use crate::{Article, CorpusSpec};

/// What to generate: the articles, and the binary payload written after each page.
#[derive(Debug, Clone, Copy)]
pub struct WarcSpec {
    pub corpus: CorpusSpec,
    /// Kilobytes of incompressible `image/jpeg` payload after each page (0: none).
    pub padding_kb: usize,
}

impl WarcSpec {
    /// Writes the whole archive, gzip member by member.
    pub fn write_warc_gz(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut rng = Rng::new(self.corpus.seed ^ 0x5741_5243);
        let mut padding = vec![0u8; self.padding_kb * 1024];
        let mut n_records = 0u64;
        self.corpus.for_each_article(|article| {
            let request = format!(
                "GET /news/{} HTTP/1.1\r\nHost: {}\r\nUser-Agent: storyline-gen\r\n\r\n",
                article.id, article.source
            );
            write_record(out, "request", &article.url, &article.date, n_records, request.as_bytes())?;
            n_records += 1;
            let page = html_page(article);
            let mut http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                page.len()
            )
            .into_bytes();
            http.extend_from_slice(page.as_bytes());
            write_record(out, "response", &article.url, &article.date, n_records, &http)?;
            n_records += 1;
            if !padding.is_empty() {
                for chunk in padding.chunks_mut(8) {
                    let random = rng.next().to_le_bytes();
                    chunk.copy_from_slice(&random[..chunk.len()]);
                }
                let mut http = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\n\r\n",
                    padding.len()
                )
                .into_bytes();
                http.extend_from_slice(&padding);
                let image_url = format!("{}/photo.jpg", article.url);
                write_record(out, "response", &image_url, &article.date, n_records, &http)?;
                n_records += 1;
            }
            Ok(())
        })
    }
}

fn write_record(
    out: &mut impl Write,
    warc_type: &str,
    uri: &str,
    day: &str,
    n: u64,
    block: &[u8],
) -> std::io::Result<()> {
    let mut member = GzEncoder::new(
        Vec::with_capacity(block.len() / 2 + 512),
        Compression::fast(),
    );
    write!(
        member,
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012x}>\r\n\
         WARC-Date: {day}T08:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={warc_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )?;
    member.write_all(block)?;
    member.write_all(b"\r\n\r\n")?;
    out.write_all(&member.finish()?)
}

/// A news page around the article: head metadata, navigation, the article, a related-links
/// block and a footer of the site's furniture lines.
fn html_page(article: &Article<'_>) -> String {
    let mut page = String::with_capacity(article.body.len() * 2 + 2048);
    let title = escape(article.title);
    page.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    page.push_str(&format!(
        "<title>{title} | {source}</title><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:site_name\" content=\"{source}\">\
         <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">\
         <link rel=\"canonical\" href=\"{url}\"></head>\n<body><header><nav><ul>\
         <li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>\
         </ul></nav></header>\n<main><article><h1>{title}</h1>\
         <p class=\"byline\">By Staff Reporter · <time datetime=\"{date}\">{date}</time></p>\n",
        source = article.source,
        date = article.date,
        url = article.url,
    ));
    for paragraph in article.body.lines() {
        page.push_str("<p>");
        page.push_str(&escape(paragraph));
        page.push_str("</p>\n");
    }
    page.push_str(
        "</article><aside class=\"related\"><h2>Related stories</h2><ul>\
         <li><a href=\"/a\">More from this section</a></li><li><a href=\"/b\">Most read today</a></li>\
         </ul></aside></main>\n<footer>",
    );
    for line in article.furniture {
        page.push_str("<p>");
        page.push_str(&escape(line));
        page.push_str("</p>");
    }
    page.push_str("</footer></body></html>\n");
    page
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_becomes_a_gzip_member_response_with_its_page() {
        let spec = WarcSpec {
            corpus: CorpusSpec {
                n_articles: 3,
                seed: 1,
            },
            padding_kb: 1,
        };
        let mut bytes = Vec::new();
        spec.write_warc_gz(&mut bytes).unwrap();
        let mut decoder = flate2::read::MultiGzDecoder::new(&bytes[..]);
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut decoder, &mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert_eq!(text.matches("WARC/1.1\r\n").count(), 9);
        assert_eq!(text.matches("Content-Type: text/html").count(), 3);
        assert_eq!(text.matches("<h1>").count(), 3);
        assert_eq!(text.matches("Content-Type: image/jpeg").count(), 3);
    }
}
