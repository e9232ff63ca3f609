"""The Vietnamese language layer: lexicon data and the code that reads it.

Everything the project knows about how Vietnamese articles write figures (scale words,
units, qualifiers, plan phrases, cues) lives here once, as data shipped with the package.
This package imports nothing from the rest of ``extractor``.
"""
