"""`python -m pipeline refs < notes.jsonl > parsed.jsonl`: the footnote parser on many strings at once.

Each input line is {"id", "raw"}; each output line is {"id", "fields": {author: [...], title,
container, publisher, volume, issue, pages, date, url}}, in input order.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from pipeline.cite.parser import parse_reference

_KEYS = ("author", "title", "container", "publisher", "volume", "issue", "pages", "date", "url")


def _error(line_no: int, message: str) -> int:
    print(f"refs: line {line_no}: {message}", file=sys.stderr)
    return 2


def main(stdin: TextIO, stdout: TextIO) -> int:
    """Parse every {"id", "raw"} line of `stdin`; 0 on success, 2 on the first malformed line."""
    for line_no, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            return _error(line_no, f"not JSON ({exc.msg})")
        if not isinstance(item, dict) or not isinstance(item.get("raw"), str) or "id" not in item:
            return _error(line_no, 'expected an object with "id" and a string "raw"')
        fields = parse_reference(item["raw"])
        out = {"id": item["id"], "fields": {key: fields.get(key) for key in _KEYS}}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.stdin, sys.stdout))
