"""How likely a coded event mention is a real event with the right parties: a logistic model.

The rules find candidate events; this model, trained on the project's annotated articles
(``scripts/train_relevance.py``, dev split only), scores each candidate from general features of
the trigger, its clause and its parties (no words of the text beyond the rule that fired). The
score is the record's ``confidence``; candidates under the model's threshold are not written.
The model is data: ``data/models/relevance.json`` (feature weights, bias, threshold, provenance).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..document.quotes import quote_of
from ..sentences import sent_of

CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass", "parataxis"}


def _kind(ents: list[Any]) -> str:
    coded = [e for e in ents if e.code]
    if not ents:
        return "none"
    if not coded:
        return "uncoded"
    e = coded[0]
    rule = e.rule or ""
    if rule.startswith("coref.pronoun") or rule.startswith("coref.speaker"):
        return "pronoun"
    if rule.startswith("coref."):
        return "described"
    return str(e.kind)


def _clause_dep(tok: Token) -> str:
    dep = tok.dep_
    return dep if dep in CLAUSE_DEPS else "other"


def density(n_events: int, n_sentences: int) -> str:
    """How densely the rules find events in a document: readouts tell one interaction after
    another, news stories tell events among background, quotes and comment."""
    per = n_events / max(n_sentences, 1)
    return "low" if per < 0.5 else "mid" if per < 1.0 else "high"


def host_only(ev: Any) -> bool:
    """Whether an event names only the host of a meeting whose parties the text leaves unnamed
    ("the UK will host an international conference in London": AGREE - -> GBR). Its actor is
    empty by the codebook's convention (CONSULT roles), not because a doer was missed."""
    return bool(ev.trigger.pattern.host) and not any(a.code for a in ev.actors) and any(r.code for r in ev.recipients)


def features(ev: Any, doc_density: str | None = None) -> dict[str, float]:
    """Binary features of an event mention (name -> 1.0); ``doc_density`` is ``density()`` of its
    document's candidate events."""
    tok: Token = ev.trigger.token
    pat = ev.trigger.pattern
    sent = sent_of(tok)
    f: dict[str, float] = {}

    def on(name: str) -> None:
        f[name] = 1.0

    on(f"type={ev.coding.event}")
    on(f"pos={pat.pos}")
    on(f"source={'cameo' if pat.id.startswith('cv.') else 'hand'}")
    on(f"rule={ev.coding.rule.split('+')[0]}")
    on(f"phrase={bool(pat.extra or pat.object or pat.prep or pat.particle)}")
    on(f"dep={_clause_dep(tok)}")
    on(f"tag={tok.tag_}")
    on(f"modality={ev.modality}")
    for mode in ev.coding.mode:
        on(f"mode={mode}")
    if ev.negated:
        on("negated")
    if quote_of(tok) is not None:
        on("in_quote")
    if sent.text.rstrip().endswith("?"):
        on("question")
    if ev.attributed_to is not None:
        on(f"attributed={(ev.attributed_to.rule or '').split('>')[0]}")
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        on("simple_present")
    if host_only(ev):
        on("host_only")
    on(f"actor={_kind(ev.actors)}")
    on(f"recipient={_kind(ev.recipients)}")
    on(f"actor_codes={min(len({a.code for a in ev.actors if a.code}), 2)}")
    on(f"recipient_codes={min(len({r.code for r in ev.recipients if r.code}), 2)}")
    if any(a.sector for a in ev.actors if a.code):
        on("actor_sector")
    position = ev.sentence
    on(f"sentence={'0' if position == 0 else '1-2' if position <= 2 else '3-9' if position <= 9 else '10+'}")
    on(f"date={ev.date.precision if ev.date is not None else 'none'}")
    if doc_density is not None:
        on(f"density={doc_density}")
    return f


@dataclass(frozen=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any]
    threshold_no_actor: float | None = None  # the floor of events without a coded actor (None: ``threshold``)

    def floor(self, ev: Any) -> float:
        """The score an event must reach to be written (events without a coded actor: the higher
        floor, unless the actor is empty by convention: host_only)."""
        if self.threshold_no_actor is not None and not any(a.code for a in ev.actors) and not host_only(ev):
            return max(self.threshold, self.threshold_no_actor)
        return self.threshold

    def score(self, ev: Any, doc_density: str | None = None) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features(ev, doc_density).items())
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: str | Path | None = None) -> RelevanceModel:
        if path is None:
            text = (resources.files("dragoman") / "data" / "models" / "relevance.json").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            meta={k: v for k, v in data.items() if k not in ("weights", "bias", "threshold", "threshold_no_actor")},
            threshold_no_actor=float(data["threshold_no_actor"]) if data.get("threshold_no_actor") is not None else None,
        )
