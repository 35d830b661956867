"""`python -m pipeline numbers < texts.jsonl > found.jsonl`: the numbers step on many texts at once.

Each input line is {"id", "text"}; each output line is {"id", "numbers": [{start, end, surface, kind,
value, value_high, unit, date, qualifier}]}, in input order. A bad line stops the run with a message
naming its line number (exit status 2), so outputs never silently lose their alignment with inputs.
"""

from __future__ import annotations

import json
import sys
from typing import IO

from pipeline.numbers.extract import extract_numbers

FIELDS = ("start", "end", "surface", "kind", "value", "value_high", "unit", "date", "qualifier")


def _row(line: str, lineno: int) -> tuple[object, str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
        raise ValueError(f'line {lineno}: expected an object with "id" and a string "text"')
    return row["id"], row["text"]


def main(stdin: IO[str], stdout: IO[str]) -> int:
    for lineno, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            ident, text = _row(line, lineno)
        except ValueError as exc:
            print(f"numbers: {exc}", file=sys.stderr)
            return 2
        numbers = [{f: getattr(n, f) for f in FIELDS} for n in extract_numbers(text)]
        stdout.write(json.dumps({"id": ident, "numbers": numbers}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.stdin, sys.stdout))
