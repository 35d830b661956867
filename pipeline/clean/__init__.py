"""Clean steps: each module repairs (or, for a detector, flags) one kind of artifact under one reason name."""

from pipeline.clean.chain import NAMES, STEPS, clean_text

__all__ = ["NAMES", "STEPS", "clean_text"]
