"""A pure-Python stand-in for rceval's built-in `durable` module, for running a workflow under
CPython: `wait` returns the values of the JSON array in $DURABLE_SEND_VALUES in turn, as
`rceval run --send-values` does. The durable tests compare rceval's suspended-and-resumed runs
with CPython's uninterrupted one through it."""

import json
import os

_values = json.loads(os.environ.get("DURABLE_SEND_VALUES", "[]"))


def wait(name):
    if not _values:
        raise RuntimeError(f"durable.wait({name!r}): no value left in DURABLE_SEND_VALUES")
    return _values.pop(0)
