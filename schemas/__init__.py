"""JSON Schema exports of the models (installed as extractor.schemas)."""
