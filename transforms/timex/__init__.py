"""Rule-based extraction and resolution of temporal expressions in English news text.

A small grammar of compiled regexes and word tables; no NLP model, no I/O. The pipeline is:

1. every rule proposes candidate spans (the span is the rule's ``x`` group; cue words such as
   "in" or "on" may be matched around it but stay outside the text). A rule only scans small
   windows around its anchor words (month names, numbers, "quarter", ...), found in one pass
   over the text, which keeps a 500-word article to a couple of milliseconds;
2. the longest candidate wins where candidates overlap (ties go to the earlier rule);
3. survivors are resolved in text order, so context can be used: the nearest preceding explicit
   year in the same sentence, the tense of the clause, the country's fiscal calendar, and
   antecedents for anaphora ("the same period last year", "a year earlier", "the quarter");
4. adjacent pieces are combined: a clock time takes the date of its day ("9 a.m. on Saturday"),
   and month or year ranges are joined ("from January to August", "between 2020 and 2024").

Conventions worth knowing (they follow the hand-annotated gold set, bench/gold):

* Values are TIMEX3-style: ``2025-09-27``, ``2025-09``, ``2025-W39``, ``2025-W39-WE``,
  ``2025-Q3``, ``2025-H1``, ``2025-SU``, ``2025``, ``199`` (decade), ``20`` (century), ranges as
  ``A/B``, times as ``2025-09-27T16:15`` or ``2025-09-27TNI`` (zones such as "GMT" are part of
  the text but not of the value), durations and sets as ``P3D``, ``P2Y6M``.
* Leading prepositions are left out, as TIMEX3 marks them ("said on Saturday" gives
  "Saturday", "in recent years" "recent years", "for decades" "decades"), but for "Over the
  years", the contract's example; month and year ranges keep their opener ("from January to
  August", "between 2020 and 2024"). Ranges of days or clock times stay two expressions ("from
  Oct. 1 to Oct. 8", "between Saturday and Tuesday"), as does a clock time joined to its day by
  a preposition ("Friday at 11:00 a.m."); side by side they are one ("10 p.m. Wednesday").
* "early"/"mid"/"late" and "the beginning/middle/end of" keep the period's value but narrow the
  range to its first, middle or last third.
* Year-less expressions: a bare month is the latest one in a past clause ("since December" in
  an August story is last December), the next one in a future clause, else the nearest; a day
  is the nearest within six months unless the clause speaks of the future; a bare weekday is
  the last one unless the clause speaks of the future or of a span still running ("runs until
  Thursday"); quarters and halves look back.
* Anaphora take the period reported on, not a comparison base: "rose 5% in July from June and
  8% from a year earlier" gives ``2024-07``; a month or longer is preferred to a day.
* Fiscal years: where the article's country is known (India, Japan: April to March; Pakistan,
  Bangladesh, Egypt, Australia, New Zealand: July to June; most others: the calendar year),
  parts of a fiscal year resolve to calendar values ("the second quarter of FY2025-26" in India
  is ``2025-Q3``) and whole ones keep a label with their days as range (``FY2025-26``;
  ``FY25`` in India is ``FY2024-25``, "fiscal 2025" in Japan ``FY2025-26``, "fiscal year 2026"
  in Saudi Arabia ``2026``). Elsewhere a fiscal year has no range: "fiscal 2025" is ``2025``,
  as TimeML writes it (TIMEX3 has no fiscal values), split years and parts stay labels
  (``FY2024-25``, ``FY2025-Q3``), and "the current fiscal year" has no value.
* Vague references take the TIMEX3 reference points: "now", "currently", "these days" are
  ``PRESENT_REF``; "recently", "in the past", "in recent years", "several years ago"
  ``PAST_REF``; "soon", "in the future" ``FUTURE_REF``. Durations of an unknown count are
  ``PXY``, ``PXM``, ``PXW``, ``PXD``, ``PXE``, ``PXC`` ("several years", "the past few
  weeks", "for months", "within weeks", "for centuries"). "Over the years" and "the coming
  months" keep no value, as the contract's worked example and the gold set read them.
* Years spelled out as transcripts say them count: "nineteen ninety-six", "the year two
  thousand", "January nineteen ninety-seven".
* Sets are recurring events ("a weekly briefing", "twice a year" is ``P1Y``: the model has no
  frequency field); rates of a measure are not time expressions ("barrels per day", "$310
  billion a year", "hourly wages", "rose 3% annually", "a quarterly dividend", "10,000 units
  annually").
* A clock time takes the date of an adjacent day expression, else the nearest preceding
  day-level date in its sentence, else the anchor day.
* Past either end of the calendar (an anchor in year 1 or 9999, "5,000 years ago") an
  expression keeps its text and gets no value: the arithmetic goes through
  ``transforms.datemath``, and a rule that still runs off the calendar drops its candidate.
"""

from transforms.timex.engine import calendar_period, extract_time_expressions

__all__ = ["calendar_period", "extract_time_expressions"]
