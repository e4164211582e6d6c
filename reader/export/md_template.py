"""The Markdown export's template: the default one, the user's copy, and what goes wrong.

The Markdown briefing is rendered by a Jinja2 template that users may copy and edit
(Obsidian or Logseq users want their own front matter, headings and tags). The
default (``reader/export/templates/briefing.md.j2``) writes exactly what the
Markdown writer always wrote. A user's template is used when it exists at
``<data directory>/templates/briefing.md.j2`` or is named with ``export --template FILE``.

Templates run in Jinja2's immutable sandbox: they see plain data (strings, numbers,
lists, mappings), cannot reach Python objects' internals or change anything, and an
unknown name is an error rather than an empty string. A broken template is one line
(``FILE:LINE: the Markdown template has a mistake: …``), before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DuizhaoError
from ..resources import package_file

FILE_NAME = "briefing.md.j2"
#: The template's size limit: a template is a page of text, not a data file.
MAX_SIZE = 1_000_000


class MarkdownTemplateError(DuizhaoError):
    """A Markdown template that cannot be read, parsed or rendered."""


def default_path() -> Path:
    return package_file("export", "templates", FILE_NAME)


def user_path() -> Path:
    """Where the user's own template is looked for (it need not exist)."""
    from .. import config

    return config.data_dir(create=False) / "templates" / FILE_NAME


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from .markdown import escape, line_start

    environment = ImmutableSandboxedEnvironment(
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=StrictUndefined,
    )
    environment.filters["md"] = lambda value: escape(str(value))
    environment.filters["md_line"] = lambda value: line_start(str(value))
    return environment


def _template_line(path: Path, exc: BaseException) -> int | None:
    """The template line an error was raised on (Jinja2 rewrites tracebacks to template lines)."""
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    traceback = exc.__traceback__
    found = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == str(path):
            found = traceback.tb_lineno
        traceback = traceback.tb_next
    return found


def _where(path: Path, exc: BaseException) -> str:
    line = _template_line(path, exc)
    return f"{path}:{line}" if line else str(path)


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@dataclass(frozen=True)
class MarkdownTemplate:
    path: Path
    source: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", self._compile())

    def _compile(self):
        from jinja2 import TemplateError

        try:
            return _environment().from_string(self.source, globals={})
        except TemplateError as exc:
            where, reason = _where(self.path, exc), _reason(exc)
            raise MarkdownTemplateError(f"{where}: the Markdown template has a mistake: {reason}") from None

    def render(self, context: dict) -> str:
        compiled = self._compiled  # type: ignore[attr-defined]
        compiled.filename = str(self.path)
        try:
            return compiled.render(context)
        except Exception as exc:  # the template's own mistake: an unknown name, a forbidden call, 1/0
            where, reason = _where(self.path, exc), _reason(exc)
            raise MarkdownTemplateError(f"{where}: the Markdown template failed while writing: {reason}") from None


def load_template(path: str | Path) -> MarkdownTemplate:
    """Read and compile a template; MarkdownTemplateError (one line) when it cannot be."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SIZE:
            raise MarkdownTemplateError(f"{path}: not a Markdown template (larger than {MAX_SIZE // 1000} kB)")
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MarkdownTemplateError(f"{path}: no such template") from None
    except IsADirectoryError:
        raise MarkdownTemplateError(f"{path}: is a folder, not a template") from None
    except UnicodeDecodeError:
        raise MarkdownTemplateError(f"{path}: the Markdown template is not UTF-8 text") from None
    except OSError as exc:
        raise MarkdownTemplateError(f"{path}: the Markdown template cannot be read ({exc.strerror or exc})") from None
    return _compiled_template(path, source)


def _compiled_template(path: Path, source: str) -> MarkdownTemplate:
    # the default is compiled once per process; a user's file is read each time (it may be edited)
    if path == default_path():
        return _default(source)
    return MarkdownTemplate(path, source)


@cache
def _default(source: str) -> MarkdownTemplate:
    return MarkdownTemplate(default_path(), source)


def chosen_template(explicit: str | Path = "") -> MarkdownTemplate:
    """The template an export uses: ``explicit`` (``--template``), else the user's copy in
    the data directory when there is one, else the default."""
    if explicit:
        return load_template(explicit)
    user = user_path()
    if user.is_file():
        return load_template(user)
    return load_template(default_path())


def copy_default(target: Path | None = None, force: bool = False) -> Path:
    """Put a copy of the default template where exports look for the user's (or at target)."""
    target = target or user_path()
    if target.exists() and not force:
        raise MarkdownTemplateError(f"{target}: already exists (add --force to replace it with the default)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(default_path().read_text(encoding="utf-8"), encoding="utf-8", newline="\n")
    except OSError as exc:
        raise MarkdownTemplateError(f"{target}: the template could not be written ({exc.strerror or exc})") from None
    return target


__all__ = ["FILE_NAME", "MarkdownTemplate", "MarkdownTemplateError", "chosen_template", "copy_default", "load_template"]
