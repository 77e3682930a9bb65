"""Whole-record work above the events component: event records (record), fusion of records that
tell the same happening (fusion), and the comparison of readouts (compare)."""
