"""The JSON Schema of bank files (format 1), shipped for editors and other tools.

``quiz validate`` does not use it: the loader checks more than a schema can
(quotes against the article, unique ids, answers among the choices, YAML 1.1
coercions). The tests keep the two in step.
"""

from __future__ import annotations

import json
from importlib import resources

SCHEMA_FILE = "bank.schema.json"


def bank_schema() -> dict[str, object]:
    """The schema as data (draft 2020-12)."""
    text = resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)
