//! Phrase tables for the general line rules in [`crate::rules`]: site furniture, teaser
//! headings, lorem ipsum, filler prose, date words and section labels.
//!
//! Entries are generic furniture seen across many sites, never text of particular articles.
//! Tables are kept compact (`rustfmt::skip`) so that a reader can scan them.

/// Lines longer than this many words are never furniture by phrase rules.
pub(crate) const MAX_FURNITURE_WORDS: u32 = 25;

/// No entry of [`FURNITURE_LINES`] has more words than this.
pub(crate) const MAX_FURNITURE_LINE_WORDS: u32 = 6;

/// Whole lines (folded) that are navigation, section labels, share buttons or ad markers.
#[rustfmt::skip]
pub(crate) const FURNITURE_LINES: &[&str] = &[
    // A discussion thread's controls and side bar.
    "sort by best", "sort by top", "sort by new", "sort by old", "sort by controversial",
    "sort by q a", "about community", "join", "hide", "report",
    // A podcast's show notes, an e-edition's and an app view's controls.
    "show notes", "transcript", "in this episode", "words in this episode", "print edition",
    "clip article", "view full site", "related releases", "most listened", "a a", "a a a",
    "sponsored listing", "add your comment",
    // A feed reader's, a forum's, a wiki's and a newsletter's controls and headings.
    "mark as read", "read later", "save to board", "get it now",
    "send a news tip", "readers comments", "sponsored stories", "my subreddits", "sorted by best",
    "in this issue", "read edit view history", "article discussion read edit view history",
    "article talk read edit view history",
    // Text-only and screen-reader editions' landmarks, and ad labels.
    "end of article", "end of story", "main content", "skip to site navigation",
    "end of site navigation", "jump to article text", "select language", "official website",
    "article history", "larger smaller", "advert", "adverts", "pr",
    "ad", "ads", "advertisement", "advertisements", "advertising", "sponsored", "sponsored content",
    "promoted", "promoted content", "paid content", "related", "related news", "related articles",
    "related stories", "related posts", "related content", "related topics", "related coverage",
    "related links", "related reading", "more news", "more stories", "more articles", "latest news",
    "latest stories", "top stories", "trending", "trending now", "trending news", "most read",
    "most popular", "most viewed", "popular", "popular stories", "recommended",
    "recommended for you", "recommended stories", "you may also like", "you might also like",
    "you may like", "also read", "read also", "read more", "read next", "see also", "more",
    // A wire service's end marks; a social network's and an app's buttons.
    "ends", "nnnn", "see translation", "most relevant", "not now", "continue in app",
    "open in app", "full coverage", "related questions", "donate",
    // E-mail's forwarding lines; a video page's controls.
    "forwarded message", "original message", "show less", "show more", "show transcript",
    "autoplay", "chapters",
    // A mailing list archive's and a forum's, a Q&A site's, an e-paper's and a radio
    // station's page furniture, and a newsletter's section labels.
    "forwarded article", "end forwarded article", "next part", "post reply", "post a reply",
    "your answer", "advt", "about the presenter", "related galleries", "plain text version",
    "about this widget", "previous posts", "top story", "latest jobs",
    "community notices", "in brief",
    "click to expand", "topic review", "hot network questions", "we value your privacy",
    "also today",
    "more from", "more on this", "more on this story", "continue reading", "continue reading below",
    "story continues below", "article continues below", "advertisement continue reading below",
    "story continues below advertisement", "scroll to continue", "scroll to continue with content",
    "about us", "about", "contact us", "contact", "home", "menu", "search", "login", "log in",
    "sign in", "sign up", "register", "subscribe", "subscribe now", "newsletter", "newsletters",
    "share", "share this", "share this article", "share this story", "share this post",
    "share article", "tweet", "email", "e mail", "print", "print this", "comments", "comment",
    "leave a comment", "post a comment", "add comment", "view comments", "tags", "topics",
    "categories", "category", "next", "previous", "next article", "previous article", "next story",
    "previous story", "next post", "previous post", "back to top", "go to top", "loading", "watch",
    "listen", "listen to this article", "copy link", "link copied", "follow us", "follow",
    "privacy", "privacy policy", "privacy statement", "privacy notice", "terms of use",
    "terms of service", "terms and conditions",
    "cookie policy", "cookie settings", "cookies", "accept", "accept cookies",
    "all rights reserved", "skip to content", "skip to main content", "facebook", "twitter", "x",
    "instagram", "linkedin", "youtube", "whatsapp", "telegram", "pinterest", "tiktok", "reddit",
    "snapchat", "threads", "flipboard", "google news", "rss", "messenger", "viber", "tumblr",
    "bluesky", "mastodon", "photo", "photos", "video", "videos", "image", "images", "gallery",
    "photo gallery", "advertise", "advertise with us", "careers", "faq", "help", "sitemap",
    "site map", "disclaimer", "editorial policy", "feedback", "other topics of interest",
    "dont miss", "must read", "editors picks", "editor s picks", "featured", "featured stories",
    "in case you missed it", "recommended reading", "report this article", "report an error",
    "join now", "get the app", "download app", "open in app", "click to share", "share via",
    "close", "toggle navigation", "back", "view all", "see all", "show more", "load more",
    "show comments", "hide comments", "advertising disclosure", "affiliate disclosure",
    "fact checked", "back to menu", "back to home", "go to the content", "weekly newsletter",
    "daily newsletter", "free newsletter", "sign up now", "learn more", "find out more", "see more",
    "view more", "shop now", "buy now", "skip advertisement", "supported by", "subscribers only",
    "subscriber only", "for subscribers", "leave a reply", "cancel reply", "listen to article",
    "continue reading the main story", "enlarge this image", "toggle caption",
    "opens in new window", "opens in a new window", "open in new window", "add topic",
    "send us your tips", "getty images", "reuters", "associated press", "afp", "ap", "epa",
    "afp via getty images", "ap photo", "afp photo", "reuters photo", "shutterstock", "copyright",
    "loading paragraph", "like this", "like loading", "print friendly pdf email", "story highlights",
    "post navigation", "about the author", "partner content", "sponsored post", "hide caption",
    "trending photos", "trending videos", "watch live tv", "live tv", "read full article",
    "read full story", "ians", "pti", "ani", "with inputs from agencies", "with agency inputs",
    "inputs from agencies", "up next", "around the web", "from around the web", "watch video",
    "play video", "more videos", "watch now", "ad feedback", "accept all", "accept all cookies",
    "reject all", "enter your email", "enter your email address", "email address", "your email",
    "your email address", "powered by wordpress", "proudly powered by wordpress",
    "leave a reply cancel reply", "trending topics", "end of list", "view this post on instagram",
    "view this post on tiktok", "view this post on x",
    "digg", "newsvine", "delicious", "stumbleupon", "sponsored links", "recent posts",
    "trending discussions", "comments are closed", "watch live", "printer friendly page",
    "printer friendly version", "special correspondent", "from wire reports",
    "from times wire reports", "wire reports",
    "add a comment", "reader comments", "have your say", "be the first to comment",
    "keep reading", "listen now", "listen live", "sign me up", "most e mailed", "most emailed",
    "ads by google", "swns", "pa media", "pa wire", "manage choices", "ok got it",
    "report this story", "search this site", "archives", "blogroll", "rights permissions",
    "submit comment", "post comment", "name required", "email required",
    "mail will not be published required", "share what you think", "links to this post",
    "newer post older post home", "view my complete profile", "powered by blogger",
    "blog archive", "about me", "submit", "report this content", "write a comment", "recommend",
    "discussion policy", "recent entries",
    "reply", "reply with quote", "quote", "similar threads", "story tools",
    "reprints permissions", "reprints and permissions", "jump to navigation",
    "view as single page", "post to facebook", "share by email", "start writing",
    "type your email", "read this next", "browse search", "previous thread next thread", "email will not be published",
    // A blog platform's and a portal's buttons and footers, a forum's and a web archive's.
    "more for you", "discussion about this post", "ready for more", "text to speech", "terms",
    "restack", "like", "thumbs up", "thumbs down", "listen share", "comments restacks",
    "who is online", "about this capture", "top",
];

/// Words of share bars and social-link rows ("Facebook Twitter WhatsApp Email").
#[rustfmt::skip]
pub(crate) const SOCIAL_WORDS: &[&str] = &[
    "facebook", "twitter", "x", "instagram", "linkedin", "youtube", "whatsapp", "telegram",
    "pinterest", "tiktok", "reddit", "snapchat", "threads", "flipboard", "tumblr", "bluesky",
    "mastodon", "vk", "email", "mail", "sms", "print", "share", "copy", "link", "messenger", "on",
    "us", "follow", "google", "news", "rss", "feed", "and", "or", "via",
    "digg", "newsvine", "delicious", "stumbleupon", "tweet",
];

/// Folded prefixes of calls to action and navigation lines.
#[rustfmt::skip]
pub(crate) const FURNITURE_PREFIXES: &[&str] = &[
    "continue browsing in", "more posts from the", "on air now", "theme music",
    "previous episode", "next episode", "permalink",
    "follow us", "join our", "join us on", "subscribe to", "sign up for", "sign up to",
    "click here", "read more", "read also", "also read", "see also", "read next", "watch also",
    "also watch", "download the", "download our", "get the latest", "get our", "dont miss",
    "to suggest a correction", "you can also highlight", "for more news", "for more updates",
    "all rights reserved", "listen to this article", "share this", "share on", "share via",
    "recommended for you", "more stories from", "stay updated", "stay connected", "like us on",
    "this story has been published from a wire agency", "catch all the", "check out our",
    "never miss", "sign in to", "learn more", "cite this", "read the full story",
    "read the full article", "find out more", "media playback is unsupported",
    "your email address will not be published", "this article was originally published",
    "this article originally appeared", "this story was originally published",
    "this story originally appeared", "our standards the thomson reuters", "got a news tip",
    "have a news tip", "send us your", "click to share on", "follow our live", "with files from",
    "save my name email", "with inputs from", "get latest news", "got a story", "got a news story",
    "have a story idea", "enjoyed this article", "a post shared by", "this is a developing story",
    "this story is developing", "this is a breaking news story", "this story will be updated",
    "this article will be updated", "check back for updates", "check back later for updates",
    "find this article at", "this entry was posted in", "you can follow any comments to this entry",
    "you must be logged in to", "login or sign up to", "log in or sign up to",
    "report a problem with", "join the discussion", "discuss this in the forums",
    "get the news delivered", "do you have a story to sell", "go to home page",
    "read more on", "printer friendly", "comments are closed",
    "thomson reuters is the worlds largest", "corrections and clarifications",
    "thank you for reading", "this article is more than", "i write about",
    "advertise with", "continues after this advertisement", "story continues after",
    "continue reading at", "trending searches", "to report corrections",
    "to contact the reporter", "to contact the editor", "originally posted by", "join date",
    "posting permissions", "all times are gmt", "thanks for reading", "support local journalism",
    "quotes delayed", "market data delayed", "click a ticker",
    "continue reading on", "was this helpful", "printed from", "this article was printed from",
    "article url", "printed on", "this page has been automatically translated",
    "translated by machine translation", "translated by google", "missing some tweet in this",
    "read on twitter", "save as pdf", "display posts from previous", "board index",
    "the wayback machine", "more threads by", "enjoying this thread",
    // E-mail signatures and mailing lists' notices, a video page's comment box.
    "sent from my", "you received this message because", "for more options visit",
    "add a public comment", "sort by top comments",
    // A mailing list archive's message page, a forum's and a newsletter's notices, a radio
    // station's and a wire's pages, an e-paper's imprint.
    "previous message", "next message", "messages sorted by", "an html attachment was scrubbed",
    "messages in this topic", "more information about the", "in this issue", "sponsored by",
    "this issue is sponsored by", "our mailing address is", "next article", "play clip",
    "listen back", "text the studio", "search releases", "more releases from",
    "users browsing this forum", "table of contents", "licensed by the",
    "printed and published by", "published and printed by",
    "last edited", "blog template by", "discuss this story", "rate this article",
    "tell us what you think", "in todays issue", "in todays edition",
];

/// Folded phrases of native ads among a portal's stories ("Seniors are switching to this new
/// card"), judged on the lines the furniture phrases are, with a reason of their own.
#[rustfmt::skip]
pub(crate) const NATIVE_AD_PHRASES: &[&str] = &[
    "are switching to this", "are flocking to this", "little known rule", "little known trick",
    "one weird trick", "this simple trick", "you should never buy",
];

/// Folded phrases that mark a call to action anywhere in a short line.
#[rustfmt::skip]
pub(crate) const FURNITURE_PHRASES: &[&str] = &[
    // A newspaper's digital replica speaking of itself.
    "e edition", "epaper", "e paper", "download mp3", "switch to the full site",
    "open this story in", "save this story", "swipe left", "swipe right", "swipe up",
    "whatsapp group", "whatsapp channel", "telegram channel", "telegram group", "on google news",
    "all rights reserved", "ctrl enter", "sign up for our", "subscribe to our", "our newsletter",
    "follow us on", "click here", "share this article", "share this story", "we may earn",
    "affiliate link", "earn a commission", "continue reading below", "story continues below",
    "article continues below", "report this article", "enable javascript", "javascript is disabled",
    "your browser does not support", "download the app", "download our app",
    "app store and google play", "suggest a correction", "like us on facebook", "our whatsapp",
    "our telegram", "breaking news alerts", "skip to content", "skip to main content",
    "already a subscriber", "already have an account", "subscribe now", "subscribe today",
    "support our journalism", "support independent journalism", "this article is sponsored",
    "advertisement scroll", "scroll to continue", "get breaking news", "get the latest news",
    "use cookies", "uses cookies", "we use cookies", "do not sell or share", "do not sell my",
    "cookie settings", "manage cookies", "earn from qualifying purchases", "as an amazon associate",
    "welcome your comments", "keep them civil", "comments are moderated",
    "for the next time i comment", "contributed to this report", "contributed to this story",
    "contributed reporting", "hide caption", "toggle caption",
    "auto generated from a syndicated feed", "this story has not been edited", "you agree to our",
    "by clicking sign up", "by signing up you", "not available in your region",
    "limit of free articles", "free articles remaining", "free articles left",
    "share it with your friends",
    "headlines in your inbox", "straight to your inbox", "delivered to your inbox",
    "daily email newsletter", "not responsible for the content of external",
    "comments to this entry", "is a registered trademark", "submit a news tip",
    "send this article to a friend",
    "be the first to comment", "have your say", "comments are now closed",
    "comments are subject to", "our community guidelines", "notify me of follow up comments",
    "notify me of new posts", "fill in your details below", "click an icon to log in",
    "keep comments respectful", "view all comments", "comments that include profanity",
    "comments that are abusive", "join the conversation", "be the first to like this",
    "blog at wordpress com", "become a member today", "continues after this advertisement",
    "keep it civil", "personal attacks or profanity", "have been moderated",
    "those of our users", "commenting has been disabled", "comments have been disabled",
    "to leave a response", "to submit a comment", "conversation guidelines",
    "add your voice to the discussion", "sole responsibility of the person posting",
    "article continues after", "continue below", "opens in new window", "click to email",
    "report a typo", "report a factual error", "keep the discussion civil",
    "do not always reflect the views", "share this post with your friends",
    "required but will not display", "text size",
    "delayed at least 15 minutes", "investment advice", "accept comments", "never be shared",
    "follow our channel", "delivered to your door", "content management system",
    "previous thread", "next thread", "subscribe for free", "newsdesk on",
    "be the first to know", "report it here",
    // Paywalls and registration walls, e-mail editions and wikis speaking of themselves.
    "free articles this month", "free article remaining", "free articles remaining",
    "free articles left", "already registered sign in", "register free to continue",
    "continue with email", "continue with linkedin", "continue with google",
    "continue with facebook", "continue with apple", "unlock the rest of this article",
    "view this email in your browser", "you are receiving this email",
    "this page was last edited", "text is available under the creative commons",
    // Betting sites' notices, photo agencies' licences, comment prompts, cached copies.
    "bet responsibly", "gamble responsibly", "play responsibly", "1 800 gambler",
    "t cs apply", "odds are for entertainment", "odds are correct at the time",
    "editorial use only", "add to lightbox", "sign in to post a comment",
    "log in to post a comment", "log in to leave a comment", "sign in to leave a comment",
    "log in to comment", "sign in to comment", "this is the cached copy of",
    "was this page helpful", "was this article helpful", "skip advertisement",
    // E-mail newsletters' web views, text-only and lite editions, feed readers, podcast pages,
    // message boards, machine translations and firms' notices on their posts.
    "you are receiving this because", "forwarded this e mail", "forwarded this email",
    "this post is public", "text only edition", "text only page", "text only version",
    "lightweight page", "view full site", "load full article", "mark all as read",
    "open original", "keyboard shortcuts", "play in new window", "leave us a review",
    "five star review", "on patreon", "listen on itunes", "listen on spotify",
    "listen on apple podcasts", "you may not post", "please login or register",
    "please log in or register", "report this notice", "report this post",
    "machine translations are", "read this article in", "is not legal advice",
    "does not constitute legal advice", "attorney advertising",
    // Ad code printed as text, transcripts' notices, social networks' prompts.
    "adsbygoogle", "googletag", "rush transcript", "write a public comment",
    "tap to follow", "reply to author", "report abuse", "you must sign in before you can post",
    "to post a message you must first join",
    // Companies' registration lines under a site, a Q&A site's and a forum's controls,
    // mailing lists' and newsletters' notices, a printed page's turn lines ("Continued on
    // Page 24"), licensed feeds' and digital editions' terms, an archive's OCR notices.
    "registered in england", "registered in scotland", "registered in ireland",
    "registered in northern ireland", "registered at the post office", "improve this question",
    "improve this answer", "sorted by highest score", "you cannot post new topics",
    "cannot reply to topics", "register before you can post", "unsubscribe from this list",
    "update subscription preferences", "consider the environment before printing",
    "continued on page", "continued from page", "contd on page", "contd from page", "create blog",
    "licensed for single user", "text correction status", "this article has been viewed",
    "not for redistribution", "to unsubscribe send", "enter your comment here",
    "log in or register to reply", "thread starter", "share edit flag", "powered by blogger",
    "download telegram", "preview of this channel", "solely responsible for the content",
    "forward it to a colleague", "just hit reply", "youre receiving this", "mailman listinfo",
    "odds correct at time", "go to page",
];

/// Lowercase text prefixes of link labels and tag lists ("Related: …", "Tags: …").
#[rustfmt::skip]
pub(crate) const LABEL_PREFIXES: &[&str] = &[
    "related:", "tags:", "topics:", "filed under:", "also read:", "read also:", "read more:",
    "see also:", "read |", "also read |", "read more |", "more:", "labels:", "categories:",
    "category:", "filed in:", "more on:", "sponsored:", "posted in:", "tagged:", "more about:",
    "weather alert:", "alert:", "live now:", "hot right now:", "trending:", "first alert weather:",
    "keywords:", "tags / keywords:", "tags/keywords:", "link:", "up next:", "now playing:",
    "related topics:", "photo gallery:", "gallery:", "next game:",
];

/// Lowercase text prefixes of image credits and captions ("Image: Reuters").
#[rustfmt::skip]
pub(crate) const CREDIT_PREFIXES: &[&str] = &[
    "image courtesy", "photo courtesy", "picture courtesy", "image:", "images:", "photo:",
    "photos:", "picture:", "pictures:", "photograph:",
    "photo credit", "image credit", "image source", "photo source", "(photo", "(image", "photo by",
    "image by", "credit:", "illustration:", "caption:", "file photo", "representative image",
    "representational image", "representational photo", "video:", "watch:", "listen:",
    "(representative", "(file", "[photo", "[image", "image copyright", "image caption",
    "ap photo", "afp photo", "reuters photo", "afp via getty", "(ap photo", "(afp photo",
    "(reuters photo", "ap file photo", "courtesy ", "(credit", "photograph by", "staff photo",
    "photographer:",
];

/// Folded headings that introduce unrelated stories or teaser lists.
#[rustfmt::skip]
pub(crate) const FOREIGN_HEADINGS: &[&str] = &[
    "other topics of interest", "also read", "read also", "read more", "see also",
    "you may also like", "you might also like", "you may like", "more from", "more stories",
    "more news", "related", "related news", "related stories", "related articles", "related posts",
    "recommended", "recommended for you", "recommended stories", "dont miss", "must read",
    "also on", "trending", "trending now", "latest news", "top stories", "more on this",
    "in other news", "other news", "popular stories", "most read", "most popular", "editors picks",
    "in case you missed it", "read next", "more to read", "more like this", "what to read next",
    "further reading", "related story", "top headlines", "also watch", "must watch",
    "suggested reading", "explore more", "read more news", "trending stories", "also see",
    "you may also read", "other stories", "latest stories", "on the same subject",
    "related notes",
];

/// The first entries of [`LOREM_WORDS`], which no real language uses as words.
pub(crate) const LOREM_DISTINCT_PREFIX: usize = 27;

/// Vocabulary of lorem ipsum, the classic typesetting placeholder; the distinctive words come
/// first.
#[rustfmt::skip]
pub(crate) const LOREM_WORDS: &[&str] = &[
    "lorem", "ipsum", "dolor", "amet", "consectetur", "consectetuer", "adipiscing", "adipisicing",
    "eiusmod", "incididunt", "aliqua", "nostrud", "ullamco", "laboris", "aliquip", "reprehenderit",
    "cupidatat", "proident", "pellentesque", "vestibulum", "aenean", "ultricies", "fringilla",
    "vulputate", "voluptatem", "curabitur", "maecenas", "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
    "consectetuer", "adipiscing", "adipisicing", "elit", "sed", "do", "eiusmod", "tempor",
    "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim",
    "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex",
    "ea", "commodo", "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate",
    "velit", "esse", "cillum", "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat",
    "cupidatat", "non", "proident", "sunt", "culpa", "qui", "officia", "deserunt", "mollit", "anim",
    "id", "est", "laborum", "vestibulum", "nunc", "nibh", "eget", "mauris", "vitae", "tellus",
    "pellentesque", "aenean", "massa", "donec", "quam", "felis", "ultricies", "nec", "pede",
    "justo", "fringilla", "vel", "aliquet", "vulputate", "arcu", "rhoncus", "imperdiet",
    "venenatis", "integer", "tincidunt", "cras", "dapibus", "vivamus", "elementum", "semper", "nam",
    "eleifend", "ac", "ante", "etiam", "rutrum", "curabitur", "ligula", "porttitor", "sapien",
    "libero", "praesent", "mi", "phasellus", "viverra", "leo", "morbi", "nullam", "sodales",
    "lacus", "unde", "omnis", "iste", "natus", "error", "totam", "rem", "aperiam", "eaque", "ipsa",
    "quae", "ab", "illo", "inventore", "veritatis", "quasi", "architecto", "beatae", "dicta",
    "explicabo", "nemo", "ipsam", "quia", "voluptas", "aspernatur", "aut", "odit", "fugit",
    "consequuntur", "magni", "dolores", "eos", "ratione", "sequi", "nesciunt", "neque", "porro",
    "quisquam", "dolorem", "accusantium", "doloremque", "laudantium", "perspiciatis",
    // The words of the other common generators' Latin ("Curabitur blandit tempus porttitor").
    "blandit", "tempus", "mollis", "interdum", "porta", "sem", "mattis", "purus", "fermentum",
    "posuere", "erat", "odio", "dui", "pharetra", "augue", "lacinia", "risus", "tortor", "varius",
    "ornare", "metus", "egestas", "lectus", "orci", "urna", "sagittis", "condimentum", "dignissim",
    "tristique", "lobortis", "facilisis", "bibendum", "convallis", "pulvinar", "accumsan",
    "auctor", "cursus", "gravida", "iaculis", "laoreet", "luctus", "placerat", "suscipit",
    "vehicula", "volutpat", "malesuada", "euismod", "faucibus", "phasellus", "suspendisse",
    "ullamcorper", "scelerisque", "sollicitudin",
];

/// Folded phrases that only template placeholder prose uses.
#[rustfmt::skip]
pub(crate) const FILLER_PHRASES: &[&str] = &[
    "lorem ipsum", "filler text", "dummy text", "placeholder text", "sample text here",
    "your text here", "insert text here", "replace this text", "typesetting industry",
    "readable content of a page", "content here content here", "using filler",
    "placeholder content", "this is a placeholder", "demo content", "dummy content",
    "text of the printing", "blind texts", "lipsum", "add your own text", "bacon ipsum",
    "hipster ipsum", "cupcake ipsum",
    // The other classic placeholders: lipsum.com's Latin and its English translation, and
    // the sample texts of blind-text generators (Werther, Kafka, pangrams, Occidental).
    "vero eos et accusamus", "denounce with righteous indignation", "praising pain",
    "obtain pain of itself", "wonderful serenity has taken possession",
    "gregor samsa woke from troubled dreams", "djs flock by when mtv", "li europan lingues",
    "dummy copy",
    // Site builders' and themes' stand-in for a box of text.
    "sample paragraph",
];

/// Words that call text a stand-in ("stand-in copy", "mock text", "dummy paragraphs"): a line
/// where one comes right before a [`FILLER_TALK_NOUNS`] word and that speaks of design
/// ([`DESIGN_WORDS`]) is template filler prose in other words than [`FILLER_PHRASES`]'.
#[rustfmt::skip]
pub(crate) const FILLER_TALK_MODIFIERS: &[&str] = &[
    "placeholder", "filler", "dummy", "stand in", "standin", "mock", "nonsense", "temporary",
    "sample", "gibberish", "meaningless", "scrambled", "fake", "greeked",
];

/// What [`FILLER_TALK_MODIFIERS`] words call a stand-in for.
#[rustfmt::skip]
pub(crate) const FILLER_TALK_NOUNS: &[&str] = &[
    "text", "texts", "copy", "content", "words", "paragraph", "paragraphs", "passage",
    "passages", "prose", "sentences",
];

/// Design talk: filler prose explains itself in these terms ("judge the layout", "the
/// look of a page"), a news report on fake content or a sample text rarely does.
#[rustfmt::skip]
pub(crate) const DESIGN_WORDS: &[&str] = &[
    "layout", "layouts", "design", "designs", "designer", "designers", "designed", "typeset",
    "typesetting", "typography", "typographic", "typeface", "font", "fonts", "mockup",
    "mockups", "template", "templates", "page", "pages", "wireframe", "wireframes",
    "visual", "visually",
];

/// Month and weekday names and date words that may make up a dateline-only line.
#[rustfmt::skip]
pub(crate) const DATE_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "ist", "gmt", "utc",
    "est", "edt", "pst", "pdt", "cet", "cest", "bst", "et", "cst", "cdt", "mst", "mdt", "ast",
    "hst", "akst", "jst", "kst", "aest", "aedt", "nzst", "nzdt", "sast", "wat", "eat", "pkt",
    "updated", "published", "posted",
    "last", "on", "at", "first", "modified", "date", "st", "nd", "rd", "th",
    // The Hijri calendar's months, which Gulf and South Asian papers print beside the date
    // ("Monday, December 15, 2008 | 17 Dhul Hijjah 1429"), and its era.
    "muharram", "safar", "rabi", "awwal", "akhir", "thani", "jumada", "ula", "akhirah", "rajab",
    "shaban", "ramadan", "ramazan", "shawwal", "dhul", "dhu", "qadah", "qidah", "hijjah", "hijja",
    "ah",
];

/// Last words of section labels printed above a headline ("Russia News", "World").
#[rustfmt::skip]
pub(crate) const SECTION_WORDS: &[&str] = &[
    "news", "world", "politics", "business", "sport", "sports", "opinion", "entertainment", "tech",
    "technology", "science", "health", "lifestyle", "breaking", "exclusive", "live", "analysis",
    "features", "feature", "economy", "markets", "national", "international", "local", "region",
    "culture", "travel", "education", "asia", "europe", "africa", "americas", "headlines", "latest",
    "updates", "world news", "top news", "middle east", "asia pacific", "latin america",
    "north america", "oceania", "crime", "us", "uk", "nation", "metro", "state", "city",
    "weather", "arts", "media", "environment", "climate", "energy", "law", "justice", "courts",
    "finance", "money", "autos", "style", "food", "books", "music", "movies", "television",
    "celebrity", "showbiz", "gossip", "religion", "military", "defense", "defence", "security",
    "diplomacy", "elections", "obituaries", "tributes", "safety",
];

/// Words of a news site's name or tagline ("Los Angeles Times", "Daily News Egypt", "News
/// About Planet Earth", "Online edition of India's National Newspaper"), for the masthead
/// rule: a short line at the very top holding one of them, above a longer headline.
#[rustfmt::skip]
pub(crate) const MASTHEAD_WORDS: &[&str] = &[
    "news", "newspaper", "newspapers", "times", "herald", "daily", "journal", "tribune",
    "gazette", "independent", "courier", "chronicle", "telegraph", "guardian", "express",
    "observer", "online", "edition", "weekly", "magazine", "press", "wire", "insider",
    "eyewitness", "broadcasting", "tv", "globe", "examiner", "inquirer", "dispatch", "bulletin",
    "sentinel", "monitor", "post", "standard", "today", "radio", "newsradio", "television",
    "network", "newschannel", "clarion", "enterprise", "bee", "ledger", "register", "advocate",
    "citizen", "beacon", "reporter", "sun", "mirror", "crier", "forum", "forums", "messenger",
    "spectator", "statesman", "argus",
];

/// Words a navigation or sharing line is made of, by role: such a line ("Print this article",
/// "Email to a friend", "More Top Stories") is only these words, and holds an action with
/// what it acts on (or the action alone), or a list qualifier with a list noun (see
/// [`crate::rules`]). Listed as words, so that lines no phrase list names are caught too.
#[rustfmt::skip]
pub(crate) const NAV_ACTIONS: &[&str] = &[
    "print", "email", "mail", "share", "send", "forward", "subscribe", "follow", "bookmark",
    "save", "reprint", "reprints", "tweet", "download", "comment", "comments", "newsletter",
    "newsletters", "app", "permalink", "pin", "jump", "skip", "click", "tap", "view",
];
/// What a navigation action acts on: the page itself or its reader ("this", "article",
/// "your"). "Send an email" in a how-to list has none, and stays.
#[rustfmt::skip]
pub(crate) const NAV_TARGETS: &[&str] = &[
    "this", "it", "article", "story", "page", "post", "friend", "friends", "us", "our", "your",
    "now", "later", "link", "recipe", "list", "content", "main", "expand", "enlarge", "zoom",
    "colleague", "slideshow", "gallery", "audio", "photos", "mp3", "facebook", "twitter",
    "whatsapp", "telegram", "linkedin", "reddit", "pinterest",
];
/// See [`NAV_ACTIONS`]; "recent" and "updates" are left out: "Recent Updates" heads content.
#[rustfmt::skip]
pub(crate) const NAV_QUALIFIERS: &[&str] = &[
    "more", "top", "latest", "related", "other", "popular", "trending", "featured", "recommended",
    "breaking", "most", "similar",
];
/// See [`NAV_ACTIONS`].
#[rustfmt::skip]
pub(crate) const NAV_NOUNS: &[&str] = &[
    "stories", "news", "articles", "headlines", "posts", "videos", "links", "coverage", "reads",
    "read", "viewed", "shared", "mailed", "emailed",
];
/// Words of reading times and relative time stamps besides their number ("5 min read",
/// "Updated 3 hours ago"); a time stamp also holds one of [`TIME_MARKERS`].
#[rustfmt::skip]
pub(crate) const TIME_WORDS: &[&str] = &[
    "updated", "posted", "published", "last", "time", "hours", "hour", "hrs", "hr", "h",
    "minutes", "minute", "mins", "min", "m", "days", "day", "d", "weeks", "week", "seconds",
    "secs", "a", "an",
];
/// See [`TIME_WORDS`].
pub(crate) const TIME_MARKERS: &[&str] = &["ago", "read", "reading"];

/// See [`NAV_ACTIONS`]: words that only join the others.
#[rustfmt::skip]
pub(crate) const NAV_JOINERS: &[&str] = &[
    "that", "to", "a", "an", "the", "on", "for", "and", "or", "of", "with", "you", "in", "via",
    "here", "all", "free", "may", "might", "also", "like", "enjoy",
    // The "e" of "E-mail this story", folded apart.
    "e", "by",
];

/// Folded phrases of marketing and account prompts; only for lines of at most
/// [`MAX_SHORT_CTA_WORDS`] words without a final period, since news sentences use them too.
#[rustfmt::skip]
pub(crate) const SHORT_CTA_PHRASES: &[&str] = &[
    "free trial", "free consultation", "request a demo", "book a demo", "get started", "talk to our",
    "contact our", "get a quote", "shop now", "buy now", "learn more", "find out more", "see more",
    "view more", "sign up", "log in", "subscribe", "newsletter", "apply now", "register now",
    "book now", "order now", "start now", "try it free", "try for free", "download now",
];

/// Longest line the [`SHORT_CTA_PHRASES`] and link-arrow rules judge.
pub(crate) const MAX_SHORT_CTA_WORDS: u32 = 8;
