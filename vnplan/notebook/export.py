"""Follow-up exports: the table an office tracks, and a calendar of due dates.

* ``assignments_csv`` / ``assignments_xlsx``: one row per assignment with body, role, task, due
  dates, source document and section.
* ``deadlines_ics``: one iCalendar event per due date; reporting cadences become recurring
  events (RRULE) that start on the document's date.

openpyxl and icalendar are imported only by the function that needs them (extra ``notebook``).
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date, datetime, time, timezone
from pathlib import Path

from ..lang.timex import parse_iso
from .tables import Docs, iter_docs

COLUMNS = ["body", "canonical", "role", "task", "due", "source", "section", "section_heading"]

# ISO 8601 durations that deadlines use -> RRULE frequency and interval.
_RRULE = {"P1Y": ("YEARLY", 1), "P6M": ("MONTHLY", 6), "P3M": ("MONTHLY", 3),
          "P1M": ("MONTHLY", 1), "P1W": ("WEEKLY", 1), "P1D": ("DAILY", 1)}


def atomic_write(path, data: bytes) -> None:
    """Write ``data`` through a temporary file beside ``path`` and a rename, so a reader never
    sees half a file; a missing folder is named in the error, not the temporary file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(f"{path}: no such folder {str(folder)!r}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def assignment_rows(docs: Docs) -> list[dict]:
    """One dict per assignment, in the columns of ``COLUMNS``."""
    out = []
    for doc in iter_docs(docs):
        # A run-in item has no heading: its opening words stand for it in the table.
        headings = {s.id: s.heading or _opening(s.text) for s in doc.walk()}
        source = doc.metadata.number or doc.source.path or doc.id
        for a in doc.assignments:
            out.append({"body": a.body, "canonical": a.canonical, "role": a.role,
                        "task": a.text, "due": "; ".join(a.deadlines), "source": source,
                        "section": a.section, "section_heading": headings.get(a.section)})
    return out


def _opening(text: str, words: int = 12) -> str:
    first = text.split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def assignments_csv(docs: Docs, path) -> int:
    """Write the assignments table as UTF-8 CSV (with BOM, so spreadsheet programs read
    Vietnamese correctly); return the number of rows."""
    rows = assignment_rows(docs)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    atomic_write(Path(path), buf.getvalue().encode("utf-8-sig"))
    return len(rows)


def assignments_xlsx(docs: Docs, path) -> int:
    """Write the assignments table as an Excel workbook; return the number of rows."""
    from openpyxl import Workbook

    rows = assignment_rows(docs)
    wb = Workbook()
    ws = wb.active
    ws.title = "assignments"
    ws.append(COLUMNS)
    for r in rows:
        ws.append([r[c] for c in COLUMNS])
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(Path(path), buf.getvalue())
    return len(rows)


def deadlines_ics(docs: Docs, path) -> int:
    """Write the deadlines as an iCalendar file; return the number of events."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//vnplan//deadlines//VI")
    cal.add("version", "2.0")
    n = 0
    for doc in iter_docs(docs):
        source = doc.metadata.number or doc.metadata.title or doc.id or ""
        issued = parse_iso(doc.metadata.date)
        for i, d in enumerate(doc.deadlines):
            if d.due:
                start = date.fromisoformat(d.due)
                rule = None
            elif d.recurrence in _RRULE and issued:
                start = issued
                freq, interval = _RRULE[d.recurrence]
                rule = {"freq": freq, "interval": interval}
            else:
                continue
            ev = Event()
            ev.add("uid", f"{doc.id}-{i}@vnplan")
            ev.add("summary", (d.task or d.text)[:120])
            ev.add("description", f"{d.text}\n{source} {d.section or ''}".strip())
            ev.add("dtstart", start)
            stamp = issued or start  # deterministic: no "now"
            ev.add("dtstamp", datetime.combine(stamp, time(0), tzinfo=timezone.utc))
            if rule:
                ev.add("rrule", rule)
            cal.add_component(ev)
            n += 1
    atomic_write(Path(path), cal.to_ical())
    return n
