"""Actors: dictionary matching of names, demonyms, agents and officials; resolution by date."""
