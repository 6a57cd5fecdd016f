"""A write-only file whose bytes are handed on as they come: what lets a library that
writes files (pyarrow's Parquet writer, ``zipfile``) feed a streamed download piece by
piece. Not seekable, so ``zipfile`` writes each member's sizes after its data."""

from __future__ import annotations

import io


class ByteSink(io.RawIOBase):
    """Collects what is written until ``drain`` takes it."""

    def __init__(self):
        super().__init__()
        self._parts: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def drain(self) -> bytes:
        """What was written since the last drain."""
        data, self._parts = b"".join(self._parts), []
        return data
