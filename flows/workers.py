"""Transform worker processes: kept apart from the flow so a spawned worker imports spaCy and
the transforms, not Prefect (which a worker never uses; importing it costs each worker seconds).
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import pandas as pd

from flows.faults import fault_point
from transforms.model import Article
from transforms.pipeline import analyse, load_nlp


def _analyse_in_worker(articles: list[Article], run_id: str) -> dict[str, pd.DataFrame]:
    return analyse_and_collect(articles, run_id) if articles else {}


def analyse_and_collect(articles: list[Article], run_id: str) -> dict[str, pd.DataFrame]:
    """`analyse`, then a full garbage collection.

    Parsed documents leave reference cycles that Python's generational collector frees late:
    measured over 800 articles in chunks of 25, a process grew from 438 to 581 MB without this
    and stayed at 300 MB with it, for about 80 ms a chunk (2-3 % of the transform).
    """
    frames = analyse(articles, load_nlp(), run_id)
    gc.collect()
    return frames


# Batches in flight beyond the one the flow is validating and loading: enough to keep every
# process busy, few enough that results waiting for the flow stay bounded however long the run.
AHEAD = 2


def transform_in_processes(
    work: list[list[Article]], run_id: str, workers: int, chunk: int
) -> Iterator[dict[str, pd.DataFrame]]:
    """Batches analysed by `workers` processes, each loading spaCy once; results in order.

    Each batch is cut into chunks of at most `chunk` articles, so every process stays busy to
    the end of the run whatever the batch size; a batch's chunks are put back together. Only
    AHEAD batches are submitted ahead of the one being consumed, and a consumed batch's results
    are let go, so memory does not grow with the run.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    batches = iter(work)
    in_flight: deque[list[Future[dict[str, pd.DataFrame]]]] = deque()
    # No `max_tasks_per_child` to recycle workers: with spawn it hangs on Python 3.11.
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_nlp) as pool:
        size = max(chunk, 1)

        def submit_next() -> None:
            items = next(batches, None)
            if items is not None:
                starts = range(0, len(items), size)
                in_flight.append(
                    [pool.submit(_analyse_in_worker, items[i : i + size], run_id) for i in starts]
                )

        for _ in range(1 + AHEAD):
            submit_next()
        while in_flight:
            batch = in_flight.popleft()
            submit_next()
            frames = combine_chunks([future.result() for future in batch])
            del batch
            fault_point("mid-transform")
            yield frames


def combine_chunks(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """One batch's frames from its chunks' frames, as `analyse` over the whole batch gives them:
    rows concatenated in order, and an entity found by several chunks kept once."""
    combined: dict[str, pd.DataFrame] = {}
    for name in dict.fromkeys(name for part in parts for name in part):
        frames = [part[name] for part in parts if name in part]
        filled = [frame for frame in frames if not frame.empty]
        combined[name] = pd.concat(filled, ignore_index=True) if filled else frames[0]
    entities = combined.get("entities")
    if entities is not None and entities["entity_id"].duplicated().any():
        rows: dict[str, dict[str, Any]] = {}
        for row in entities.to_dict("records"):
            kept = rows.setdefault(row["entity_id"], row)
            if kept is not row:
                _merge_entity(kept, row)
        combined["entities"] = pd.DataFrame(list(rows.values()), columns=entities.columns)
    return combined


def _merge_entity(kept: dict[str, Any], later: dict[str, Any]) -> None:
    """Fold a later chunk's row of an entity into the kept one, by `_add_entities`' rules:
    aliases add up, the first country stays, a person's latest title and affiliation win."""
    kept["aliases"] = sorted({*kept["aliases"], *later["aliases"]})
    if pd.isna(kept.get("country_code")):
        kept["country_code"] = later.get("country_code")
    if not pd.isna(later.get("title")):
        kept["title"] = later["title"]
    if not pd.isna(later.get("affiliation")):
        kept["affiliation"] = later["affiliation"]
        kept["affiliation_entity_id"] = later.get("affiliation_entity_id")
