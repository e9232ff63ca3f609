"""Prompt files shipped as package data (installed as extractor.prompts)."""
