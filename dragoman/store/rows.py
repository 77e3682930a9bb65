"""Query results as JSON-ready rows: dates as YYYY-MM-DD, NaN/NaT as null, numpy values as Python ones."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any


def plain(value: Any) -> Any:
    """``value`` as a JSON-ready Python value (lists and dicts converted item by item)."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (np.ndarray, list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def json_rows(df: Any) -> list[dict[str, Any]]:
    """The rows of a pandas DataFrame as JSON-ready dicts."""
    cols = [str(c) for c in df.columns]
    return [{c: plain(v) for c, v in zip(cols, row, strict=True)} for row in df.itertuples(index=False)]
