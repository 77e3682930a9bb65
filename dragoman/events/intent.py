"""Recode events still to come as the codebook asks: cooperation ahead is AGREE, a retreat ahead
CONCEDE, a refusal REJECT, an ultimatum THREATEN; conflict ahead keeps its type.

The table is data (events/intent.yaml): a CAMEO prefix of the first coding and the code that
replaces it when the event is future ("will send aid" -> 033, "will release" -> 080) or a refusal
("will not meet" -> 125).
"""

from __future__ import annotations

from typing import Any

from ..dictionaries import CONVENTIONS
from ..lexicon import Lexicon
from ..mentions import Coding
from .modality import intent_cue


class IntentTable:
    def __init__(self, lexicon: Lexicon, convention: str = "plover") -> None:
        self.cameo = lexicon.cameo
        self.convention = convention
        self.rules: dict[str, list[dict[str, Any]]] = {"future": [], "refusal": [], "ultimatum": [], "always": []}
        for rec in lexicon.intents:
            if convention in rec.get("convention", CONVENTIONS):
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
        elif negated:
            when = "refusal"
        elif modality == "future" or self.convention == "cameo":
            when = "future"
        else:
            return None  # a possibility ("could meet") keeps its type: no one committed to it
        for rule in self.rules[when]:
            if rule.get("pos") and rule["pos"] != pos:
                continue
            if cameo.startswith(rule["from"]) and rule["cameo"] in self.cameo:
                return rule
        return None

    def _apply(self, mention: Any, rule: dict[str, Any]) -> None:
        c = mention.coding
        entry = self.cameo[rule["cameo"]]
        mention.coding = Coding(
            entry["event"], tuple(entry.get("mode", [])), tuple(entry.get("context", [])) or c.context,
            rule["cameo"], int(entry["quad"]), float(entry["score"]), f"{c.rule}+{rule['id']}",
        )

    def recode_always(self, mention: Any) -> None:
        """Recode an event mention as a convention asks whatever its modality (rules with `when:
        always`, optionally only for some trigger lemmas: "charged with incitement" is ACCUSE under
        the codebook, an arrest-like 173 in CAMEO practice)."""
        lemma = mention.trigger.token.lemma_.lower()
        for rule in self.rules["always"]:
            if mention.coding.cameo.startswith(rule["from"]) and rule["cameo"] in self.cameo and lemma in rule.get("lemmas", [lemma]):
                self._apply(mention, rule)
                return

    def recode_as(self, mention: Any, cameo: str, rule_id: str) -> None:
        """Recode an event mention to another CAMEO code (a rule of its own names why)."""
        if cameo in self.cameo:
            self._apply(mention, {"cameo": cameo, "id": rule_id})

    def recode(self, mention: Any) -> None:
        """Recode an event mention announced as an intention, a refusal or an ultimatum."""
        c = mention.coding
        tok = mention.trigger.token
        pos = mention.trigger.pattern.pos
        if mention.modality == "future" and not intent_cue(tok) and self.convention == "cameo":
            # CAMEO: "is expected to visit", "is due to travel" is a forecast, not an intention (the
            # codebook codes any cooperation still to come as AGREE)
            return
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "fail" and not mention.negated:
            # "failed to reach agreement": a refusal, whatever the tense
            rule = self.lookup(c.cameo, "future", True, pos)
            if rule is not None:
                self._apply(mention, rule)
            return
        ultimatum = any(
            m.dep_ == "mark" and m.lower_ == "unless" for a in tok.children if a.dep_ == "advcl" for m in a.children
        )
        rule = self.lookup(c.cameo, mention.modality, mention.negated, pos, ultimatum)
        if rule is None:
            return
        self._apply(mention, rule)
        if rule["when"] == "refusal":
            # refusing is an act of its own, done when it is said (codebook: REJECT, not negated)
            mention.negated = False
            mention.modality = "asserted"
