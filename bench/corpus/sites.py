"""The six invented news sites, and the wire agencies whose stories each one carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


@dataclass(frozen=True, slots=True)
class Site:
    """One news site: its name and domain, page layout (0-2), sections, time zone and agencies."""

    key: str
    name: str
    domain: str
    layout: int
    sections: tuple[str, ...]
    tz_hours: float
    agencies: tuple[str, ...]  # house styles the site carries


SITES: dict[str, Site] = {
    s.key: s
    for s in (
        Site(
            "meridian",
            "Meridian Daily",
            "meridiandaily.example",
            0,
            ("world", "business", "markets", "science"),
            0,
            ("AP", "Reuters", "Xinhua"),
        ),
        Site(
            "gulfledger",
            "The Gulf Ledger",
            "gulfledger.example",
            1,
            ("uae", "gulf", "business", "energy"),
            4,
            ("WAM", "Reuters", "AP"),
        ),
        Site(
            "indusherald",
            "Indus Herald",
            "indusherald.example",
            2,
            ("national", "business", "world", "provinces"),
            5,
            ("APP", "UrduPoint", "Reuters"),
        ),
        Site(
            "silkroad",
            "Silk Road Post",
            "silkroadpost.example",
            1,
            ("china", "economy", "asia", "belt-and-road"),
            8,
            ("Xinhua",),
        ),
        Site(
            "capitalwire",
            "Capital Wire",
            "capitalwire.example",
            0,
            ("markets", "economy", "companies", "policy"),
            -5,
            ("Reuters", "AP"),
        ),
        Site(
            "pointnews",
            "Point News Network",
            "pointnews.example",
            2,
            ("pakistan", "uae", "business", "world"),
            5,
            ("UrduPoint", "APP", "WAM"),
        ),
    )
}
# agency -> regions its stories are set in (weights)
AGENCY_REGIONS: dict[str, tuple[tuple[str, int], ...]] = {
    "Xinhua": (("cn", 8), ("af", 1), ("pk", 1)),
    "WAM": (("ae", 10),),
    "APP": (("pk", 10),),
    "UrduPoint": (("ae", 5), ("pk", 5)),
    "AP": (("us", 7), ("af", 2), ("jp", 1)),
    "Reuters": (("gb", 3), ("eu", 3), ("in", 2), ("jp", 2), ("us", 2)),
}
AGENCY_WEIGHTS = (
    ("Xinhua", 22), ("WAM", 18), ("Reuters", 20), ("AP", 14), ("APP", 14), ("UrduPoint", 12),
)  # fmt: skip


def local_time(moment: datetime, hours: float) -> datetime:
    """`moment` in a time zone `hours` from UTC, as a site in that zone shows it."""
    return moment.astimezone(timezone(timedelta(hours=hours)))
