"""Whole-document reading: coreference, attribution, dates, places, fusion."""
