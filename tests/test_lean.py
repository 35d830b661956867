"""The per-document stages, publish and report run without importing pandas, and a process can still use it afterwards."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT


def _python(code: str) -> str:
    """Run `code` in a fresh interpreter (pandas not yet imported) and return what it prints."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_stage_commands_never_import_pandas(tmp_path: Path) -> None:
    """Each per-document stage as DVC runs it, then publish and report (which take care not to build
    arrays in ways that import pandas); the outputs are read with pandas afterwards all the same."""
    # two interpreters: once a blocked import has failed, pyarrow takes pandas for missing and stops
    # asking, so a stage run after the per-document ones could import it unseen
    for names in (("ingest", "clean", "segment", "extract"), ("publish", "report")):
        out = _python(f"""
            import sys
            from pipeline import cli
            for name in {names!r}:
                cli.main(["stage", name, "--outputs", {str(tmp_path)!r}])
            print("pandas" in sys.modules)
        """)
        assert out.split() == ["False"], names
    import pandas as pd

    frame = pd.read_parquet(tmp_path / "interim" / "extract")
    assert len(frame) == len(list((ROOT / "seeds").iterdir()))
    assert frame["text"].str.len().gt(0).all()


def test_block_refuses_pandas_inside_only() -> None:
    out = _python("""
        from pipeline.lean import without_pandas
        import pyarrow as pa
        with without_pandas():
            try:
                import pandas
                print("imported")
            except ModuleNotFoundError as error:
                print("refused", error.name)
            print(pa.array(["a", None]).null_count)
        import pandas as pd
        print(pd.Series([1, 2]).sum())
    """)
    assert out.split() == ["refused", "pandas", "1", "3"]


def test_block_changes_nothing_once_pandas_is_imported() -> None:
    out = _python("""
        import pandas as pd
        import pyarrow as pa
        from pipeline.lean import without_pandas
        with without_pandas():
            import pandas
            print(pa.array(pd.Series([1.0, None])).null_count)  # still read as pandas: NaN is null
    """)
    assert out.split() == ["1"]
