"""Numbers and units written in words, and ISO 8601 durations built from them."""

from __future__ import annotations

import re

from transforms.timex.words import _SMALL_NUMS, _UNIT_CODE


def _num(text: str) -> float | None:
    """Value of a number written in digits or English words ("twenty-five", "a")."""
    low = text.lower().strip().replace(",", "")
    try:
        return float(low)
    except ValueError:
        pass
    words = re.split(r"[-\s]+", low)
    if words[-1] == "hundred":
        return 100.0
    total = 0
    for w in words:
        if w not in _SMALL_NUMS:
            return None
        total += _SMALL_NUMS[w]
    return float(total)


def _unit(text: str) -> str:
    low = text.lower()
    if low.startswith("centur"):
        return "century"
    return low[:-1] if low.endswith("s") else low


def _duration(n: float, unit: str) -> str:
    mult, code, is_time = _UNIT_CODE[unit]
    q = n * mult
    qs = str(int(q)) if q == int(q) else f"{q:g}"
    return f"PT{qs}{code}" if is_time else f"P{qs}{code}"


_VAGUE_CODE = {"decade": "E", "century": "C", "fortnight": "W"}


def _vague_duration(unit: str) -> str:
    """A duration of an unknown number of units, as TIMEX3 writes it: "several years" is PXY,
    "a few hours" PTXH, "decades" PXE."""
    _, code, is_time = _UNIT_CODE[unit]
    code = _VAGUE_CODE.get(unit, code)
    return f"PTX{code}" if is_time else f"PX{code}"
