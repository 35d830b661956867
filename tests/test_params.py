from pathlib import Path

import pytest

from pipeline import params
from pipeline.errors import FatalError


def test_repo_params_load_and_match_defaults() -> None:
    loaded = params.load("params.yaml")
    assert loaded.ingest.input_dir == "seeds"
    assert loaded.run.jobs >= 1


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ({"ingest": {"max_byte": 3}}, "ingest.max_byte"),
        ({"segmnt": {}}, "segmnt"),
        ({"run": {"jobs": "two"}}, "run.jobs"),
        ({"ingest": {"extensions": ".txt"}}, "ingest.extensions"),
    ],
)
def test_bad_params_name_the_key(raw: dict, named: str) -> None:
    with pytest.raises(FatalError, match=named.replace(".", r"\.")):
        params.parse(raw)


def test_missing_params_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="nope.yaml"):
        params.load(tmp_path / "nope.yaml")
