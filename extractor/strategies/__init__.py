"""Extraction strategies that run without a model (the rules)."""
