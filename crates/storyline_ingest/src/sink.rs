//! Where format readers put what they read: a queue of [`Record`]s that the [`Reader`]
//! iterator drains, with id de-duplication and counting on the way in.
//!
//! Every article of a run passes through [`Sink::article`], so duplicate ids are caught
//! across files and formats alike.
//!
//! [`Reader`]: crate::Reader

use std::collections::VecDeque;

use storyline_core::{Diagnostic, RawArticle, SourcePos};

use crate::ids::IdRegistry;
use crate::{IngestStats, Record};

/// The queue between format readers and the iterator.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) queue: VecDeque<Record>,
    pub(crate) stats: IngestStats,
    ids: IdRegistry,
}

impl Sink {
    /// Queues an article, renaming it `id#n` (with a warning) if its id was seen before.
    pub(crate) fn article(&mut self, mut article: RawArticle) {
        if let Some(unique) = self.ids.claim(&article.id) {
            let message = format!(
                "duplicate id {:?}: the article is kept as {:?}",
                article.id, unique
            );
            self.warning(article.pos.clone(), "duplicate_id", message);
            article.id = unique;
        }
        self.stats.articles += 1;
        self.queue.push_back(Record::Article(Box::new(article)));
    }

    pub(crate) fn warning(&mut self, pos: SourcePos, code: &str, message: impl Into<String>) {
        self.stats.warnings += 1;
        self.queue
            .push_back(Record::Diagnostic(Diagnostic::warning(pos, code, message)));
    }

    pub(crate) fn error(&mut self, pos: SourcePos, code: &str, message: impl Into<String>) {
        self.stats.errors += 1;
        self.queue
            .push_back(Record::Diagnostic(Diagnostic::error(pos, code, message)));
    }
}
