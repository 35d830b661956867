"""publish's column work: interim Doc rows to the CONTRACT.md datasets without per-row Python objects."""
