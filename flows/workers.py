"""Transform worker processes: kept apart from the flow so a spawned worker imports spaCy and
the transforms, not Prefect (which a worker never uses; importing it costs each worker seconds).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd

from flows.faults import fault_point
from transforms.model import Article
from transforms.pipeline import analyse, load_nlp


def _analyse_in_worker(articles: list[Article], run_id: str) -> dict[str, pd.DataFrame]:
    return analyse(articles, load_nlp(), run_id) if articles else {}


def transform_in_processes(
    work: list[list[Article]], run_id: str, workers: int, chunk: int
) -> Iterator[dict[str, pd.DataFrame]]:
    """Batches analysed by `workers` processes, each loading spaCy once; results in order.

    Each batch is cut into chunks of at most `chunk` articles, so every process stays busy to
    the end of the run whatever the batch size; a batch's chunks are put back together.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_nlp) as pool:
        futures = [
            [pool.submit(_analyse_in_worker, items[i : i + chunk], run_id) for i in starts]
            for items in work
            for starts in [range(0, len(items), max(chunk, 1))]
        ]
        for batch in futures:
            frames = combine_chunks([future.result() for future in batch])
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
