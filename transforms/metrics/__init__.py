"""Rule-based extraction of numeric facts (metrics) from English news text.

The extractor works in two passes over each sentence. A lexical pass (`quantities`, with
`numbers`, `currency` and `units`) finds number phrases in the raw text (digits or number words,
scale words, currencies, units, qualifiers) and throws out numbers that are not facts (years,
dates, clock times, ordinals, numbers inside names, phone numbers, list numbering, durations). A
syntactic pass (`reading`, `verbs`, `subject`, `phrases`) reads the spaCy dependency parse around
each number to decide what is measured (subject), how (level, change, share, rate), in which
direction, over which period (`period`, with `comparison` for comparison bases and `fiscal` for
fiscal quarters and years), where (`geography`), and on whose authority
(`attribution`). `extract` drives the passes sentence by sentence.

Subjects are normalised noun phrases: the thing the measuring verb's subject or the figure's
noun names, with its modifiers and one level of complements ("revenue from operations",
"exports to Africa"), places left to the geography ("China's exports", "sales in the UK"),
named doers kept ("seats won by Labour"). Periods come from the time expression that governs
the figure's clause in the parse, else the story's reference period stated in its lead, else
the publication date; a comparison base ("up from 48 in 2021", "versus $5.3 million a year
earlier") takes its own time, or in results copy the same period a year before. Company
quarters that are not calendar quarters ("the fiscal first quarter", "the fourth quarter ended
Sept. 30") are labelled as fiscal (`FY1990-Q1`) over the calendar days they cover.

The words the rules look for live in `transforms/lexicon/` (currencies, units, number and scale
words, reporting verbs, ...).
"""

from transforms.metrics.extract import extract_metrics

__all__ = ["extract_metrics"]
