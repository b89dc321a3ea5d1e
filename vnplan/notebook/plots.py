"""Pictures of a set of plans (extra ``vnplan[plot]``: matplotlib, imported when first drawn).

* ``plot_targets``: how many quantified targets fall due in each year, one bar per place
  (province or issuer), so provinces can be compared at a glance;
* ``plot_deadlines``: every dated deadline on a time line, one row per document;
* ``plot_assignments``: the bodies carrying the most assignments, split by role.

Each takes what ``frames`` takes (Documents, files or folders of output), draws on ``ax`` when
given (a new figure otherwise) and returns the Axes; the numbers drawn come from
``plot_data``-style helpers that tests check without a display.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from .tables import Docs, iter_docs

ROLE_ORDER = ("lead", "coordinate", "report_to")


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("plots need matplotlib: pip install 'vnplan[plot]'",
                          name="matplotlib") from None
    return plt


def _axes(ax):
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=(9, 4.5))
    return ax


def _integers():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _place(doc) -> str:
    """Where a plan applies: its place line (the province), else its issuer."""
    md = doc.metadata
    return md.place or md.issuer or doc.id or "?"


def _label(doc) -> str:
    md = doc.metadata
    return md.number or doc.id or md.title or "?"


def targets_by_year(docs: Docs) -> dict[str, Counter]:
    """place -> Counter(year -> number of targets with that year)."""
    out: dict[str, Counter] = defaultdict(Counter)
    for doc in iter_docs(docs):
        for t in doc.targets:
            if t.year:
                out[_place(doc)][int(t.year)] += 1
    return dict(out)


def deadline_points(docs: Docs) -> list[tuple[str, date, str]]:
    """(document label, due date, text) of every deadline with a due date, by date."""
    pts = [(_label(doc), date.fromisoformat(d.due), d.text)
           for doc in iter_docs(docs) for d in doc.deadlines if d.due]
    return sorted(pts, key=lambda p: (p[1], p[0]))


def assignments_by_body(docs: Docs, top: int = 15) -> dict[str, Counter]:
    """body (canonical name) -> Counter(role -> n) for the ``top`` bodies with most
    assignments; generic bodies ("các sở, ngành liên quan") are left out."""
    out: dict[str, Counter] = defaultdict(Counter)
    for doc in iter_docs(docs):
        for a in doc.assignments:
            if not a.generic:
                out[a.canonical or a.body][a.role] += 1
    ranked = sorted(out, key=lambda b: (-sum(out[b].values()), b))[:top]
    return {b: out[b] for b in ranked}


def plot_targets(docs: Docs, ax=None):
    """Grouped bars: targets per year, one colour per place."""
    data = targets_by_year(docs)
    ax = _axes(ax)
    years = sorted({y for c in data.values() for y in c})
    width = 0.8 / max(len(data), 1)
    for k, (place, counts) in enumerate(sorted(data.items())):
        xs = [i + k * width for i in range(len(years))]
        ax.bar(xs, [counts.get(y, 0) for y in years], width, label=place)
    ax.set_xticks([i + width * (len(data) - 1) / 2 for i in range(len(years))])
    ax.set_xticklabels([str(y) for y in years])
    ax.set_xlabel("year of the target")
    ax.set_ylabel("targets")
    ax.yaxis.set_major_locator(_integers())
    ax.set_title("Quantified targets by year and place")
    if data:
        ax.legend(fontsize="small")
    return ax


def plot_deadlines(docs: Docs, ax=None):
    """Each dated deadline as a point on a time line, one row per document."""
    pts = deadline_points(docs)
    ax = _axes(ax)
    labels = sorted({p[0] for p in pts})
    row = {label: i for i, label in enumerate(labels)}
    ax.scatter([p[1] for p in pts], [row[p[0]] for p in pts], marker="D", s=30, zorder=3)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.grid(axis="x", alpha=0.4)
    ax.set_xlabel("due date")
    ax.set_title("Deadlines over time")
    ax.figure.autofmt_xdate()
    return ax


def plot_assignments(docs: Docs, top: int = 15, ax=None):
    """Horizontal stacked bars: assignments per body, split into lead / coordinate / report to."""
    data = assignments_by_body(docs, top)
    ax = _axes(ax)
    bodies = list(reversed(data))  # the busiest on top
    left = [0] * len(bodies)
    for role in ROLE_ORDER:
        n = [data[b].get(role, 0) for b in bodies]
        ax.barh(range(len(bodies)), n, left=left, label=role)
        left = [x + y for x, y in zip(left, n)]
    ax.set_yticks(range(len(bodies)))
    ax.set_yticklabels([b if len(b) <= 45 else b[:44] + "…" for b in bodies], fontsize="small")
    ax.set_xlabel("assignments")
    ax.xaxis.set_major_locator(_integers())
    ax.set_title("Who carries the load")
    ax.legend(fontsize="small")
    return ax
