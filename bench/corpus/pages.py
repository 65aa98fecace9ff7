"""The article page: the story inside a news site's chrome, in one of three site layouts.

Each page carries what real pages do around the text: navigation, share buttons, ad slots,
related stories, a newsletter box, a footer, JSON-LD `NewsArticle`, `og:` tags and a canonical
link.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any

from bench.corpus.sites import SITES, Site, local_time
from bench.corpus.stories import Story

SHOWN = "%a %d %b %Y, %I:%M %p"  # the date and time under the headline (layouts 0 and 1)


def _json_ld(story: Story, site: Site) -> str:
    published = local_time(story.published, site.tz_hours).isoformat()
    author: dict[str, Any] = (
        {"@type": "Organization", "name": story.author}
        if story.author == story.agency
        else {"@type": "Person", "name": story.author}
    )
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.summary,
        "author": author,
        "datePublished": published,
        "dateModified": published,
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "logo": {"@type": "ImageObject", "url": f"https://{site.domain}/static/logo.png"},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        "articleSection": story.section.title(),
        "inLanguage": "en",
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _head(story: Story, site: Site) -> str:
    e = html.escape
    published = local_time(story.published, site.tz_hours).isoformat()
    return f"""<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(story.title)} | {e(site.name)}</title>
  <meta name="description" content="{e(story.summary)}">
  <link rel="canonical" href="{e(story.url)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{e(story.title)}">
  <meta property="og:description" content="{e(story.summary)}">
  <meta property="og:url" content="{e(story.url)}">
  <meta property="og:site_name" content="{e(site.name)}">
  <meta property="og:image" content="https://{site.domain}/media/{story.slug}-1200x630.jpg">
  <meta property="article:published_time" content="{published}">
  <meta property="article:section" content="{e(story.section.title())}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="stylesheet" href="https://{site.domain}/static/css/main.{story.index % 97:02x}a1c.css">
  <style>.story-body p{{margin:0 0 1em}} .share-bar a{{margin-right:.5em}}
    .ad-slot{{min-height:250px}}</style>
  <script type="application/ld+json">
{_json_ld(story, site)}
  </script>
  <script>window.dataLayer=window.dataLayer||[];
    window.dataLayer.push({{"section":"{e(story.section)}","pageType":"article",
    "storyId":"{story.index}"}});</script>
  <script async src="https://{site.domain}/static/js/analytics.js"></script>
</head>"""


def _nav(site: Site) -> str:
    links = "".join(
        f'<li><a href="/{s}">{s.replace("-", " ").title()}</a></li>' for s in site.sections
    )
    extra = "".join(
        f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("sport", "opinion", "lifestyle")
    )
    return f'<nav class="main-nav" aria-label="Sections"><ul>{links}{extra}</ul></nav>'


def _share(story: Story, style: int) -> str:
    u = html.escape(story.url)
    if style == 1:
        return (
            '<ul class="social-icons">'
            f'<li><a href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a></li>'
            f'<li><a href="https://twitter.com/intent/tweet?url={u}">X</a></li>'
            f'<li><a href="https://www.linkedin.com/shareArticle?url={u}">LinkedIn</a></li>'
            f'<li><a href="mailto:?body={u}">Email</a></li></ul>'
        )
    return (
        '<div class="share-bar">'
        f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={u}">'
        "Share on Facebook</a>"
        f'<a class="share-tw" href="https://twitter.com/intent/tweet?url={u}">Tweet</a>'
        f'<a class="share-wa" href="https://wa.me/?text={u}">WhatsApp</a>'
        '<button class="copy-link" type="button">Copy link</button></div>'
    )


def _related(story: Story, stories: dict[int, Story]) -> str:
    items = "".join(
        f'<li><a href="{html.escape(stories[i].url)}">{html.escape(stories[i].title)}</a></li>'
        for i in story.related
        if i in stories
    )
    return items or '<li><a href="/latest">Latest news</a></li>'


def _body(story: Story, ad_every: int) -> str:
    out = []
    for number, paragraph in enumerate(story.paragraphs):
        out.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
        if number == 1 or (number > 1 and number % ad_every == 0):
            out.append('<div class="ad-slot ad-inarticle" aria-hidden="true">Advertisement</div>')
    return "\n          ".join(out)


def _footer(site: Site, year: int) -> str:
    return (
        '<footer class="site-footer"><ul>'
        '<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/advertise">Advertise</a></li><li><a href="/privacy">Privacy policy</a></li>'
        '<li><a href="/terms">Terms of use</a></li></ul>'
        f"<p>&copy; {year} {html.escape(site.name)}. All rights reserved.</p></footer>"
    )


def _daily_layout(story: Story, site: Site, local: datetime, byline: str, related: str) -> str:
    """Layout 0: header bar with menu and search, breadcrumbs, tags, newsletter box."""
    e = html.escape
    shown = f"{local:{SHOWN}}"
    return f"""<header class="site-header">
    <button class="hamburger" type="button" aria-label="Open Menu">Open Menu</button>
    <a class="brand" href="https://{site.domain}/">{e(site.name)}</a>
    {_nav(site)}
    <a class="btn-subscribe" href="/subscribe">Subscribe</a>
    <form class="search" action="/search"><input type="search" name="q" placeholder="Search"></form>
  </header>
  <main id="content">
    <nav class="breadcrumbs"><a href="/">Home</a> &rsaquo;
      <a href="/{story.section}">{e(story.section.title())}</a></nav>
    <article class="story">
      <h1 class="story-headline">{e(story.title)}</h1>
      <div class="story-meta"><span class="byline">By {byline}</span>
        <time class="published" datetime="{local.isoformat()}">{shown}</time></div>
      {_share(story, 0)}
      <figure class="lead-image"><img src="https://{site.domain}/media/{story.slug}.jpg" alt="">
        <figcaption>File photo</figcaption></figure>
      <div class="story-body">
          {_body(story, 4)}
      </div>
      <div class="story-tags">Tags:
        <a href="/tag/{story.topic}">{story.topic.replace("_", " ").title()}</a>
        <a href="/tag/{story.region}">{story.region.upper()}</a></div>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
    <section class="newsletter"><h3>Get the {e(site.name)} morning briefing</h3>
      <p>The day's top stories in your inbox by 7am.</p>
      <form action="/newsletter" method="post"><input type="email" name="email">
        <button type="submit">Sign up</button></form></section>
  </main>
  {_footer(site, story.published.year)}"""


def _magazine_layout(story: Story, site: Site, local: datetime, byline: str, related: str) -> str:
    """Layout 1: date strip and masthead, main column with a most-read side column."""
    e = html.escape
    shown = f"{local:{SHOWN}}"
    return f"""<div id="page" class="wrapper">
  <div class="top-strip"><span class="date">{local:%A, %B %d, %Y}</span>
    <a href="/epaper">E-Paper</a> <a href="/login">Sign in</a></div>
  <header id="masthead"><div class="logo"><a href="https://{site.domain}/">{e(site.name)}</a></div>
    <div class="menu-toggle">Menu</div>{_nav(site)}</header>
  <div class="container"><div class="row">
    <div class="col-main">
      <div class="post-header"><span class="category">
        <a href="/{story.section}">{e(story.section.title())}</a></span>
        <h1 class="entry-title">{e(story.title)}</h1>
        <div class="entry-meta">{byline} &middot; <span class="date">{shown}</span> &middot;
          <span class="read-time">{max(1, story.word_count // 200)} min read</span></div>
        {_share(story, 1)}</div>
      <div class="entry-content">
          {_body(story, 3)}
      </div>
      <div class="post-footer"><p>Follow us on X and Instagram for the latest updates.</p>
        <div class="comments-count"><a href="#comments">Comments (0)</a></div></div>
      <section class="more-news"><h3>Read more</h3><ul>{related}</ul></section>
    </div>
    <aside class="col-side">
      <div class="widget most-read"><h4>Most read</h4><ol>{related}</ol></div>
      <div class="widget ad-slot">Advertisement</div></aside>
  </div></div>
  {_footer(site, story.published.year)}
</div>"""


def _portal_layout(story: Story, site: Site, local: datetime, byline: str, related: str) -> str:
    """Layout 2: portal header links, breadcrumb trail, author box and related news."""
    e = html.escape
    return f"""<div class="site">
  <header class="header"><a class="site-logo" href="https://{site.domain}/">{e(site.name)}</a>
    <div class="header-links"><a href="/live">Live TV</a> <a href="/urdu">Urdu</a>
      <a href="/weather">Weather</a></div>
    {_nav(site)}</header>
  <section class="article-wrap">
    <div class="breadcrumb"><a href="/">Home</a> /
      <a href="/{story.section}">{e(story.section.title())}</a> / <span>Story</span></div>
    <div class="article-detail">
      <h1>{e(story.title)}</h1>
      <div class="detail-meta"><span class="author">{byline}</span>
        <span class="time">Published {local:%B %d, %Y | %I:%M %p}</span></div>
      {_share(story, 0)}
      <div class="detail-body">
          {_body(story, 5)}
      </div>
      <div class="author-box"><strong>{e(story.author)}</strong>
        <span>covers {e(story.section)} for {e(site.name)}.</span></div>
      <div class="tags"><a href="/tags/{story.topic}">{story.topic.replace("_", " ")}</a></div>
    </div>
    <div class="related-news"><h2>Related News</h2><ul>{related}</ul></div>
  </section>
  {_footer(site, story.published.year)}
</div>"""


def render_page(story: Story, stories: dict[int, Story]) -> str:
    """The article page: site chrome around the story, as a news site serves it."""
    site = SITES[story.site]
    e = html.escape
    local = local_time(story.published, site.tz_hours)
    byline = f'<a href="/author/{story.author.lower().replace(" ", "-")}">{e(story.author)}</a>'
    head = _head(story, site)
    related = _related(story, stories)
    if site.layout == 0:
        main = _daily_layout(story, site, local, byline, related)
    elif site.layout == 1:
        main = _magazine_layout(story, site, local, byline, related)
    else:
        main = _portal_layout(story, site, local, byline, related)
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
{head}
<body class="article-template layout-{site.layout}">
  {main}
  <script src="https://{site.domain}/static/js/app.js" defer></script>
</body>
</html>
"""
