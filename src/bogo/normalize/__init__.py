"""Normalisation: pure, idempotent functions on text, numbers, units and dates."""
