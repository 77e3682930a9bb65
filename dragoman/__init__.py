"""dragoman: offline, explainable political event coding into PLOVER 0.8."""

__version__ = "0.1.0"
