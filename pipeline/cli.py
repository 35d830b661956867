"""`python -m pipeline ...`: the DVC stage runner and the step commands of CONTRACT.md."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pipeline import lean
from pipeline import params as params_mod
from pipeline.errors import FatalError
from pipeline.params import Params

STAGES = ("ingest", "clean", "segment", "extract", "publish", "validate", "report")


def run_stage(name: str, params: Params, outputs: Path) -> None:
    from pipeline import runner

    if name == "ingest":
        from pipeline.stages import ingest

        runner.run_map_stage(name, params, outputs, source=ingest.source(params))
    elif name in runner.MAP_STAGES:
        runner.run_map_stage(name, params, outputs)
    elif name in ("publish", "validate", "report"):
        module = runner.stage_module(name)
        code = module.run(params, outputs)
        if isinstance(code, int) and code:
            raise SystemExit(code)
    else:
        raise FatalError(f"unknown stage {name!r} (stages: {', '.join(STAGES)})")


def _params(args: argparse.Namespace) -> Params:
    loaded = params_mod.load(args.params)
    if getattr(args, "input", None):
        loaded = dataclasses.replace(loaded, ingest=dataclasses.replace(loaded.ingest, input_dir=args.input))
    if getattr(args, "jobs", None):
        loaded = dataclasses.replace(loaded, run=dataclasses.replace(loaded.run, jobs=args.jobs))
    return loaded


def cmd_stage(args: argparse.Namespace) -> int:
    from pipeline import runner

    params = _params(args)
    # a process that runs one per-document stage and ends needs no pandas (lean.py); Dask's client may
    lean_stage = args.name in runner.MAP_STAGES and params.run.engine == "local"
    with lean.without_pandas() if lean_stage else contextlib.nullcontext():
        run_stage(args.name, params, Path(args.outputs))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    params = _params(args)
    for name in STAGES:
        if name == "validate" and args.no_validate:
            continue
        run_stage(name, params, Path(args.out))
    return 0


def cmd_body(args: argparse.Namespace) -> int:
    from pipeline.steps import process_files

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise FatalError(f"no such file: {missing[0]}")
    by_stem: dict[str, str] = {}
    for f in args.files:
        other = by_stem.setdefault(Path(f).stem, f)
        if other != f:
            raise FatalError(f"{other} and {f} would both write {out / Path(f).stem}.txt: give them separate --out folders")
    for path, doc in zip(args.files, process_files([Path(f) for f in args.files], _params(args), upto="segment")):
        if not doc.ok:
            print(f"{path}: {doc.error}", file=sys.stderr)
        (out / f"{Path(path).stem}.txt").write_text(doc.text, encoding="utf-8")
    return 0


def cmd_refs(args: argparse.Namespace) -> int:
    from pipeline.cite.cli import main as refs_main

    return refs_main(sys.stdin, sys.stdout)


def cmd_numbers(args: argparse.Namespace) -> int:
    from pipeline.numbers.cli import main as numbers_main

    return numbers_main(sys.stdin, sys.stdout)


def cmd_inspect(args: argparse.Namespace) -> int:
    from rich.console import Console

    from pipeline.inspect import load, show

    doc, live = load(args.doc, Path(args.outputs), lambda: _params(args))
    # auto: colours on a terminal, plain text when piped (rich decides); always/never override it
    force = {"auto": None, "always": True, "never": False}[args.color]
    show(doc, Console(force_terminal=force, no_color=args.color == "never", highlight=False), live=live)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.report import write_report

    outputs = Path(args.outputs)
    out = Path(args.out) if args.out else outputs / "report"
    written = write_report(outputs, out, jobs=_params(args).run.jobs)
    print(f"report: {written['documents']} documents, {written['errors']} errors -> {out / 'index.html'}", file=sys.stderr)
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (no usage block) and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m pipeline", description="Raw documents in, clean validated Parquet out.")
    parser.add_argument("--params", default="params.yaml", help="params file (default: params.yaml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("stage", help="run one DVC stage (what dvc.yaml calls)")
    p.add_argument("name", choices=STAGES)
    p.add_argument("--outputs", default="outputs", help="outputs folder (default: outputs)")
    p.set_defaults(fn=cmd_stage)

    p = sub.add_parser("run", help="run the whole pipeline outside DVC on any folder")
    p.add_argument("--input", help="input folder (default: ingest.input_dir)")
    p.add_argument("--out", default="outputs", help="outputs folder (default: outputs)")
    p.add_argument("--jobs", type=int, help="worker processes (default: run.jobs)")
    p.add_argument("--no-validate", action="store_true", help="skip the validate stage")
    p.set_defaults(fn=cmd_run)

    p = sub.add_parser("body", help="write the article body of each input to DIR/<stem>.txt")
    p.add_argument("--out", required=True, help="folder for the .txt bodies")
    p.add_argument("files", nargs="+", help=".txt, .html or .pdf inputs")
    p.set_defaults(fn=cmd_body)

    p = sub.add_parser("refs", help="parse reference strings: JSONL {id, raw} on stdin -> {id, fields} on stdout")
    p.set_defaults(fn=cmd_refs)

    p = sub.add_parser("numbers", help="numeric mentions: JSONL {id, text} on stdin -> {id, numbers} on stdout")
    p.set_defaults(fn=cmd_numbers)

    p = sub.add_parser("inspect", help="one document: page lines with label and reason, body, citations, numbers")
    p.add_argument("doc", metavar="DOC", help="a doc_id (or a unique prefix), a source_path, or an input file")
    p.add_argument("--outputs", default="outputs", help="outputs folder to read (default: outputs)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colours: auto (terminal only), always, never")
    p.set_defaults(fn=cmd_inspect)

    p = sub.add_parser("report", help="write the static HTML report (index.html + one page per document)")
    p.add_argument("--outputs", default="outputs", help="outputs folder to read (default: outputs)")
    p.add_argument("--out", help="report folder (default: OUTPUTS/report)")
    p.add_argument("--jobs", type=int, help="processes rendering the pages (default: run.jobs)")
    p.set_defaults(fn=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a bad argument (2, already reported in one line)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return args.fn(args)
    except FatalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `inspect DOC | head` closed the pipe: stop quietly, and keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # disk full, permission denied...: the OS's one-line reason, not a traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1
