"""Typed pandas frames of the binding's results (the ``to_pandas()`` methods).

Every result's ``to_pandas()`` builds its columns as plain lists and hands
them here with a dtype per column, so each result is typed the same way as
:meth:`LeagueTable.to_pandas`: numbers as numbers (money as integer pence,
nullable ``Int64``), booleans as ``bool`` (nullable ``boolean`` where the
library may not know), dates as ``datetime64[ns]`` (missing dates ``NaT``),
and words (routes, verdicts) as text. pandas stays optional: it is imported
only when a frame is asked for.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence


def frame(columns: Sequence[str], rows: List[Sequence[Any]], dtypes: Dict[str, str]) -> Any:
    """A ``pandas.DataFrame`` of `rows` under `columns`; a column not in
    `dtypes` is text (object); ``"date"`` makes ``datetime64[ns]``."""
    import pandas as pd

    data: Dict[str, Any] = {}
    for k, c in enumerate(columns):
        values = [r[k] for r in rows]
        dt = dtypes.get(c, object)
        if dt == "date":
            data[c] = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        else:
            data[c] = pd.Series(values, dtype=dt)
    return pd.DataFrame(data, columns=list(columns))
