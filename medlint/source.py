"""Reading a file into a :class:`Source`: decoded text plus what --fix must preserve."""
from __future__ import annotations

import os
from dataclasses import dataclass

from medlint.errors import InputError

FORMAT_BY_EXTENSION = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
BOM = "\ufeff"


@dataclass(frozen=True)
class Source:
    """A decoded source file. ``text`` has no BOM; newlines are kept as they are."""

    path: str
    text: str
    format: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"


def format_for_path(path: str, default: str = "text") -> str:
    return FORMAT_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), default)


def detect_newline(text: str) -> str:
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    if i < 0 and "\r" in text:
        return "\r"
    return "\n"


def decode(data: bytes, path: str, fmt: str | None = None) -> Source:
    """Decode ``data`` as UTF-8 (a BOM is allowed); refuse binary or non-UTF-8 input."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes); not linted", path=path)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8", path=path) from None
    return Source(path=path, text=text, format=fmt or format_for_path(path), bom=bom,
                  newline=detect_newline(text))


def read_source(path: str, fmt: str | None = None) -> Source:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("file not found (was it moved or deleted?)", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    return decode(data, path, fmt)
