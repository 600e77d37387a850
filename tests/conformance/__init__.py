"""Blind conformance suite: expectations from the annotation conventions, one TSV per class."""
