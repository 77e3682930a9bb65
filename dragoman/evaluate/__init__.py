"""Evaluation against gold: PLOVER gold-standard sentences (:mod:`.gsr`) and whole annotated
articles in the format of the project's codebook (:mod:`.articles`)."""

from .gsr import evaluate_file, full_match, load_gold, norm_code, render_report, score

__all__ = ["evaluate_file", "full_match", "load_gold", "norm_code", "render_report", "score"]
