"""Identity of articles: canonical URLs, stable ids, content hashes and MinHash signatures."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src)$", re.I)
_WORD = re.compile(r"\w+", re.UNICODE)

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.6 Jaccard almost always share a band
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE = 0.6
# Against stored articles only bands are kept: 4 of 16 shared bands means about 0.65 Jaccard.
MIN_SHARED_BANDS = 4
_MERSENNE = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20250927)
_A = _rng.integers(1, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no default port, no tracking parameters, no fragment."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def article_id_for(key: str) -> str:
    """A stable 16-hex id from the article's identity (canonical URL or given id)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def normalise_for_hash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_WORD.findall(text))


def content_hash(text: str) -> str:
    """SHA-256 of the body with case, punctuation and spacing folded."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def minhash(text: str) -> np.ndarray:
    """A MinHash signature over word shingles."""
    words = normalise_for_hash(text).split()
    if len(words) < SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
            for s in shingles
        ),
        dtype=np.uint64,
        count=len(shingles),
    )
    hashes %= _MERSENNE
    # (a*x + b) mod p with wrap-around arithmetic is good enough for similarity estimation.
    products = (np.outer(hashes, _A) + _B) % _MERSENNE
    return np.asarray(products.min(axis=0), dtype=np.uint64)


def bands(signature: np.ndarray) -> list[int]:
    """One 63-bit hash per band of the signature, for LSH candidate lookup."""
    out = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
