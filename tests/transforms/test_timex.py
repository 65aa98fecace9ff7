"""Tests for the rule-based temporal expression extractor (transforms.timex)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from transforms.timex import extract_time_expressions

SUN = date(2025, 9, 28)  # a Sunday: the default publication date
WED = date(2025, 9, 24)
JAN = date(2026, 1, 15)
MAR = date(2026, 3, 15)
AUG = date(2025, 8, 20)  # a Wednesday
TUE = date(2025, 10, 28)
NOV = date(2025, 11, 14)  # a Friday


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


# (sentence, anchor, expected) where each expected item is (text, value) or
# (text, value, range_start, range_end), in text order; the list is the complete output.
Expected = tuple[str, str | None] | tuple[str, str | None, date | None, date | None]
CASES: list[tuple[str, date, list[Expected]]] = [
    # --- absolute dates in news formats
    (
        "The agency said on Sept. 27 that the shipment had cleared customs.",
        SUN,
        [("Sept. 27", "2025-09-27", d(2025, 9, 27), d(2025, 9, 27))],
    ),
    ("Negotiators met Sept 27 in Lisbon.", SUN, [("Sept 27", "2025-09-27")]),
    (
        "The treaty took effect on September 27, 2025, after ratification.",
        SUN,
        [("September 27, 2025", "2025-09-27")],
    ),
    (
        "Voting closed on 27 September 2025 at most stations.",
        SUN,
        [("27 September 2025", "2025-09-27")],
    ),
    (
        "(Gulf Wire - 28th Sep, 2025) Port authorities reopened the terminal.",
        SUN,
        [("28th Sep, 2025", "2025-09-28")],
    ),
    ("Bids are due by Oct. 2, the tender notice says.", SUN, [("Oct. 2", "2025-10-02")]),
    ("The ruling was issued on 2nd Oct, 2025.", SUN, [("2nd Oct, 2025", "2025-10-02")]),
    ("The circular is dated 27/09/2025.", SUN, [("27/09/2025", "2025-09-27")]),
    ("The circular is dated 09/27/2025.", SUN, [("09/27/2025", "2025-09-27")]),
    ("The filing, dated 2025-09-27, was made public.", SUN, [("2025-09-27", "2025-09-27")]),
    ("The plant was inspected on March 3.", SUN, [("March 3", "2025-03-03")]),
    ("The new tariff will apply from March 3.", SUN, [("March 3", "2026-03-03")]),
    ("Retail sales jumped on Nov. 20 after the launch.", JAN, [("Nov. 20", "2025-11-20")]),
    (
        "The report, released on Monday, Sept. 22, was later revised.",
        SUN,
        [("Monday, Sept. 22", "2025-09-22")],
    ),
    ("The leap-day sale ran on Feb. 29.", SUN, [("Feb. 29", "2024-02-29")]),
    (
        "The 27th of September was declared a holiday.",
        SUN,
        [("The 27th of September", "2025-09-27")],
    ),
    # --- months and years
    (
        "Factory output rose in August, the statistics office said.",
        SUN,
        [("August", "2025-08", d(2025, 8, 1), d(2025, 8, 31))],
    ),
    (
        "Car sales fell last month but are expected to recover next month.",
        SUN,
        [("last month", "2025-08"), ("next month", "2025-10")],
    ),
    ("Prices have climbed steadily this month.", SUN, [("this month", "2025-09")]),
    ("Inflation hit a peak in August 2025.", SUN, [("August 2025", "2025-08")]),
    ("The company was listed in 2024.", SUN, [("2024", "2024", d(2024, 1, 1), d(2024, 12, 31))]),
    (
        "Emissions have fallen since 2020 and must halve by 2030.",
        SUN,
        [("2020", "2020"), ("2030", "2030")],
    ),
    (
        "Last year the port handled more cargo than this year, and next year volumes may rise.",
        SUN,
        [("Last year", "2024"), ("this year", "2025"), ("next year", "2026")],
    ),
    ("Holiday spending peaked in December.", JAN, [("December", "2025-12")]),
    (
        "Exports peaked in September last year and again on March 3 this year.",
        SUN,
        [("September last year", "2024-09"), ("March 3 this year", "2025-03-03")],
    ),
    ("Talks stalled in July and August.", SUN, [("July", "2025-07"), ("August", "2025-08")]),
    (
        "Growth slowed in late 2024 and picked up in early 2025.",
        SUN,
        [
            ("late 2024", "2024", d(2024, 9, 1), d(2024, 12, 31)),
            ("early 2025", "2025", d(2025, 1, 1), d(2025, 4, 30)),
        ],
    ),
    (
        "By the end of September, reserves stood at $3.3 trillion.",
        SUN,
        [("the end of September", "2025-09", d(2025, 9, 21), d(2025, 9, 30))],
    ),
    ("Rates rose in mid-August.", SUN, [("mid-August", "2025-08", d(2025, 8, 11), d(2025, 8, 21))]),
    (
        "The merger should close by the end of the year.",
        SUN,
        [("the end of the year", "2025", d(2025, 9, 1), d(2025, 12, 31))],
    ),
    (
        "Profits rose earlier this year.",
        SUN,
        [("earlier this year", "2025", d(2025, 1, 1), d(2025, 9, 28))],
    ),
    # --- weekdays: past-leaning unless the clause speaks of the future
    (
        "The minister said on Saturday that the border would reopen.",
        SUN,
        [("Saturday", "2025-09-27", d(2025, 9, 27), d(2025, 9, 27))],
    ),
    (
        "The envoy said on Saturday that both sides will keep talking.",
        SUN,
        [("Saturday", "2025-09-27")],
    ),
    ("The festival opened in Haikou on Saturday.", SUN, [("Saturday", "2025-09-27")]),
    ("Flood waters receded on Sunday.", SUN, [("Sunday", "2025-09-28")]),
    (
        "The central bank will announce its decision on Thursday.",
        SUN,
        [("Thursday", "2025-10-02")],
    ),
    (
        "The ceremony is scheduled to take place on Wednesday.",
        SUN,
        [("Wednesday", "2025-10-01")],
    ),
    ("On Tuesday, delegates will vote on the final text.", SUN, [("Tuesday", "2025-09-30")]),
    ("Officials said the talks will resume on Monday.", SUN, [("Monday", "2025-09-29")]),
    (
        "Rebels attacked the convoy last Friday and again on Saturday.",
        SUN,
        [("last Friday", "2025-09-26"), ("Saturday", "2025-09-27")],
    ),
    ("The committee meets again next Saturday.", SUN, [("next Saturday", "2025-10-04")]),
    (
        "Ministers met on Monday and Tuesday.",
        WED,
        [("Monday", "2025-09-22"), ("Tuesday", "2025-09-23")],
    ),
    # --- deictic days and weeks
    (
        "Police said today that two suspects were detained yesterday and will be charged tomorrow.",
        SUN,
        [("today", "2025-09-28"), ("yesterday", "2025-09-27"), ("tomorrow", "2025-09-29")],
    ),
    (
        "Shares fell this week after a rally last week, and traders expect swings next week.",
        SUN,
        [
            ("this week", "2025-W39", d(2025, 9, 22), d(2025, 9, 28)),
            ("last week", "2025-W38", d(2025, 9, 15), d(2025, 9, 21)),
            ("next week", "2025-W40", d(2025, 9, 29), d(2025, 10, 5)),
        ],
    ),
    (
        "Thousands marched through the capital this weekend.",
        SUN,
        [("this weekend", "2025-W39-WE", d(2025, 9, 27), d(2025, 9, 28))],
    ),
    ("Fighting eased over the weekend.", WED, [("the weekend", "2025-W38-WE")]),
    ("The concert will be broadcast tonight.", SUN, [("tonight", "2025-09-28TNI")]),
    (
        "Strong winds battered the coast on Saturday night.",
        SUN,
        [("Saturday night", "2025-09-27TNI")],
    ),
    # --- quarters and halves
    (
        "Revenue rose 8 percent in Q3.",
        SUN,
        [("Q3", "2025-Q3", d(2025, 7, 1), d(2025, 9, 30))],
    ),
    (
        "Deliveries in Q3 2025 beat those of Q4 2024.",
        SUN,
        [("Q3 2025", "2025-Q3"), ("Q4 2024", "2024-Q4")],
    ),
    ("Operating profit doubled in the third quarter.", SUN, [("the third quarter", "2025-Q3")]),
    ("Third-quarter earnings beat forecasts.", SUN, [("Third-quarter", "2025-Q3")]),
    (
        "Net income fell in the third quarter of 2024.",
        SUN,
        [("the third quarter of 2024", "2024-Q3")],
    ),
    ("The retailer posted a loss in the fourth quarter.", JAN, [("the fourth quarter", "2025-Q4")]),
    ("The retailer posted a loss in the fourth quarter.", SUN, [("the fourth quarter", "2024-Q4")]),
    (
        "The carrier expects traffic to recover in the fourth quarter.",
        SUN,
        [("the fourth quarter", "2025-Q4")],
    ),
    (
        "Output contracted in the first quarter of this year.",
        SUN,
        [("the first quarter of this year", "2025-Q1")],
    ),
    (
        "In 2024, shipments peaked in the second quarter.",
        SUN,
        [("2024", "2024"), ("the second quarter", "2024-Q2", d(2024, 4, 1), d(2024, 6, 30))],
    ),
    ("Sales of electric buses doubled in H1.", SUN, [("H1", "2025-H1")]),
    (
        "In the first half of the year, wind capacity grew sharply.",
        SUN,
        [("the first half of the year", "2025-H1", d(2025, 1, 1), d(2025, 6, 30))],
    ),
    ("First-half revenue missed estimates.", SUN, [("First-half", "2025-H1")]),
    ("Demand is expected to pick up in the second half.", SUN, [("the second half", "2025-H2")]),
    ("Margins narrowed in the second half.", MAR, [("the second half", "2025-H2")]),
    ("Imports fell in the second half of 2024.", SUN, [("the second half of 2024", "2024-H2")]),
    (
        "Trade rose 6 percent in the first eight months of this year.",
        SUN,
        [("the first eight months of this year", "2025-01/2025-08", d(2025, 1, 1), d(2025, 8, 31))],
    ),
    (
        "Trade rose 6 percent in the first eight months.",
        JAN,
        [("the first eight months", "2025-01/2025-08")],
    ),
    (
        "Profit rose in the first six months of the year.",
        SUN,
        [("the first six months of the year", "2025-H1")],
    ),
    (
        "Output rose in the first three quarters.",
        SUN,
        [("the first three quarters", "2025-Q1/2025-Q3", d(2025, 1, 1), d(2025, 9, 30))],
    ),
    # --- fiscal years keep their label and have no calendar range
    ("The budget for FY2024-25 was passed.", SUN, [("FY2024-25", "FY2024-25", None, None)]),
    (
        "Spending in fiscal year 2024-25 exceeded plans.",
        SUN,
        [("fiscal year 2024-25", "FY2024-25", None, None)],
    ),
    ("Earnings guidance for FY25 was raised.", SUN, [("FY25", "FY2025")]),
    ("The chipmaker expects growth in fiscal 2025.", SUN, [("fiscal 2025", "FY2025")]),
    (
        "Revenue for the 2024-25 fiscal year rose.",
        SUN,
        [("the 2024-25 fiscal year", "FY2024-25")],
    ),
    (
        "Results for the third quarter of fiscal 2025 beat forecasts.",
        SUN,
        [("the third quarter of fiscal 2025", "FY2025-Q3", None, None)],
    ),
    # --- anaphora: resolved against the latest period named before
    (
        "Customs figures show that in the first half of the year, solar panel exports reached "
        "nearly 200 gigawatts, up about 12 percent compared to the same period last year.",
        SUN,
        [
            ("the first half of the year", "2025-H1", d(2025, 1, 1), d(2025, 6, 30)),
            ("the same period last year", "2024-H1", d(2024, 1, 1), d(2024, 6, 30)),
        ],
    ),
    (
        "Exports rose in the first half of the year. That was 9 percent more than a year earlier.",
        SUN,
        [("the first half of the year", "2025-H1"), ("a year earlier", "2024-H1")],
    ),
    (
        "Profit rose 5 percent from a year earlier.",
        SUN,
        [("a year earlier", "2024", d(2024, 1, 1), d(2024, 12, 31))],
    ),
    (
        "Tourist arrivals rose 20 percent compared with the same period last year.",
        SUN,
        [("the same period last year", "2024")],
    ),
    (
        "Exports in August rose 4 percent from a year ago.",
        SUN,
        [("August", "2025-08"), ("a year ago", "2024-08")],
    ),
    ("A year ago, the port was closed.", SUN, [("A year ago", "2024")]),
    (
        "Net profit in Q3 rose from the same quarter last year.",
        SUN,
        [("Q3", "2025-Q3"), ("the same quarter last year", "2024-Q3")],
    ),
    (
        "Revenue in Q2 fell compared with the previous quarter.",
        SUN,
        [("Q2", "2025-Q2"), ("the previous quarter", "2025-Q1")],
    ),
    (
        "Sales in 2023 rose 10 percent over the previous year.",
        SUN,
        [("2023", "2023"), ("the previous year", "2022")],
    ),
    (
        "Imports in July were flat against the same month last year.",
        SUN,
        [("July", "2025-07"), ("the same month last year", "2024-07")],
    ),
    (
        "The plant opened in 2019. Two years later, it doubled capacity.",
        SUN,
        [("2019", "2019"), ("Two years later", "2021")],
    ),
    (
        "Third-quarter sales rose 4 percent from the year-ago period.",
        SUN,
        [("Third-quarter", "2025-Q3"), ("the year-ago period", "2024-Q3")],
    ),
    (
        "In the first eight months, profits were down 1.7 percent from a year earlier.",
        SUN,
        [
            ("the first eight months", "2025-01/2025-08"),
            ("a year earlier", "2024-01/2024-08", d(2024, 1, 1), d(2024, 8, 31)),
        ],
    ),
    (
        "Exports grew in the first half of the previous year.",
        SUN,
        [("the first half of the previous year", "2024-H1")],
    ),
    # --- ranges
    (
        "Exports rose 5 percent from January to August.",
        SUN,
        [("from January to August", "2025-01/2025-08", d(2025, 1, 1), d(2025, 8, 31))],
    ),
    (
        "Cumulative sales in January-August reached a record.",
        SUN,
        [("January-August", "2025-01/2025-08")],
    ),
    ("Jan-Aug output rose.", SUN, [("Jan-Aug", "2025-01/2025-08")]),
    (
        "Emissions fell between 2020 and 2024.",
        SUN,
        [("between 2020 and 2024", "2020/2024", d(2020, 1, 1), d(2024, 12, 31))],
    ),
    ("The 2021-2025 plan ends soon.", SUN, [("2021-2025", "2021/2025"), ("soon", None)]),
    (
        "The winter campaign ran from November to February.",
        SUN,
        [("from November to February", "2024-11/2025-02", d(2024, 11, 1), d(2025, 2, 28))],
    ),
    ("The expo runs Sept. 27-29 in Dubai.", SUN, [("Sept. 27-29", "2025-09-27/2025-09-29")]),
    # ranges of days stay two expressions, as in TIMEX3 annotation
    (
        "The trade fair ran from Sept. 29 to Oct. 2.",
        SUN,
        [("Sept. 29", "2025-09-29"), ("Oct. 2", "2025-10-02", d(2025, 10, 2), d(2025, 10, 2))],
    ),
    (
        "Landslides cut the road between Saturday and Tuesday.",
        WED,
        [("Saturday", "2025-09-20"), ("Tuesday", "2025-09-23")],
    ),
    # --- durations
    (
        "The 3-day congress closed on Sunday.",
        SUN,
        [("3-day", "P3D", None, None), ("Sunday", "2025-09-28")],
    ),
    ("A three-day strike halted trains.", SUN, [("three-day", "P3D")]),
    ("The ceasefire held for two weeks.", SUN, [("two weeks", "P2W")]),
    ("She led the agency for five years.", SUN, [("five years", "P5Y")]),
    ("The 10-year bond yield climbed.", SUN, [("10-year", "P10Y")]),
    ("Supplies will last 18 months.", SUN, [("18 months", "P18M")]),
    ("Rescue teams worked for 48 hours.", SUN, [("48 hours", "PT48H")]),
    ("Output has doubled over the past five years.", SUN, [("the past five years", "P5Y")]),
    # --- clock times
    (
        "The market closed at 04:15 PM.",
        SUN,
        [("04:15 PM", "2025-09-28T16:15", d(2025, 9, 28), d(2025, 9, 28))],
    ),
    # a clock time and its day are two expressions; the time takes the day's date
    (
        "The vote opened at 9 a.m. on Saturday.",
        SUN,
        [
            ("9 a.m.", "2025-09-27T09:00", d(2025, 9, 27), d(2025, 9, 27)),
            ("Saturday", "2025-09-27"),
        ],
    ),
    (
        "The next press briefing is on Friday at 10:30 a.m.",
        SUN,
        [("Friday", "2025-10-03"), ("10:30 a.m.", "2025-10-03T10:30")],
    ),
    ("Prayers were held at noon.", SUN, [("noon", "2025-09-28T12:00")]),
    # zones are part of the text, not of the value
    ("The quake struck at 16:15 GMT.", SUN, [("16:15 GMT", "2025-09-28T16:15")]),
    ("Polls closed at 8 p.m. EST.", SUN, [("8 p.m. EST", "2025-09-28T20:00")]),
    (
        "On Saturday, the blast occurred at 3 a.m.",
        SUN,
        [
            ("Saturday", "2025-09-27"),
            ("3 a.m.", "2025-09-27T03:00", d(2025, 9, 27), d(2025, 9, 27)),
        ],
    ),
    (
        "Trading runs from 9 a.m. to 5 p.m.",
        SUN,
        [("9 a.m.", "2025-09-28T09:00"), ("5 p.m.", "2025-09-28T17:00")],
    ),
    ("Brent crude rose 40 cents by 0730 GMT.", SUN, [("0730 GMT", "2025-09-28T07:30")]),
    ("Starting Monday, visitors must book online.", SUN, [("Monday", "2025-09-29")]),
    # --- sets
    ("The index is revised every year.", SUN, [("every year", "P1Y")]),
    ("Dividends are paid annually.", SUN, [("annually", "P1Y")]),
    (
        "Inspectors visit each month and publish findings weekly.",
        SUN,
        [("each month", "P1M"), ("weekly", "P1W")],
    ),
    ("The board meets twice a year.", SUN, [("twice a year", "P1Y")]),
    ("The ministry holds a weekly briefing.", SUN, [("weekly", "P1W")]),
    # rates of a measure are not time expressions
    ("The mine produces 5 million tonnes a year.", SUN, []),
    ("The field pumps 1.2 million barrels per day.", SUN, []),
    ("Donors pledged $40 billion a year, and interest of 6 percent per annum.", SUN, []),
    ("Average hourly earnings and daily crude output both edged up.", SUN, []),
    ("Producer prices rose 12.4% annually and 1.1% monthly.", SUN, []),
    ("On a monthly basis, rents were flat.", SUN, []),
    # --- vague expressions: kept, with no value
    ("Over the years, the town has grown.", SUN, [("Over the years", None, None, None)]),
    ("Prices have risen recently.", SUN, [("recently", None)]),
    ("In recent years, demand has shifted.", SUN, [("In recent years", None)]),
    ("In the past, permits took months.", SUN, [("In the past", None)]),
    ("The plant will reopen soon.", SUN, [("soon", None)]),
    ("Investment will grow in the coming months.", SUN, [("in the coming months", None)]),
    ("The dispute has simmered for decades.", SUN, [("for decades", None)]),
    ("Earlier, the minister toured the site.", SUN, [("Earlier", None)]),
    ("An earlier draft was rejected.", SUN, []),
    ("Reply as soon as possible.", SUN, []),
    # --- decades, centuries, seasons, holidays
    (
        "The industry boomed in the 1990s.",
        SUN,
        [("the 1990s", "199", d(1990, 1, 1), d(1999, 12, 31))],
    ),
    (
        "Cities expanded in the late 1990s.",
        SUN,
        [("the late 1990s", "199", d(1997, 1, 1), d(1999, 12, 31))],
    ),
    ("The 20th century brought two world wars.", SUN, [("The 20th century", "19")]),
    (
        "Railways spread across the region in the 1800s.",
        SUN,
        [("the 1800s", "18", d(1800, 1, 1), d(1899, 12, 31))],
    ),
    (
        "Reservoirs ran low this summer.",
        SUN,
        [("this summer", "2025-SU", d(2025, 6, 1), d(2025, 8, 31))],
    ),
    ("Stores will close on Christmas Day.", SUN, [("Christmas Day", "2025-12-25")]),
    # --- a year-ago comparison shifts the period reported on, at its granularity
    (
        "Tea exports reached $310 million in June, the trade ministry said on Monday. "
        "That was 8 percent more than a year earlier.",
        SUN,
        [("June", "2025-06"), ("Monday", "2025-09-22"), ("a year earlier", "2024-06")],
    ),
    (
        "Fares rose 0.4 percent in October, after a fall in September. "
        "Air fares were up 3 percent from a year earlier.",
        NOV,
        [("October", "2025-10"), ("September", "2025-09"), ("a year earlier", "2024-10")],
    ),
    (
        # "from May" is the base of the monthly change: the month reported on is June
        "Hotel occupancy rose 1.2% from May and 6.5% from a year earlier.",
        date(2025, 7, 10),
        [("May", "2025-05"), ("a year earlier", "2024-06")],
    ),
    (
        "Cement sales in the third quarter ended Sept 30 rose 9 percent from a year ago.",
        NOV,
        [("the third quarter ended Sept 30", "2025-Q3"), ("a year ago", "2024-Q3")],
    ),
    (
        # "since ..." is a comparison base, not the quarter the next sentence goes back from
        "Steel output fell 3 percent in the July-September period, the first drop since the "
        "January-March quarter of last year. Output was 1.1 percent lower than in the previous "
        "quarter.",
        NOV,
        [
            ("the July-September period", "2025-Q3", d(2025, 7, 1), d(2025, 9, 30)),
            ("the January-March quarter of last year", "2024-Q1"),
            ("the previous quarter", "2025-Q2"),
        ],
    ),
    # --- bare months: the latest in a past clause, the next in a future one
    ("The central bank has held rates since December.", AUG, [("December", "2024-12")]),
    ("Shipping volumes fell in November.", AUG, [("November", "2024-11")]),
    ("Parliament will debate the bill in December.", AUG, [("December", "2025-12")]),
    ("The regulator is expected to rule by November.", AUG, [("November", "2025-11")]),
    (
        "Envoys agreed to meet again before the next summit in November.",
        AUG,
        [("November", "2025-11")],
    ),
    ("Gold futures for December delivery fell 1%.", AUG, [("December", "2025-12")]),
    ("Gold futures for December delivery fell 1%.", JAN, [("December", "2026-12")]),
    (
        "Inflation matched August's rate and stayed below the central bank's forecast.",
        date(2025, 10, 22),
        [("August", "2025-08")],
    ),
    ("The weak July figure surprised economists.", AUG, [("July", "2025-07")]),
    ("Theresa May said June sales were strong.", AUG, [("June", "2025-06")]),
    # --- days and weekdays ahead where the clause looks ahead
    (
        "Ms Ortega, who joined the bank in 2009, will take over on Jan. 1, the lender said.",
        date(2025, 8, 28),
        [("2009", "2009"), ("Jan. 1", "2026-01-01")],
    ),
    (
        "The law, which took effect on Jan. 1, was challenged in court.",
        date(2025, 8, 28),
        [("Jan. 1", "2025-01-01")],
    ),
    (
        "The fair, which opened on Tuesday, runs until Thursday.",
        TUE,
        [("Tuesday", "2025-10-28"), ("Thursday", "2025-10-30")],
    ),
    ("The fair ran until Thursday.", TUE, [("Thursday", "2025-10-23")]),
    (
        # the verb right after the weekday decides, not a later "next meeting"
        "The two sides on Monday agreed to speed up work and to hold the next meeting in Doha.",
        TUE,
        [("Monday", "2025-10-27")],
    ),
    (
        "Heavy rain could persist through Friday, forecasters warned.",
        date(2025, 11, 5),
        [("Friday", "2025-11-07")],
    ),
    ("Yields rose late Thursday.", NOV, [("late Thursday", "2025-11-13")]),
    (
        "A bus plunged into a ravine in the southern Andes early Thursday.",
        NOV,
        [("early Thursday", "2025-11-13")],
    ),
    # --- quarters named by their last month, periods ending in a month
    (
        "Net profit rose 12 per cent in the September quarter.",
        NOV,
        [("the September quarter", "2025-Q3")],
    ),
    (
        "Net profit rose in the December quarter of 2024.",
        NOV,
        [("the December quarter of 2024", "2024-Q4")],
    ),
    (
        "Revenue for the quarter ended June 30, 2025 rose.",
        NOV,
        [("the quarter ended June 30, 2025", "2025-Q2", d(2025, 4, 1), d(2025, 6, 30))],
    ),
    (
        "Rents rose 4.5% in the 12 months to September.",
        NOV,
        [("the 12 months to September", "2024-10/2025-09", d(2024, 10, 1), d(2025, 9, 30))],
    ),
    (
        "The chipmaker's fiscal fourth quarter ended Sept. 27.",
        SUN,
        [("fourth quarter ended Sept. 27", "2025-Q3")],
    ),
    ("Jobless claims for the week ended Oct. 10 fell.", NOV, [("Oct. 10", "2025-10-10")]),
    (
        "Sales in the nine months ending September climbed.",
        NOV,
        [("the nine months ending September", "2025-01/2025-09")],
    ),
    # --- "the quarter", "the week", "the six months": the period in context
    (
        "Net profit rose in the September quarter. The firm hired 900 engineers during the "
        "quarter.",
        NOV,
        [("the September quarter", "2025-Q3"), ("the quarter", "2025-Q3")],
    ),
    (
        "The index rose 0.5%, trimming its loss for the week to 0.3%.",
        date(2025, 10, 17),
        [("the week", "2025-W42")],
    ),
    (
        "Borrowing hit a record in September, the highest for the month since 2019.",
        NOV,
        [("September", "2025-09"), ("2019", "2019")],
    ),
    (
        "Profit fell in the April-September period. Sales rose 5 percent in the six months.",
        NOV,
        [("the April-September period", "2025-04/2025-09"), ("the six months", "2025-04/2025-09")],
    ),
    ("The agency plans to hire 200 people in the six months.", SUN, [("the six months", "P6M")]),
    # --- more durations
    ("He was jailed for two years and six months.", SUN, [("two years and six months", "P2Y6M")]),
    ("The scheme was extended for another year.", SUN, [("another year", "P1Y")]),
    # --- years that name a thing
    ("The court set aside a 2023 order of the tribunal.", SUN, [("2023", "2023")]),
    (
        # the budget's year does not date the deadline
        "The cabinet must present its 2027 budget to parliament by Oct. 13.",
        date(2026, 9, 20),
        [("2027", "2027"), ("Oct. 13", "2026-10-13")],
    ),
    (
        "The budget for 2026 is expected to be approved in December.",
        SUN,
        [("2026", "2026"), ("December", "2025-12")],
    ),
    # --- holidays, seasons, vague and event days
    (
        "Winds will gust over the Labor Day weekend.",
        date(2025, 8, 29),
        [("the Labor Day weekend", "2025-08-30/2025-09-01")],
    ),
    (
        "Shops were packed over the Easter weekend.",
        SUN,
        [("the Easter weekend", "2025-04-18/2025-04-21")],
    ),
    ("Power use jumped because of hot summer weather.", NOV, [("summer", "2025-SU")]),
    ("Sales peaked during the festive season.", NOV, [("the festive season", None)]),
    (
        "The plant should pay off in its first full year of operation.",
        SUN,
        [("its first full year of operation", None)],
    ),
    (
        "The summit opened on Tuesday. Deals worth $3 billion were signed on the first day.",
        TUE,
        [("Tuesday", "2025-10-28"), ("the first day", "2025-10-28")],
    ),
    (
        "The airline on Tuesday ordered 40 jets on the second day of the Gulf Air Show.",
        date(2025, 11, 18),
        [("Tuesday", "2025-11-18"), ("the second day of the Gulf Air Show", "2025-11-18")],
    ),
    ("The current fiscal deficit is large.", SUN, []),
    # --- numbers that are not times
    ("The WNEVC 2025 drew exhibitors from 30 countries.", SUN, []),
    ("Leaders gathered for the G20 summit and COP28 talks.", SUN, []),
    ("For inquiries call +971 2 555 2025 or 800-555-0199.", SUN, []),
    ("The dealer sold 2025 units and revenue rose 12 percent.", SUN, []),
    ("At the 2025 World Energy Congress, ministers spoke.", SUN, []),
    ("Audi Q3 deliveries rose.", SUN, []),
    ("Green H2 output will triple.", SUN, []),
    ("The score was 2:1 and the ratio 1:10.", SUN, []),
    ("Theresa May spoke to reporters.", SUN, []),
    ("A 10-year-old girl was rescued.", SUN, []),
    ("Delegates adopted the 15th Five-Year Plan.", SUN, []),
]


@pytest.mark.parametrize(("sentence", "anchor", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_extracts_and_resolves(sentence: str, anchor: date, expected: list[Expected]) -> None:
    found = extract_time_expressions(sentence, anchor)
    assert [(t.text, t.value) for t in found] == [(e[0], e[1]) for e in expected]
    for t, e in zip(found, expected, strict=True):
        if len(e) == 4:
            assert (t.range_start, t.range_end) == (e[2], e[3]), t.text


# Fiscal periods resolve where the article's country gives the calendar (here from the dateline
# or the sentence); elsewhere labels stay labels (see CASES).
FISCAL: list[tuple[str, date, list[tuple[str, str | None, date | None, date | None]]]] = [
    (
        "MUMBAI, Oct 20 (PTI) Revenue rose 9 per cent in the second quarter of FY2025-26, while "
        "profit for FY25 was Rs 900 crore.",
        date(2025, 10, 20),
        [
            ("Oct 20", "2025-10-20", d(2025, 10, 20), d(2025, 10, 20)),
            ("the second quarter of FY2025-26", "2025-Q3", d(2025, 7, 1), d(2025, 9, 30)),
            ("FY25", "FY2024-25", d(2024, 4, 1), d(2025, 3, 31)),
        ],
    ),
    (
        "NEW DELHI, Nov 1 (PTI) Collections in the first seven months of the current fiscal "
        "rose, and the RBI sees growth of 6.8 per cent in 2025-26. Demand should stay firm in "
        "the second half of the fiscal.",
        date(2025, 11, 1),
        [
            ("Nov 1", "2025-11-01", d(2025, 11, 1), d(2025, 11, 1)),
            (
                "the first seven months of the current fiscal",
                "2025-04/2025-10",
                d(2025, 4, 1),
                d(2025, 10, 31),
            ),
            ("2025-26", "FY2025-26", d(2025, 4, 1), d(2026, 3, 31)),
            ("the second half of the fiscal", "2025-10/2026-03", d(2025, 10, 1), d(2026, 3, 31)),
        ],
    ),
    (
        "MUMBAI (PTI) Profit rose in the July-September quarter. Revenue rose from the "
        "corresponding period of the previous fiscal.",
        date(2025, 10, 27),
        [
            ("the July-September quarter", "2025-Q3", d(2025, 7, 1), d(2025, 9, 30)),
            (
                "the corresponding period of the previous fiscal",
                "2024-Q3",
                d(2024, 7, 1),
                d(2024, 9, 30),
            ),
        ],
    ),
    (
        "ISLAMABAD, Sept 18 (APP): Remittances in the first two months of the current fiscal "
        "year rose to $6.4 billion from $5.97 billion in July-August of FY2024-25.",
        date(2025, 9, 18),
        [
            ("Sept 18", "2025-09-18", d(2025, 9, 18), d(2025, 9, 18)),
            (
                "the first two months of the current fiscal year",
                "2025-07/2025-08",
                d(2025, 7, 1),
                d(2025, 8, 31),
            ),
            ("July-August", "2024-07/2024-08", d(2024, 7, 1), d(2024, 8, 31)),
            ("FY2024-25", "FY2024-25", d(2024, 7, 1), d(2025, 6, 30)),
        ],
    ),
    (
        "ISLAMABAD (APP) Inflows in July-September of fiscal year 2025-26 rose from the same "
        "period of fiscal 2024-25. In the last fiscal year they crossed $38 billion.",
        date(2025, 10, 9),
        [
            ("July-September", "2025-07/2025-09", d(2025, 7, 1), d(2025, 9, 30)),
            ("fiscal year 2025-26", "FY2025-26", d(2025, 7, 1), d(2026, 6, 30)),
            ("the same period of fiscal 2024-25", "2024-07/2024-09", d(2024, 7, 1), d(2024, 9, 30)),
            ("the last fiscal year", "FY2024-25", d(2024, 7, 1), d(2025, 6, 30)),
        ],
    ),
    (
        # Japan names a fiscal year by the year it begins in
        "TOKYO (Kyodo) Tariffs cut profit in the first half of fiscal 2025, and the group raised "
        "its forecast for fiscal 2025.",
        date(2025, 11, 5),
        [
            ("the first half of fiscal 2025", "2025-04/2025-09", d(2025, 4, 1), d(2025, 9, 30)),
            ("fiscal 2025", "FY2025-26", d(2025, 4, 1), d(2026, 3, 31)),
        ],
    ),
    (
        # Saudi Arabia's fiscal year is the calendar year
        "RIYADH (SPA) The cabinet approved the budget for fiscal year 2026.",
        SUN,
        [("fiscal year 2026", "2026", d(2026, 1, 1), d(2026, 12, 31))],
    ),
    (
        # the country named in the sentence wins over the dateline's
        "ABU DHABI (WAM) The UAE minister met his counterpart. Workers in the UAE sent home $28 "
        "billion during the last fiscal year, according to Pakistani figures.",
        date(2025, 10, 3),
        [("the last fiscal year", "FY2024-25", d(2024, 7, 1), d(2025, 6, 30))],
    ),
    (
        "The retailer expects sales to grow in the current fiscal year.",
        SUN,
        [("the current fiscal year", None, None, None)],
    ),
    (
        "Tickets for the 2025-26 season sold out.",
        SUN,
        [("2025-26", "2025/2026", d(2025, 1, 1), d(2026, 12, 31))],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), FISCAL, ids=[f[0][:50] for f in FISCAL])
def test_fiscal_periods_follow_the_country_calendar(
    text: str, anchor: date, expected: list[tuple[str, str | None, date | None, date | None]]
) -> None:
    found = extract_time_expressions(text, anchor)
    assert [(t.text, t.value, t.range_start, t.range_end) for t in found] == expected


KINDS = [
    ("The 3-day congress opened.", "3-day", "duration"),
    ("The dispute has simmered for decades.", "for decades", "duration"),
    ("The index is revised every year.", "every year", "set"),
    ("The board meets twice a year.", "twice a year", "set"),
    ("He was jailed for two years and six months.", "two years and six months", "duration"),
    ("It took a year to build the bridge.", "a year", "duration"),
    ("The market closed at 04:15 PM.", "04:15 PM", "time"),
    ("The concert will be broadcast tonight.", "tonight", "time"),
    ("Over the years, the town has grown.", "Over the years", "date"),
    ("Revenue rose 8 percent in Q3.", "Q3", "date"),
]


@pytest.mark.parametrize(("sentence", "text", "kind"), KINDS)
def test_kinds(sentence: str, text: str, kind: str) -> None:
    by_text = {t.text: t for t in extract_time_expressions(sentence, SUN)}
    assert by_text[text].kind == kind


ARTICLE = " ".join(c[0] for c in CASES) + "\n\n" + "\n".join(c[0] for c in CASES[::-1])


def test_offsets_sorted_and_non_overlapping() -> None:
    found = extract_time_expressions(ARTICLE, SUN)
    assert len(found) > 100
    for t in found:
        assert ARTICLE[t.start_char : t.end_char] == t.text
        assert t.text == t.text.strip()
        assert t.kind in {"date", "time", "duration", "set"}
        if t.value is None or t.kind in {"duration", "set"}:
            assert t.range_start is None and t.range_end is None
        if t.range_start is not None:
            assert t.range_end is not None and t.range_start <= t.range_end
    for a, b in itertools.pairwise(found):
        assert a.end_char <= b.start_char


def test_empty_and_plain_text() -> None:
    assert extract_time_expressions("", SUN) == []
    assert extract_time_expressions("No dates here, only 12 apples and 3,000 people.", SUN) == []


def test_same_period_without_antecedent_falls_back_to_the_previous_year() -> None:
    (found,) = extract_time_expressions("Output rose compared with the same period last year.", JAN)
    assert (found.value, found.range_start, found.range_end) == (
        "2025",
        d(2025, 1, 1),
        d(2025, 12, 31),
    )


def test_antecedent_does_not_reach_beyond_the_previous_sentence() -> None:
    text = "Sales fell in Q3. Costs rose. Margins shrank. Profit fell from a year earlier."
    found = extract_time_expressions(text, SUN)
    assert [(t.text, t.value) for t in found] == [("Q3", "2025-Q3"), ("a year earlier", "2024")]
