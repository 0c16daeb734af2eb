//! General line rules: site furniture, datelines and line shapes that need no corpus
//! statistics (template filler is in [`crate::filler`]).
//!
//! Each rule looks at one [`Line`] (from [`crate::text`]) and returns a short reason when the
//! line is furniture; [`crate::clean`] turns the reasons into `Removal`s. Phrase lists
//! are generic furniture seen across many sites, never text of particular articles. Rules on
//! phrases apply to short lines only, so a news sentence that happens to mention "subscribe" or
//! "newsletter" is never touched.

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::filler::may_hold_filler;
use crate::phrase_set::PhraseSet;
use crate::phrases::{
    CREDIT_PREFIXES, DATE_WORDS, FOREIGN_HEADINGS, FURNITURE_LINES, FURNITURE_PHRASES,
    FURNITURE_PREFIXES, LABEL_PREFIXES, MASTHEAD_WORDS, MAX_FURNITURE_LINE_WORDS,
    MAX_FURNITURE_WORDS, MAX_SHORT_CTA_WORDS, NATIVE_AD_PHRASES, NAV_ACTIONS, NAV_JOINERS,
    NAV_NOUNS, NAV_QUALIFIERS, NAV_TARGETS, SECTION_WORDS, SHORT_CTA_PHRASES, SOCIAL_WORDS,
    TIME_MARKERS, TIME_WORDS,
};
use crate::text::{has_double_space, Line};

/// Which lines of an article hold a furniture phrase (or start with a furniture prefix),
/// which hold a short call-to-action phrase and which a native ad's phrase. One regex scan over the whole folded article
/// replaces a regex call per line, whose fixed cost dominates on pages of many short lines.
#[derive(Debug, Default)]
pub(crate) struct PhraseHits {
    /// The article may hold filler (see [`may_hold_filler`]).
    holds_filler: bool,
    furniture: Vec<bool>,
    short_cta: Vec<bool>,
    native_ad: Vec<bool>,
}

impl PhraseHits {
    /// Scans the `lines` of an article; `folded_article` is their folded forms, each
    /// followed by a newline (as [`crate::text::split_lines`] gives them).
    pub(crate) fn scan(lines: &[Line], folded_article: &str) -> PhraseHits {
        // Phrase rules only judge short lines, so only those are scanned for phrases, and
        // the short call-to-action phrases only on the lines that rule judges.
        let judged_furniture = |line: &Line| line.n_words <= MAX_FURNITURE_WORDS;
        let judged_short_cta =
            |line: &Line| line.n_words <= MAX_SHORT_CTA_WORDS && !line.ends_with_period();
        let (furniture, short_cta, native_ad) = match line_phrase_set() {
            // One pass over each judged line answers all three lists.
            Some(phrases) => {
                let (mut furniture, mut short_cta, mut native_ad) = (
                    Vec::with_capacity(lines.len()),
                    Vec::with_capacity(lines.len()),
                    Vec::with_capacity(lines.len()),
                );
                for line in lines {
                    let as_furniture = u8::from(judged_furniture(line));
                    let wanted =
                        as_furniture | u8::from(judged_short_cta(line)) << 1 | as_furniture << 2;
                    let found = if wanted == 0 {
                        0
                    } else {
                        phrases.lists_found_in(line.folded, wanted)
                    };
                    furniture.push(found & 1 != 0);
                    short_cta.push(found & 2 != 0);
                    native_ad.push(found & 4 != 0);
                }
                (furniture, short_cta, native_ad)
            }
            None => (
                regex_hits(lines, furniture_phrase_regex(), judged_furniture),
                regex_hits(lines, short_cta_regex(), judged_short_cta),
                regex_hits(lines, native_ad_regex(), judged_furniture),
            ),
        };
        PhraseHits {
            holds_filler: may_hold_filler(folded_article),
            furniture,
            short_cta,
            native_ad,
        }
    }

    /// True when the article may hold filler (see [`may_hold_filler`]).
    pub(crate) fn may_hold_filler(&self) -> bool {
        self.holds_filler
    }
}

/// Which `lines` hold a match of `regex`, scanning only the lines `judged` selects (the
/// others are never asked about), joined by newlines so that one scan covers them all. Only
/// used if the phrase lists stop being plain words (see [`line_phrase_set`]).
fn regex_hits(lines: &[Line], regex: Option<&Regex>, judged: impl Fn(&Line) -> bool) -> Vec<bool> {
    let mut hits = vec![false; lines.len()];
    let Some(regex) = regex else {
        return hits;
    };
    let mut joined = String::new();
    // (start in `joined`, line index) of each line scanned.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if judged(line) {
            starts.push((joined.len(), index));
            joined.push_str(line.folded);
            joined.push('\n');
        }
    }
    for found in regex.find_iter(&joined) {
        let position = starts.partition_point(|&(start, _)| start <= found.start());
        if let Some(&(_, line)) = starts.get(position.saturating_sub(1)) {
            if let Some(hit) = hits.get_mut(line) {
                *hit = true;
            }
        }
    }
    hits
}

/// Why line `index` of `lines` is site furniture by general rules, if it is.
pub(crate) fn furniture_reason(
    lines: &[Line],
    index: usize,
    hits: &PhraseHits,
) -> Option<&'static str> {
    let line = lines.get(index)?;
    let has_furniture_phrase = hits.furniture.get(index).copied().unwrap_or(false);
    let has_short_cta_phrase = hits.short_cta.get(index).copied().unwrap_or(false);
    let has_native_ad_phrase = hits.native_ad.get(index).copied().unwrap_or(false);
    let folded = line.folded;
    if folded.is_empty() {
        // Only punctuation or symbols: separators like "***" or "|".
        return Some("line without words");
    }
    if line.n_words <= MAX_DISCLAIMER_WORDS && is_disclaimer(line) {
        return Some("disclaimer");
    }
    if line.n_words <= MAX_DISCLAIMER_WORDS {
        if let Some(reason) = site_notice_reason(line) {
            return Some(reason);
        }
        if line.n_words >= MIN_CONSENT_NOTICE_WORDS && is_consent_notice(folded) {
            return Some(COOKIE_NOTICE);
        }
        if is_newsletter_pitch(folded) {
            return Some("call to action or navigation line");
        }
        // A rights notice runs on past the furniture limit ("© 2005 United Press
        // International, Inc. All Rights Reserved. Any reproduction … is prohibited").
        // Two searches for one character each (a memchr): a search for either character
        // decodes every character of the line.
        if line.text.contains('©') || line.text.contains('ⓒ') || is_copyright_notice(line) {
            return Some("copyright line");
        }
    }
    // A ticker's figures count as words each ("9,015.10" is two): it may run past the
    // furniture limit.
    if line.n_words <= MAX_FIGURE_ROW_WORDS && is_figure_row(line) {
        return Some("row of market figures or times");
    }
    if line.n_words > MAX_FURNITURE_WORDS {
        return None;
    }
    if line.n_words <= MAX_FURNITURE_LINE_WORDS && furniture_lines().contains(folded) {
        return Some("navigation or site furniture line");
    }
    if line.n_words <= 10 && folded.split(' ').all(|word| social_words().contains(word)) {
        return Some("share or social network links");
    }
    if line.n_words <= MAX_MENU_WORDS {
        let has_separator = has_menu_separator(line.text);
        if is_menu_with(line, has_separator) {
            return Some("menu or breadcrumb line");
        }
        if has_separator && (is_furniture_link_row(line.text) || is_short_link_row(line.text)) {
            return Some("row of site links");
        }
        if is_labelled_menu_list(line.text) {
            return Some("menu or breadcrumb line");
        }
    }
    let near_an_end = index < SITE_NAME_LINES || index + SITE_NAME_LINES >= lines.len();
    if line.n_words <= 4 && near_an_end && is_domain_name(line.text) {
        return Some("site name");
    }
    if line.n_words <= MAX_COMMENT_COUNT_WORDS && is_comment_count(line) {
        return Some("comment count or comment prompt");
    }
    if line.n_words <= MAX_FURNITURE_LINE_WORDS {
        if let Some(words) = LineWords::of(folded) {
            // A count goes with a link in plain words ("Comments (14)"); a number among
            // other marks is code or data ("forward . 10.0.1.128").
            let plain = !words.has_number
                || line.text.bytes().all(|byte| {
                    byte.is_ascii_alphanumeric() || matches!(byte, b' ' | b'(' | b')' | b'%')
                });
            if plain && !line.ends_with_period() && words.are_navigation() {
                return Some("navigation or sharing line");
            }
            if words.are_time_stamp() {
                return Some("reading time or relative time stamp");
            }
        }
    }
    if line.n_words <= MAX_FURNITURE_WORDS && is_labelled_ad(line) {
        return Some(AD_REASON);
    }
    if line.n_words <= MAX_READING_TIME_WORDS && is_reading_time(line) {
        return Some("reading time or relative time stamp");
    }
    if near_an_end && is_web_address(line.text) {
        return Some("a web address");
    }
    if line.n_words == 4 && is_page_number(folded) {
        return Some("page number");
    }
    if line.n_words <= MAX_COLUMN_JUMP_WORDS && is_column_jump(line) {
        return Some("a printed page's number or column jump");
    }
    if line.n_words == 4 && is_list_marker(folded) {
        return Some("list marker");
    }
    if line.n_words <= MAX_EDIT_NOTE_WORDS && is_wire_edit_note(line) {
        return Some("wire service's note on the edit");
    }
    if line.n_words <= 8 && is_engagement_counter(line.text) {
        return Some("view or share counter");
    }
    if line.n_words <= 4 && is_icon_count(line.text) {
        return Some("count beside an icon");
    }
    if line.n_words == 1 && is_bare_count(line.text) {
        return Some("count beside an icon");
    }
    if line.n_words <= MAX_ICON_ROW_WORDS && is_icon_button_row(line) {
        return Some("row of site links");
    }
    if is_chapter_mark(line.text) && opens_a_chapter_list(lines, index) {
        return Some("a recording's chapter marks");
    }
    if line.n_words <= MAX_TICKER_WORDS && is_labelled_ticker(line.text) {
        return Some("ticker of headlines");
    }
    if is_classified_notice(line.text) {
        return Some("a notice board's classified notice");
    }
    if line.n_words <= MAX_PRINT_MARGIN_WORDS && is_print_margin(line.text) {
        return Some("a printed page's header or footer");
    }
    if line.n_words <= MAX_RUNNING_HEAD_WORDS && is_running_head(line) {
        return Some("a printed page's header or footer");
    }
    if line.n_words <= MAX_WIRE_SLUG_WORDS && is_wire_slug(line.text) {
        return Some("wire service's note on the edit");
    }
    if line.n_words <= MAX_TICKER_WORDS && is_ticker_item(lines, index) {
        return Some("ticker of headlines");
    }
    if line.n_words <= MAX_RECORD_HEADER_WORDS && is_record_header(lines, index) {
        return Some("a record's or a message's header field");
    }
    if line.n_words <= MAX_REBLOG_NOTE_WORDS && is_reblog_note(line.text) {
        return Some("a discussion thread's furniture");
    }
    if line.n_words <= MAX_PROFILE_COUNT_WORDS && is_profile_count(line.text) {
        return Some("view or share counter");
    }
    if line.n_words <= MAX_BRACKETED_ROW_WORDS && is_bracketed_row(line.text) {
        return Some("row of site links");
    }
    if has_terminal_key(line.text) {
        return Some("a news terminal's function keys");
    }
    if line.n_words <= MAX_CALENDAR_WORDS && is_calendar_row(line) {
        return Some("an archive's calendar");
    }
    if line.n_words <= MAX_SYNDICATION_CREDIT_WORDS && is_syndication_credit(line) {
        return Some("source credit");
    }
    if line.n_words <= MAX_TIME_ALONE_WORDS && is_time_alone(line.text) {
        return Some("reading time or relative time stamp");
    }
    if line.n_words <= MAX_RECORD_FIELD_WORDS && is_record_field(line.text) {
        return Some("a news database's record field");
    }
    if line.n_words <= MAX_WIKI_HEADING_WORDS && line.text.ends_with("[edit]") {
        return Some("a wiki's section heading");
    }
    if is_chat_message(line.text) {
        return Some("a chat's message");
    }
    if line.n_words <= MAX_MEDIA_TEASER_WORDS && is_media_teaser(line.text) {
        return Some("link to a recording or a video");
    }
    if line.n_words <= MAX_FORUM_ROW_WORDS && is_forum_row(line) {
        return Some("a discussion thread's furniture");
    }
    if line.n_words <= MAX_BOARD_ROW_WORDS && is_message_board_row(line) {
        return Some("a discussion thread's furniture");
    }
    if line.n_words <= MAX_THREAD_ROW_WORDS {
        if is_thread_buttons(line) {
            return Some(THREAD_BUTTONS_REASON);
        }
        if is_thread_furniture(line) {
            return Some("a discussion thread's furniture");
        }
    }
    if is_time_stamp_line(line) || is_stamp_with_author(line) {
        return Some("publication time stamp");
    }
    if line.n_words <= 12 && is_handle_or_contact(line) {
        return Some("social handle or contact line");
    }
    if line.n_words <= MAX_WEATHER_WORDS && is_weather_widget(line) {
        return Some("weather widget");
    }
    if line.n_words <= MAX_POST_LINK_WORDS && is_post_link(line.text) {
        return Some("link to the previous or next post");
    }
    if line.n_words <= MAX_ADDRESS_WORDS && is_postal_address(line.text) {
        return Some("the site's postal address");
    }
    if line.n_words <= MAX_HANDOUT_WORDS && is_agency_credit(line.text) {
        return Some("image credit or caption line");
    }
    if line.n_words <= MAX_FURNITURE_WORDS && is_filed_under_tags(line) {
        return Some("link label or tag list");
    }
    // Quoted speech is content even when it says "join our" or "click here".
    if line.has_quote() {
        return None;
    }
    if has_native_ad_phrase {
        return Some(AD_REASON);
    }
    if has_furniture_phrase || is_channel_call(line) || is_tip_prompt(line) {
        return Some("call to action or navigation line");
    }
    if line.n_words <= MAX_SHORT_CTA_WORDS && !line.ends_with_period() {
        if ends_with_link_arrow(line.text) {
            return Some("link label");
        }
        if has_short_cta_phrase {
            return Some("call to action or navigation line");
        }
    }
    if line.n_words <= 20 {
        if let Some(reason) = credit_or_label(line.text) {
            return Some(reason);
        }
    }
    if is_byline(line) {
        return Some("byline");
    }
    if is_wire_credit(line.text) {
        return Some("reporting and editing credit");
    }
    if is_source_credit(line) {
        return Some("source credit");
    }
    None
}

/// Why an ad among the stories is removed: a line labelled so ([`is_labelled_ad`]) or a native
/// ad's phrase ([`NATIVE_AD_PHRASES`]). Teaser lists pass over such lines (see
/// `blocks::mark_headed_teasers`).
pub(crate) const AD_REASON: &str = "advertisement";

/// A line a site labels an ad at its end: "Seniors are flocking to this new savings account
/// paying 4.5% (Ad)", "… [Sponsored]".
fn is_labelled_ad(line: &Line) -> bool {
    matches!(line.last_char(), Some(')' | ']'))
        && ["(Ad)", "(ad)", "(AD)", "[Ad]", "(Sponsored)", "[Sponsored]"]
            .iter()
            .any(|label| line.text.ends_with(label))
}

/// Most words of a line giving an article's reading time ([`is_reading_time`]).
const MAX_READING_TIME_WORDS: u32 = 14;

/// "Published in Hot Corner Hype · 3 min read", "Jan 7, 2009 • 9 tweets • 2 min read", "⏱ 3
/// min read": a line that gives the article's reading time, as blogs and aggregators print
/// it under the headline; not a sentence.
fn is_reading_time(line: &Line) -> bool {
    static READ: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    // One vectorised search rules out most lines; then word by word, three at a time.
    let read = READ.get_or_init(|| memchr::memmem::Finder::new(" read"));
    if read.find(line.folded.as_bytes()).is_none() {
        return false;
    }
    let (mut count, mut unit) = ("", "");
    for word in line.folded.split(' ') {
        if word == "read"
            && matches!(unit, "min" | "mins" | "minute")
            && !count.is_empty()
            && count.bytes().all(|b| b.is_ascii_digit())
        {
            return !line.ends_with_period();
        }
        (count, unit) = (unit, word);
    }
    false
}

/// A line that is one web address ("http://www.example.co.uk:80/news/local/fire/"), as a
/// printed page or a web archive's copy gives its own near the page's top or end.
fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let host = text
        .strip_prefix("http://")
        .or_else(|| text.strip_prefix("https://"))
        .unwrap_or(text);
    host.starts_with("www.") && host.contains('/') && !text.contains(char::is_whitespace)
}

/// Most words of a weather widget's line ("Trenton, NJ  84°  Clear skies").
const MAX_WEATHER_WORDS: u32 = 8;

/// "Weather 78° Partly Cloudy | Traffic", "Trenton, NJ 84° Clear skies": a short line with a
/// temperature in degrees and a word of the sky, as a site's header prints the weather
/// ("Field of View Up to 152°" and "360° Cameras" are no weather).
fn is_weather_widget(line: &Line) -> bool {
    #[rustfmt::skip]
    const SKY_WORDS: &[&str] = &[
        "weather", "clear", "cloudy", "clouds", "sunny", "sun", "rain", "showers", "snow",
        "fog", "foggy", "windy", "storms", "overcast", "skies", "fair", "haze", "drizzle",
    ];
    // '°' is C2 B0 in UTF-8: one byte search rules out nearly every line.
    if memchr::memchr(0xB0, line.text.as_bytes()).is_none() {
        return false;
    }
    // Temperatures: a degree sign right after a number. Two or more, each after a place's
    // name, need no word of the sky ("Dubai 24°C  Abu Dhabi 25°C").
    let n_temperatures = line
        .text
        .match_indices('°')
        .filter(|&(at, _)| line.text[..at].ends_with(|c: char| c.is_ascii_digit()))
        .count();
    !line.ends_with_sentence_punctuation()
        && n_temperatures >= 1
        && (n_temperatures >= 2 || line.folded.split(' ').any(|word| SKY_WORDS.contains(&word)))
}

/// Most words of a postal address line.
const MAX_ADDRESS_WORDS: u32 = 16;

/// "Daily Breeze, 21250 Hawthorne Blvd., Torrance, CA 90503", "Beaumont Enterprise | 380
/// Main St. | Beaumont, TX 77701": a line that ends with a US state's code and a ZIP code
/// and holds a street number, the way a site's footer prints its address.
fn is_postal_address(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let zip = words.next().unwrap_or_default();
    let state = words.next().unwrap_or_default();
    let zip_digits = zip.split('-').next().unwrap_or_default();
    zip_digits.len() == 5
        && zip_digits.bytes().all(|byte| byte.is_ascii_digit())
        && state.len() == 2
        && state.bytes().all(|byte| byte.is_ascii_uppercase())
        && words.any(|word| word.len() >= 2 && word.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Most words of a photo credit that names its agency after a slash.
const MAX_HANDOUT_WORDS: u32 = 8;

/// "Brooklyn District Attorney's Office/Handout", "John Doe/Getty Images": a short line that
/// ends with a slash and a picture agency or "Handout", as a photo's credit does.
fn is_agency_credit(text: &str) -> bool {
    #[rustfmt::skip]
    const AGENCIES: &[&str] = &[
        "handout", "getty images", "getty", "ap", "reuters", "afp", "epa", "pa", "shutterstock",
        "alamy", "file", "ap photo", "afp via getty images", "bloomberg", "rex",
    ];
    let Some((_, agency)) = text.rsplit_once('/') else {
        return false;
    };
    let agency = agency.trim().trim_end_matches(['.', ')']);
    AGENCIES
        .iter()
        .any(|known| agency.eq_ignore_ascii_case(known))
}

/// "Filed under brooklyn, brownsville, gang violence, murder trials": a line of tags after
/// "Filed under" (two commas or more, no final period); "Filed under seal, the papers …"
/// is prose.
fn is_filed_under_tags(line: &Line) -> bool {
    line.folded.starts_with("filed under ")
        && line.text.matches(',').count() >= 2
        && !line.ends_with_sentence_punctuation()
}

/// Most words of a link to the previous or next post.
const MAX_POST_LINK_WORDS: u32 = 12;

/// "« Older story", "« Compton councilman indicted on bribery counts", "Newer posts »": a
/// short line with an arrow quote at one end only (a French quotation has both).
fn is_post_link(text: &str) -> bool {
    let opens = text.starts_with("« ") && !text.contains('»');
    let closes = text.ends_with(" »") && !text.contains('«');
    (opens || closes) && !text.trim_end_matches(" »").ends_with(['.', '!', '?'])
}

/// Verbs that follow a short question to the reader in a prompt for tips ("Were you there?
/// Send your photos …", "Tips? Email us at …").
const TIP_VERBS: &[&str] = &[
    "send", "tell", "email", "e", "text", "message", "drop", "write", "let", "ring", "call",
];
/// Most words of the question before a tip prompt's verb.
const MAX_TIP_QUESTION_WORDS: usize = 8;

/// "Were you there? Send your photos and video to …", "Seen something happening near you?
/// Tell the newsroom: …", "Tips? Email us at …": a short question, then a call to send the
/// site something, with "us", the newsroom or an address in it. A page's own pitch ("Ready
/// to get started? Contact us …") is content on many sites, and stays.
fn is_tip_prompt(line: &Line) -> bool {
    if line.n_words > MAX_FURNITURE_WORDS {
        return false;
    }
    let Some(at) = memchr::memchr(b'?', line.text.as_bytes()) else {
        return false;
    };
    let (question, rest) = (&line.text[..at], &line.text[at + 1..]);
    if question.split_whitespace().count() > MAX_TIP_QUESTION_WORDS {
        return false;
    }
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty());
    let opens_with_call = words.next().is_some_and(|verb| {
        TIP_VERBS
            .iter()
            .any(|known| verb.eq_ignore_ascii_case(known))
    });
    opens_with_call
        && (rest.contains('@')
            || words.any(|word| {
                ["us", "newsroom", "newsdesk"]
                    .iter()
                    .any(|known| word.eq_ignore_ascii_case(known))
            }))
}

/// Verbs that open a site's call to follow it, join it or get it somewhere.
#[rustfmt::skip]
const CALL_VERBS: &[&str] = &[
    "follow", "like", "join", "get", "download", "subscribe", "install", "add", "turn", "catch",
    "watch", "listen", "stream",
];
/// Where a site asks to be followed or got: networks, devices, apps, mail.
#[rustfmt::skip]
const CHANNEL_WORDS: &[&str] = &[
    "facebook", "twitter", "instagram", "whatsapp", "telegram", "youtube", "tiktok", "snapchat",
    "linkedin", "threads", "roku", "app", "apps", "iphone", "ipad", "android", "ios", "alexa",
    "podcast", "podcasts", "newsletter", "newsletters", "alerts", "notifications", "inbox", "rss",
    "channel", "page",
];
/// Most words of a call to watch or listen ("▶ Watch KTLA 5 Live").
const MAX_WATCH_CALL_WORDS: u32 = 8;

/// "Follow FOX411 on Twitter and Facebook.", "Join DAILY POST on WhatsApp for breaking news",
/// "Get FOX 5 on your Roku", "👉 Like our page for more stories!", "▶ Watch KTLA 5 Live": a
/// line that opens with a call verb (symbols before it aside) and names a channel early, or
/// a short one that calls to watch or listen. "Follow-up tests …" is no call; "Like many on
/// Twitter, she …" neither ("like" must be followed by "us" or "our"). Quoted speech never
/// gets here.
fn is_channel_call(line: &Line) -> bool {
    if line.n_words > MAX_FURNITURE_WORDS {
        return false;
    }
    let mut words = line.folded.split(' ');
    let Some(verb) = words.next().filter(|verb| CALL_VERBS.contains(verb)) else {
        return false;
    };
    // Only a bullet, an arrow or an emoji may stand before the verb ("▶", "👉"), not the
    // marks of code ("// Stream processing"); a hyphen after it makes another word
    // ("Follow-up").
    let written = line.text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let before = &line.text[..line.text.len() - written.len()];
    if before.bytes().any(|byte| byte.is_ascii_punctuation())
        || !matches!(written.as_bytes().get(verb.len()), None | Some(b' ' | b':'))
    {
        return false;
    }
    let next = words.next().unwrap_or_default();
    match verb {
        // "Like HoopsBuzzDaily on Facebook", "Like us"; "Like many on Twitter, …" is prose.
        "like" if !matches!(next, "us" | "our") && !next_written_is_capital(written, verb) => {
            return false
        }
        // Whom to follow is a name or the site ("Follow FOX411", "Follow us"); "Follow
        // industry trends" is advice.
        "follow"
            if !next_written_is_capital(written, verb)
                && !matches!(next, "us" | "our" | "me" | "the") =>
        {
            return false
        }
        // A short prompt to a video or a broadcast ("▶ Watch KTLA 5 Live", "Watch Video
        // Here"); "Watch out for tax scams!" and "Watch the graphs move" are no prompts.
        "watch" | "listen" | "stream" => {
            return line.n_words <= MAX_WATCH_CALL_WORDS
                && !line.ends_with_sentence_punctuation()
                && !matches!(line.last_char(), Some(':'))
                && line
                    .folded
                    .split(' ')
                    .any(|word| WATCH_WORDS.contains(&word));
        }
        _ => {}
    }
    // The channel comes early: "Get help writing your essays … Common App" is advice.
    line.folded
        .split(' ')
        .take(MAX_CALL_CHANNEL_POSITION)
        .any(|word| CHANNEL_WORDS.contains(&word))
}

/// Whether the word after `verb` in `written` opens with a capital or an "@" ("Follow FOX411",
/// "Like HoopsBuzzDaily", "Follow @GridironGab").
fn next_written_is_capital(written: &str, verb: &str) -> bool {
    written
        .get(verb.len()..)
        .unwrap_or_default()
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '@')
}

/// How far into a call its channel may come ("Get Heart on the go - download the free Heart
/// app" has it eighth).
const MAX_CALL_CHANNEL_POSITION: usize = 8;

/// Words of a prompt to watch or listen besides its verb: what is played and where.
#[rustfmt::skip]
const WATCH_WORDS: &[&str] = &[
    "live", "video", "videos", "audio", "report", "now", "here", "next", "online", "podcast",
    "episode", "tv",
];

/// "list of 4 items": a screen reader's marker before a list of links.
fn is_list_marker(folded: &str) -> bool {
    let mut words = folded.split(' ');
    words.next() == Some("list")
        && words.next() == Some("of")
        && words.next().is_some_and(|word| is_number(word.as_bytes()))
        && words.next() == Some("items")
}

/// Most words of a wire service's edit note.
const MAX_EDIT_NOTE_WORDS: u32 = 20;

/// "(Adds details in paragraph 5)", "(Updates with police statement)": the note a wire
/// service puts above a new version of a story, in brackets, opening with what it did.
fn is_wire_edit_note(line: &Line) -> bool {
    #[rustfmt::skip]
    const EDITS: &[&str] = &[
        "adds", "updates", "recasts", "corrects", "changes", "rewrites", "removes", "fixes",
        "refiles", "repeats", "inserts", "deletes", "clarifies", "writethru", "writes",
    ];
    let text = line.text;
    text.starts_with('(')
        && text.ends_with(')')
        && line
            .folded
            .split(' ')
            .next()
            .is_some_and(|first| EDITS.contains(&first))
}

/// A disclaimer runs longer than other furniture ("Disclaimer: The information in this
/// article is for general purposes only and does not constitute financial advice …").
const MAX_DISCLAIMER_WORDS: u32 = 60;

/// "Disclaimer: …", "DISCLAIMER - …": a line labelled as a disclaimer.
fn is_disclaimer(line: &Line) -> bool {
    let Some(rest) = line
        .text
        .get(..10)
        .filter(|head| head.eq_ignore_ascii_case("disclaimer"))
        .and_then(|_| line.text.get(10..))
    else {
        return false;
    };
    rest.trim_start().starts_with([':', '-', '–', '—'])
}

/// "Source: Agencies", "Sources: AP, Reuters": the short line that credits a story's source.
fn is_source_credit(line: &Line) -> bool {
    line.n_words <= MAX_SOURCE_CREDIT_WORDS && opens_with_any(line.text, &["source:", "sources:"])
}

/// Whether `text` opens with one of `prefixes`, in any case.
fn opens_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|prefix| {
        text.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    })
}

/// Most words of a source credit line ("Source: Xinhua News Agency" is 4).
const MAX_SOURCE_CREDIT_WORDS: u32 = 6;

/// "Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by Ann Lee in
/// Paris)": a wire agency's credit line, every word after its role words a capitalised name
/// or a joiner. "Reporting by the Times showed …" is a sentence, and stays.
fn is_wire_credit(text: &str) -> bool {
    #[rustfmt::skip]
    const ROLE_WORDS: &[&str] = &[
        "reporting", "additional", "writing", "editing", "compiled", "by", "and", "in", "from",
        "with", "of",
    ];
    let mut words = text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .peekable();
    if words
        .peek()
        .is_some_and(|word| word.eq_ignore_ascii_case("additional"))
    {
        words.next();
    }
    let opens_with_role = words.next().is_some_and(|word| {
        ["reporting", "writing", "editing", "compiled"]
            .iter()
            .any(|role| word.eq_ignore_ascii_case(role))
    }) && words
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("by"));
    opens_with_role
        && words.all(|word| {
            word.starts_with(char::is_uppercase)
                || ROLE_WORDS
                    .iter()
                    .any(|role| word.eq_ignore_ascii_case(role))
        })
}

/// A site's menu or breadcrumb ([`is_menu`], [`is_section_menu`], [`is_spaced_menu`]) of at
/// most [`MAX_MENU_WORDS`] words.
pub(crate) fn is_menu_line(line: &Line) -> bool {
    line.n_words <= MAX_MENU_WORDS && is_menu_with(line, has_menu_separator(line.text))
}

/// [`is_menu_line`] without the length limit, `has_separator` being
/// [`has_menu_separator`] of the line (the line rules ask it once for menus and rows).
fn is_menu_with(line: &Line, has_separator: bool) -> bool {
    (has_separator && is_menu(line.text)) || is_section_menu(line) || is_spaced_menu(line)
}

/// A site's menu ([`is_menu_line`]) that is no share bar ("Share | Tweet | Email"), which
/// a headline may stand over too.
pub(crate) fn is_site_menu(line: &Line) -> bool {
    is_menu_line(line)
        && !line
            .folded
            .split(' ')
            .all(|word| social_words().contains(word))
}

/// Fewest items of a menu set apart by runs of spaces ([`is_spaced_menu`]).
const MIN_SPACED_MENU_ITEMS: usize = 4;

/// The items of a line as written when runs of spaces or tabs set them apart (single spaces
/// inside an item), each as its words; `None` when the line holds no such run.
fn spaced_items<'a>(line: &Line<'a>) -> Option<Vec<Vec<&'a str>>> {
    // A line whose normalised text is as long as the line as written holds no run of spaces
    // or tab: most lines are ruled out without reading them.
    if line.raw.len() == line.text.len() {
        return None;
    }
    let raw = line.raw.trim();
    if !has_double_space(raw.as_bytes()) && !raw.contains('\t') {
        return None;
    }
    let words: Vec<&str> = raw.split(['\t', ' ']).collect();
    Some(
        words
            .split(|word| word.is_empty())
            .filter(|item| !item.is_empty())
            .map(<[&str]>::to_vec)
            .collect(),
    )
}

/// "Home  News  Weather  Traffic  Sports  Video", "News   Weather   Hurricane Center
/// Contests": a menu whose items are set apart by runs of spaces or tabs as written (see
/// [`spaced_items`]), four items or more of one to three capitalised words ("e-Edition"
/// too, and "&" between them) without digits or a final stop. A line of prose never sets
/// its words apart so.
fn is_spaced_menu(line: &Line) -> bool {
    let Some(items) = spaced_items(line) else {
        return false;
    };
    items.len() >= MIN_SPACED_MENU_ITEMS
        && items.iter().all(|item| {
            item.iter().filter(|&&word| word != "&").count() <= 3
                && item.iter().all(|&word| {
                    word == "&"
                        || ((word.starts_with(|c: char| c.is_uppercase())
                            || is_prefixed_name(word))
                            && !word.bytes().any(|byte| byte.is_ascii_digit()))
                })
                && !item
                    .last()
                    .is_some_and(|word| word.ends_with(['.', ',', ';', ':', '?', '!']))
        })
}

/// Whether `text` holds a byte a menu's or a row's separator can start with: every one is
/// '|', '>' or '/', or starts with byte C2 or E2 in UTF-8, so one pass over the bytes rules
/// out most lines.
fn has_menu_separator(text: &str) -> bool {
    text.bytes()
        .any(|byte| matches!(byte, b'|' | b'>' | b'/' | 0xC2 | 0xE2))
}

/// Longest line [`is_menu`] judges, in words.
const MAX_MENU_WORDS: u32 = 15;

/// "Home | News | Sport | Business", "Home » World » Asia": three or more short items of
/// capitalised words between bars, bullets or arrows, the way a site's menu or breadcrumb
/// prints as text. An item of more than three words, with a lower-case word or ending in
/// punctuation is prose, a ticker ("Oil flat") or a headline with its site name ("Putin
/// visits Pyongyang | World").
fn is_menu(text: &str) -> bool {
    // A breadcrumb or a menu under its label ("You are here: Home › News", "Sections: Local
    // · National"): the label goes before the items are read. Other labels make a line of
    // content ("Example: Arts > Hobbies").
    const MENU_LABELS: &[&str] = &["you are here:", "sections:", "navigation:", "menu:"];
    let text = MENU_LABELS
        .iter()
        .find(|label| opens_with_any(text, &[label]))
        .map_or(text, |label| text[label.len()..].trim_start());
    // A slash between spaces separates a breadcrumb's items too ("Home / News / Local"),
    // when every item opens with a letter (not a date, "12 / 16 / 08").
    if text.contains(" / ") {
        return text
            .split(" / ")
            .all(|item| item.trim_start().starts_with(char::is_alphabetic))
            && is_menu_split(text, '/');
    }
    let Some(separator) = ['|', '•', '·', '»', '›', '>']
        .into_iter()
        .find(|&separator| text.contains(separator))
    else {
        return false;
    };
    is_menu_split(text, separator)
}

/// [`is_menu`] for one separator.
fn is_menu_split(text: &str, separator: char) -> bool {
    let mut n_items = 0;
    // Whether every item is words of letters only, as a breadcrumb's are.
    let mut all_words = true;
    for item in text.split(separator).map(str::trim) {
        // A bar may open or close the line.
        if item.is_empty() {
            continue;
        }
        // A word after "&" may be in lower case, as a menu in sentence case has it ("Life &
        // style").
        let mut after_ampersand = false;
        let words_like_a_link = item.split(' ').all(|word| {
            // A label ("Example: Arts > Hobbies") is no menu item.
            let like_a_link = !word.ends_with(':')
                && (after_ampersand
                    || word
                        .starts_with(|first: char| first.is_uppercase() || first.is_ascii_digit())
                    || is_prefixed_name(word)
                    || matches!(word, "&" | "+" | "and" | "of" | "the"));
            after_ampersand = matches!(word, "&" | "+");
            like_a_link
        });
        // "U.S." ends in a dot and is a section's name, not the end of a sentence.
        let ends_like_prose =
            item.ends_with(['.', ',', ':', ';', '?', '!']) && !is_dotted_abbreviation(item);
        let n_words = item
            .split(' ')
            .filter(|word| !matches!(*word, "&" | "+"))
            .count();
        if !words_like_a_link || ends_like_prose || n_words > 3 {
            return false;
        }
        all_words &= item
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '&');
        n_items += 1;
    }
    // Two items make a breadcrumb only between arrows ("Home > News", "Film » Oscars"), and
    // only of words ("HAVING COUNT(*) > 5" is code): a bar also sits between a headline and
    // its site name.
    n_items >= 3 || (n_items == 2 && all_words && matches!(separator, '»' | '›' | '>'))
}

/// A name that opens with one lower-case letter before its capital: "e-Edition", "iPhone".
fn is_prefixed_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|first| first.is_ascii_lowercase())
        && chars
            .find(|&c| c != '-')
            .is_some_and(|c| c.is_ascii_uppercase())
        && word.len() > 2
}

/// "U.S.", "U.K.": capital letters, each followed by a dot.
fn is_dotted_abbreviation(item: &str) -> bool {
    item.len() >= 4
        && item.len() <= 8
        && item
            .as_bytes()
            .chunks(2)
            .all(|pair| matches!(pair, [letter, b'.'] if letter.is_ascii_uppercase()))
}

/// "Contact Us | Privacy Policy", "Print | Email | Share | Comments (27)", "E-mail this story
/// | Print this story | Most e-mailed": two or more links between bars or dots, each one a
/// whole furniture line ([`FURNITURE_LINES`]), a share or navigation link in its words
/// ([`LineWords`], a count allowed) or social network names. In a row of three or more, one
/// link may be a name no list knows ("Buzz up!", "BlogThis!"), of at most two words, and
/// fewer than half of the items may be names of up to five words.
fn is_furniture_link_row(text: &str) -> bool {
    let Some(separator) = row_separator(text) else {
        return false;
    };
    let mut n_items = 0;
    let mut n_unknown = 0;
    let mut n_long_unknown = 0;
    for item in text.split(separator).map(str::trim) {
        if item.is_empty() {
            continue;
        }
        n_items += 1;
        let (folded, n_words) = crate::fold::fold(item);
        // Brackets, arrows and equals signs are code ("E -->|Similar| G[…]").
        if folded.is_empty()
            || n_words > 5
            || item.ends_with(['.', ',', ';', '?'])
            || item.contains(['[', ']', '{', '}', '<', '>', '='])
        {
            return false;
        }
        let is_link = furniture_lines().contains(folded.as_str()) || is_link_words(&folded);
        if !is_link {
            n_unknown += 1;
            n_long_unknown += usize::from(n_words > 2);
        }
    }
    // Two links alone, or a longer row most of whose items are links ("Terms of Use |
    // Privacy Policy | Interest-Based Ads | Advertise with Us").
    n_items >= 2
        && (n_unknown == 0
            || (n_items >= 3 && 2 * n_unknown < n_items)
            || (n_items >= 3 && n_unknown == 1 && n_long_unknown == 0))
}

/// Words that end the label of a menu printed as a list ("Main navigation:", "Site
/// navigation, 9 links:").
const MENU_LIST_LABEL_WORDS: &[&str] = &["navigation", "menu", "sections", "links"];

/// Fewest items of a menu printed as a list ([`is_labelled_menu_list`]).
const MIN_MENU_LIST_ITEMS: usize = 4;

/// "Main navigation: Home, UK, World, Politics, Business", "Site navigation, 9 links: Home,
/// Local, St. Paul, Sports": a text edition's menu, a label that names it and four or more
/// items of one to three capitalised words between commas. The label must name a menu: a
/// list of places or names under another label is content ("Visited: Rome, Paris, Oslo,
/// Bern").
fn is_labelled_menu_list(text: &str) -> bool {
    // A capital opens the label and a colon ends it: most lines are ruled out by a byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) || !text.contains(':') {
        return false;
    }
    let Some((label, items)) = text.split_once(": ") else {
        return false;
    };
    let names_a_menu = label.split([' ', ',']).next_back().is_some_and(|word| {
        MENU_LIST_LABEL_WORDS
            .iter()
            .any(|menu_word| word.eq_ignore_ascii_case(menu_word))
    });
    if !names_a_menu || label.split(' ').count() > 4 {
        return false;
    }
    let mut n_items = 0;
    for item in items.split(", ") {
        let item = item.trim();
        let capitalised = item.split(' ').all(|word| {
            word.starts_with(|c: char| c.is_uppercase()) || matches!(word, "&" | "and" | "of")
        });
        if item.is_empty()
            || !capitalised
            || item.split(' ').count() > 3
            || item.ends_with(['.', '!', '?', ';'])
        {
            return false;
        }
        n_items += 1;
    }
    n_items >= MIN_MENU_LIST_ITEMS
}

/// Fewest items of a row [`is_short_link_row`] judges.
const MIN_LINK_ROW_ITEMS: usize = 3;

/// Most words of one item of such a row.
const MAX_LINK_ROW_ITEM_WORDS: usize = 4;

/// "Full version | Text-only version | View source", "Find a Memorial | Create a Memorial |
/// Send Flowers", "Life Story | Guest Book (31) | Photos (6)", "Residents | Business | How Do
/// I...?", "Sport: Cricket | Football | Netball": three or more short links between bars or
/// dots, the way a site prints the links of a page as text, in sentence case or title case.
/// Each item opens with a capital (or a letter of a script without case) after a symbol
/// ("▶ Listen live"), holds at most [`MAX_LINK_ROW_ITEM_WORDS`] words of letters, and may end
/// in a count or a file type in brackets or an ellipsis; the first item may stand under a
/// label of one word. No item is a sentence or a figure: a stop, a colon or a digit outside
/// the brackets makes the line something else. A row that opens with three words or more in
/// sentence case is a headline under its section and site ("Putin visits Pyongyang | Talks &
/// trade | World"), which a page may keep.
fn is_short_link_row(text: &str) -> bool {
    let Some(separator) = row_separator(text) else {
        return false;
    };
    let mut n_items = 0;
    for item in text.split(separator).map(str::trim) {
        if item.is_empty() {
            continue;
        }
        let item = if n_items == 0 {
            strip_link_label(item)
        } else {
            item
        };
        if !is_short_link(item, separator == '|') || (n_items == 0 && is_headline_like(item)) {
            return false;
        }
        n_items += 1;
    }
    n_items >= MIN_LINK_ROW_ITEMS
}

/// Whether an item of three words or more holds a word in lower case that no title keeps
/// so ("Putin visits Pyongyang", not "Find a Memorial").
fn is_headline_like(item: &str) -> bool {
    let mut words = item.split(' ');
    // A link opens with what it does ("Mark all as read").
    let opens_with_action = words.next().is_some_and(|first| {
        word_key(first.to_ascii_lowercase().as_bytes())
            .and_then(|key| line_words().get(&key))
            .is_some_and(|&role| role & NAV_ACTION != 0)
    });
    item.split(' ').nth(2).is_some()
        && !opens_with_action
        && words
            .any(|word| word.starts_with(char::is_lowercase) && !LINK_SMALL_WORDS.contains(&word))
}

/// The first item of a row without its label of one capitalised word ("Sport: Cricket" →
/// "Cricket").
fn strip_link_label(item: &str) -> &str {
    match item.split_once(": ") {
        Some((label, rest))
            if !label.contains(' ') && label.starts_with(|c: char| c.is_uppercase()) =>
        {
            rest.trim_start()
        }
        _ => item,
    }
}

/// Small words a link in title case keeps in lower case ("Find a Memorial").
const LINK_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "to", "in", "on", "for", "at", "by", "with", "&", "+",
];

/// One item of [`is_short_link_row`]; `sentence_case` allows words in lower case after the
/// first. Between bars a row of links may be in sentence case ("Full version | View
/// source"); between dots it must be in title case, since a review's list of strengths is in
/// sentence case too ("Open design • Great controls • Long battery life").
fn is_short_link(item: &str, sentence_case: bool) -> bool {
    // A symbol before the link text ("▶ Listen live", "» More").
    let item = item
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '(')
        .trim_start();
    // A count or a file type after it ("Guest Book (31)", "Box Score (PDF)").
    let item = match item
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
    {
        Some((link, inside)) if inside.len() <= 6 && inside.chars().all(char::is_alphanumeric) => {
            link
        }
        _ => item,
    };
    // An ellipsis that invites a click ("How Do I...?", "More…").
    let item = item.strip_suffix('?').unwrap_or(item);
    let item = item
        .strip_suffix("...")
        .or_else(|| item.strip_suffix('…'))
        .unwrap_or(item);
    let mut n_words = 0;
    for word in item.split(' ') {
        n_words += 1;
        let letters = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '&' | '+'));
        let cased = sentence_case
            || n_words == 1
            || !word.starts_with(char::is_lowercase)
            || LINK_SMALL_WORDS.contains(&word);
        if word.is_empty() || !letters || !cased || n_words > MAX_LINK_ROW_ITEM_WORDS {
            return false;
        }
    }
    item.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
}

/// The bar or dot that sets a row of links apart (the first of '|', '•', '·' the line
/// holds).
fn row_separator(text: &str) -> Option<char> {
    ['|', '•', '·']
        .into_iter()
        .find(|&separator| text.contains(separator))
}

/// Whether the words of one item of a row are a link's: each a navigation word, a social
/// network's name or a count, and one of them more than a joiner or a qualifier ("e",
/// "Similar" link to nothing).
fn is_link_words(folded: &str) -> bool {
    let mut names_something = false;
    let all_link_words = folded.split(' ').all(|word| {
        if is_number(word.as_bytes()) {
            return true;
        }
        if social_words().contains(word) {
            names_something = true;
            return true;
        }
        let role = word_key(word.as_bytes())
            .and_then(|key| line_words().get(&key))
            .copied()
            .unwrap_or(0);
        names_something |= role & (NAV_ACTION | NAV_TARGET | NAV_NOUN) != 0;
        role & NAV_ROLES != 0
    });
    all_link_words && names_something
}

/// Menu words besides [`SECTION_WORDS`]: the other entries of a site's top menu.
#[rustfmt::skip]
const MENU_WORDS: &[&str] = &[
    "home", "video", "videos", "forums", "forum", "deals", "software", "hardware", "reviews",
    "slideshows", "channel", "programs", "events", "film", "films", "tv", "digital", "scene",
    "awards", "celebs", "football", "comment", "life", "photos", "podcasts", "podcast", "games",
    "jobs", "shopping", "property", "cars", "motoring", "puzzles", "blogs", "columns",
    "columnists", "galleries", "magazine", "more", "watch", "&", "and",
];

/// "Politics  Business  Culture  Opinion  Sports", "NEWS POLITICS SPORTS": a site's menu
/// printed as words without separators: three or more capitalised words, every one a
/// section or menu word (of five or more, all but one). A headline holds other words.
fn is_section_menu(line: &Line) -> bool {
    // Five items or more may hold one a list does not know ("Breaking World Crime Weird
    // Money Health").
    let n_unknown_allowed = usize::from(line.n_words >= 5);
    line.n_words >= 3
        && !line.ends_with_period()
        // Prose fails at its second word, before any word is looked up.
        && line
            .text
            .split_whitespace()
            .all(|word| word == "&" || word.starts_with(|first: char| first.is_ascii_uppercase()))
        && line
            .folded
            .split(' ')
            .filter(|word| !menu_words().contains(word))
            .nth(n_unknown_allowed)
            .is_none()
}

/// [`SECTION_WORDS`] and [`MENU_WORDS`] as a set: every short line asks about its first
/// word.
fn menu_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| SECTION_WORDS.iter().chain(MENU_WORDS).copied().collect())
}

/// A site's name stands in the first or last lines of a page, as a masthead or a footer.
const SITE_NAME_LINES: usize = 3;

/// Last labels of the domain names [`is_domain_name`] knows.
#[rustfmt::skip]
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "net", "org", "info", "news", "co", "uk", "nz", "au", "ca", "in", "ie", "za", "de",
    "fr", "es", "it", "nl", "eu", "us", "tv", "io", "pk", "ng", "ke", "sg", "my", "ph",
];

/// "theguardian.com", "www.stuff.co.nz": a line that is only a news site's domain name, in
/// lower case, as a masthead prints it ("Booking.com" in a list is a brand).
fn is_domain_name(text: &str) -> bool {
    let name = text.trim();
    let name = name.strip_prefix("www.").unwrap_or(name);
    let mut labels = name.split('.');
    let Some(first) = labels.next() else {
        return false;
    };
    let is_label = |label: &str| {
        !label.is_empty()
            && label
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    };
    let mut n_labels = 1;
    let mut last = first;
    for label in labels {
        n_labels += 1;
        last = label;
        if !is_label(label) {
            return false;
        }
    }
    is_label(first)
        && n_labels >= 2
        && DOMAIN_ENDINGS.contains(&last)
        && !name.bytes().any(|byte| byte.is_ascii_uppercase())
}

/// Longest line [`is_comment_count`] judges, in words.
const MAX_COMMENT_COUNT_WORDS: u32 = 16;

/// "Posted in Crime | 3 Comments »", "42 thoughts on “…”", "No comments yet": a blog's
/// comment count, or the line that opens its comments.
fn is_comment_count(line: &Line) -> bool {
    const COMMENT_WORDS: &[&str] = &["comments", "comment", "responses", "replies", "thoughts"];
    let is_count = |word: &[u8]| is_number(word) || matches!(word, b"no" | b"one");
    let is_comment_word = |word: &[u8]| COMMENT_WORDS.iter().any(|noun| noun.as_bytes() == word);
    let folded = line.folded;
    // "23 reader comments", "Reader Comments (0)", "Reader's Comments (7)": a count and the
    // readers' comments (the "s" of "Reader's" is folded apart).
    let reader_comments = line.n_words <= 4 && {
        let mut n_counts = 0;
        let mut words = folded.split(' ').filter(|word| {
            let count = is_number(word.as_bytes());
            n_counts += usize::from(count);
            !count && *word != "s"
        });
        let named = matches!(words.next(), Some("reader" | "readers"))
            && words.next() == Some("comments")
            && words.next().is_none();
        named && n_counts == 1
    };
    if reader_comments {
        return true;
    }
    // Words as byte slices: most lines are ruled out by their first or last word.
    // The count is the line, or ends a line of post data ("Posted in Crime | 3 Comments
    // »"); "Survey draws 300 responses" is a headline.
    let mut from_end = folded.as_bytes().rsplit(|&byte| byte == b' ');
    let noun = from_end.next().unwrap_or_default();
    let ends_with_count = is_comment_word(noun)
        && noun != b"thoughts"
        && from_end.next().is_some_and(is_count)
        && !line.ends_with_period()
        && (line.n_words == 2
            || line.text.contains(['|', '»'])
            || folded.starts_with("posted ")
            || folded.starts_with("filed "));
    // … or opens it, naming the post the comments are on in quotation marks ("42 thoughts
    // on “…”"): "5 Thoughts on Why the Academy Picked Ellen" is a listicle's headline.
    let mut words = folded.as_bytes().split(|&byte| byte == b' ');
    let opens_comments = words.next().is_some_and(is_count)
        && words.next().is_some_and(is_comment_word)
        && words.next().is_some_and(|on| matches!(on, b"on" | b"to"))
        && line.has_quote();
    ends_with_count || opens_comments
}

/// Folded openings of the notices that run longer than other furniture, each with its
/// reason: cookie banners and rights notices ("We use cookies to ensure that we give you the
/// best experience on our website. If you continue …"), and the note on the print edition
/// ("A version of this article appears in print on 08/03/2013, on page C3 of the New York
/// edition with the headline: …", as long as the headline in it).
#[rustfmt::skip]
const SITE_NOTICE_OPENINGS: &[(&str, &str)] = &[
    ("we use cookies", COOKIE_NOTICE), ("this site uses cookies", COOKIE_NOTICE),
    ("we and our partners use cookies", COOKIE_NOTICE),
    ("this website uses cookies", COOKIE_NOTICE), ("our site uses cookies", COOKIE_NOTICE),
    ("our website uses cookies", COOKIE_NOTICE), ("by continuing to use this", COOKIE_NOTICE),
    ("by using this site", COOKIE_NOTICE), ("by using this website", COOKIE_NOTICE),
    ("all rights reserved", COOKIE_NOTICE),
    ("a version of this article appears in print", PRINT_NOTE),
    ("a version of this article appeared in print", PRINT_NOTE),
];
const COOKIE_NOTICE: &str = "cookie or rights notice";
const PRINT_NOTE: &str = "note on the print edition";

/// Folded openings of a short credit to the print edition ("Translated from the Al-Masry
/// Al-Youm print edition", "From the print edition").
const PRINT_CREDIT_OPENINGS: &[&str] = &[
    "translated from",
    "from the",
    "this article appeared in",
    "this story appeared in",
];

/// Why a line is a long site notice ([`SITE_NOTICE_OPENINGS`]) or a credit to the print
/// edition ([`PRINT_CREDIT_OPENINGS`]), if it is one.
fn site_notice_reason(line: &Line) -> Option<&'static str> {
    let folded = line.folded;
    // Every opening starts with one of six letters; most lines are ruled out by it.
    if !matches!(
        folded.as_bytes().first(),
        Some(b'w' | b't' | b'o' | b'b' | b'a' | b'f')
    ) {
        return None;
    }
    if let Some(&(_, reason)) = SITE_NOTICE_OPENINGS
        .iter()
        .find(|(opening, _)| folded.starts_with(opening))
    {
        return Some(reason);
    }
    let print_credit = line.n_words <= 12
        && folded.ends_with(" print edition")
        && PRINT_CREDIT_OPENINGS
            .iter()
            .any(|opening| folded.starts_with(opening));
    print_credit.then_some(PRINT_NOTE)
}

/// Roles of the words of navigation and sharing lines (see [`NAV_ACTIONS`]) and of time
/// stamps ([`TIME_WORDS`]); a word can have several.
const NAV_ACTION: u8 = 1;
const NAV_TARGET: u8 = 2;
const NAV_QUALIFIER: u8 = 4;
const NAV_NOUN: u8 = 8;
const NAV_JOINER: u8 = 16;
const TIME_WORD: u8 = 32;
const TIME_MARKER: u8 = 64;
const NAV_ROLES: u8 = NAV_ACTION | NAV_TARGET | NAV_QUALIFIER | NAV_NOUN | NAV_JOINER;

/// The roles of a short line's words, when every word is a navigation or time word or a
/// number: one pass answers both the navigation and the time-stamp rule, and most lines end
/// it at their first word.
struct LineWords {
    roles: u8,
    /// Words that are not numbers.
    n_words: u32,
    has_number: bool,
    /// Every word has a navigation role.
    all_navigation: bool,
    /// Every word is a number or has a time role.
    all_time: bool,
}

impl LineWords {
    fn of(folded: &str) -> Option<LineWords> {
        let known = line_words();
        let mut words = LineWords {
            roles: 0,
            n_words: 0,
            has_number: false,
            all_navigation: true,
            all_time: true,
        };
        for word in folded.as_bytes().split(|&byte| byte == b' ') {
            // A count beside a link ("Comments (14)", "Share 23") is part of it; only the
            // words count towards the link's length.
            if is_number(word) {
                words.has_number = true;
            } else {
                let role = *known.get(&word_key(word)?)?;
                words.roles |= role;
                words.all_navigation &= role & NAV_ROLES != 0;
                words.all_time &= role & (TIME_WORD | TIME_MARKER) != 0;
                words.n_words += 1;
            }
        }
        Some(words)
    }

    /// A navigation or sharing link: an action alone ("Save") or with what it acts on
    /// ("Print this article", "Email to a friend", "Share your story"), or a list qualifier
    /// with a list noun ("More Top Stories", "Other links"). A noun alone ("News") or an
    /// action on something else ("Send an email") is not enough.
    fn are_navigation(&self) -> bool {
        let roles = self.roles;
        if !self.all_navigation {
            return false;
        }
        let acts = roles & NAV_ACTION != 0 && (self.n_words == 1 || roles & NAV_TARGET != 0);
        acts || roles & (NAV_QUALIFIER | NAV_NOUN) == NAV_QUALIFIER | NAV_NOUN
    }

    /// "5 min read", "Updated 3 hours ago", "Reading time: 4 minutes": a number, time words,
    /// and "ago" or "read". "Two days ago" (no digits) is prose and stays.
    fn are_time_stamp(&self) -> bool {
        self.all_time && self.has_number && self.roles & TIME_MARKER != 0
    }
}

/// The words of navigation lines and time stamps with their roles, keyed by [`word_key`]:
/// a line's words are looked up as they are split off its bytes, each key hashed with two
/// multiplications.
fn line_words() -> &'static rustc_hash::FxHashMap<u128, u8> {
    static WORDS: OnceLock<rustc_hash::FxHashMap<u128, u8>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = rustc_hash::FxHashMap::default();
        for (list, role) in [
            (NAV_JOINERS, NAV_JOINER),
            (NAV_NOUNS, NAV_NOUN),
            (NAV_QUALIFIERS, NAV_QUALIFIER),
            (NAV_TARGETS, NAV_TARGET),
            (NAV_ACTIONS, NAV_ACTION),
            (TIME_WORDS, TIME_WORD),
            (TIME_MARKERS, TIME_MARKER),
        ] {
            for &word in list {
                if let Some(key) = word_key(word.as_bytes()) {
                    *words.entry(key).or_insert(0) |= role;
                }
            }
        }
        words
    })
}

/// A word of up to 16 bytes as a number (zero-padded; folded text holds no zero bytes);
/// `None` for a longer word, which no table entry is.
fn word_key(word: &[u8]) -> Option<u128> {
    let mut bytes = [0u8; 16];
    bytes.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(bytes))
}

/// A word of ASCII digits only ("2024", "5").
fn is_number(word: &[u8]) -> bool {
    !word.is_empty() && word.iter().all(u8::is_ascii_digit)
}

/// Words of a page's view, share and comment counters ("Post Views: 1,204", "2.3K shares").
#[rustfmt::skip]
const COUNTER_WORDS: &[&str] = &[
    "views", "view", "post", "page", "pageviews", "hits", "reads", "likes", "shares", "comments",
    "comment", "reactions", "visits", "visitors", "claps", "restacks", "reposts", "retweets",
    "captures",
];

/// A counter: one to three counts ("1,204", "2.3K", "17") and [`COUNTER_WORDS`], a count's
/// noun for each count ("Post" alone counts nothing), in either order, with only a colon, a
/// bar or a dot between them: "Post Views: 1,204", "1,204 views", "Shares: 2.3K", "14 likes ·
/// 6 comments". The navigation rule takes a count in plain words ("Comments (14)") but not
/// the separators of a large one.
fn is_engagement_counter(text: &str) -> bool {
    // Every counter holds a count: a line without a digit is ruled out at once.
    if !text.bytes().any(|byte| byte.is_ascii_digit()) {
        return false;
    }
    let mut n_counts = 0;
    let mut n_nouns = 0;
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '·' | '•' | '∙'))
    {
        if word.is_empty() {
            continue;
        }
        if is_count(word) {
            n_counts += 1;
            continue;
        }
        // Compared without lower-casing into a new string: this runs on every short line.
        let Some(&known) = COUNTER_WORDS
            .iter()
            .find(|known| known.eq_ignore_ascii_case(word))
        else {
            return false;
        };
        n_nouns += usize::from(!matches!(known, "post" | "page"));
    }
    (1..=3).contains(&n_counts) && n_nouns >= n_counts
}

/// Most words of a link to a recording or a video ([`is_media_teaser`]).
const MAX_MEDIA_TEASER_WORDS: u32 = 16;

/// "▶ Listen: Pat Loeb reports (0:52)", "🎧 Listen: Monday's Fight Talk segment", "WATCH: …":
/// a link to a recording or a video, labelled so, as radio and TV sites put them in a story.
fn is_media_teaser(text: &str) -> bool {
    let label = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    opens_with_any(label, &["listen:", "watch:", "audio]", "video]"])
}

/// Why a thread's row of buttons goes; [`crate::blocks::mark_comments`] ends a comment at a
/// line removed for it.
pub(crate) const THREAD_BUTTONS_REASON: &str = "a discussion thread's buttons";

/// Most words of a discussion thread's row of buttons or furniture line.
const MAX_THREAD_ROW_WORDS: u32 = 8;

/// The buttons under a post or a comment in a discussion thread, with their counts: "Reply
/// Share 34", "143 · Reply", "Reply · ▲ 212", "share save hide report", "87 comments share
/// save hide report". Every word is a button or a count, and one of them is a thread's own
/// (reply, save, hide, report, permalink): "Share" alone is another rule's.
fn is_thread_buttons(line: &Line) -> bool {
    #[rustfmt::skip]
    const BUTTONS: &[&str] = &[
        "reply", "share", "save", "hide", "report", "permalink", "embed", "award", "give",
        "comments", "comment", "points", "point", "vote", "upvote", "downvote", "quote",
    ];
    const THREAD_BUTTONS: &[&str] = &["reply", "save", "hide", "report", "permalink"];
    let mut has_thread_button = false;
    let all_buttons = line.folded.split(' ').all(|word| {
        has_thread_button |= THREAD_BUTTONS.contains(&word);
        BUTTONS.contains(&word) || is_count(word)
    });
    all_buttons && has_thread_button && line.n_words >= 2
}

/// A discussion thread's own lines: "level 2" (a reply's depth), "96% Upvoted", "412 points ·
/// 94% upvoted", "View 344 more comments", "r/minnesota" or "r/TwilightSaga · 48.2k members"
/// (the forum's name), "Created Jan 25, 2008", "[deleted]" and "[removed]"; a forum's post
/// headers and its posters' details: "Post by kestrel_ » Fri Dec 19, 2008 10:15 am",
/// "Posts: 2114", "Joined: Mar 2004", "sentinel58 wrote:".
fn is_thread_furniture(line: &Line) -> bool {
    let folded = line.folded;
    // Each form is told by its first or last word: most lines are ruled out by one match.
    let first = folded.split(' ').next().unwrap_or_default();
    let by_first = match first {
        "posts" => {
            line.n_words <= 3
                && line
                    .text
                    .strip_prefix("Posts: ")
                    .is_some_and(|count| is_count(count.trim()))
        }
        "karma" => {
            line.n_words <= 4
                && line.text.starts_with("Karma: ")
                && line.text.bytes().any(|b| b.is_ascii_digit())
        }
        "joined" => line.n_words <= 5 && line.text.starts_with("Joined:") && holds_a_date(line),
        "level" => {
            line.n_words == 2
                && folded["level".len()..]
                    .bytes()
                    .skip(1)
                    .all(|b| b.is_ascii_digit())
        }
        "view" | "load" | "show" => line.n_words <= 4 && folded.ends_with(" more comments"),
        "created" => {
            line.n_words >= 3
                && is_date_only(
                    folded.get("created ".len()..).unwrap_or_default(),
                    line.n_words - 1,
                    line.text.get("created ".len()..).unwrap_or_default(),
                )
        }
        _ => false,
    };
    if by_first {
        return true;
    }
    if line.text.starts_with('[') {
        return matches!(line.text, "[deleted]" | "[removed]");
    }
    let last = folded.rsplit(' ').next().unwrap_or_default();
    // A forum's quote of an earlier post opens with its poster's name.
    if last == "wrote" {
        return line.n_words <= 3 && line.text.ends_with(" wrote:");
    }
    let upvoted = last == "upvoted" && line.text.contains('%');
    let forum_name = line.text.starts_with("r/")
        && !line.text.contains(". ")
        && (line.n_words == 2 || last == "members" || last == "online");
    upvoted || forum_name
}

/// Most words of a message board's row ([`is_message_board_row`]).
const MAX_BOARD_ROW_WORDS: u32 = 20;

/// A message board's rows around its posts: "« on: January 07, 2009, 07:12:44 AM »", "«
/// Reply #1 on: … »", "« previous next »", "Pages: [1] 2 3 4 Go Down", "Quote from: San
/// Diego Union-Tribune", "Topic: VJax arrested (Read 3,112 times)", "Logged".
fn is_message_board_row(line: &Line) -> bool {
    let text = line.text;
    match text.as_bytes().first() {
        Some(b'L') => text == "Logged",
        Some(b'Q') => text.starts_with("Quote from: ") && line.n_words <= 10,
        Some(b'T') => {
            text.starts_with("Topic: ") && text.contains("(Read ") && text.ends_with(" times)")
        }
        Some(b'P') => text.strip_prefix("Pages: ").is_some_and(|pages| {
            pages.split(' ').all(|token| {
                token
                    .trim_matches(['[', ']'])
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    || matches!(token, "Go" | "Up" | "Down" | "All" | "...")
            })
        }),
        _ => {
            text.starts_with('«')
                && text.ends_with('»')
                && (text.contains(" on: ") || line.n_words <= 3)
        }
    }
}

/// "u/newmoonrising · 3d", "loonstatefan · 3 days ago", "[deleted] · 2 days ago": the header
/// of a comment in a discussion thread, a user's name (one word) and how long ago, after a
/// dot.
pub(crate) fn is_thread_comment_header(line: &Line) -> bool {
    if line.n_words > 6 {
        return false;
    }
    let Some((name, age)) = [" · ", " • "]
        .into_iter()
        .find_map(|dot| line.text.split_once(dot))
    else {
        return false;
    };
    let name_is_a_handle = !name.is_empty()
        && name.len() <= 40
        && !name.contains(char::is_whitespace)
        && !name.contains("://");
    name_is_a_handle && is_time_ago(age)
}

/// Most words of a forum's row ([`is_forum_row`]).
const MAX_FORUM_ROW_WORDS: u32 = 14;

/// A forum's post header and its links back: "Post by kestrel_ » Fri Dec 19, 2008 10:15 am",
/// "by halo_dan77 » Sat Dec 13, 2008 9:14 am", "Return to U.S. Politics", "Jump to: U.S.
/// Politics".
fn is_forum_row(line: &Line) -> bool {
    let text = line.text;
    let header =
        (text.starts_with("Post by ") || text.starts_with("Postby ") || text.starts_with("by "))
            && text.contains(" » ")
            && holds_a_date(line);
    let link_back = line.n_words <= 6
        && (text.starts_with("Return to ") || text.starts_with("Jump to: "))
        && !line.ends_with_sentence_punctuation();
    header || link_back
}

/// "4h", "3d", "2 days ago", "5 hr. ago": a relative time as discussion threads print it.
fn is_time_ago(text: &str) -> bool {
    #[rustfmt::skip]
    const UNITS: &[&str] = &[
        "s", "m", "h", "d", "w", "y", "mo", "min", "mins", "hr", "hrs", "hour", "hours",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs",
    ];
    let text = text.trim().trim_end_matches(" ago").trim_end_matches('.');
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    !number.is_empty() && UNITS.contains(&unit.trim())
}

/// "♡ 214", "💬 38", "♡ 37  💬 4  ↻ Share": a count beside a like or comment icon (up to
/// three, and a share or reply button), an icon being one symbol outside ASCII (an emoji
/// with its variation selector too). A line drawing's characters ("│ ├── 001"
/// in a file tree) are no icons, and neither is "#10" (a list's rank heads an item).
fn is_icon_count(text: &str) -> bool {
    let is_icon = is_icon_token;
    // An icon is a symbol outside ASCII: most lines are ruled out at once.
    if text.is_ascii() {
        return false;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if let [first, second] = tokens[..] {
        return is_count(first) && is_icon(second) || is_icon(first) && is_count(second);
    }
    // Several: each icon followed by its count, or by a button ("♡ 37  💬 4  ↻ Share"); a
    // voting row ("▲ 1.2k ▼") is a thread's, told apart by the rule of comments.
    let is_button = |token: &str| matches!(token, "Share" | "share" | "Reply" | "reply");
    let mut n_counts = 0;
    for pair in tokens.chunks(2) {
        match pair {
            [icon, count] if is_icon(icon) && is_count(count) => n_counts += 1,
            [icon, button] if is_icon(icon) && is_button(button) => {}
            _ => return false,
        }
    }
    (1..=3).contains(&n_counts)
}

/// Whether `token` is one symbol outside ASCII (an emoji with its variation selector too),
/// as an icon prints; box drawing is a file tree's ("│ ├── 001"), not an icon.
fn is_icon_token(token: &str) -> bool {
    let mut chars = token.chars().filter(|&c| c != '\u{FE0F}');
    chars.next().is_some_and(|icon| {
        !icon.is_ascii() && !icon.is_alphanumeric() && !('\u{2500}'..='\u{259F}').contains(&icon)
    }) && chars.next().is_none()
}

/// Most words of a row of icon buttons ([`is_icon_button_row`]).
const MAX_ICON_ROW_WORDS: u32 = 15;

/// Fewest buttons of such a row.
const MIN_ICON_BUTTONS: usize = 3;

/// "☆ Star   ✓ Mark as read   ↗ Open original   ✉ Send to…", "👍 Like   🔁 Share   💬
/// Comment": three or more buttons set apart by runs of spaces, each an icon and one to three
/// words of letters.
fn is_icon_button_row(line: &Line) -> bool {
    // An icon opens the row: most lines are ruled out by their first byte.
    if line.text.as_bytes().first().map_or(true, u8::is_ascii) {
        return false;
    }
    spaced_items(line).is_some_and(|items| {
        items.len() >= MIN_ICON_BUTTONS
            && items.iter().all(|item| match item.split_first() {
                Some((icon, words)) => {
                    is_icon_token(icon)
                        && (1..=3).contains(&words.len())
                        && words.iter().all(|word| {
                            word.trim_end_matches(['…', '.'])
                                .chars()
                                .all(|c| c.is_alphabetic() || c == '-')
                        })
                }
                None => false,
            })
    })
}

/// "00:00 Intro and listener mail", "06:40 – The Luck-to-Wayne drive": a chapter mark of a
/// podcast's or a video's page, a time into the recording and its chapter's title.
fn is_chapter_mark(text: &str) -> bool {
    // A digit opens the line: most lines are ruled out by their first byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some((time, title)) = text.split_once(' ') else {
        return false;
    };
    let title = title.trim_start_matches(['–', '-', '—', ' ']);
    is_clock(time) && title.starts_with(char::is_alphanumeric)
}

/// Whether the chapter mark at `index` is one of a list of them that starts at the
/// recording's beginning ("00:00" or "0:00"), every line between them a mark too: a live
/// blog's entries also open with a time, but never with zero.
fn opens_a_chapter_list(lines: &[Line], index: usize) -> bool {
    let is_mark = |line: &Line| line.n_words == 0 || is_chapter_mark(line.text);
    // Back to the run's first mark; then the list is its marks while their times rise.
    let first = (0..=index)
        .rev()
        .take_while(|&at| is_mark(&lines[at]))
        .last()
        .unwrap_or(index);
    let mut previous: Option<u32> = None;
    let mut n_marks = 0;
    for (at, line) in lines.iter().enumerate().skip(first) {
        if line.n_words == 0 {
            continue;
        }
        let Some(seconds) = is_chapter_mark(line.text)
            .then(|| line.text.split(' ').next().and_then(clock_seconds))
            .flatten()
        else {
            break;
        };
        let in_order = match previous {
            None => seconds == 0,
            Some(previous) => seconds > previous,
        };
        if !in_order {
            break;
        }
        previous = Some(seconds);
        n_marks += 1;
        if at >= index && n_marks >= MIN_CHAPTER_MARKS {
            return true;
        }
    }
    false
}

/// Seconds of a time into a recording, "06:40" or "1:02:15".
fn clock_seconds(clock: &str) -> Option<u32> {
    clock.split(':').try_fold(0u32, |total, part| {
        part.parse::<u32>()
            .ok()
            .map(|value| total.saturating_mul(60).saturating_add(value))
    })
}

/// Fewest chapter marks of a list ([`opens_a_chapter_list`]).
const MIN_CHAPTER_MARKS: usize = 3;

/// Most words of a ticker of headlines ([`is_labelled_ticker`]).
const MAX_TICKER_WORDS: u32 = 40;

/// "HOT TOPICS: Pacquiao after De La Hoya • PBA Philippine Cup • AFF Suzuki Cup", "LATEST:
/// Caymanas Park entries now online · Schoolboy semi-finals set": a site's ticker or trending
/// bar, a label in capitals (one to three words) and two or more headlines between dots, or
/// three or more between bars. A label in capitals over one sentence ("UPDATE: Police said
/// …") stays.
fn is_labelled_ticker(text: &str) -> bool {
    // The label's capitals open the line: most lines are ruled out by their first bytes.
    if !text
        .as_bytes()
        .get(..2)
        .is_some_and(|head| head.iter().all(u8::is_ascii_uppercase))
    {
        return false;
    }
    let Some((label, items)) = text.split_once(": ") else {
        return false;
    };
    let label_in_capitals = label.len() >= 2
        && label.split(' ').count() <= 3
        && label
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b'&' | b'-'));
    if !label_in_capitals {
        return false;
    }
    let Some(separator) = [" • ", " · ", " | "]
        .into_iter()
        .find(|separator| items.contains(separator))
    else {
        return false;
    };
    // Two items between bars may be an event's dates and place ("TCEA: January 31-February
    // 4, 2026 | San Antonio, TX").
    let min_items = if separator == " | " { 3 } else { 2 };
    items.split(separator).count() >= min_items
        && items
            .split(separator)
            // A label in every item is a product's specifications ("CPU: Intel Core i3 |
            // RAM: 16GB").
            .all(|item| {
                !item.trim().is_empty() && item.split(' ').count() <= 14 && !item.contains(": ")
            })
}

/// Most words of a printed page's header or footer ([`is_print_margin`]).
const MAX_PRINT_MARGIN_WORDS: u32 = 40;

/// "19/12/2008 2:07 PM Watergate's 'Deep Throat' dies at 95 - World - illawarracourier",
/// "6/25/05 8:14 AM", "https://www.example.com/news/2009/07/20/story.htm Page 1 of 4": the
/// header and footer a browser prints on every page of a saved copy: the date and time of
/// printing (then the page's title, with its site after a separator), or the page's address
/// and its page number.
fn is_print_margin(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'h') => {
            let Some((address, page)) = text.split_once(" Page ") else {
                return false;
            };
            let mut numbers = page.split(" of ");
            let is_page_count = numbers.next().is_some_and(|n| is_number(n.as_bytes()))
                && numbers
                    .next()
                    .is_some_and(|n| is_number(n.trim().as_bytes()))
                && numbers.next().is_none();
            is_page_count && is_web_address(address)
        }
        Some(byte) if byte.is_ascii_digit() => {
            let mut tokens = text.split_whitespace();
            let date = tokens.next().unwrap_or_default();
            let is_date = date.split('/').count() == 3
                && date.split('/').all(|part| {
                    (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
                });
            if !is_date || !tokens.next().is_some_and(is_clock) {
                return false;
            }
            let rest: Vec<&str> = tokens
                .skip_while(|token| matches!(*token, "AM" | "PM" | "am" | "pm"))
                .collect();
            // The page's title, its site set apart ("… - World - Example Courier").
            rest.is_empty() || rest.contains(&"-") || rest.contains(&"::") || rest.contains(&"|")
        }
        _ => false,
    }
}

/// Most words of a printed page's running head ([`is_running_head`]).
const MAX_RUNNING_HEAD_WORDS: u32 = 16;

/// "62 THE LIFFEY EVENING PAPER SATURDAY, DECEMBER 13, 2008", "Sahyadri Herald | Pune |
/// Sunday, December 14, 2008 | 9", "Pune Edition | Sunday, December 14, 2008 | Page 9 |
/// NATION": the line an e-paper's text keeps from the top or the foot of each printed page,
/// the paper's name or section, the date and the page number (a number of one to three
/// digits opening or closing the line, or "Page N"). A dateline has no page number; a
/// sentence ends with a period, and a time stamp holds a colon.
fn is_running_head(line: &Line) -> bool {
    // A page number has no leading zero ("07 June 2013" is a date, "02: 03" a time).
    let is_page = |word: &str| {
        (1..=3).contains(&word.len())
            && !word.starts_with('0')
            && word.bytes().all(|b| b.is_ascii_digit())
    };
    // Most lines are ruled out by their first and last bytes and one search, before their
    // words are read.
    let bytes = line.text.as_bytes();
    let digit_at_an_end = bytes.first().is_some_and(u8::is_ascii_digit)
        || bytes.last().is_some_and(u8::is_ascii_digit);
    static PAGE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let page = PAGE.get_or_init(|| memchr::memmem::Finder::new(b"page "));
    if !digit_at_an_end && page.find(line.folded.as_bytes()).is_none() {
        return false;
    }
    let mut tokens = line.text.split_whitespace();
    let page_at_an_end =
        tokens.next().is_some_and(is_page) || tokens.next_back().is_some_and(is_page);
    // A label or a clock ("Edited time: March 13, 2013 02: 15") makes a stamp, not a head.
    if line.ends_with_period() || line.text.ends_with(['?', '!']) || line.text.contains(':') {
        return false;
    }
    let words = || line.folded.split(' ');
    if !words().any(is_calendar_year) || !words().any(|word| DATE_WORDS[..MONTHS].contains(&word)) {
        return false;
    }
    let mut pairs = words().zip(words().skip(1));
    let page_named = pairs.any(|(word, next)| word == "page" && is_page(next));
    // A number at an end is a page's beside a name ("THE CHRONICLE"), not a date's day
    // or a clock's hour beside the date alone ("2 A. M. FEB. 4, 2009").
    let n_named = words()
        .filter(|word| word.len() >= 2 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        .filter(|word| !DATE_WORDS.contains(word))
        .count();
    page_named || (page_at_an_end && n_named >= 2)
}

/// Most words of a wire service's slug line ([`is_wire_slug`]).
const MAX_WIRE_SLUG_WORDS: u32 = 10;

/// "BC-USA-FELT/OBIT (UPDATE 1)", "GREECE-STRIKE/VIOLENCE (UPDATE 3) - TAKE 2",
/// "BC-USA-FELT/OBIT 2ND TAKE": a wire story's slug, words in capitals joined by hyphens and
/// slashes, with its version and take.
fn is_wire_slug(text: &str) -> bool {
    // A capital opens the slug: most lines are ruled out by their first byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    // A hyphen and a slash both in the first word: "N/A" and "ASCM/APICS" are a page's own
    // words. Most lines' first word has neither: one pass over its bytes rules them out.
    let (mut has_slash, mut has_hyphen) = (false, false);
    for &byte in text.as_bytes() {
        match byte {
            b' ' => break,
            b'/' => has_slash = true,
            b'-' => has_hyphen = true,
            _ => {}
        }
    }
    if !has_slash || !has_hyphen {
        return false;
    }
    let mut tokens = text.split(' ');
    let slug = tokens.next().unwrap_or_default();
    let mut parts = slug.split(['-', '/']).filter(|part| !part.is_empty());
    let is_slug = parts.clone().all(|part| {
        part.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    }) && parts.nth(2).is_some();
    is_slug
        && tokens.all(|token| {
            let token = token.trim_matches(['(', ')']);
            matches!(
                token,
                "-" | "UPDATE" | "TAKE" | "URGENT" | "CORRECTED" | "REFILE"
            ) || token.bytes().all(|b| b.is_ascii_digit())
                || matches!(token, "1ST" | "2ND" | "3RD" | "4TH" | "5TH")
        })
}

/// Most words of a header field of a record or a message ([`is_record_header`]).
const MAX_RECORD_HEADER_WORDS: u32 = 30;

/// Fewest known labels in a run of header fields ([`is_record_header`]).
const MIN_RECORD_HEADER_FIELDS: usize = 3;

/// Labels, lower-cased, of the header fields that Usenet messages, library databases'
/// records and press-clipping services print around an article.
#[rustfmt::skip]
const RECORD_HEADER_LABELS: &[&str] = &[
    // Usenet. (Not e-mail's From, To and Subject: a mailing list's archive page is its
    // messages, headers and all, and WCXB's gold keeps them.)
    "newsgroups", "message-id", "lines",
    // A library database's record.
    "publication title", "publication year", "publication date", "place of publication",
    "country of publication", "source type", "language of publication", "document type",
    "document id", "document url", "database", "publisher", "people",
    "company / organization", "issn", "proquest document id", "subjects", "locations",
    "accession number", "section",
    // A press-clipping service's item.
    "client", "media type", "outlet", "edition", "tone", "reach", "estimated reach",
    "sentiment", "search terms matched", "search profile", "profile", "report date",
    "digest date", "delivered",
];

/// "Newsgroups: alt.sports.football.pro", "Publication title: E! Online", "Media type:
/// Online": a header field of a Usenet message, a library
/// database's record or a press-clipping service's item, a label and its value on a line of
/// a run of such lines of which at least [`MIN_RECORD_HEADER_FIELDS`] have a label these
/// headers use ([`RECORD_HEADER_LABELS`]). Its own label must be one of them: a fact table's
/// rows ("Headquarters: Coral Gables, FL") stay, and so do an e-mail's headers but for a
/// forwarded message's.
fn is_record_header(lines: &[Line], index: usize) -> bool {
    let has_label_of = |text: &str, labels: &[&str]| {
        record_label(text)
            .is_some_and(|label| labels.iter().any(|known| label.eq_ignore_ascii_case(known)))
    };
    let text = lines[index].text;
    let is_mail_field = |text: &str| has_label_of(text, MAIL_HEADER_LABELS);
    if !has_label_of(text, RECORD_HEADER_LABELS) && !is_mail_field(text) {
        return false;
    }
    // The run of label-and-value lines around the line (blank lines end it).
    let in_run = |at: &usize| record_label(lines[*at].text).is_some();
    let first = (0..index).rev().take_while(in_run).last().unwrap_or(index);
    // An e-mail's header fields count right under a forwarding line only.
    let forwarded = (0..first)
        .rev()
        .find(|&at| lines[at].n_words > 0)
        .is_some_and(|at| FORWARDING_LINES.contains(&lines[at].folded));
    let counts =
        |text: &str| has_label_of(text, RECORD_HEADER_LABELS) || (forwarded && is_mail_field(text));
    if !counts(text) {
        return false;
    }
    let n_known = (first..lines.len())
        .take_while(in_run)
        .filter(|&at| counts(lines[at].text))
        .take(MIN_RECORD_HEADER_FIELDS)
        .count();
    n_known >= MIN_RECORD_HEADER_FIELDS
}

/// Labels, lower-cased, of an e-mail's header fields: [`is_record_header`] takes them only
/// in a run right under a forwarding line ([`FORWARDING_LINES`]), where they head a message
/// someone passed on; a mailing list's archive page is its messages, headers and all.
const MAIL_HEADER_LABELS: &[&str] = &["from", "to", "cc", "sent", "date", "subject", "reply-to"];

/// Folded lines that mail programs print over a forwarded or quoted message
/// ("---------- Forwarded message ---------", "-----Original Message-----").
const FORWARDING_LINES: &[&str] = &[
    "forwarded message",
    "original message",
    "begin forwarded message",
];

/// Bytes of the longest label [`record_label`] reads.
const MAX_RECORD_LABEL_BYTES: usize = 40;

/// The label of a "Label: value" line: one to four words before the first ": ", opening
/// with a capital; `None` for other lines.
fn record_label(text: &str) -> Option<&str> {
    // A capital opens the label: most lines are ruled out by their first byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // The colon within the line's first bytes (a byte search: most lines have none there).
    let head = &text.as_bytes()[..text.len().min(MAX_RECORD_LABEL_BYTES)];
    let colon = memchr::memchr(b':', head)?;
    if text.as_bytes().get(colon + 1) != Some(&b' ') {
        return None;
    }
    let label = &text[..colon];
    (label.split(' ').count() <= 4).then_some(label)
}

/// Most words of a reblog's note ([`is_reblog_note`]).
const MAX_REBLOG_NOTE_WORDS: u32 = 12;

/// "eastvanmarcie liked this", "yvrnewsroom posted this", "nolagirl504 reblogged this from
/// whodatdaily", "vancouverwatcher reblogged from yvrnewsroom", "58 notes": the notes under
/// a reblogged post, a user's handle (one word) and what they did, or the count of notes.
fn is_reblog_note(text: &str) -> bool {
    // Every note ends with "this" or "notes", or has "reblogged" for its second word: most
    // lines are ruled out without a split.
    let second_word_reblogged = memchr::memchr(b' ', text.as_bytes())
        .is_some_and(|space| text[space + 1..].starts_with("reblogged "));
    if !(text.ends_with(" this") || text.ends_with(" notes") || second_word_reblogged) {
        return false;
    }
    let Some((handle, rest)) = text.split_once(' ') else {
        return false;
    };
    if rest == "notes" {
        return is_count(handle);
    }
    let is_handle = !handle.contains(['.', ',', ':']) && handle.len() <= 40;
    is_handle
        && (rest == "liked this"
            || rest == "posted this"
            || rest.starts_with("reblogged this from ")
            || rest.starts_with("reblogged from "))
}

/// Labels in capitals of a ticker's items printed one per line ([`is_ticker_item`]).
const TICKER_LABELS: &[&str] = &[
    "LATEST: ",
    "HOT: ",
    "TRENDING: ",
    "JUST IN: ",
    "POPULAR: ",
    "MOST READ: ",
    "TOP STORY: ",
];

/// "LATEST: Pacquiao homecoming set for Monday" over "LATEST: PAGASA raises storm signal":
/// a ticker's items printed one per line, each under the same label in capitals as the line
/// before or after it. One such line alone may be a report's own update.
fn is_ticker_item(lines: &[Line], index: usize) -> bool {
    let text = lines[index].text;
    // Two capitals open the label: most lines are ruled out by their first bytes.
    if !text
        .as_bytes()
        .get(..2)
        .is_some_and(|head| head.iter().all(u8::is_ascii_uppercase))
    {
        return false;
    }
    let Some(label) = TICKER_LABELS.iter().find(|label| text.starts_with(*label)) else {
        return false;
    };
    let same_label = |at: usize| {
        lines
            .get(at)
            .is_some_and(|line| line.text.starts_with(label))
    };
    let previous = (0..index).rev().find(|&at| lines[at].n_words > 0);
    let next = (index + 1..lines.len()).find(|&at| lines[at].n_words > 0);
    previous.is_some_and(same_label) || next.is_some_and(same_label)
}

/// Labels of a notice board's classified notices ([`is_classified_notice`]).
const CLASSIFIED_LABELS: &[&str] = &[
    "FOR SALE: ",
    "FOR RENT: ",
    "LOST: ",
    "FOUND: ",
    "WANTED: ",
    "FREE: ",
];

/// "FOR SALE: child's bike, 16in wheels, £20 ono", "LOST: grey tabby cat, answers to
/// Smudge": a notice board's classified notice, under its label in capitals.
fn is_classified_notice(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'F' | b'L' | b'W'))
        && CLASSIFIED_LABELS
            .iter()
            .any(|label| text.starts_with(label))
}

/// Openings of a newsletter's pitch ([`is_newsletter_pitch`]), folded.
const PITCH_OPENINGS: &[&str] = &["sign up for ", "sign up to ", "subscribe to ", "get the "];

/// "Sign up for the Herald Sport newsletter and get the weekend's results…", "Get the World
/// Briefing newsletter: the day's biggest stories…": a pitch for a newsletter, however long
/// it runs on about what the newsletter brings: a call to sign up (or to get it) that names
/// a newsletter, a digest or the reader's inbox in its first words.
fn is_newsletter_pitch(folded: &str) -> bool {
    matches!(folded.as_bytes().first(), Some(b's' | b'g'))
        && PITCH_OPENINGS
            .iter()
            .any(|opening| folded.starts_with(opening))
        // Named in the call itself, not later in a sentence that opens so ("Get the facts
        // right first, the editor told the newsletter's staff").
        && folded
            .split(' ')
            .take(PITCH_NAMING_WORDS)
            .any(|word| matches!(word, "newsletter" | "digest" | "inbox"))
}

/// Words of a newsletter's pitch that must name it ([`is_newsletter_pitch`]).
const PITCH_NAMING_WORDS: usize = 8;

/// Fewest words of a cookie notice [`is_consent_notice`] judges: it speaks of cookies and
/// asks for consent.
const MIN_CONSENT_NOTICE_WORDS: u32 = 12;

/// "Prairie Sportswire uses cookies to personalise content. By clicking "OK" or continuing
/// you agree…": a cookie notice that opens with the site's name, told by its cookies and the
/// consent it asks for (quoted button names do not make it speech).
fn is_consent_notice(folded: &str) -> bool {
    static COOKIES: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let Some(at) = COOKIES
        .get_or_init(|| memchr::memmem::Finder::new(b" cookies"))
        .find(folded.as_bytes())
    else {
        return false;
    };
    let speaks_of_cookies = folded[..at].ends_with(" uses") || folded[..at].ends_with(" use");
    speaks_of_cookies
        && ["by clicking", "by continuing", "you agree", "you consent"]
            .iter()
            .any(|consent| folded.contains(consent))
}

/// "◄ 16 ►", "♥ 37 ♥": one count between symbols outside ASCII (a calendar's day between
/// its arrows, a count between icons). A number alone stays: it is a table's cell or a
/// list's as often as a post's claps.
fn is_bare_count(text: &str) -> bool {
    // An icon opens the line: most lines are ruled out by their first byte.
    if text.as_bytes().first().map_or(true, u8::is_ascii) {
        return false;
    }
    let mut n_counts = 0;
    for token in text.split_whitespace() {
        if is_count(token) {
            n_counts += 1;
        } else if !token.chars().all(|c| {
            // An arrow or an icon; box drawing is a file tree's ("│ ├── 001").
            !c.is_ascii() && !c.is_alphanumeric() && !('\u{2500}'..='\u{259F}').contains(&c)
        }) {
            return false;
        }
    }
    n_counts == 1
}

/// Most words of a profile's count line ([`is_profile_count`]).
const MAX_PROFILE_COUNT_WORDS: u32 = 12;

/// "1.2K Followers · Writer for Hot Corner Hype", "318 followers | Editor of Bolt Up": a blog
/// profile's count of its followers or subscribers, then a separator and the profile's
/// line. A count alone ("1,193 subscribers") may be what a page reports, and stays.
fn is_profile_count(text: &str) -> bool {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut tokens = text.split_whitespace();
    let (Some(count), Some(noun)) = (tokens.next(), tokens.next()) else {
        return false;
    };
    let is_audience = ["followers", "subscribers", "members", "fans"]
        .iter()
        .any(|audience| noun.eq_ignore_ascii_case(audience));
    is_count(count)
        && is_audience
        && tokens
            .next()
            .is_some_and(|next| matches!(next, "·" | "|" | "•"))
}

/// Most words of a row of bracketed links ([`is_bracketed_row`]).
const MAX_BRACKETED_ROW_WORDS: u32 = 16;

/// Most words inside one bracketed link.
const MAX_BRACKETED_ITEM_WORDS: usize = 5;

/// "[ Print this page ]   [ Close window ]", "[Back to top]  [Text edition home]", "[US-POL]
/// [OBIT] [MEDIA]": two or more short items in square brackets and nothing else, the
/// buttons of a text-only or print page or a wire's topic codes.
fn is_bracketed_row(text: &str) -> bool {
    if !text.starts_with('[') || !text.ends_with(']') {
        return false;
    }
    let mut n_items = 0;
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return n_items >= 2;
        }
        let Some((item, after)) = rest
            .strip_prefix('[')
            .and_then(|inner| inner.split_once(']'))
        else {
            return false;
        };
        let n_words = item.split_whitespace().count();
        if item.contains('[') || !(1..=MAX_BRACKETED_ITEM_WORDS).contains(&n_words) {
            return false;
        }
        n_items += 1;
        rest = after;
    }
}

/// "<HELP> for explanation.  <MENU> for similar functions.", "For related news: TOP SPORTS
/// <GO>": a news terminal's function keys in angle brackets, which no article's text holds.
/// Only the terminal's own keys: a manual's "Press <ESCAPE>" or "<DEV>=lan" is its text.
fn has_terminal_key(text: &str) -> bool {
    const KEYS: [&[u8]; 4] = [b"GO>", b"HELP>", b"MENU>", b"PAGE>"];
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        let key = bytes.get(at + 1..).unwrap_or_default();
        KEYS.iter().any(|name| key.starts_with(name))
    })
}

/// The months' full and short names open [`DATE_WORDS`]: this many.
const MONTHS: usize = 24;

/// Most words of an archive's calendar row ([`is_calendar_row`]).
const MAX_CALENDAR_WORDS: u32 = 12;

/// "DEC   JAN   FEB", "2008   2009   2010", "Captured 9 times between 2008 and 2014", "38
/// captures | 11 Sep 2010 - 03 Feb 2017": the calendar a web archive prints over the page it
/// kept, three or more month names or years and nothing else, or its count of captures.
fn is_calendar_row(line: &Line) -> bool {
    let folded = line.folded;
    if folded.starts_with("captured ") {
        return folded.contains(" times between ") && line.n_words <= 7;
    }
    // "38 captures | 11 Sep 2010 - 03 Feb 2017".
    if line.text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let mut tokens = line.text.split_whitespace();
        if tokens.next().is_some_and(is_count) && tokens.next() == Some("captures") {
            return true;
        }
    }
    if line.n_words < 3 {
        return false;
    }
    fn is_month(word: &str) -> bool {
        DATE_WORDS[..MONTHS].contains(&word)
    }
    // The first word tells which row it may be: most lines are ruled out by it.
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or_default();
    let same_kind: fn(&str) -> bool = if is_year(first) {
        is_year
    } else if is_month(first) {
        is_month
    } else {
        return false;
    };
    !line.ends_with_period() && words.all(same_kind)
}

/// Most words of a syndication credit ([`is_syndication_credit`]).
const MAX_SYNDICATION_CREDIT_WORDS: u32 = 7;

/// "Provided by Surrey Gazette": a portal's credit to the paper it syndicates, capitalised
/// names after "Provided by"; "Provided by the city, the funds …" is prose.
fn is_syndication_credit(line: &Line) -> bool {
    let Some(name) = line.text.strip_prefix("Provided by ") else {
        return false;
    };
    !line.ends_with_sentence_punctuation()
        && !name.contains(',')
        && name
            .split_whitespace()
            .all(|word| word.starts_with(|c: char| c.is_uppercase() || c == '&'))
}

/// Most words of a time alone on a line ([`is_time_alone`]): "8 15 p m" is four.
const MAX_TIME_ALONE_WORDS: u32 = 6;

/// "8:15 p.m.", "15:10 IST", "0:00 / 1:52", "2–3 minutes": a clock time, a player's position
/// or a reading time alone on a line, a live blog's entry stamp or a player's or reader
/// view's furniture; never a sentence.
fn is_time_alone(text: &str) -> bool {
    // A digit opens the line: most lines are ruled out by their first byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut tokens = text.split_whitespace();
    let first = tokens.next().unwrap_or_default();
    if is_clock(first) {
        // "8:15 p.m.", "15:10 IST", or a player's "position / length".
        let mut rest = tokens.peekable();
        if rest.peek() == Some(&"/") {
            rest.next();
            return rest.next().is_some_and(is_clock) && rest.next().is_none();
        }
        return rest.all(|token| {
            let word: String = token
                .chars()
                .filter(|&c| c != '.')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            date_words().contains(word.as_str())
        });
    }
    // "2–3 minutes", "5 min": a number or a range of them, and the unit.
    let is_amount = first
        .split(['–', '-'])
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    let unit = tokens.next().unwrap_or_default();
    is_amount
        && ["minutes", "minute", "mins", "min"]
            .iter()
            .any(|name| unit.eq_ignore_ascii_case(name))
        && tokens.next().is_none()
}

/// "8:15", "15:10", "1:52:07": a clock time or a duration, hours (or minutes) then minutes.
fn is_clock(token: &str) -> bool {
    let mut parts = token.split(':');
    let hours = parts.next().unwrap_or_default();
    (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && parts.clone().count() >= 1
        && parts.all(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Bytes of the longest label [`is_record_field`] knows ("Article identifier").
const LONGEST_RECORD_FIELD: usize = 18;

/// Most words of a news database's record field ([`is_record_field`]).
const MAX_RECORD_FIELD_WORDS: u32 = 10;

/// "LENGTH: 1172 words", "LOAD-DATE: January 7, 2009", "BODY:": the fields a news database
/// (LexisNexis, Factiva) prints around an article it holds, a label of its own in capitals;
/// and a wire service's feed page's ("Slug: BC-CA--Deputy Shot", "Priority: U (Urgent)").
fn is_record_field(text: &str) -> bool {
    #[rustfmt::skip]
    const FIELDS: &[&str] = &[
        "SECTION", "LENGTH", "BODY", "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "DOCUMENT-TYPE",
        "JOURNAL-CODE", "GRAPHIC", "HIGHLIGHT", "CORRECTION-DATE", "ACC-NO", "WORD COUNT",
        // A wire service's feed page labels its items' fields so.
        "Slug", "Priority", "Transmitted", "Eds", "Item ID",
        // A syndication console's, a photo agency's, a press-release wire's, a newspaper
        // archive's and a forum profile's fields.
        "GUID", "Embargo", "Word count", "Desk note", "Desk contact", "Media contact", "Image ID",
        "Article identifier", "Joined", "Distributed",
    ];
    // A capital opens the line: most lines are ruled out by their first byte.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    // The label is a short first word: look for its colon in the line's first bytes only.
    let head = text
        .as_bytes()
        .get(..LONGEST_RECORD_FIELD + 1)
        .unwrap_or(text.as_bytes());
    head.iter()
        .position(|&b| b == b':')
        .and_then(|colon| text.get(..colon))
        .is_some_and(|label| FIELDS.contains(&label))
}

/// "[3/8/13, 11:58:14 AM] Kevin O.: Made it to the arena": a line of an exported chat (a
/// date and a time in brackets, then the sender or the chat's own notice), its members' talk
/// around a story one of them pasted.
fn is_chat_message(text: &str) -> bool {
    let Some(stamp) = text
        .strip_prefix('[')
        .and_then(|rest| rest.split_once("] "))
    else {
        return false;
    };
    let Some((date, time)) = stamp.0.split_once(", ") else {
        return false;
    };
    let is_date = date.split(['/', '.', '-']).count() == 3
        && date
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-'));
    let clock = time.split(' ').next().unwrap_or_default();
    is_date && is_clock(clock)
}

/// Most words of a wiki's section heading ("Related news[edit]").
const MAX_WIKI_HEADING_WORDS: u32 = 6;

/// Most words of a row of figures ([`is_figure_row`]), its figures' parts counted apart.
const MAX_FIGURE_ROW_WORDS: u32 = 40;

/// Fewest items of a row of figures ([`is_figure_row`]).
const MIN_FIGURE_ITEMS: usize = 3;

/// "DJIA 9,015.10 +62.21 | S&P 500 934.70 +7.25 | NASDAQ 1,652.38 +24.04", "Fajr 5:27 | Dhuhr
/// 12:16 | Asr 3:14": a ticker or a widget of times, three or more short items between bars
/// or runs of spaces, every one a name with a figure; no item ends like a sentence.
fn is_figure_row(line: &Line) -> bool {
    // A label may open the row ("Prayer timings: Fajr 5:27"); a label in every item is a
    // product's specifications ("CPU: Intel Core i3 | RAM: 16GB"), and slashes, equals
    // signs, brackets and options are code ("curl -fL https://… | tar xz").
    let is_figure = |(position, item): (usize, &str)| {
        // Figures and arrows ("8,102.44 ▲ 1.2%") do not count against the item's words.
        let n_words = item.split_whitespace().count();
        let n_named = item
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphabetic))
            .count();
        (1..=5).contains(&n_named)
            && n_words <= 8
            && item.bytes().any(|byte| byte.is_ascii_digit())
            && item.chars().any(char::is_alphabetic)
            && !item.ends_with(['.', ',', ';', '?', '!'])
            && (position == 0 || !item.contains(": "))
            && !item.contains(['\\', '=', '{', '[', '<'])
            // A currency pair ("USD/KRW", "S$/US$", "R/£") is no path.
            && item.split_whitespace().all(|word| {
                !word.contains('/')
                    || word.chars().all(|c| {
                        c.is_ascii_uppercase() || matches!(c, '/' | '$' | '£' | '€' | '¥' | '₹')
                    })
            })
            && !item.split_whitespace().any(|word| {
                word.starts_with("-") && word.len() > 1 && word.as_bytes()[1].is_ascii_alphabetic()
            })
    };
    // A bar or a dot sets the items apart (one pass over the bytes rules most lines out
    // before any search), else runs of spaces.
    let separator = if !line
        .text
        .bytes()
        .any(|byte| matches!(byte, b'|' | 0xC2 | 0xE2))
    {
        None
    } else {
        [" | ", " · ", " • "]
            .into_iter()
            .find(|separator| line.text.contains(separator))
    };
    if let Some(separator) = separator {
        let mut items = line.text.split(separator).map(str::trim).enumerate();
        return items.clone().count() >= MIN_FIGURE_ITEMS && items.all(is_figure);
    }
    // Items set apart by runs of spaces ("Fajr 5:32  Dhuhr 12:17  Asr 3:17").
    spaced_items(line).is_some_and(|items| {
        items.len() >= MIN_FIGURE_ITEMS
            && items
                .iter()
                .enumerate()
                .all(|(position, item)| is_figure((position, &item.join(" "))))
    })
}

/// A count as pages print one: digits with thousands separators or a decimal point, and an
/// optional K or M ("1,204", "1.2K", "17"; not a version, "1.2.3").
pub(crate) fn is_count(word: &str) -> bool {
    let digits = word.trim_end_matches(['k', 'K', 'm', 'M']);
    let bytes = digits.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|&byte| byte.is_ascii_digit() || matches!(byte, b',' | b'.'))
        && bytes.iter().filter(|&&byte| byte == b'.').count() <= 1
        && word.len() - digits.len() <= 1
}

/// Most words of a column jump ([`is_column_jump`]).
const MAX_COLUMN_JUMP_WORDS: u32 = 8;

/// A newspaper page's number or a story's jump to another page, as an e-edition's text
/// prints them: "Page B6", "Continued from 3D", "Please see KLITSCHKO, C6", "KLITSCHKO, from
/// C1", "HIT-AND-RUN continues on B6 ►", "Page 22 of 52 · SPORTS · C6". The line ends with a
/// page (a letter and a number: "B6", "6D"), holds a word of the jump (page, continued,
/// see, from …), and its other words are the story's slug in capitals or numbers: "Moody's
/// cuts Greece from B1" is a headline.
fn is_column_jump(line: &Line) -> bool {
    #[rustfmt::skip]
    const JUMP_WORDS: &[&str] = &[
        "page", "continued", "continues", "from", "on", "please", "see", "of", "jump",
        "turn", "to",
    ];
    let is_page = |word: &str| {
        let bytes = word.as_bytes();
        let letter_first = bytes.first().is_some_and(u8::is_ascii_alphabetic)
            && bytes.len() <= 3
            && bytes[1..].iter().all(u8::is_ascii_digit);
        let letter_last = bytes.last().is_some_and(u8::is_ascii_alphabetic)
            && bytes.len() <= 3
            && bytes[..bytes.len() - 1].iter().all(u8::is_ascii_digit);
        bytes.len() >= 2 && (letter_first || letter_last)
    };
    if !line.folded.rsplit(' ').next().is_some_and(is_page) {
        return false;
    }
    let mut has_jump_word = false;
    let words_fit = line
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| {
            let jump = JUMP_WORDS
                .iter()
                .any(|jump| jump.eq_ignore_ascii_case(word));
            has_jump_word |= jump;
            jump || is_page(&word.to_ascii_lowercase()) || !word.contains(char::is_lowercase)
        });
    words_fit && has_jump_word
}

/// "Page 1 of 8", "Image 2 of 5".
fn is_page_number(folded: &str) -> bool {
    let mut words = folded.as_bytes().split(|&byte| byte == b' ');
    words.next().is_some_and(|first| {
        matches!(
            first,
            b"page" | b"image" | b"photo" | b"picture" | b"slide" | b"video"
        )
    }) && words.next().is_some_and(is_number)
        && words.next() == Some(b"of")
        && words.next().is_some_and(is_number)
}

/// "Last updated on June 18, 2024 at 10:30 am", "First published on Tue 18 Jun 2024 09.00
/// BST": a date line that says when the page was published or updated, anywhere in it.
fn is_time_stamp_line(line: &Line) -> bool {
    // The date rule first: it rules most lines out at their first word.
    if is_dateline_only(line) && is_publication_stamp(line.folded) {
        return true;
    }
    // "Page last updated at 22:46 GMT": the stamp of the page, not of an event.
    let Some(stamp) = line.folded.strip_prefix("page ") else {
        return false;
    };
    let text = line.text.get("page ".len()..).unwrap_or_default();
    is_date_only(stamp, line.n_words - 1, text) && is_publication_stamp(stamp)
}

/// Whether a date line says that the page was published or updated then ("Published: June
/// 18, 2024", "Last updated on …", "Posted 12/19/2005"), not when the event happened. The
/// pipeline takes such a line, once removed, as the article's date when it has none.
pub fn is_publication_stamp(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|word| {
        ["published", "updated", "posted", "modified"]
            .iter()
            .any(|stamp| word.eq_ignore_ascii_case(stamp))
    })
}

/// "Follow @example", "Follow Jane Doe on Twitter: @janedoe", "Contact the author at
/// jdoe@example.com": a short line that asks to follow a handle or write to an address.
/// A line that only gives one ("Email: info@example.org", "Details: 400 N. 2nd Ave.
/// @junebug on Instagram", `"email": "a@b.c"`) may be the content itself, and stays.
fn is_handle_or_contact(line: &Line) -> bool {
    let text = line.text;
    if !text.starts_with(char::is_alphabetic) {
        return false;
    }
    let Some(at) = text.bytes().position(|byte| byte == b'@') else {
        return false;
    };
    let first = line.folded.split(' ').next().unwrap_or_default();
    let address = text.get(..at).is_some_and(|before| {
        before.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    });
    if address {
        matches!(first, "contact" | "send" | "write" | "reach")
    } else {
        matches!(first, "follow" | "join")
    }
}

/// A year as a copyright line or an archive's calendar prints it: four digits.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A year a news page prints as a date's: 1900–2099.
fn is_calendar_year(word: &str) -> bool {
    is_year(word) && (word.starts_with("19") || word.starts_with("20"))
}

/// Most words of a "(c) Example Media 2024" line, the holder before the year.
const MAX_COPYRIGHT_HOLDER_WORDS: u32 = 8;

/// "(c) 2024 Example Media", "(c) Example Media 2024" or "Copyright 2024 Example Media".
fn is_copyright_notice(line: &Line) -> bool {
    // Both forms start with a "c"; most lines are ruled out before splitting them.
    if line.folded.as_bytes().first() != Some(&b'c') {
        return false;
    }
    let mut words = line.folded.split(' ');
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let year_second = is_year(second);
    let ends_in_year = || is_year(line.folded.rsplit(' ').next().unwrap_or_default());
    (first == "copyright" && (year_second || second == "c"))
        || (first == "c"
            && line.text.starts_with("(c)")
            && (year_second || (line.n_words <= MAX_COPYRIGHT_HOLDER_WORDS && ends_in_year())))
}

/// An alternation matching any of `phrases` as whole words of a folded line. The pattern is
/// built from escaped literals and always compiles; if it somehow did not, the rule would
/// simply never match rather than panic.
pub(crate) fn word_alternation(phrases: &[&str]) -> Option<Regex> {
    let alternatives: Vec<String> = phrases.iter().map(|phrase| regex::escape(phrase)).collect();
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|"))).ok()
}

/// [`SOCIAL_WORDS`] as a set: most short lines are asked about their first word, which a
/// scan of the list compared with every entry.
fn social_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| SOCIAL_WORDS.iter().copied().collect())
}

/// [`DATE_WORDS`] as a set: [`is_date_only`] asks about the first word of every short line.
fn date_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| DATE_WORDS.iter().copied().collect())
}

/// [`FOREIGN_HEADINGS`] as a set: every short line is looked up.
fn foreign_headings() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FOREIGN_HEADINGS.iter().copied().collect())
}

fn furniture_lines() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FURNITURE_LINES.iter().copied().collect())
}

/// Matches a furniture prefix at the start of a folded line or a furniture phrase anywhere in
/// it; one regex for both lists.
fn furniture_phrase_regex() -> Option<&'static Regex> {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| {
        let prefixes: Vec<String> = FURNITURE_PREFIXES
            .iter()
            .map(|prefix| regex::escape(prefix))
            .collect();
        let phrases: Vec<String> = FURNITURE_PHRASES
            .iter()
            .map(|phrase| regex::escape(phrase))
            .collect();
        let pattern = format!(
            r"(?m:^)(?:{})(?-u:\b)|(?-u:\b)(?:{})(?-u:\b)",
            prefixes.join("|"),
            phrases.join("|")
        );
        Regex::new(&pattern).ok()
    });
    regex.as_ref()
}

/// The phrases of short lines as words: list 0 holds [`FURNITURE_PREFIXES`] at the start of a
/// line and [`FURNITURE_PHRASES`] anywhere, list 1 [`SHORT_CTA_PHRASES`] anywhere, list 2
/// [`NATIVE_AD_PHRASES`] anywhere; `None` if a phrase is not plain words.
fn line_phrase_set() -> Option<&'static PhraseSet> {
    static SET: OnceLock<Option<PhraseSet>> = OnceLock::new();
    SET.get_or_init(|| {
        PhraseSet::new(&[
            (FURNITURE_PREFIXES, FURNITURE_PHRASES),
            (&[], SHORT_CTA_PHRASES),
            (&[], NATIVE_AD_PHRASES),
        ])
    })
    .as_ref()
}

fn native_ad_regex() -> Option<&'static Regex> {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    REGEX
        .get_or_init(|| word_alternation(NATIVE_AD_PHRASES))
        .as_ref()
}

fn short_cta_regex() -> Option<&'static Regex> {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    REGEX
        .get_or_init(|| word_alternation(SHORT_CTA_PHRASES))
        .as_ref()
}

/// "Read more →", "Test winner ➔": short link labels end with an arrow.
fn ends_with_link_arrow(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| matches!(c, '→' | '➔' | '➜' | '›' | '»' | '▸' | '❯' | '>' | '⟶' | '↗'))
}

/// Why a line that starts like an image credit, a caption, a link label or a tag list is
/// furniture, if it does.
fn credit_or_label(text: &str) -> Option<&'static str> {
    // An arrow or a bullet may lead the label ("▶ Related: …").
    let text = match text.as_bytes().first() {
        Some(byte) if !byte.is_ascii() => text
            .trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | '['))
            .trim_start(),
        _ => text,
    };
    let bytes = text.as_bytes();
    // Every credit prefix has a colon early, an opening bracket, or one of a few first words.
    let head = bytes.get(..24).unwrap_or(bytes);
    let first_word = text.split(' ').next().unwrap_or_default();
    let plausible = head.contains(&b':')
        || matches!(bytes.first(), Some(b'(' | b'['))
        || [
            "photo",
            "photograph",
            "staff",
            "image",
            "file",
            "representative",
            "representational",
            "ap",
            "afp",
            "reuters",
            "read",
            "also",
            "courtesy",
        ]
        .iter()
        .any(|word| first_word.eq_ignore_ascii_case(word));
    if !plausible {
        return None;
    }
    let starts_with = |prefixes: &[&str]| {
        prefixes.iter().any(|prefix| {
            bytes
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
        })
    };
    if starts_with(LABEL_PREFIXES) {
        Some("link label or tag list")
    } else if starts_with(CREDIT_PREFIXES) {
        Some("image credit or caption line")
    } else {
        None
    }
}

/// "By Jane Doe" or "By Jane Doe and John Roe, Reuters": a short line of capitalised names
/// after "By".
pub(crate) fn is_byline(line: &Line) -> bool {
    if line.n_words < 2 || line.n_words > 8 || line.ends_with_period() {
        return false;
    }
    let mut words = line.text.split(' ').peekable();
    // "Written by Jane Doe", "Reported by …": a verb of authorship before "by". "Edited By:
    // …", "Published By: …" are credits only as labels, with a colon: "Published by
    // Hachette" names a book's publisher.
    let as_label_only = ["published", "edited", "curated", "compiled"];
    let mut label_only = false;
    if let Some(word) = words.peek() {
        if ["written", "reported", "words", "story", "posted"]
            .iter()
            .any(|verb| word.eq_ignore_ascii_case(verb))
        {
            words.next();
        } else if as_label_only
            .iter()
            .any(|verb| word.eq_ignore_ascii_case(verb))
        {
            label_only = true;
            words.next();
        }
    }
    let by = words.next();
    let is_by = if label_only {
        matches!(by, Some("By:" | "by:" | "BY:"))
    } else {
        matches!(by, Some("By" | "by" | "BY" | "By:" | "by:" | "BY:"))
    };
    if !is_by {
        return false;
    }
    // After a separator, a relative time may follow ("Story by Jane Doe • 3h").
    let mut after_separator = false;
    words.all(|word| {
        let first = word.chars().next();
        let separator = matches!(word, "•" | "·" | "|" | "-" | "–" | "—");
        after_separator |= separator;
        separator
            || first.is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
            || matches!(word, "and" | "of" | "in" | "for" | "de" | "van" | "von")
            || (after_separator && (is_relative_time_word(word) || is_date_or_time_word(word)))
    })
}

/// A word of a date or a clock time after a byline's separator ("September", "14,",
/// "2013", "11:41am", "IST").
fn is_date_or_time_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let is_date_word = |word: &str| {
        DATE_WORDS
            .iter()
            .any(|date| date.eq_ignore_ascii_case(word))
    };
    // A number or a clock time, and a unit or zone joined to it ("11:41am", "14th").
    let digits_end = word
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.')))
        .unwrap_or(word.len());
    let (number, unit) = word.split_at(digits_end);
    is_date_word(word)
        || (number.starts_with(|c: char| c.is_ascii_digit())
            && (unit.is_empty() || is_date_word(unit)))
}

/// A word of a relative time ("3h", "12m", "5", "hours", "ago"): a number, a word of the
/// time-stamp rule's [`TIME_WORDS`] or [`TIME_MARKERS`], or a number with such a unit joined.
fn is_relative_time_word(word: &str) -> bool {
    let unit = word.trim_start_matches(|c: char| c.is_ascii_digit());
    !word.is_empty()
        && (unit.is_empty() || TIME_WORDS.contains(&unit) || TIME_MARKERS.contains(&unit))
}

/// True for a line that holds only a date or time ("DECEMBER 9, 2022", "Updated: 18 Jun 2024,
/// 10:30 am IST").
pub(crate) fn is_dateline_only(line: &Line) -> bool {
    is_date_only(line.folded, line.n_words, line.text)
}

/// [`is_dateline_only`] on a line's folded form, its word count and its text.
fn is_date_only(folded: &str, n_words: u32, text: &str) -> bool {
    // "Published: 14:32 GMT, 12 December 2008 | Updated: 16:05 GMT, 12 December 2008" is 14.
    if n_words == 0 || n_words > 16 {
        return false;
    }
    let mut has_date = false;
    let mut has_number = false;
    for word in folded.split(' ') {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            has_number = true;
        } else if date_words().contains(word) {
            has_date |= word.len() >= 3 && !matches!(word, "last" | "on" | "at" | "first" | "date");
        } else if ordinal_day(word) {
            has_number = true;
        } else {
            return false;
        }
    }
    has_number && (has_date || looks_like_numeric_date(text))
}

/// Most words of a reader comment's header ([`is_comment_header`]).
const MAX_COMMENT_HEADER_WORDS: u32 = 12;

/// "Chioma — December 12, 2008 at 7:02 pm", "Tunde O. - Dec 12, 2008 7:31pm": a reader's name
/// (one to three words) and a date or time after a dash, as a comment thread heads each
/// comment with.
pub(crate) fn is_comment_header(line: &Line) -> bool {
    // "Joe from Upper Darby says:", as blogs head a comment (its time stamp on the next line).
    if let Some(name) = line.text.strip_suffix(" says:") {
        let n_name_words = name.split_whitespace().count();
        return (1..=5).contains(&n_name_words) && name.starts_with(char::is_uppercase);
    }
    // "Blogger Desert Rat said...", "Anonymous said…": Blogger's heading of a comment. A
    // report's line ending so trails off after a pronoun ("He said...").
    if let Some(name) = line
        .text
        .strip_suffix(" said...")
        .or_else(|| line.text.strip_suffix(" said…"))
    {
        const PRONOUNS: &[&str] = &["He", "She", "They", "It", "I", "We", "You", "Who"];
        let n_name_words = name.split_whitespace().count();
        return (1..=5).contains(&n_name_words)
            && name.starts_with(char::is_uppercase)
            && !name.contains(['.', ',', ';', ':', '"', '“'])
            && !PRONOUNS.contains(&name);
    }
    if line.n_words > MAX_COMMENT_HEADER_WORDS || line.n_words < 3 {
        return false;
    }
    // Every dash is '-' or starts with byte E2 in UTF-8: most lines hold neither.
    if memchr::memchr2(b'-', 0xe2, line.text.as_bytes()).is_none() {
        return false;
    }
    let Some((name, stamp)) = [" — ", " – ", " - "]
        .into_iter()
        .find_map(|dash| line.text.split_once(dash))
    else {
        return false;
    };
    let n_name_words = name.split_whitespace().count();
    let (folded, n_words) = crate::fold::fold(stamp);
    (1..=3).contains(&n_name_words)
        && name.starts_with(char::is_alphanumeric)
        && !name.ends_with([',', ':', ';'])
        && is_date_only(&folded, n_words, stamp)
}

/// Most words of the name after a publication stamp ("… by admin", "… by Jane Doe").
const MAX_STAMP_AUTHOR_WORDS: usize = 4;

/// "Posted on March 3, 2021 by admin": a publication stamp with its author's name after it.
fn is_stamp_with_author(line: &Line) -> bool {
    let Some((stamp, author)) = line.folded.split_once(" by ") else {
        return false;
    };
    // The cheap tests first: most lines with " by " are sentences, long after it.
    if author.split(' ').count() > MAX_STAMP_AUTHOR_WORDS || !is_publication_stamp(stamp) {
        return false;
    }
    let Some(stamp_end) = line.text.to_ascii_lowercase().find(" by ") else {
        return false;
    };
    let n_stamp = stamp.split(' ').count() as u32;
    is_date_only(
        stamp,
        n_stamp,
        line.text.get(..stamp_end).unwrap_or_default(),
    )
}

/// "9th", "21st".
fn ordinal_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// "2024-06-18", "18/06/2024", "18.06.2024".
fn looks_like_numeric_date(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .any(|token| {
            let parts: Vec<&str> = token.split(['-', '/', '.']).collect();
            parts.len() == 3
                && parts.iter().all(|part| {
                    !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit())
                })
        })
}

/// Whether a line gives a date or a time anywhere in it: a month's name, a year (1900–2099),
/// a clock time or a numeric date ("Edited April 2024", "AUGUST 2, 2013 | 08:06AM PT",
/// "9/10/2010 @ 1:19PM"). Looser than [`is_dateline_only`]: other words may come with it.
pub(crate) fn holds_a_date(line: &Line) -> bool {
    let names_a_month_or_year = line
        .folded
        .split(' ')
        .any(|word| is_calendar_year(word) || DATE_WORDS[..MONTHS].contains(&word));
    let bytes = line.text.as_bytes();
    let holds_a_time = bytes.windows(3).any(|window| {
        window[0].is_ascii_digit() && window[1] == b':' && window[2].is_ascii_digit()
    });
    names_a_month_or_year || holds_a_time || looks_like_numeric_date(line.text)
}

/// True for a short section label that sits above a headline ("Russia News", "World").
pub(crate) fn is_section_label(line: &Line) -> bool {
    if line.n_words == 0 || line.n_words > 5 || line.ends_with_sentence_punctuation() {
        return false;
    }
    // A section and its subsection between a bar ("SPORTS | MEN'S BASKETBALL"): the section
    // decides.
    if let Some((section, _)) = line.text.split_once(" | ") {
        let last_word = section
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if SECTION_WORDS.contains(&last_word.as_str()) {
            return true;
        }
    }
    if line.n_words > 3 {
        return false;
    }
    let last_word = line.folded.rsplit(' ').next().unwrap_or_default();
    SECTION_WORDS.contains(&last_word) || SECTION_WORDS.contains(&line.folded)
}

/// Most words of a masthead or tagline line ([`masthead_kind`]).
const MAX_MASTHEAD_WORDS: u32 = 7;

/// Most words of a site's name in title case ("Los Angeles Times", "The Sydney Morning
/// Herald"): longer lines in title case are headlines.
const MAX_SITE_NAME_WORDS: u32 = 4;

/// What a line at the top of a page says of the site, for [`crate::blocks::mark_masthead`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Masthead {
    /// Plainly the site's name: one word ("TerraDaily", "CRN"), capitals ("THE QUEENS
    /// COURIER"), a domain ("ESPN.com: Boxing"), or a name in title case that holds a word
    /// of a news site's name ("Los Angeles Times", "News About Planet Earth").
    Name,
    /// A short line in title case ("The Hindu", "Krebs on Security"), which may as well be a
    /// short headline: a masthead only over a tagline.
    ShortTitle,
    /// A line in sentence case holding a word of a news site's name ("Online edition of
    /// India's National Newspaper"), which may as well be a headline: a tagline only under
    /// a name.
    Tagline,
}

/// What `line` is when it sits above a headline at the top of a page (see [`Masthead`]);
/// `None` for a line that is none of them, or is a sentence.
pub(crate) fn masthead_kind(line: &Line) -> Option<Masthead> {
    if line.n_words == 0
        || line.n_words > MAX_MASTHEAD_WORDS
        || line.ends_with_sentence_punctuation()
        || line.has_quote()
        || matches!(line.last_char(), Some(':' | ',' | '-' | '–' | '—'))
    {
        return None;
    }
    let short = line.n_words <= MAX_SITE_NAME_WORDS;
    let one_word = !line.text.contains(' ');
    let site_word = line
        .folded
        .split(' ')
        .any(|word| MASTHEAD_WORDS.contains(&word));
    // A headline set in capitals ("QUAKE HITS IRAN") is as short: three words or more need
    // a word of a site's name, numbers aside ("FOX 5 NY" is two).
    let n_named = line
        .folded
        .split(' ')
        .filter(|word| !is_number(word.as_bytes()))
        .count();
    let capitals = short
        && (n_named <= 2 || site_word)
        && line.text.bytes().any(|byte| byte.is_ascii_uppercase())
        && !line.text.bytes().any(|byte| byte.is_ascii_lowercase());
    let domain = line.text.split(' ').any(|word| {
        let word = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        word.contains('.') && is_domain_name(&word.to_ascii_lowercase())
    });
    let title_case = short
        && line.text.split(' ').all(|word| {
            word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    word,
                    "of" | "on" | "at" | "to" | "the" | "and" | "in" | "for" | "a" | "&"
                )
        });
    if one_word || capitals || domain || (title_case && site_word) {
        Some(Masthead::Name)
    } else if title_case {
        Some(Masthead::ShortTitle)
    } else if site_word {
        Some(Masthead::Tagline)
    } else {
        None
    }
}

/// True when the line reads as a headline: short, not ending in a period.
/// A line ending in a colon, comma or dash leads into the next one ("WASHINGTON (Reuters) -")
/// and is no headline.
pub(crate) fn reads_as_headline(line: &Line) -> bool {
    (2..=30).contains(&line.n_words)
        && line.text.len() <= 300
        && !line.ends_with_period()
        && !matches!(line.last_char(), Some(':' | ',' | '-' | '–' | '—'))
}

/// True for a teaser title as sites list them under or after an article: a short line in
/// title case without a final period. Sentence-case lines are not counted, so bullet lists at
/// the end of an article stay.
pub(crate) fn is_title_like(line: &Line) -> bool {
    if !(3..=20).contains(&line.n_words)
        || line.ends_with_period()
        || matches!(line.last_char(), Some(':' | ',' | '-' | '–' | '—'))
        || line.has_quote()
    {
        return false;
    }
    let mut first_chars = line.text.chars();
    if !first_chars
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let mut n_long = 0;
    let mut n_capitalised = 0;
    for word in long_words(line.text) {
        n_long += 1;
        if word
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            n_capitalised += 1;
        }
    }
    n_long >= 2 && n_capitalised * 3 >= n_long * 2
}

/// The words of a line with four letters or more: the words a title's case is judged by.
fn long_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ')
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
}

/// True for a line that may be a pasted story's own title inside a body: a line of 3–20
/// words that starts with a capital or a digit, holds no quote, and ends without any
/// punctuation, in title case ("Turkmenistan Holds Election") or sentence case
/// ("Turkmenistan holds parliamentary election", "61-year-old man charged with murder after
/// shooting at office party"), as sites differ. Only the foreign-block rule asks this, and
/// it wants much more evidence than the line (see `blocks::mark_unheaded_foreign`).
pub(crate) fn is_inner_title(line: &Line) -> bool {
    if is_title_like(line) {
        return true;
    }
    has_headline_shape(line, line.text)
}

/// A headline's shape, its words opening at `opening` (the line's text, or what follows a
/// bullet or a quoted title): three to twenty words, no quotation, `opening` from a capital
/// or a digit, two long words, and no end that no headline has ([`ends_unlike_a_headline`]).
pub(crate) fn has_headline_shape(line: &Line, opening: &str) -> bool {
    (3..=20).contains(&line.n_words)
        && !line.has_quote()
        && !ends_unlike_a_headline(line.last_char())
        && opening.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && long_words(line.text).count() >= 2
}

/// The last character of a line that ends no headline: a sentence's or a clause's end, a
/// dash, a closing bracket.
fn ends_unlike_a_headline(last: Option<char>) -> bool {
    matches!(
        last,
        Some('.' | '…' | ';' | ':' | ',' | '!' | '?' | '-' | '–' | '—' | ')' | ']')
    )
}

/// Most words inside the quotation marks of a teaser ([`is_teaser_with_quoted_title`]).
const MAX_QUOTED_TITLE_WORDS: usize = 4;

/// A teaser headline that quotes a title or a name ("Miyazaki hints at next Ghibli project
/// after \"Ponyo\" box office run"): [`is_inner_title`]'s shape, with quotation marks around a
/// few words, not around speech (a quotation ends a line or holds more words). Headlines
/// quote in single marks too ("'Iron Man 3' eyes record-breaking opening weekend"); those
/// are taken where they open the line, as inside a line an apostrophe reads the same.
pub(crate) fn is_teaser_with_quoted_title(line: &Line) -> bool {
    const QUOTES: &[char] = &['"', '“', '”'];
    if after_single_quoted_title(line.text).is_some() {
        // A quotation that ends the line is speech ("'We will rebuild,' mayor says 'soon'").
        return has_headline_shape(line, line.text.trim_start_matches(['\'', '‘']))
            && !matches!(line.last_char(), Some('\'' | '’'));
    }
    if !(3..=20).contains(&line.n_words)
        || ends_unlike_a_headline(line.last_char())
        || matches!(line.last_char(), Some('"' | '”'))
        || !line
            .text
            .trim_start_matches(QUOTES)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let mut parts = line.text.split(QUOTES);
    let _before = parts.next();
    // Inside and outside the marks alternate: every inside part is a short title, not speech
    // ("\"We will rebuild,\" the mayor said").
    let short_titles = parts.step_by(2).all(|inside| {
        inside.split_whitespace().count() <= MAX_QUOTED_TITLE_WORDS
            && !inside.trim_end().ends_with([',', '.', '!', '?'])
    });
    short_titles && long_words(line.text).count() >= 2
}

/// What follows a title in single quotation marks that opens `text` ("'Mad Men' Ratings Dip
/// …", "‘Ponyo’ tops …"): one to [`MAX_QUOTED_TITLE_WORDS`] words from a capital or a digit,
/// not ending as speech does (",", "."), closed by a mark that a space follows. `None` for
/// any other line.
fn after_single_quoted_title(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('\'').or_else(|| text.strip_prefix('‘'))?;
    let close = inner.find(['\'', '’'])?;
    let (title, rest) = inner.split_at(close);
    let rest = rest.get(rest.chars().next()?.len_utf8()..)?;
    let n_words = title.split_whitespace().count();
    let opens_as_title = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (opens_as_title
        && (1..=MAX_QUOTED_TITLE_WORDS).contains(&n_words)
        && !title.trim_end().ends_with([',', '.', '!', '?'])
        && rest.starts_with(' ')
        && rest.split_whitespace().next().is_some())
    .then_some(rest)
}

/// True for a heading that introduces other stories ("Other Topics of Interest", "Also read",
/// "More from Example News").
pub(crate) fn is_foreign_heading(line: &Line) -> bool {
    (line.n_words <= 6 && foreign_headings().contains(line.folded) && !line.ends_with_period())
        || is_more_from_heading(line)
}

/// "More from Example News", "More in Sport", "Also in World", "Trending in B.C.": a heading
/// over a site's other stories that the line rules leave, as its words may open a subheading
/// too.
pub(crate) fn is_more_from_heading(line: &Line) -> bool {
    let folded = line.folded;
    line.n_words <= 6
        && !line.ends_with_period()
        && ["more from ", "more in ", "also in ", "trending in "]
            .iter()
            .any(|opening| folded.starts_with(opening))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{check_rule as check, test_lines};

    #[test]
    fn a_discussion_threads_lines() {
        check(
            is_thread_buttons,
            "Reply  Share  34\n143 · Reply\nReply · ▲ 212\nshare   save   hide   report\n\
             87 comments  share  save  hide  report\nShare\n12 comments\nReply to this story",
            &[true, true, true, true, true, false, false, false],
        );
        check(
            is_thread_furniture,
            "level 2\n96% Upvoted\n412 points · 94% upvoted\nView 344 more comments\n\
             r/minnesota\nr/TwilightSaga · 48.2k members\nCreated Jan 25, 2008\n[deleted]\n\
             Level 2 of the garage\nThe plan was upvoted by 60% of members\n\
             Created by the city in 2008",
            &[
                true, true, true, true, true, true, true, true, false, false, false,
            ],
        );
        check(
            is_thread_comment_header,
            "u/newmoonrising · 3d\nloonstatefan · 3 days ago\n[deleted] · 2 days ago\n\
             u/dalembert_block_party · 4h\nNews · 3 days ago\nJane Doe · 3 days ago\n\
             Politics · World\nmtv.com/news ↗",
            &[true, true, true, true, true, false, false, false],
        );
    }

    #[test]
    fn teasers_that_quote_a_title() {
        check(
            is_teaser_with_quoted_title,
            "3. Miyazaki hints at next Ghibli project after \"Ponyo\" box office run\n\
             “Iron Man 3” eyes record-breaking opening weekend\n\
             Mayor says \"we will rebuild the whole town together\" after the fire\n\
             \"We will rebuild,\" the mayor said\nSummit sets \"Knowing\" for March 20 release.\n\
             'Iron Man 3' eyes record-breaking opening weekend\n\
             ‘Mad Men’ Ratings Dip for Second Week of Season 5\n\
             'We will rebuild,' mayor says\n'Tis the season for giving back\n\
             'Man of Steel' breaks June box-office record in Manila.\n\
             'It was terrifying' says survivor of the blast\n\
             Obama's plan wins 'broad support' in Senate",
            &[
                true, true, false, false, false, true, true, false, false, false, true, true,
            ],
        );
    }

    #[test]
    fn column_jumps_of_a_printed_page() {
        check(
            is_column_jump,
            "Page B6\nContinued from 3D\nPlease see KLITSCHKO, C6\nKLITSCHKO, from C1\n\
             HIT-AND-RUN continues on B6 ►\nPage 22 of 52 · SPORTS · C6\n\
             Moody's cuts Greece from B1\nSPORTS · C1\nSee you at 6D",
            &[true, true, true, true, true, true, false, false, false],
        );
    }

    #[test]
    fn lines_that_give_a_date() {
        check(
            holds_a_date,
            "Edited April 2024\nAUGUST 2, 2013 | 08:06AM PT\n9/10/2010 @ 1:19PM\n\
             Originally posted in 1998\nSchedule\nSenate confirms new service chiefs\n\
             KING 5 | Seattle, WA\nTop 10 stocking stuffers",
            &[true, true, true, true, false, false, false, false],
        );
    }

    #[test]
    fn phrase_lists_are_compared_as_words() {
        // Every phrase is plain words, so no article pays for the regex fallback.
        assert!(line_phrase_set().is_some());
    }

    fn is_furniture(line: &Line) -> bool {
        let lines = [*line];
        furniture_reason(&lines, 0, &phrase_hits(&lines)).is_some()
    }

    /// The phrase hits of an article's lines, scanned as `clean` scans them.
    fn phrase_hits(lines: &[Line]) -> PhraseHits {
        let folded_article: String = lines
            .iter()
            .map(|line| format!("{}\n", line.folded))
            .collect();
        PhraseHits::scan(lines, &folded_article)
    }

    /// `rule`'s verdict on each line of `input`, judged among all the lines of the article.
    fn verdicts_in_context(input: &str, rule: impl Fn(&[Line], usize) -> bool) -> Vec<bool> {
        let lines = test_lines(input);
        (0..lines.len()).map(|index| rule(&lines, index)).collect()
    }

    /// Each line of `lines` must be furniture, and each of `stays` must not.
    fn check_furniture(lines: &[&str], stays: &[&str]) {
        let input = [lines, stays].concat().join("\n");
        let expected: Vec<bool> = lines
            .iter()
            .map(|_| true)
            .chain(stays.iter().map(|_| false))
            .collect();
        check(is_furniture, &input, &expected);
    }

    #[test]
    fn forum_blog_and_archive_furniture() {
        check_furniture(
            &[
                "Post by kestrel_ » Fri Dec 19, 2008 10:15 am",
                "by halo_dan77 » Sat Dec 13, 2008 9:14 am",
                "Posts: 2114",
                "Joined: Mar 2004",
                "sentinel58 wrote:",
                "Return to U.S. Politics",
                "Jump to: U.S. Politics",
                "14 likes · 6 comments",
                "14 Likes ∙ 2 Restacks",
                "214 claps",
                "♡ 37   💬 4   ↻ Share",
                "👏 52   💬 4",
                "Published in Hot Corner Hype · 3 min read",
                "Jan 7, 2009 • 9 tweets • 2 min read",
                "Continue reading on NFL.com",
                "Seniors are flocking to this new savings account paying 4.5% (Ad)",
                "Seniors are switching to this new card and saving hundreds",
                "This article was printed from: http://www.example.com/news/view.bg?articleid=1",
                "Discussion about this post",
            ],
            &[
                "He joined the club in March 2004 and posted 12 goals.",
                "Return to the moon is planned for 2028, NASA said on Monday.",
                "The rescue took 3 minutes; readers then had to read the list.",
                "▲ 1.2k ▼",
                "The 14 likes and 6 comments came within an hour of the post.",
                "Posts: many",
                "The council (AD) met on Monday.",
            ],
        );
    }

    #[test]
    fn terminal_archive_print_feed_and_database_furniture() {
        check_furniture(
            &[
                "◄ 16 ►",
                "1.2K Followers · Writer for Hot Corner Hype",
                "318 followers | Editor of Bolt Up",
                "[ Print this page ]   [ Close window ]",
                "[Back to top]  [Local news index]  [Text edition home]",
                "[US-POL] [OBIT] [MEDIA] [FW-GEN]",
                "<HELP> for explanation.  <MENU> for similar functions.  <GO> to run.",
                "For related news: TOP SPORTS <GO>  |  MLB FREE AGENTS <GO>",
                "DEC   JAN   FEB",
                "2008   2009   2010",
                "Captured 9 times between 2008 and 2014",
                "Provided by Surrey Gazette",
                "(c) UK Today Media 2008",
                "Keywords: USA-FELT/DEATH",
                "Tags / Keywords: NFL, American Football, Indianapolis Colts",
                "38 captures | 11 Sep 2010 - 03 Feb 2017",
                "8:15 p.m.",
                "15:10 IST",
                "15:10",
                "0:00 / 1:52",
                "2–3 minutes",
                "LENGTH: 1172 words",
                "LOAD-DATE: January 7, 2009",
                "BODY:",
                "Related news[edit]",
                "[Audio] Pat Loeb reports (0:52)",
                "You have read 3 of your 4 free articles this month.",
                "Already registered? Sign in",
                "View this email in your browser",
                "Mark as read",
                "[3/8/13, 11:58:14 AM] Kevin Ortmeier: Made it to the Scottrade",
                "[3/8/13, 2:31:10 PM] Beth Sheehy changed the subject to \"Jays Semis Crew\"",
                "Link: Email this story to a friend",
                "▶ Related: What Korean moviegoers are watching this spring",
                "Photographer: Nikos Vlachakis / Meridian",
                "Please bet responsibly. Odds are for entertainment purposes only.",
                "Image ID: MPX-ATH-081213-0047 | 5616 x 3744 px | 300 dpi | Editorial use only",
                "End of article",
                "Please sign in to post a comment.",
            ],
            &[
                "412",
                "1,193 subscribers",
                "Press <ESCAPE> to stop boot sequence.",
                "Provided by the city, the funds will repair two bridges.",
                "Location: Pittsburgh, Pennsylvania",
                "[1] The council met on Monday.",
                "March 2008 was the wettest on record",
                "2008 2009 2010 were the hottest years",
                "(c) The council said the plan would cost $2 million in 2008",
                "The ruling was captured on video by a bystander.",
                "8:15 p.m. was when the first call came in",
                "20 minutes later the fire was out",
                "Length: the bridge runs 1,172 feet",
                "Voters already registered can sign in at the polls",
                "The 38 captures came in 2010.",
                "He declined to leave a comment on the ruling.",
                "[3/8/13] The ruling came down on Friday.",
                "Link between the two cases is unclear, police said.",
                "The end of the story came in 2009.",
            ],
        );
        // Gulf papers print the Hijri date beside the Gregorian one.
        check(
            is_dateline_only,
            "Monday, December 15, 2008 | 17 Dhul Hijjah 1429\nMuharram 10, 1430\n\
             Ramadan begins in Dubai on Monday",
            &[true, true, false],
        );
    }

    #[test]
    fn a_web_address_near_an_end_of_the_page() {
        let lines = test_lines(
            "http://www.example.co.uk:80/news/local/fire/
Fire guts warehouse
             A fire destroyed a warehouse on Tuesday, the fire service said.
             See http://www.example.com/a for the map.
more text here
and more
and more
             www.example.com/report/full
https://github.com/example/tool
last line",
        );
        let hits = phrase_hits(&lines);
        let found: Vec<bool> = (0..lines.len())
            .map(|index| furniture_reason(&lines, index, &hits) == Some("a web address"))
            .collect();
        assert_eq!(
            found,
            [true, false, false, false, false, false, false, true, false, false]
        );
    }

    #[test]
    fn long_rights_notice() {
        check_furniture(
            &[
                "© 2005 United Press International, Inc. All Rights Reserved. Any reproduction, \
               republication, redistribution and/or modification of any of the agency's content \
               is expressly prohibited without its prior written consent.",
            ],
            &[
                "The agency has reserved all of its rights to appeal the ruling, a spokesman for \
               the company said on Monday after the court in Rome had published its decision.",
            ],
        );
    }

    #[test]
    fn menus_with_a_prefixed_name_or_an_abbreviation() {
        check_furniture(
            &[
                "Home | News | Sports | Opinion | Obituaries | Classifieds | e-Edition",
                "Top Stories | U.S. | World | Politics | Business | Health",
                "Home › News › Crime + Public Safety",
            ],
            &[
                "Putin visits Pyongyang | World",
                "He moved to the U.S. | Then",
            ],
        );
    }

    #[test]
    fn rows_of_share_links() {
        check_furniture(
            &[
                "Print | Email | Share | Comments (27)",
                "E-mail this story | Print this story | Most e-mailed",
                "Email This | BlogThis! | Share to Twitter | Share to Facebook",
                "Print this page | Email to a colleague",
                "27 comments | Add a comment",
                "Share    Tweet    Email    Print",
            ],
            &["Markets | Reuters"],
        );
    }

    #[test]
    fn icon_buttons_tickers_boards_and_notices() {
        check_furniture(
            &[
                "☆ Star   ✓ Mark as read   ↗ Open original   ✉ Send to…",
                "👍 Like   🔁 Share   💬 Comment",
                "HOT TOPICS: Pacquiao after De La Hoya • PBA Philippine Cup • AFF Suzuki Cup",
                "LATEST: Caymanas Park entries now online · Schoolboy semi-finals set",
                "FOR SALE: child's bike, 16in wheels, £20 ono",
                "LOST: grey tabby cat, Holborn Hill area, answers to Smudge",
                "Posts: 4,812",
                "Karma: +212/-9",
                "Logged",
                "« on: January 07, 2009, 07:12:44 AM »",
                "« Reply #1 on: January 07, 2009, 07:26:10 AM »",
                "« previous next »",
                "Pages: [1] 2 3 4   Go Down",
                "Quote from: San Diego Union-Tribune",
                "Topic: VJax arrested for DUI this morning (Read 3,112 times)",
                "STI 1,722.31 ▲0.8%   |   S$/US$ 1.4402   |   Brent US$43.14 ▼1.9%",
                "MARKETS ▸ Tesco 385.2p ▲0.4%  ·  J Sainsbury 372.1p ▼0.2%  ·  Ocado 298.4p",
                "Mark all as read | Refresh | Settings",
                "Sign up for the Herald Sport newsletter and get the weekend's results, fixtures \
                 and big talking points from home and abroad in your inbox every Monday morning \
                 before work, free of charge.",
                "Get the World Briefing newsletter: the day's biggest international stories.",
                "Prairie Sportswire uses cookies to personalise content. By clicking \"OK\" or \
                 continuing to browse, you agree to our use of cookies.",
            ],
            &[
                "UPDATE: Police said the road would reopen at noon.",
                "TCEA: January 31-February 4, 2026 | San Antonio, TX",
                "Wanted: a new coach who can win in March, fans say.",
                "Found: the missing files, the report says, were in a drawer.",
                "Posts on the forum rose 40% that week.",
                "Get the facts right first, the editor told the newsletter's staff.",
                "★ Top pick   Chicken tikka masala with rice",
            ],
        );
    }

    #[test]
    fn print_margins_wire_slugs_and_feed_fields() {
        check_furniture(
            &[
                "19/12/2008 2:07 PM Watergate's 'Deep Throat' dies at 95 - World - Courier",
                "6/25/05 8:14 AM",
                "https://www.example.com/news/2009/07/20/story.htm Page 1 of 4",
                "BC-USA-FELT/OBIT (UPDATE 1)",
                "GREECE-STRIKE/VIOLENCE (UPDATE 3) - TAKE 2",
                "BC-USA-FELT/OBIT 2ND TAKE",
                "Slug: BC-CA--Deputy Shot, 1st Ld-Writethru",
                "Priority: U (Urgent)",
                "ENDS",
                "NNNN",
                "See translation",
                "Read full story at ABC News ↗",
                "(adsbygoogle = window.adsbygoogle || []).push({});",
            ],
            &[
                "12/19/2008 2:07 PM Police said the road would reopen by noon.",
                "N/A",
                "ASCM/APICS",
                "Priority was given to the injured, the fire chief said.",
            ],
        );
    }

    #[test]
    fn imprints_turn_lines_archives_forums_and_feed_consoles() {
        check_furniture(
            &[
                "Clydeside Talk is operated by Clyde Valley Broadcasting Ltd, registered in \
                 Scotland No. SC312847, Unit 7, Glasgow G3 8QQ.",
                "Printed and published by K. Nair on behalf of Malabar Publications Ltd.",
                "Continued on Page 24",
                "IE FLAW | Contd. from page 13",
                "----- Forwarded article -----",
                "-------------- next part --------------",
                "Previous message: [QuakeWatch] M6.0 southern Iran 2005-11-27",
                "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]",
                "share improve this answer follow",
                "Users browsing this forum: Bing [Bot] and 3 guests",
                "You cannot post new topics in this forum. You cannot reply to topics in this forum.",
                "Unsubscribe from this list | Update subscription preferences",
                "GUID: borealis-wire-20100505-1417-greece",
                "Word count: 186 | Rights: licensed content.",
                "Joined: Tue Mar 07, 2006 9:41 pm",
                "Please consider the environment before printing this e-mail.",
                "62 THE LIFFEY EVENING PAPER SATURDAY, DECEMBER 13, 2008",
                "Sahyadri Herald | Pune | Sunday, December 14, 2008 | 9",
                "Saturday 13 December 2008 | Page 62 of 72",
                "Click to expand...",
                "You must log in or register to reply here.",
                "share · edit · flag · asked by bostonbrahmin77",
            ],
            &[
                "07 June 2013",
                "2 A. M. FEB. 4, 2009",
                "Edited time: March 13, 2013 02: 15",
                "Thursday, December 11, 2008",
                "The 62 firefighters arrived on December 13, 2008.",
                "The firm, registered in 1998, employs 40 people.",
                "The story continued on Monday with a second protest.",
                "Joined by his wife, the minister laid a wreath.",
                "Previous messages from the kidnappers had demanded $2 million.",
                "Embargoed documents were released on Friday, the ministry said.",
            ],
        );
    }

    #[test]
    fn header_fields_of_records_and_clippings_in_runs() {
        let fields = verdicts_in_context(
            "Publication title: E! Online; Los Angeles\n\
             Publication year: 2008\n\
             Pages: B3\n\
             Document ID: 470318862\n\
             Tara Reid has checked into rehab, her publicist said.\n\
             Client: Coastal Shipping Owners' Association\n\
             Headquarters: Coral Gables, FL\n\
             Revenue: $2.4 billion\n\
             From: Matt Taggart\n\
             To: port-hp700@netbsd.org\n\
             Subject: boot_hppa(8)",
            is_record_header,
        );
        // A record's fields go (not the unknown "Pages"); a lone clipping field among a fact
        // table's rows stays, and so do an e-mail's headers.
        assert_eq!(
            fields,
            [true, true, false, true, false, false, false, false, false, false, false]
        );
    }

    #[test]
    fn a_forwarded_messages_header_fields() {
        let fields = verdicts_in_context(
            "Bev, Ron -- see below.\n\
             ---------- Forwarded message ---------\n\
             From: Carol Lotts <carol@example.com>\n\
             Date: Fri, Nov 28, 2008 at 2:31 PM\n\
             Subject: finally -- arrest in the High's case\n\
             To: Dale Burruss\n\
             Police arrested a woman on Friday in the 1967 killings.\n\
             From: Matt Taggart\n\
             To: port-hp700@netbsd.org\n\
             Subject: boot_hppa(8)",
            is_record_header,
        );
        // Under the forwarding line the headers go; a mail archive's own headers stay.
        assert_eq!(
            fields,
            [false, false, true, true, true, true, false, false, false, false]
        );
    }

    #[test]
    fn a_reblogs_notes() {
        check_furniture(
            &[
                "eastvanmarcie liked this",
                "yvrnewsroom posted this",
                "nolagirl504 reblogged this from whodatdaily",
                "vancouverwatcher reblogged from yvrnewsroom",
                "58 notes",
            ],
            &[
                "The mayor liked this plan.",
                "Many notes",
                "She posted this on Monday.",
            ],
        );
    }

    #[test]
    fn a_tickers_items_one_per_line() {
        let ticker = verdicts_in_context(
            "LATEST: Pacquiao homecoming motorcade set for Monday\n\
             LATEST: PAGASA raises storm signal over Eastern Samar\n\
             The 76ers fired coach Maurice Cheeks on Saturday.\n\
             LATEST: The coach said he had no regrets.",
            is_ticker_item,
        );
        assert_eq!(ticker, [true, true, false, false]);
    }

    #[test]
    fn a_recordings_chapter_marks_from_zero() {
        // Judged among the lines of their article: a list of marks from zero goes, a live
        // blog's entries stay.
        let lines = test_lines(
            "Chapters\n00:00 Intro and listener mail\n06:40 – The drive, snap by snap\n\
             21:15 – Where did the run defense go?\n\n10:32 Police reopened the road.\n\
             10:45 The mayor arrived.\n11:02 Crowds gathered at the gate.",
        );
        let marks: Vec<bool> = (0..lines.len())
            .map(|index| is_chapter_mark(lines[index].text) && opens_a_chapter_list(&lines, index))
            .collect();
        assert_eq!(marks, [false, true, true, true, false, false, false]);
        let hits = phrase_hits(&lines);
        assert_eq!(
            furniture_reason(&lines, 2, &hits),
            Some("a recording's chapter marks")
        );
    }

    #[test]
    fn rows_of_short_links_in_any_case() {
        check_furniture(
            &[
                "Full version | Text-only version | View source",
                "Find a Memorial | Create a Memorial | Send Flowers | Grief Support",
                "Life Story | Guest Book (31) | Photos (6) | Service Details",
                "Residents | Business | Government | Departments | How Do I...?",
                "Sport: Cricket | Football | Athletics | Racing | Netball",
                "▶ Listen live | Schedule | Shows | Podcasts | Join the crew",
                "Top News · Most Read · Photos · Weather · 日本語",
                // Three links between bars, not an item of prose among them.
                "Election results | Live coverage | Analysis by our team",
                "Main navigation: Home, UK, World, Politics, Business, Technology, Sport",
                "Site navigation, 9 links: Home, Local, Minneapolis, St. Paul, Suburbs, Sports",
            ],
            &[
                "Open design • Great controls • Good sound quality • Long battery life",
                "Putin visits Pyongyang | Talks & trade | World",
                "Reader comments (0) | Write a comment",
                "View the current page | Text-only cache | Highlight search terms: cables",
                "Putin visits Pyongyang | World",
                "He said it was over. | Then he left | for good",
                "Visited: Rome, Paris, Oslo, Bern",
                "Navigation: the crew used stars, maps, radios and luck.",
            ],
        );
    }

    #[test]
    fn calls_to_follow_or_get_a_site() {
        check_furniture(
            &[
                "Follow FOX411 on Twitter and Facebook.",
                "Join DAILY POST on WhatsApp for breaking news as it happens",
                "Get FOX 5 on your Roku, Apple TV or Amazon Fire TV",
                "👉 Like our page for more shocking crime stories every day!",
                "▶ Watch KTLA 5 Live",
                "Get the Page Six newsletter: the juiciest gossip, every weekday.",
                "Get free real-time news alerts from Flatbush Patch",
            ],
            &[
                "Follow-up tests on Facebook accounts showed no sign of the group's posts.",
                "Like many on Twitter, she asked why the police had waited so long.",
                "Watch out for tax scams!",
                "// Stream processing implementation",
                "Follow industry trends to stay competitive and improve your podcast over time.",
                "Get help writing your college application essays. Find this year's Common App \
                 prompts here.",
                "Watch the graphs move",
            ],
        );
    }

    #[test]
    fn comment_section_furniture() {
        check_furniture(
            &[
                "Be the first to comment",
                "Have your say",
                "Comments are now closed for this article",
                "Comments are subject to our community guidelines, which can be viewed here.",
                "Notify me of follow-up comments via email.",
                "Thank you for reading. Please keep comments respectful and on topic.",
            ],
            &["The company declined to comment on the report, which was published on Friday."],
        );
    }

    #[test]
    fn widgets_post_links_prompts_and_labels() {
        check_furniture(
            &[
                "Trenton, NJ  84°  Clear skies",
                "Dubai 24°C  Abu Dhabi 25°C",
                "Staff photo by Erin Mahoney",
                "« Older story",
                "« Compton councilman indicted on bribery counts",
                "Pasadena police release sketch in Old Town stabbing »",
                "Were you there? Send your photos and video to newsdesk@example.co.uk",
                "Tips? Email us at newsdesk@example.com",
                "23 reader comments",
                "Reader Comments (0)",
                "Labels: fire, Mat Maid, Palmer history",
                "Filed in: Local News",
                "Courtesy Los Angeles County Sheriff's Department",
                "AP file photo",
                "This article is more than 10 years old.",
                "Ads by Google",
                "View slideshow (12 photos)",
                "Download audio (MP3)",
            ],
            &[
                "Field of View Up to 152°",
                "360° Cameras",
                "Temperatures rose from 24° in the morning to 31° by noon.",
                "Staff members said the office would reopen on Monday",
                "« Nous resterons ici », a-t-il dit.",
                "Ready to get started? Contact us today, and speak to our team.",
                "Why did it happen? Police said the cause was not yet known.",
                "Example: Arts & Entertainment > Hobbies & Creative Arts > Homebrewing",
            ],
        );
    }

    #[test]
    fn forum_and_terminal_furniture_icon_counts_and_figure_rows() {
        check_furniture(
            &[
                "♡ 214",
                "💬 38",
                "DJIA 9,015.10 +62.21 | S&P 500 934.70 +7.25 | NASDAQ 1,652.38 +24.04",
                "Prayer timings: Fajr 5:27 | Dhuhr 12:16 | Asr 3:14 | Maghrib 5:36",
                "Reply With Quote",
                "Originally Posted by WhoDatNation84",
                "Join Date: Sep 2006",
                "« Previous Thread | Next Thread »",
                "All times are GMT -6. The time now is 09:12 PM.",
                "Quotes delayed at least 15 minutes. For information only; not investment advice.",
                "To contact the reporter on this story: Jane Roe in Dubai at jroe@example.com",
                "Thanks for reading Example Dispatch! Subscribe for free to receive new posts.",
                "Powered by BLOX Content Management System from TownNews.com.",
                "Got a tip for the news desk? Write to us at news@example.org.",
                "Got a showbiz story? Ring the newsdesk on 020 7946 0888",
                "Example Post is now on WhatsApp. Follow our channel for the latest updates.",
                "Breaking World Crime Weird Money Health",
                "Home  News  Weather  Traffic  Sports  Video",
                "News   Local   Sports   Opinion   e-Edition   Classifieds",
                "Home  About  Pin-Up History  Hair & Makeup Tutorials  Shop  Contact",
                "Prayer timings (Dubai): Fajr 5:32  Dhuhr 12:17  Asr 3:17  Maghrib 5:38",
                "DJIA 9,015.10 +62.21 | S&P 500 934.70 +7.25 | NASDAQ 1,652.38 +24.04 | \
                 10-YR 2.49% | WTI 48.58 -0.23",
                "News   Weather   Sports   Hurricane Center   Community",
                "KOSPI 1,168.44 ▲28.43  KOSDAQ 347.95 ▲6.11  USD/KRW 1,369.50 ▼24.00",
                "JSE All Share 21 133 ▼ 0.4% | R/$ 10.12 | R/£ 15.04 | Petrol 95 (inland) R8.95",
                "DFM General Index 8,102.44 ▲ 1.2% | ADX 5,216.90 ▲ 0.6% | Brent $57.80",
                "▶ Listen: Pat Loeb reports (0:52)",
                "🎧 Listen: Monday's Fight Talk segment on the title fight (14:32)",
                "WATCH: Crews battle the blaze",
                "Copyright ⓒ The Example Herald. Unauthorized reproduction prohibited.",
                "A A",
                "Swipe left for the next story",
                "You are here: Home › News › National",
                "Sections: Local · National · World · Politics · Business · Sports · Opinion",
                "Updated 11:52 PM AST",
                "Permalink https://www.example.de/en/a-3871265",
            ],
            &[
                "Listen to the president's speech, she told the crowd.",
                "Example: Arts > Hobbies > Crafts",
                "Watchdog says rules were broken",
                "#10",
                "│ ├── 001",
                "2008",
                "Hansbrough scored 20 points | Ford had 2,290 in his career | UNC won 91-73.",
                "Score 3 | Rebounds 4",
                "Joined the company in 2006, she said the quotes were never delayed.",
                "Why did it happen? Police said the cause was not yet known.",
                "World Leaders Gather In Paris",
                "He said so.  Then she left the room in a hurry.",
                "Name  Age  Team",
                "Scores:  Heels 91  Evansville 73  Duke 80  Texas 70",
                "CPU: Intel Core i3-N355 | RAM: 16GB DDR5 | Storage: 512GB SSD | Screen: 15.6in",
                "curl -fL https://example.org/corpus_1M.tar.gz | tar xz | head -n 5",
            ],
        );
    }

    #[test]
    fn rows_addresses_credits_and_alerts() {
        check_furniture(
            &[
                "Terms of Use | Privacy Policy | Interest-Based Ads | Advertise with Us",
                "Comment on this story | Print | E-mail | Buy reprints | Order photos",
                "Daily Breeze, 21250 Hawthorne Blvd., Torrance, CA 90503",
                "Brooklyn District Attorney's Office/Handout",
                "Filed under brooklyn, brownsville, gang violence, murder trials",
                "WEATHER ALERT: Light snow possible overnight with slick spots on bridges",
                "We and our partners use cookies to personalise content and ads.",
                "Like HoopsBuzzDaily on Facebook for more!",
                "Send via WhatsApp",
                "Share it on Twitter",
                "(Credit: Getty Images)",
                "Home / About / NBA Links / Archives",
                "Reader's Comments (7)",
                "Text size: A A A",
            ],
            &[
                "E -->|Similar| G[Statistics are accurate]",
                "Filed under seal, the papers were opened on Monday, the court said.",
                "The company moved to 21250 Hawthorne Blvd. last year.",
                "12 / 16 / 08",
            ],
        );
    }

    #[test]
    fn furniture_lines() {
        check(
            is_furniture,
            "ADVERTISEMENT\nRelated News\nInstagram\nFacebook | Twitter | Email\nJoin Daily Gazette WhatsApp group\n\
             Sign up for our newsletter to get the latest news.\n© 2024 Example Media. All rights reserved.\n\
             Image: Reuters\nBy Jane Doe\n---\nYou can also highlight the text and press Ctrl + Enter\n\
             Test Winner ➔\nRequest a Demo\nWe use cookies to give you the best experience.\n\
             Print this article\nEmail to a friend\nMore Top Stories\nMost Read\nSend this page to a friend\nShare your story\nSave\n\
             Related articles and links:\nMedia playback is unsupported on your device\nSkip Advertisement\n\
             Image caption Rescue workers searched the rubble\nAP Photo/Vahid Salemi\nGetty Images\n\
             Your email address will not be published. Required fields are marked *\n5 min read\n\
             Updated 3 hours ago\nReading time: 4 minutes\nPin this for later!\nJump to Recipe\n\
             Other Posts You May Enjoy\nWritten by Cassidy Horton\nPage 1 of 8\n\
             As an Amazon Associate we earn from qualifying purchases.\nComments (14)\nShare 23\n\
             Tags: Troy, shooting, accounting firm\nHome | News | Sport | Business\n\
             Home » World » Asia\nReporting by John Smith; Editing by Jane Doe\n\
             (Additional reporting by Ann Lee in Paris; Writing by Tom Roe)\n\
             We welcome your comments. Please keep them civil.\n\
             Last updated on June 18, 2024 at 10:30 am\nFirst published on Tue 18 Jun 2024 09.00 BST\n\
             Updated 10:30 AM ET, Tue June 18, 2024\nClick to expand\nLike this:\nLike Loading...\n\
             Print Friendly, PDF & Email\nThe Associated Press contributed to this report.\n\
             — With files from The Canadian Press\nImage 1 of 5\nJane Doe/AP hide caption\n\
             Save my name, email, and website in this browser for the next time I comment.\n\
             Follow @example\nFollow Jane Doe on Twitter: @janedoe\nContact the author at jdoe@example.com\n\
             Published By: Aditi Sharma\nEdited By: Rahul Verma\nReported by: Staff\nTrending Photos\n\
             Watch Live TV\n(With inputs from agencies)\n(IANS)\n- PTI\n\
             (This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)\n\
             READ | Russia, North Korea sign pact\nGet latest news, breaking news on our app\nRead Full Article\n\
             Up Next\nAround the Web\nAd Feedback\nAccept all cookies\nStory by Jane Doe • 3h\n\
             By clicking Sign Up, you agree to our Terms of Use and Privacy Policy.\n\
             This content is not available in your region.\nYou have reached your limit of free articles.\n\
             Got a story? Contact us at newsdesk@example.com\nEnjoyed this article? Share it with your friends.\n\
             Enter your email address\nEmail address\nPowered by WordPress\nLeave a Reply Cancel reply\n\
             Post Views: 1,204\n1,204 views\nShares: 2.3K\nViews | 17\n\
             Posted on March 3, 2021 by admin\nSource: Agencies\nSources: AP, Reuters\n\
             Disclaimer: This article is for informational purposes only and is not financial advice.\n\
             MORE: What to know about the pact\n(Adds details in paragraph 5)\n(Updates with police statement)\n\
             This is a developing story. Check back for updates.\nlist of 4 items\nend of list\n\
             Trending Topics\nView this post on Instagram\nA post shared by Kremlin (@kremlin)\n\
             Politics  Business  Culture  Opinion  Sports\nNEWS POLITICS SPORTS ENTERTAINMENT OPINION\n\
             Home > News\nFilm » Oscars\nNews | Sport | Comment | Culture | Business | Money\n\
             theguardian.com\nwww.stuff.co.nz\nPosted in Crime, Michigan | 3 Comments »\n\
             42 thoughts on “Microsoft patches IE flaw”\n5 Comments\nComments are closed.\n\
             You must be logged in to post a comment.\nLogin or Sign Up to read and post a comment.\n\
             This entry was posted in Latest Warnings, Time to Patch.\n\
             You can follow any comments to this entry through the RSS 2.0 feed.\n\
             A version of this article appears in print on April 10, 2007, on Page A14.\n\
             Find this article at: http://example.com/2007/story.html\n\
             We use cookies to ensure that we give you the best experience on our website. If you \
             continue to use this site we will assume that you are happy with it.\n\
             All rights reserved. Copyright Example Press. Sections of the information displayed on \
             this page (dispatches, photographs, logos) are protected by intellectual property \
             rights owned by Example Press.\n\
             Digg\nStumbleUpon\nDelicious Digg Facebook\nSponsored Links\nRecent Posts\n\
             Get the news delivered straight to your inbox\nGet Example headlines in your inbox daily.\n\
             Discuss this in the forums\nReport a problem with article\nJoin the discussion on our forum\n\
             Next Article in World (5 of 39) »\nGo to Home Page »\nREAD MORE ON » Pirates | Navy\n\
             Printer Friendly Page Send this Article to a Friend\nFrom Times Wire Reports\n\
             The BBC is not responsible for the content of external sites.\n\
             Copyright Example Publishing. Example is a registered trademark.\n\
             Contact Us | Privacy Policy\nPrivacy Statement | Terms of Service\n\
             By Katie Honan | September 14, 2013 11:41am\nBy Jane Doe • March 12, 2025\n\
             A version of this article appears in print on 08/03/2013, on page C3 of the New York \
             edition with the headline: DeGeneres to Host Oscars.\n\
             Translated from the Al-Masry Al-Youm print edition\nPage last updated at 22:46 GMT\n\
             News | Sport | Comment | Culture | Business | Money | Life & style\n\
             From the print edition\nBBC Sport Boxing - Get the latest news, results and fixtures",
            &[true; 149],
        );
    }

    #[test]
    fn news_sentences_are_not_furniture() {
        check(
            is_furniture,
            "The minister urged citizens to subscribe to the new savings scheme before March.\n\
             “Join our fight,” he told the crowd.\nShare prices fell 3% on Monday.\n\
             Photographers gathered outside the court.\nBy the end of the day, 40 people had left.\n\
             Instagram said it would review the policy.\n\
             For the latest quarter, revenue rose 5%.\nFinland hopes to become a member of NATO soon\n\
             He failed to sign in to the portal.\nThe company changed its privacy policy in May.\n\
             Related to this, the ministry said nothing.\nCopyright lawsuits rose in 2023.\n\
             The company offered a free trial to 500 users.\nVoters will sign up in May.\n\
             Ministers will learn more next week.\nThe story\nShare prices\nFollow the money\n\
             More than 40 died\nTop officials\nOther stories told a different tale.\n\
             Send an email\nRecent Updates\nTwo days ago\nRead 3 books\nWritten by hand, the note was short\n\
             Page 3 of the report\nShare 3 ideas\n2024\nforward . 10.0.1.128\n\"email\": 300,\n\
             Putin visits Pyongyang | World News\nReporting by the Times showed the plan had failed.\n\
             Rates rose 2% | Stocks fell 3% | Oil flat\nUS > EU > China in output\n\
             The company was founded on June 18, 2024.\nScores were 1/5 and 2/5 in the test.\n\
             Fans wrote to @Example asking for a refund.\nPrices updated on June 18 rose 3%.\n\
             Image of the day shows a fox\nEmail: info@example.org\n\
             Details: 400 N. 2nd Ave. @junebug on Instagram\n\"email\": \"support@example.com\",\n\
             Published by Penguin in 2019, the book sold well.\nLocation data showed the phone was in Delhi.\n\
             Read the report in full before voting.\nPublished by Hachette\nLocation: Paris, France\n\
             Facebook updated its terms of use and privacy policy on Monday.\nBy Tuesday • 3 of them had left\n\
             Free articles are a draw for readers, the editor said.\nWe have a story to tell, she said.\n\
             Enter your email to see the draft, the form said.\nYour email arrived late, he wrote.\n\
             Powered by solar panels, the plant opened on Monday.\nPost 17\nPage 2\n\
             Views: 1,204 and rising\nViews 3 and 4\n1.2.3 views\n\
             Sources said the deal was close.\nPosted by a fan, the video went viral on June 18, 2024.\n\
             The disclaimer was added in May.\nSource code for the tool is on GitHub.\n\
             (Adds up to 40 jobs, the firm said, in a statement on Monday.\n\
             More than 40 died in the floods, officials said.\nA list of 4 items was sent.\n\
             Survey draws 300 responses\nHAVING COUNT(*) > 5\nWorld leaders meet in Paris\n\
             Booking.com\nNews of the World closes\nOfficials had no comments\n\
             Three comments on the bill drew praise.\nWe use less water than we did, he said.\n\
             Digg founder Kevin Rose spoke at the event.\nPrivacy | Trust\n\
             By Monday | prices had risen 40% since March\n\
             5 Thoughts on Why the Academy Picked Ellen DeGeneres As Oscar Host\n\
             The paper's print edition will close in May, the owners said.\n\
             Readers of the print edition\n\
             Page 3 was updated in 2024\nPutin visits Pyongyang | Talks & trade | World",
            &[false; 83],
        );
    }

    #[test]
    fn publication_stamps_say_when_the_page_was_published() {
        for stamp in [
            "Published: June 18, 2024",
            "Last updated on June 18, 2024 at 10:30 am",
            "POSTED: 04/02/07, 9:00 PM PDT",
        ] {
            assert!(is_publication_stamp(stamp), "{stamp}");
        }
        // A bare date line may be a rewrite's dateline from long before the event.
        for line in [
            "DECEMBER 9, 2022",
            "Tuesday, June 18",
            "Unpublished notes, June 2024",
        ] {
            assert!(!is_publication_stamp(line), "{line}");
        }
    }

    #[test]
    fn datelines() {
        check(
            is_dateline_only,
            "DECEMBER 9, 2022\nUpdated: 18 Jun 2024, 10:30 am IST\n2024-06-18\nJune 18\n\
             NEW DELHI: Russian President Vladimir Putin arrived on June 18, 2024.\nMay Day\n\
             Published: 14:32 GMT, 12 December 2008 | Updated: 16:05 GMT, 12 December 2008",
            &[true, true, true, true, false, false, true],
        );
    }

    #[test]
    fn headline_shapes() {
        check(
            is_section_label,
            "Russia News\nWorld\nPutin Visits Pyongyang\nUS Crime",
            &[true, true, false, true],
        );
        check(
            reads_as_headline,
            "Putin Visits Pyongyang\nWASHINGTON (Reuters) -\nThe talks ended.\nWhy Now?",
            &[true, false, false, true],
        );
        check(
            is_title_like,
            "World Leaders Join in Swiss Alps to Seek Peace for Ukraine\n\
             Mix the flour with water\nThe talks ended.\nMarkets Rally As Rates Fall?\n\
             As Jane Roe Writes In A Times Piece:",
            &[true, false, false, true, false],
        );
        // A pasted story's title may be in sentence case; a line with any closing
        // punctuation, a quote or a lower-case start is no title.
        check(
            is_inner_title,
            "Turkmenistan holds parliamentary election\nVolcano Erupts Near Remote Chilean Village\n\
             The talks ended.\nWhat happens next?\nhe said the talks\n\"We will win\" says coach\n\
             61-year-old man charged with murder after a company chief was shot dead at an office party\n\
             Talks between the two delegations went on late into the night and are expected to resume with new proposals next week",
            &[true, true, false, false, false, false, true, false],
        );
        check(
            is_foreign_heading,
            "Other Topics of Interest\nAlso read:\nMore from Example Times\nRelated reading list is long.\n\
             Related Story\nSuggested Reading\nMore in World\nMore in the coming days.",
            &[true, true, true, false, true, true, true, false],
        );
    }
}
