"""Events: trigger patterns, argument finding, negation and modality."""
