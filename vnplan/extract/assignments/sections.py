"""Where tasks are: the section of a position, the implementation and task regions."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...lang import vocab
from ...lang.fold import fold_same_length
from ...model import Document, Section
from .common import _Ctx, _LINE, _NOI_NHAN, _content_start, _impl_words

def _regions(doc: Document, ctx: _Ctx, walked: Optional[list] = None) -> tuple[list, list]:
    """(implementation regions, task regions) as [start, end) spans (``walked``: doc.walk())."""
    walked = list(doc.walk()) if walked is None else walked
    impl, tasks = [], []
    for s in walked:
        if not s.span:
            continue
        if s.kind == "implementation":
            impl.append(tuple(s.span))
        elif s.kind == "tasks":
            tasks.append(tuple(s.span))
        elif _other_tasks(s):
            tasks.append(tuple(s.span))
    impl = _outermost(impl)
    tasks = [t for t in _outermost(tasks) if not any(i[0] <= t[0] < i[1] for i in impl)]
    if not impl and not walked:
        impl = _fallback_impl(ctx)
    return impl, tasks


@lru_cache(maxsize=1)
def _not_task_headings() -> tuple:
    return tuple(fold_same_length(h) for h in (vocab.load("task_sections") or {}).get("not_task_headings") or [])


def _other_tasks(s: Section) -> bool:
    """A numbered top-level section of no particular kind may hold tasks ("III. Về một số
    kiến nghị của tỉnh": "Giao Bộ Tài chính ..."), unless its heading defines rather than
    assigns ("Điều 2. Đối tượng áp dụng"). Unnumbered blocks (a signature, a title) hold none."""
    if s.kind != "other" or s.level != 1 or not s.number:
        return False
    return not fold_same_length((s.heading or "").strip()).startswith(_not_task_headings())


def _outermost(spans: list) -> list:
    spans = sorted(spans)
    out: list = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _fallback_impl(ctx: _Ctx) -> list:
    """Without an outline: from a short "TỔ CHỨC THỰC HIỆN" line to "Nơi nhận" or the end."""
    f = ctx.folded
    words = _impl_words()
    for m in _LINE.finditer(f):
        cs, kind = _content_start(ctx, m.start(), m.end())
        line = f[cs:m.end()].strip(" \t*:.")
        if len(line) < 60 and kind in ("roman", "num", None) and any(line.startswith(w) for w in words):
            end = _NOI_NHAN.search(f, m.end())
            return [(m.end() + 1, end.start() if end else len(f))]
    return []


