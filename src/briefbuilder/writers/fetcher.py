"""The sandboxed URL fetcher WeasyPrint loads images, stylesheets and fonts through.

It serves local files inside a few allowed folders (the series folder, the theme
folder) and a few exact files (the font files the stylesheet names). Everything
else -- http(s), data:, ftp:, files elsewhere, symlinks pointing out -- is refused,
recorded, and stops the render.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..sandbox import allowed_file


class RefusedFetch(FatalURLFetchingError):  # type: ignore[misc]
    """A reference the sandbox refused; fatal, so WeasyPrint cannot swallow it."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class SandboxFetcher(URLFetcher):  # type: ignore[misc]
    """Serve files inside the allowed folders and the allowed files; refuse the rest."""

    def __init__(self, folders: Iterable[Path], files: Iterable[Path] = ()) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)
        self.files = frozenset(file.resolve() for file in files)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        """Return the file named by a file: URL if it is allowed, else record and refuse it."""
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise RefusedFetch(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        # The checked file's own URL: WeasyPrint re-reads raster images from it when
        # it writes the PDF, so it must name this file and no other.
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    def allowed_path(self, url: str) -> Path | None:
        """The real file a URL names when the sandbox allows it, else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        return allowed_file(Path(url2pathname(parts.path)), self.folders, self.files)


def shown_reference(url: str) -> str:
    """A refused URL as a person wrote it: local file URLs as paths, others unchanged."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
        return url2pathname(parts.path)
    return url if len(url) <= 120 else url[:117] + "..."
