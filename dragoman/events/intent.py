"""Recode announced intentions: future material actions are intents or threats, refusals reject.

The table is data (events/intent.yaml): a CAMEO prefix of the first coding and the code that
replaces it when the event is future/hypothetical ("will send aid" -> 033, "would blockade" -> 1381)
or a refusal ("will not meet" -> 125).
"""

from __future__ import annotations

from typing import Any

from ..lexicon import Lexicon


class IntentTable:
    def __init__(self, lexicon: Lexicon) -> None:
        self.cameo = lexicon.cameo
        self.rules: dict[str, list[dict[str, Any]]] = {"future": [], "refusal": [], "ultimatum": []}
        for rec in lexicon.intents:
            self.rules[rec["when"]].append(rec)
        for rules in self.rules.values():
            rules.sort(key=lambda r: -len(r["from"]))

    def lookup(self, cameo: str, modality: str, negated: bool, pos: str, ultimatum: bool = False) -> dict[str, Any] | None:
        """The intent rule that applies to an event, or None.

        ``ultimatum``: the event is announced on a condition ("will withdraw unless ...").
        """
        if modality not in ("future", "hypothetical"):
            return None
        if ultimatum and not negated and not cameo.startswith("13"):
            when = "ultimatum"
        else:
            when = "refusal" if negated else "future"
        for rule in self.rules[when]:
            if rule.get("pos") and rule["pos"] != pos:
                continue
            if cameo.startswith(rule["from"]) and rule["cameo"] in self.cameo:
                return rule
        return None
