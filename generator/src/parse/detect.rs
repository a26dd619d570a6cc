//! Dialect detection: every registered dialect's [`Marker`](super::Marker)s in one
//! Aho-Corasick automaton, so that one scan of a document gives every
//! dialect's score; then the doc set's majority settles documents that fit
//! several dialects (or none).

use super::Dialect;

/// Guesses the dialect of one document; `None` when it shows no sign of any
/// (enum docs, empty docs): the caller then uses the doc set's majority.
pub fn detect(text: &str) -> Option<Dialect> {
    scores(text).best()
}

/// Number of dialects ([`Dialect::ALL`]'s length).
const DIALECTS: usize = Dialect::ALL.len();

/// Every dialect's score of one document ([`Dialect::score`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scores([u32; DIALECTS]);

impl Scores {
    /// The score of `dialect`.
    pub fn get(&self, dialect: Dialect) -> u32 {
        self.0[dialect as usize]
    }

    /// The highest-scoring dialect (ties go to the earlier one in
    /// [`Dialect::ALL`]); `None` when every score is 0.
    pub fn best(&self) -> Option<Dialect> {
        let (best, score) =
            Dialect::ALL
                .iter()
                .map(|&d| (d, self.get(d)))
                .fold(
                    (Dialect::Python, 0),
                    |acc, x| if x.1 > acc.1 { x } else { acc },
                );
        (score > 0).then_some(best)
    }
}

/// Every dialect's score of `text`, from one scan of it.
pub fn scores(text: &str) -> Scores {
    Detector::get().scores(text)
}

/// One marker of one dialect, as the detector counts it.
struct Slot {
    /// The automaton pattern of its literal.
    pattern: usize,
    /// Its [`Marker::accept`](super::Marker::accept).
    accept: Option<fn(&str, usize) -> bool>,
}

/// All dialects' markers in one Aho-Corasick automaton, so that detection scans
/// a document once instead of once per marker.
struct Detector {
    /// Every distinct marker literal. A DFA, run by hand: the markers start
    /// with too many different bytes for any prefilter to skip text, so the
    /// cost is one dependent table lookup per byte, and [`Detector::find`]
    /// hides that latency by walking [`LANES`] parts of the text at once.
    dfa: aho_corasick::dfa::DFA,
    /// Every dialect's markers, in [`Dialect::ALL`] then marker order.
    slots: Vec<Slot>,
    /// Dialect `i`'s markers are `slots[starts[i]..starts[i + 1]]`.
    starts: [usize; DIALECTS + 1],
    /// Per pattern: the slots with an `accept` check, which count per occurrence.
    checked: Vec<Vec<usize>>,
}

/// How many parts of a document [`Detector::find`] walks side by side.
const LANES: usize = 4;

/// Occurrences found by [`Detector::find`], per lane: (pattern, start, end).
type Found = [Vec<(usize, usize, usize)>; LANES];

impl Detector {
    /// The detector, built on first use.
    fn get() -> &'static Detector {
        static DETECTOR: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
        DETECTOR.get_or_init(Detector::new)
    }

    fn new() -> Detector {
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut ids = std::collections::HashMap::new();
        let mut slots = Vec::new();
        let mut starts = [0; DIALECTS + 1];
        for (i, &dialect) in Dialect::ALL.iter().enumerate() {
            debug_assert_eq!(dialect as usize, i, "Dialect::ALL is in declaration order");
            for marker in dialect.spec().markers() {
                assert!(!marker.text.is_empty(), "empty marker in {dialect}");
                // Dialects share literals (`*string*`): one pattern feeds them all.
                let pattern = *ids.entry(marker.text).or_insert_with(|| {
                    patterns.push(marker.text);
                    patterns.len() - 1
                });
                slots.push(Slot {
                    pattern,
                    accept: marker.accept,
                });
            }
            starts[i + 1] = slots.len();
        }
        let mut checked = vec![Vec::new(); patterns.len()];
        for (i, slot) in slots.iter().enumerate() {
            if slot.accept.is_some() {
                checked[slot.pattern].push(i);
            }
        }
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .expect("detection markers build an automaton");
        Detector {
            dfa,
            slots,
            starts,
            checked,
        }
    }

    fn scores(&self, text: &str) -> Scores {
        let patterns = self.checked.len();
        // Per pattern: counted occurrences, and where its last counted one ends.
        let mut counted = vec![0u32; patterns];
        let mut free_from = vec![0usize; patterns];
        let mut counts = vec![0u32; self.slots.len()];
        // `find` reports every occurrence of every pattern, and one pattern's in
        // order of their starts: keeping those that start where the pattern's
        // last counted one ends or later is exactly the left-to-right,
        // non-overlapping count of that pattern alone.
        for (p, start, end) in self.find(text.as_bytes()).into_iter().flatten() {
            if start < free_from[p] {
                continue;
            }
            free_from[p] = end;
            counted[p] += 1;
            for &slot in &self.checked[p] {
                if self.slots[slot]
                    .accept
                    .is_some_and(|accept| accept(text, start))
                {
                    counts[slot] += 1;
                }
            }
        }
        for (slot, count) in self.slots.iter().zip(&mut counts) {
            if slot.accept.is_none() {
                *count = counted[slot.pattern];
            }
        }
        let mut scores = Scores::default();
        for (i, &dialect) in Dialect::ALL.iter().enumerate() {
            scores.0[i] = dialect
                .spec()
                .score(&counts[self.starts[i]..self.starts[i + 1]]);
        }
        scores
    }

    /// Every occurrence of every pattern in `hay`, overlapping ones included.
    ///
    /// The text is cut into [`LANES`] parts of consecutive start positions;
    /// each lane runs the automaton from its part's first byte to the last
    /// byte an occurrence starting in the part can reach, and keeps the
    /// occurrences that start in its part. The lanes advance together (their
    /// lookups do not wait on each other) and report in text order: lane by
    /// lane, and within a lane by end, which for one pattern is by start.
    fn find(&self, hay: &[u8]) -> Found {
        use aho_corasick::automaton::Automaton;
        let dfa = &self.dfa;
        let n = hay.len();
        let part = n.div_ceil(LANES);
        let reach = dfa.max_pattern_len().saturating_sub(1);
        let from: [usize; LANES] = std::array::from_fn(|j| (j * part).min(n));
        let until: [usize; LANES] = std::array::from_fn(|j| {
            if j == LANES - 1 {
                n
            } else {
                ((j + 1) * part + reach).min(n)
            }
        });
        // Where the starts a lane keeps end (the last lane keeps them all).
        let ends: [usize; LANES] = std::array::from_fn(|j| {
            if j == LANES - 1 {
                usize::MAX
            } else {
                (j + 1) * part
            }
        });
        let mut found: Found = Default::default();
        let [l0, l1, l2, l3] = std::array::from_fn(|j| Lane {
            hay: &hay[from[j]..until[j]],
            offset: from[j],
            keep_below: ends[j],
        });
        let start = dfa
            .start_state(aho_corasick::Anchored::No)
            .expect("unanchored DFA");
        let mut states = [start; LANES];
        let common = [&l0, &l1, &l2, &l3]
            .iter()
            .map(|l| l.hay.len())
            .min()
            .unwrap_or(0);
        let [f0, f1, f2, f3] = &mut found;
        let [s0, s1, s2, s3] = &mut states;
        let side_by_side = l0.hay[..common]
            .iter()
            .zip(&l1.hay[..common])
            .zip(&l2.hay[..common])
            .zip(&l3.hay[..common]);
        for (i, (((&b0, &b1), &b2), &b3)) in side_by_side.enumerate() {
            l0.step(dfa, s0, b0, i, f0);
            l1.step(dfa, s1, b1, i, f1);
            l2.step(dfa, s2, b2, i, f2);
            l3.step(dfa, s3, b3, i, f3);
        }
        for (lane, (state, found)) in [l0, l1, l2, l3]
            .iter()
            .zip(states.iter_mut().zip(found.iter_mut()))
        {
            for (i, &b) in lane.hay.iter().enumerate().skip(common) {
                lane.step(dfa, state, b, i, found);
            }
        }
        found
    }
}

/// One part of the text [`Detector::find`] walks.
struct Lane<'a> {
    /// The bytes the lane walks.
    hay: &'a [u8],
    /// Where `hay` starts in the text.
    offset: usize,
    /// The lane keeps occurrences starting before this text offset.
    keep_below: usize,
}

impl Lane<'_> {
    /// Feeds byte `i` of the lane (`b`) to the automaton.
    #[inline(always)]
    fn step(
        &self,
        dfa: &aho_corasick::dfa::DFA,
        state: &mut aho_corasick::automaton::StateID,
        b: u8,
        i: usize,
        found: &mut Vec<(usize, usize, usize)>,
    ) {
        use aho_corasick::automaton::Automaton;
        *state = dfa.next_state(aho_corasick::Anchored::No, *state, b);
        if dfa.is_special(*state) {
            self.matched(dfa, *state, self.offset + i + 1, found);
        }
    }

    /// Records the occurrences ending at text offset `end` (`state` is special).
    #[inline(never)]
    fn matched(
        &self,
        dfa: &aho_corasick::dfa::DFA,
        state: aho_corasick::automaton::StateID,
        end: usize,
        found: &mut Vec<(usize, usize, usize)>,
    ) {
        use aho_corasick::automaton::Automaton;
        if !dfa.is_match(state) {
            return;
        }
        for k in 0..dfa.match_len(state) {
            let pattern = dfa.match_pattern(state, k);
            let start = end - dfa.pattern_len(pattern);
            if start < self.keep_below {
                found.push((pattern.as_usize(), start, end));
            }
        }
    }
}

/// Non-overlapping occurrences of `marker` in `text` (for [`count_markers`]).
fn occurrences(text: &str, marker: &str) -> u32 {
    let (text, marker) = (text.as_bytes(), marker.as_bytes());
    let mut count = 0;
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&text[at..], marker) {
        count += 1;
        at += i + marker.len().max(1);
    }
    count
}

/// Builds the detection automaton now (it is otherwise built on first use), so
/// that callers can overlap its construction with other work.
pub fn prepare_detection() {
    Detector::get();
}

/// Picks the dialect of every document of a doc set.
///
/// Each document is first detected on its own ([`detect`]); the most common
/// result is the doc set's majority. Scalar spellings are shared between
/// languages (`*string*`, `*int*`, `*bool*`), so a document the majority
/// dialect also fits (scores above 0) stays with the majority, and a document
/// with no sign of any dialect gets it too.
pub fn detect_doc_set(texts: &[&str]) -> Vec<Dialect> {
    use crate::par::prelude::*;
    let scored: Vec<Scores> = texts.par_iter().map(|t| scores(t)).collect();
    let detected: Vec<Option<Dialect>> = scored.iter().map(Scores::best).collect();
    let majority = majority(&detected).unwrap_or(Dialect::Python);
    scored
        .iter()
        .zip(detected)
        .map(|(scores, d)| match d {
            Some(d) if d == majority || scores.get(majority) == 0 => d,
            _ => majority,
        })
        .collect()
}

/// The most common detected dialect (ties go to the first in [`Dialect::ALL`]).
fn majority(detected: &[Option<Dialect>]) -> Option<Dialect> {
    let mut counts = std::collections::BTreeMap::new();
    for d in detected.iter().flatten() {
        *counts.entry(*d).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// How many times any of `markers` occurs in `text` (one scan per marker:
/// detection itself counts its [`Marker`](super::Marker)s in one scan, see [`scores`]).
pub fn count_markers(text: &str, markers: &[&str]) -> u32 {
    markers.iter().map(|m| occurrences(text, m)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward count: each marker scanned for on its own.
    fn reference(text: &str) -> Scores {
        let mut scores = Scores::default();
        for &d in Dialect::ALL {
            let counts: Vec<u32> = d
                .spec()
                .markers()
                .iter()
                .map(|m| {
                    let mut count = 0;
                    let mut at = 0;
                    while let Some(i) =
                        memchr::memmem::find(&text.as_bytes()[at..], m.text.as_bytes())
                    {
                        let start = at + i;
                        count += u32::from(m.accept.map_or(true, |accept| accept(text, start)));
                        at = start + m.text.len();
                    }
                    count
                })
                .collect();
            scores.0[d as usize] = d.spec().score(&counts);
        }
        scores
    }

    #[test]
    fn dialect_indices_follow_all() {
        for (i, &d) in Dialect::ALL.iter().enumerate() {
            assert_eq!(d as usize, i);
        }
    }

    #[test]
    fn self_overlapping_markers_count_without_overlap() {
        // Go's `[][` overlaps itself: `[][][` holds it once, `[][][][` twice.
        assert_eq!(Dialect::Go.score("[][]["), 3);
        assert_eq!(Dialect::Go.score("[][][]["), 6);
        assert_eq!(Dialect::Go.score("[][] x [][]["), 6);
        for text in [
            "[][][",
            "[][][][",
            "[][][][][][][]*string* ",
            "a[][][]`int64`",
        ] {
            assert_eq!(scores(text), reference(text), "{text}");
        }
    }

    #[test]
    fn one_position_counts_for_every_marker_it_matches() {
        // `**string* ` also holds Go's `*string* ` and C#/PHP's `*string*`.
        let text = "| `A` | **string* | x |";
        assert_eq!(Dialect::Go.score(text), 3 + 1);
        assert_eq!(Dialect::CSharp.score(text), 1);
        assert_eq!(Dialect::Php.score(text), 1);
        // A literal several dialects list counts for each of them.
        let text = "| `n` | *int* |";
        for d in [
            Dialect::Python,
            Dialect::Java,
            Dialect::CSharp,
            Dialect::Php,
        ] {
            assert_eq!(d.score(text), 1, "{d}");
        }
        assert_eq!(Dialect::Go.score(text), 0);
    }

    #[test]
    fn accept_checks_each_occurrence() {
        // Go slices count unless glued to a word or backtick.
        assert_eq!(Dialect::Go.score("| []*X | —[]`y` |"), 6);
        assert_eq!(Dialect::Go.score("é[]`y`"), 0);
        assert_eq!(Dialect::Go.score("| a[]*X | `[]`y` | b_[]*z |"), 0);
        assert_eq!(Dialect::Go.score("[*components.S](s.md) [*x y](s.md)"), 3);
    }

    #[test]
    fn scorers_that_are_not_a_weighted_sum() {
        let table = "Name | Type | Description | Notes\n**a** | **List[str]** | | \n";
        assert_eq!(Dialect::Python.score(table), 0);
        assert!(Dialect::Python.score("| `a` | List[*str*] |") > 0);
        // openapi-generator: presence, not count.
        assert_eq!(
            Dialect::OpenApiGenerator.score("## Properties\n## Properties\n"),
            5
        );
        assert_eq!(Dialect::OpenApiGenerator.score("## Enum\n"), 0);
        assert_eq!(
            Dialect::OpenApiGenerator.score("## Enum\n* `A` (value: `\"a\"`)\n"),
            10
        );
        assert_eq!(scores(table).best(), Some(Dialect::OpenApiGenerator));
    }

    #[test]
    fn empty_and_tiny_texts() {
        for text in ["", "*", "[]", "[*", "a", "é"] {
            assert_eq!(scores(text), reference(text), "{text:?}");
            assert_eq!(detect(text), None);
        }
    }

    /// Texts of marker pieces at every length cross the boundaries between
    /// the parts [`Detector::find`] walks side by side at every offset.
    #[test]
    fn random_texts_match_the_reference() {
        let mut pieces: Vec<&str> = Dialect::ALL
            .iter()
            .flat_map(|d| d.spec().markers().iter().map(|m| m.text))
            .collect();
        let prefixes: Vec<&str> = pieces.iter().map(|p| &p[..p.len() / 2]).collect();
        pieces.extend(prefixes);
        pieces.extend([
            " ", "x", "_", "`", "[", "]", "*", "|", "é", "\n", "[]", "[*a.b](", "](",
        ]);
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for round in 0..3000 {
            let parts = round % 60;
            let text: String = (0..parts).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(scores(&text), reference(&text), "{text:?}");
        }
    }
}
