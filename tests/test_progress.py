"""Progress bars: every item passes through; nothing is drawn when piped or under CI."""

from __future__ import annotations

import io

import pytest

from pipeline import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_when_piped_or_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not progress.wanted(io.StringIO())
    assert progress.wanted(Terminal())
    for value in ("true", "1", "yes"):
        monkeypatch.setenv("CI", value)
        assert not progress.wanted(Terminal())
    monkeypatch.setenv("CI", "false")
    assert progress.wanted(Terminal())


def test_track_yields_everything_and_stays_silent_when_not_wanted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CI", "1")
    batches = [[1, 2], [3], [4, 5, 6]]
    assert list(progress.track(iter(batches), "clean", total=6, size=len)) == batches
    assert capsys.readouterr() == ("", "")


def test_track_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    items = list(progress.track(range(3), "segment", total=3, show=True))
    assert items == [0, 1, 2]
    assert "segment" in terminal.getvalue()
