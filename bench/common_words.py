"""Build pipeline/segment/common_words.txt: words that English article text writes in lower case.

    .venv/bin/python -m bench.common_words

A line of two or three capitalised words under a headline is a byline ("Isaiah Shelton") or a button,
menu item or label ("Copy Link", "Select Page", "Online Learning"). Given names are seldom written in
lower case; the words of buttons and labels often are. So a name's first word must not be one that
the article text of ../shared/bench/boilerplate-train (the `.gold.txt` files) writes in lower case at
least MIN_COUNT times. Sorted, one word per line: the same pages give the same file.
"""

from __future__ import annotations

import re
from collections import Counter

from bench.train_segment import bench_dir
from pipeline.segment.words import COMMON_PATH

MIN_COUNT = 3  # seen in lower case this often: a common word, not a slip
_TOKEN = re.compile(r"\w+")


def main() -> int:
    counts: Counter[str] = Counter()
    for path in sorted((bench_dir() / "boilerplate-train").glob("*.gold.txt")):
        counts.update(t for t in _TOKEN.findall(path.read_text(encoding="utf-8")) if t.islower() and t.isalpha() and len(t) > 1)
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    COMMON_PATH.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {COMMON_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
