"""Data Docs: one static HTML page over every suite's results, readable offline.

GX's own Data Docs load their CSS, JS and fonts from CDNs and embed run timestamps; this page is
rendered from our deterministic results instead, with inline CSS and no script, image or link to
any other host, so it opens from disk and reruns give the same bytes.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from pipeline.expectations.results import describe_failing

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0;width:100%}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f2f2f2}
.pass{color:#1a7f37}.error{color:#b00020;font-weight:bold}.warning{color:#9a6700;font-weight:bold}
code{font-size:12px;word-break:break-word}
"""
_LIST_MAX = 12  # long value sets (ISO code lists) are summarised, not printed whole


def _status(result: dict[str, Any]) -> str:
    if result["success"]:
        return '<span class="pass">pass</span>'
    return f'<span class="{result["severity"]}">{"FAIL" if result["severity"] == "error" else "warn"}</span>'


def _params(result: dict[str, Any]) -> str:
    shown = {}
    for key, value in result["kwargs"].items():
        shown[key] = f"[{len(value)} values]" if isinstance(value, list) and len(value) > _LIST_MAX else value
    if "where" in result:
        shown["where"] = " ".join(str(v) for v in result["where"] if v is not None)
    return escape(json.dumps(shown, ensure_ascii=False, sort_keys=True))


def _observed(result: dict[str, Any]) -> str:
    parts = []
    if "exception" in result:
        parts.append(f"exception: {result['exception']}")
    if "unexpected_count" in result:
        parts.append(f"{result['unexpected_count']} of {result.get('element_count', '?')} rows unexpected")
    if "observed_value" in result:
        parts.append(f"observed {json.dumps(result['observed_value'], ensure_ascii=False)}")
    if result.get("failing"):
        parts.append("failing: " + describe_failing(result["failing"]))
    return escape("; ".join(parts))


def _suite(suite: dict[str, Any]) -> str:
    s = suite["statistics"]
    rows = "".join(
        f"<tr><td>{_status(r)}</td><td>{escape(r['name'])}</td><td>{r['severity']}</td>"
        f"<td><code>{escape(r['expectation'])}</code></td><td><code>{_params(r)}</code></td><td>{_observed(r)}</td></tr>"
        for r in suite["results"]
    )
    return (
        f'<h2 id="{escape(suite["suite"])}">{escape(suite["suite"])}</h2>'
        f"<p>{suite['rows']} rows; {s['passed']} of {s['evaluated']} checks pass; "
        f"{s['errors_failed']} errors, {s['warnings_failed']} warnings.</p>"
        "<table><tr><th>status</th><th>check</th><th>severity</th><th>expectation</th><th>parameters</th><th>observed</th></tr>"
        f"{rows}</table>"
    )


def render(suites: list[dict[str, Any]], figures: dict[str, Any]) -> str:
    """The page: a summary row per suite, the corpus figures, then every check of every suite."""
    corpus = "".join(f"<tr><td>{escape(k)}</td><td>{escape(json.dumps(v))}</td></tr>" for k, v in sorted(figures.items()))
    summary = "".join(
        f'<tr><td><a href="#{escape(x["suite"])}">{escape(x["suite"])}</a></td><td>{x["rows"]}</td>'
        f'<td>{x["statistics"]["pass_rate"]:.3f}</td><td>{x["statistics"]["errors_failed"]}</td>'
        f'<td>{x["statistics"]["warnings_failed"]}</td><td>{"pass" if x["success"] else "FAIL"}</td></tr>'
        for x in suites
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Data Docs: validation</title>'
        f"<style>{_CSS}</style></head><body><h1>Validation results</h1>"
        "<table><tr><th>suite</th><th>rows</th><th>pass rate</th><th>errors failed</th><th>warnings failed</th><th>status</th></tr>"
        f"{summary}</table><h2>Corpus figures</h2><table><tr><th>figure</th><th>value</th></tr>{corpus}</table>"
        f"{''.join(_suite(x) for x in suites)}</body></html>\n"
    )
