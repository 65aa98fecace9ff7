"""RSS 2.0 feeds of a site's stories, linking the pages relatively."""

from __future__ import annotations

import html
from email.utils import format_datetime

from bench.corpus.sites import Site, local_time
from bench.corpus.stories import Story


def render_feed(site: Site, items: list[Story], feed_path: str) -> str:
    """An RSS 2.0 feed of the site's stories, newest first, linking the pages relatively."""
    e = html.escape
    depth = feed_path.count("/")
    prefix = "../" * depth
    newest = max(s.published for s in items)
    entries = []
    for story in sorted(items, key=lambda s: (s.published, s.index), reverse=True):
        pub = format_datetime(local_time(story.published, site.tz_hours))
        entries.append(
            f"""    <item>
      <title>{e(story.title)}</title>
      <link>{e(prefix + story.path)}</link>
      <pubDate>{pub}</pubDate>
      <guid isPermaLink="false">tag:{site.domain},2025:{story.index}</guid>
      <dc:creator>{e(story.author)}</dc:creator>
      <category>{story.topic.replace("_", " ")}</category>
      <description>{e(story.summary)}</description>
    </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{e(site.name)} - Latest</title>
    <link>https://{site.domain}/</link>
    <atom:link href="https://{site.domain}/{feed_path}" rel="self" type="application/rss+xml"/>
    <description>Latest stories from {e(site.name)}.</description>
    <language>en</language>
    <lastBuildDate>{format_datetime(newest)}</lastBuildDate>
    <ttl>30</ttl>
{chr(10).join(entries)}
  </channel>
</rss>
"""
