//! Tiny hand-written articles shared by the unit tests: a wire story, a lightly edited copy,
//! a page that wraps the wire story, a paraphrase that keeps the facts in order in other
//! words, an independent report of the same event that shares names and a quote, and an unrelated story.

/// The original wire story.
pub(crate) const WIRE: &str = "\
Flood waters forced the evacuation of 2,300 residents from the river town of Kelburn on Sunday, officials said.
The Mara river rose four metres overnight after three days of heavy rain across the northern hills.
Regional governor Elena Markov ordered schools closed and opened two shelters at the sports hall and the old station.
\"We have never seen the water climb this fast,\" Markov told reporters at the town hall.
Rescue teams in boats reached 140 people trapped on rooftops in the eastern district by Sunday evening.
The national weather office warned that another 80 millimetres of rain could fall before Tuesday.
Engineers are checking the Kelburn dam, which was built in 1962 and repaired in 2011.
Power was cut to about 9,000 homes, and the main road to the capital remains closed.";

/// The wire story with a few words changed and one clause dropped.
pub(crate) const EDITED: &str = "\
Flood waters forced the evacuation of 2,300 residents from the river town of Kelburn on Sunday, authorities said.
The Mara river rose four metres overnight after three days of heavy rain across the northern hills.
Regional governor Elena Markov ordered schools closed and opened two shelters at the sports hall.
\"We have never seen the water climb this fast,\" Markov told reporters at the town hall.
Rescue teams in boats reached 140 people trapped on rooftops in the eastern district by Sunday night.
The national weather office warned that another 80 millimetres of rain could fall before Tuesday.
Engineers are checking the Kelburn dam, which was built in 1962 and repaired in 2011.
Power was cut to about 9,000 homes, and the main road to the capital remains closed.";

/// A portal page that carries the wire story between its own paragraphs.
pub(crate) const CONTAINING_PAGE: &str = "\
Morning briefing: the stories you need to know today, from politics to sport and the weather.
Our live blog follows every development in the region throughout the day with updates from our reporters.
Flood waters forced the evacuation of 2,300 residents from the river town of Kelburn on Sunday, officials said.
The Mara river rose four metres overnight after three days of heavy rain across the northern hills.
Regional governor Elena Markov ordered schools closed and opened two shelters at the sports hall and the old station.
\"We have never seen the water climb this fast,\" Markov told reporters at the town hall.
Rescue teams in boats reached 140 people trapped on rooftops in the eastern district by Sunday evening.
The national weather office warned that another 80 millimetres of rain could fall before Tuesday.
Engineers are checking the Kelburn dam, which was built in 1962 and repaired in 2011.
Power was cut to about 9,000 homes, and the main road to the capital remains closed.
In other news, the city marathon was postponed to next month because of the expected storms.
Readers can send photos and videos of the flooding to our newsroom through the contact form.
Local football fixtures this weekend have been moved, and the league will publish a new schedule.";

/// The same facts in the same order, reworded by hand (as a paraphrasing tool would do),
/// with the direct quote turned into reported speech.
pub(crate) const PARAPHRASE: &str = "\
Some 2,300 residents of Kelburn, a river town, were evacuated on Sunday as flood waters rose, according to officials.
Following three days of heavy rainfall in the northern hills, the Mara river climbed four metres during the night.
Elena Markov, the regional governor, closed schools and set up two shelters in the sports hall and the old station.
Speaking at the town hall, Markov said she had never witnessed the water rising so fast.
By Sunday evening, boat rescue teams had reached 140 residents stuck on rooftops in the eastern district.
Another 80 millimetres of rain may fall before Tuesday, the national weather office cautioned.
The Kelburn dam, constructed in 1962 and repaired in 2011, is being inspected by engineers.
Around 9,000 homes lost power, and the main road to the capital is still closed.";

/// Another reporter's story of the same flood: same names, places and quote, own structure.
pub(crate) const INDEPENDENT: &str = "\
Kelburn woke up to chaos on Sunday as the Mara river burst its banks.
\"We have never seen the water climb this fast,\" said governor Elena Markov, who visited the flooded eastern district.
Shopkeeper Tomas Brenner watched the water fill his bakery within an hour and lost most of his stock.
Farmers north of the town fear that the harvest in the low fields is ruined for this year.
Critics say the Kelburn dam has been neglected for years and that warnings from engineers were ignored.
The governor promised an inquiry once the water recedes and called for calm among residents.
Neighbouring towns sent volunteers, blankets and food to the shelters at the sports hall.
Meteorologists expect the rain to ease by Wednesday, but the river may stay high for days.";

/// A story about something else entirely.
pub(crate) const UNRELATED: &str = "\
The city council approved a new budget on Monday after a long and heated debate.
Mayor Ana Ruiz said the plan adds 40 electric buses and repairs three old bridges.
Opposition members argued that local taxes would rise for small shops and cafes.
The vote passed nine to four, and the budget takes effect in January next year.";
