//! Small word tables the entity and disagreement rules use: places (countries, capitals,
//! large cities and regions), nationality words, titles that announce a person, and words
//! that end an organisation's name.
//!
//! All lookups take a lower-cased key (hyphens as spaces). The tables are deliberately small
//! and generic; they are cues that vote for an entity's kind, never a closed list of names.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word table looked up through a hash set built on first use: the entity pass asks
/// several tables about most capitalised words, and a binary search costs several string
/// comparisons per question.
#[derive(Debug)]
pub(crate) struct WordSet {
    table: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(table: &'static [&'static str]) -> Self {
        WordSet {
            table,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.table.iter().copied().collect())
            .contains(word)
    }
}

/// Countries, capitals, large cities and regions, lower-cased.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "abu dhabi", "abuja", "accra", "addis ababa", "afghanistan", "africa", "alabama", "alaska",
    "albania", "algeria", "algiers", "amman", "amsterdam", "angola", "ankara", "argentina",
    "arizona", "armenia", "asia", "athens", "atlanta", "australia", "austria", "azerbaijan",
    "baghdad", "bahrain", "baku", "bangkok", "bangladesh", "beijing", "beirut", "belarus",
    "belgium", "belgrade", "berlin", "bern", "bogota", "bolivia", "bosnia", "boston",
    "brasilia", "brazil", "brussels", "bucharest", "budapest", "buenos aires", "bulgaria",
    "cairo", "california", "cambodia", "cameroon", "canada", "canberra", "caracas", "chicago",
    "chile", "china", "colombia", "colorado", "congo", "copenhagen", "crimea", "croatia",
    "cuba", "cyprus", "czech republic", "damascus", "delhi", "denmark", "dhaka", "doha",
    "dubai", "dublin", "ecuador", "egypt", "england", "estonia", "ethiopia", "europe",
    "finland", "florida", "france", "gaza", "georgia", "germany", "ghana", "greece",
    "guatemala", "haiti", "hanoi", "havana", "helsinki", "hong kong", "houston", "hungary",
    "iceland", "india", "indonesia", "iran", "iraq", "ireland", "islamabad", "israel",
    "istanbul", "italy", "jakarta", "jamaica", "japan", "jerusalem", "kabul", "kazakhstan",
    "kenya", "kiev", "kosovo", "kuwait", "kyiv", "latvia", "lebanon", "libya", "lima",
    "lisbon", "lithuania", "london", "los angeles", "madrid", "malaysia", "mali", "manila",
    "massachusetts", "mexico", "mexico city", "miami", "michigan", "minsk", "moldova",
    "mongolia", "morocco", "moscow", "mumbai", "myanmar", "nairobi", "nepal", "netherlands",
    "new delhi", "new jersey", "new york", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "norway", "ohio", "oman", "oslo", "ottawa", "pakistan", "palestine",
    "panama", "paris", "pennsylvania", "peru", "philippines", "poland", "portugal", "prague",
    "pyongyang", "qatar", "rabat", "riyadh", "romania", "rome", "russia", "rwanda",
    "san francisco", "santiago", "saudi arabia", "scotland", "seattle", "senegal", "seoul",
    "serbia", "shanghai", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "south korea", "spain", "sri lanka", "stockholm", "sudan", "sweden", "switzerland",
    "sydney", "syria", "taipei", "taiwan", "tehran", "tel aviv", "texas", "thailand", "tokyo",
    "toronto", "tunisia", "turkey", "uganda", "uk", "ukraine", "united arab emirates",
    "united kingdom", "united states", "uruguay", "us", "usa", "uzbekistan", "venezuela",
    "vienna", "vietnam", "virginia", "wales", "warsaw", "washington", "yemen", "zambia",
    "zimbabwe",
];

/// Nationality and regional adjectives, lower-cased; they describe a name, they are not one.
#[rustfmt::skip]
const NATIONALITIES: &[&str] = &[
    "afghan", "african", "american", "arab", "argentine", "asian", "australian", "austrian",
    "belgian", "brazilian", "british", "canadian", "chinese", "colombian", "cuban", "czech",
    "danish", "dutch", "egyptian", "english", "european", "filipino", "finnish", "french",
    "german", "greek", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli",
    "italian", "japanese", "jordanian", "korean", "kurdish", "lebanese", "mexican", "nigerian",
    "north korean", "norwegian", "pakistani", "palestinian", "polish", "portuguese", "russian",
    "saudi", "scottish", "south korean", "soviet", "spanish", "swedish", "swiss", "syrian",
    "taiwanese", "thai", "turkish", "ukrainian", "venezuelan", "vietnamese", "welsh",
    "western",
];

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "actor", "actress", "admiral", "aide", "ambassador", "attorney", "ayatollah", "capt",
    "captain", "ceo", "chairman", "chairwoman", "chancellor", "chief", "coach", "col",
    "colonel", "commander", "commissioner", "const", "constable", "corporal", "cpl", "crown",
    "defence", "defense", "deputy", "det", "detective", "director", "dr", "emir", "envoy",
    "finance", "foreign", "gen", "general", "gov", "governor", "insp", "inspector", "interior",
    "judge", "justice", "king", "lady", "leader", "lieutenant", "lord", "lt", "mayor",
    "minister", "miss", "mr", "mrs", "ms", "officer", "pope", "premier", "president", "prime",
    "prince", "princess", "prof", "professor", "queen", "rep", "representative", "rev",
    "reverend", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh", "sheriff", "sir",
    "speaker", "spokesman", "spokeswoman", "superintendent", "supt", "undersheriff", "vice",
];

static TITLES_SET: WordSet = WordSet::new(TITLES);

/// Capitalised titles that introduce a person's name ("President", "Foreign Minister").
pub(crate) fn is_title(lower: &str) -> bool {
    TITLES_SET.contains(lower)
}

/// Lower-case role words that introduce a person's name ("leader Kim Jong Un",
/// "aide, Yuri Ushakov") or follow one ("Ushakov added").
#[rustfmt::skip]
const PERSON_CUES: &[&str] = &[
    "actor", "actress", "adviser", "advisor", "aide", "ambassador", "attorney", "author",
    "boyfriend", "captain", "ceo", "chairman", "chief", "coach", "commander", "daughter",
    "detective", "director", "envoy", "father", "founder", "general", "girlfriend", "governor",
    "husband", "journalist", "judge", "lawyer", "leader", "manager", "mayor", "minister",
    "mother", "musician", "officer", "official", "player", "president", "publicist", "rapper",
    "reporter", "representative", "secretary", "senator", "singer", "son", "spokesman",
    "spokesperson", "spokeswoman", "star", "suspect", "victim", "wife", "writer",
];

/// Verbs of speech that follow a person's name ("Ushakov added").
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "announced", "argued", "asked", "claimed", "confirmed", "declared", "denied",
    "explained", "insisted", "noted", "recalled", "replied", "said", "says", "stated", "told",
    "tweeted", "warned", "wrote",
];

/// Last words of organisation names.
#[rustfmt::skip]
const ORGANISATION_SUFFIXES: &[&str] = &[
    "academy", "advisers", "advisors", "agency", "airlines", "airways", "alliance", "army",
    "assembly", "associates", "association", "authority", "bank", "board", "brigade", "bureau",
    "cabinet", "center", "centre", "channel", "chronicle", "church", "club", "coalition",
    "college", "commission", "committee", "company", "congress", "consultants", "corp",
    "corporation", "council", "court", "daily", "department", "enterprises", "entertainment",
    "federation", "financial", "force", "forces", "foundation", "fund", "gazette", "globe",
    "government", "group", "guard", "guardian", "herald", "holdings", "hospital", "inc",
    "industries", "institute", "insurance", "journal", "kremlin", "laboratories", "labs",
    "league", "llc", "ltd", "magazine", "media", "ministry", "motors", "navy", "network",
    "news", "newspaper", "observer", "office", "organisation", "organization", "parliament",
    "partners", "party", "pharmaceuticals", "police", "post", "press", "radio", "records",
    "reuters", "school", "senate", "service", "services", "society", "solutions", "studios",
    "systems", "technologies", "telegraph", "times", "tribune", "trust", "union", "university",
];

/// Words that head an organisation name followed by "of" ("University of Oxford").
#[rustfmt::skip]
const ORGANISATION_HEADS: &[&str] = &[
    "academy", "bank", "board", "bureau", "church", "council", "court", "department", "house",
    "institute", "ministry", "museum", "office", "university",
];

/// Last words of place names ("Kim Il Sung Square", "Vostochny Cosmodrome").
#[rustfmt::skip]
const PLACE_SUFFIXES: &[&str] = &[
    "airport", "avenue", "bay", "beach", "bridge", "canyon", "city", "coast", "cosmodrome",
    "county", "desert", "district", "gulf", "harbor", "harbour", "island", "islands", "lake",
    "mountain", "mountains", "ocean", "palace", "park", "peninsula", "plaza", "port",
    "province", "region", "river", "road", "sea", "square", "stadium", "station", "strait",
    "street", "valley",
];

static PLACES_SET: WordSet = WordSet::new(PLACES);

/// Whether a lower-cased name is a known place.
pub(crate) fn is_known_place(key: &str) -> bool {
    PLACES_SET.contains(key)
}

static NATIONALITIES_SET: WordSet = WordSet::new(NATIONALITIES);

/// Whether a lower-cased word or pair of words is a nationality ("Russian", "North Korean").
pub(crate) fn is_nationality(key: &str) -> bool {
    NATIONALITIES_SET.contains(key)
}

/// Whether two lower-case words make a two-word nationality ("north korean"), without
/// joining them: the name pass asks this of most capitalised words.
pub(crate) fn is_nationality_pair(first: &str, second: &str) -> bool {
    static PAIRS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    PAIRS
        .get_or_init(|| {
            NATIONALITIES
                .iter()
                .filter_map(|entry| entry.split_once(' '))
                .collect()
        })
        .iter()
        .any(|&(a, b)| a == first && b == second)
}

/// What a single lower-case word is in the tables above, as bits (see [`word_kinds`]).
pub(crate) const TITLE: u16 = 1;
pub(crate) const STOPWORD: u16 = 1 << 1;
pub(crate) const NATIONALITY: u16 = 1 << 2;
pub(crate) const ORGANISATION_SUFFIX: u16 = 1 << 3;
pub(crate) const ORGANISATION_HEAD: u16 = 1 << 4;
pub(crate) const PLACE_SUFFIX: u16 = 1 << 5;
pub(crate) const PERSON_CUE: u16 = 1 << 6;
pub(crate) const SPEECH_VERB: u16 = 1 << 7;
pub(crate) const KNOWN_PLACE: u16 = 1 << 8;
pub(crate) const PLACE_CUE: u16 = 1 << 9;

/// Lower-case words that announce a place ("in Pyongyang", "near Tokyo").
const PLACE_CUES: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "throughout",
    "visited",
    "capital",
    "suburban",
    "downtown",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "rural",
];

/// Every table a single lower-case word is in, from one hash lookup: the name pass asks
/// up to a dozen tables about each word of a name, and one lookup answers them all.
pub(crate) fn word_kinds(lower: &str) -> u16 {
    static KINDS: OnceLock<rustc_hash::FxHashMap<&'static str, u16>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let mut kinds = rustc_hash::FxHashMap::default();
        for (table, kind) in [
            (TITLES, TITLE),
            (crate::text::STOPWORDS, STOPWORD),
            (NATIONALITIES, NATIONALITY),
            (ORGANISATION_SUFFIXES, ORGANISATION_SUFFIX),
            (ORGANISATION_HEADS, ORGANISATION_HEAD),
            (PLACE_SUFFIXES, PLACE_SUFFIX),
            (PERSON_CUES, PERSON_CUE),
            (SPEECH_VERBS, SPEECH_VERB),
            (PLACES, KNOWN_PLACE),
            (PLACE_CUES, PLACE_CUE),
        ] {
            for &word in table {
                *kinds.entry(word).or_insert(0) |= kind;
            }
        }
        kinds
    });
    kinds.get(lower).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(table: &[&str], expected_sorted: bool) {
        assert_eq!(
            table.windows(2).all(|pair| pair[0] < pair[1]),
            expected_sorted
        );
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [PLACES, NATIONALITIES, TITLES, PERSON_CUES, SPEECH_VERBS] {
            check(table, true);
        }
        for table in [ORGANISATION_SUFFIXES, ORGANISATION_HEADS, PLACE_SUFFIXES] {
            check(table, true);
        }
    }

    #[test]
    fn one_lookup_answers_every_table() {
        for word in [
            "president",
            "the",
            "russian",
            "agency",
            "square",
            "said",
            "in",
            "paris",
        ] {
            let kinds = word_kinds(word);
            for (table, kind) in [
                (TITLES, TITLE),
                (crate::text::STOPWORDS, STOPWORD),
                (NATIONALITIES, NATIONALITY),
                (ORGANISATION_SUFFIXES, ORGANISATION_SUFFIX),
                (PLACE_SUFFIXES, PLACE_SUFFIX),
                (SPEECH_VERBS, SPEECH_VERB),
                (PLACES, KNOWN_PLACE),
                (PLACE_CUES, PLACE_CUE),
            ] {
                assert_eq!(kinds & kind != 0, table.contains(&word), "{word}");
            }
        }
    }

    #[test]
    fn lookups() {
        assert!(is_known_place("pyongyang"));
        assert!(is_nationality("north korean"));
        assert!(!is_known_place("putin"));
    }
}
