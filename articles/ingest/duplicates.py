"""Near-duplicates in a file import: each new text is compared (MinHash, ``similarity``)
with the project's fingerprinted articles and with the file's earlier texts; one at or
above the threshold is held back and listed, not imported twice. The texts that go in are
fingerprinted with the import, so that later imports and fetched pages find them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from articles.exchange.fast_paths import existing_hashes
from articles.exchange.records import ArticleRecord
from articles.ingest import similarity
from articles.ingest.models import TextBand, TextFingerprint
from articles.models import Article

BATCH = 200  # records whose hashes are looked up at once


@dataclass(frozen=True)
class HeldBack:
    """A record not imported: the file and line, its title, what it duplicates (an
    article's id and title, or an earlier line of the file) and how similar it is."""

    where: str
    title: str
    like: str
    score: float

    def __str__(self) -> str:
        return (
            f"{self.where}: near-duplicate of {self.like} (similarity {self.score:.2f}); "
            "not imported"
        )


@dataclass
class NearDuplicates:
    """Pass ``records`` through ``filter``; ``held_back`` lists what it kept out. After
    the import (in its transaction), ``fingerprint_imported`` stores the new texts'."""

    project: object
    threshold: float
    held_back: list[HeldBack] = field(default_factory=list)
    # The texts let through so far: signature by text hash, and (band, value) -> texts.
    _signatures: dict[str, list[int]] = field(default_factory=dict, init=False)
    _bands: dict[tuple[int, int], list[tuple[str, str]]] = field(default_factory=dict, init=False)

    def filter(self, records: Iterable[ArticleRecord]) -> Iterator[ArticleRecord]:
        batch: list[ArticleRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) == BATCH:
                yield from self._checked(batch)
                batch = []
        yield from self._checked(batch)

    def _checked(self, batch: list[ArticleRecord]) -> Iterator[ArticleRecord]:
        known = existing_hashes(self.project, [r.text_sha256 for r in batch]) if batch else {}
        for record in batch:
            digest = record.text_sha256
            if digest in known or digest in self._signatures:
                yield record  # the same text: the import skips and counts it (or adds to it)
                continue
            sig = similarity.signature(record.text)
            near = self._in_project(sig) or self._in_file(sig)
            if near is not None and near[1] >= self.threshold:
                where = f"{record.path}:{record.line}" if record.line else record.path
                self.held_back.append(HeldBack(where, record.title, near[0], near[1]))
                continue
            self._remember(digest, sig, record)
            yield record

    def _in_project(self, sig) -> tuple[str, float] | None:
        wanted = set(enumerate(similarity.bands(sig)))
        candidates = {
            fingerprint
            for fingerprint, band, value in TextBand.objects.filter(
                project=self.project, value__in=[value for _, value in wanted]
            ).values_list("fingerprint_id", "band", "value")
            if (band, value) in wanted
        }
        best = None
        for found in TextFingerprint.objects.filter(pk__in=candidates).select_related("article"):
            score = similarity.similarity(sig, found.signature)
            if best is None or score > best[1]:
                article = found.article
                best = (f"article {article.pk} {article.title!r}", score)
        return best

    def _in_file(self, sig) -> tuple[str, float] | None:
        best = None
        for key in enumerate(similarity.bands(sig)):
            for digest, where in self._bands.get(key, ()):
                score = similarity.similarity(sig, self._signatures[digest])
                if best is None or score > best[1]:
                    best = (where, score)
        return best

    def _remember(self, digest: str, sig: list[int], record: ArticleRecord) -> None:
        self._signatures[digest] = sig
        where = f"{record.path}:{record.line}" if record.line else record.path
        for key in enumerate(similarity.bands(sig)):
            self._bands.setdefault(key, []).append((digest, where))

    def fingerprint_imported(self) -> int:
        """Store the signatures of the texts let through that are now new articles of the
        project (not those it had). Call inside the import's transaction."""
        made = 0
        hashes = list(self._signatures)
        for start in range(0, len(hashes), BATCH):
            chunk = hashes[start : start + BATCH]
            articles = Article.objects.filter(
                project=self.project, text_sha256__in=chunk, fingerprint__isnull=True
            ).values_list("pk", "text_sha256")
            for article_id, digest in articles:
                sig = self._signatures[digest]
                fingerprint = TextFingerprint.objects.create(article_id=article_id, signature=sig)
                TextBand.objects.bulk_create(
                    TextBand(fingerprint=fingerprint, project=self.project, band=band, value=value)
                    for band, value in enumerate(similarity.bands(sig))
                )
                made += 1
        return made
