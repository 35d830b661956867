"""Two kinds of failure: one document is bad (recorded, the run goes on) or the run is misconfigured."""


class DocError(Exception):
    """One input cannot be processed; becomes one row of errors.parquet with this message."""


class FatalError(Exception):
    """Bad configuration (unknown param, missing input folder): the run stops, naming the culprit."""
