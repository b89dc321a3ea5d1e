"""vnplan.render: the document's layout kept, every kind of item coloured, a linked outline;
and the plot helpers, drawn headless (Agg)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import vnplan
from vnplan.notebook.page import KINDS, anchor, items

PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH AN BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND\tAn Bình, ngày 5 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương
I. MỤC TIÊU
Phấn đấu đến năm 2030, tỷ lệ hộ dân sử dụng nước sạch đạt trên 95%.
| Chỉ tiêu | Năm 2025 | Năm 2030 |
| Nước sạch | 90% | 95% |
| Rác thải | 80% | 90% |
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện cơ chế, chính sách về cấp nước.
2. Tăng cường kiểm tra, giám sát.
III. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh, hoàn thành trước ngày 30/6/2024.
2. Các sở, ngành báo cáo kết quả về UBND tỉnh trước ngày 15/12 hằng năm.
"""


class _Tree(HTMLParser):
    """Tags with their attributes, and the text inside each heading."""

    def __init__(self):
        super().__init__()
        self.tags, self.headings, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[2-6]", tag):
            self._open = [tag, dict(attrs).get("id"), ""]

    def handle_data(self, data):
        if self._open:
            self._open[2] += data

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.headings.append(tuple(self._open))
            self._open = None


@pytest.fixture(scope="module")
def doc():
    return vnplan.parse(PLAN, doc_id="kh12", strict=True)


@pytest.fixture(scope="module")
def tree(doc):
    t = _Tree()
    t.feed(vnplan.render(doc))
    return t


def test_headings_at_their_level_with_anchors(doc, tree):
    heads = {h[1]: (h[0], h[2]) for h in tree.headings}
    for s in doc.walk():
        if s.heading:
            assert heads[anchor(s)] == (f"h{s.level + 1}", doc.text[s.span[0]:].split("\n")[0])
    assert heads["s-III"][1] == "III. TỔ CHỨC THỰC HIỆN"


def test_outline_links_every_section_to_its_anchor(doc, tree):
    links = [a["href"][1:] for tag, a in tree.tags if tag == "a" and "href" in a]
    ids = {a["id"] for _, a in tree.tags if "id" in a}
    assert links == [anchor(s) for s in doc.walk()]
    assert set(links) <= ids


def test_paragraphs_and_tables_kept(tree):
    cells = [t for t, _ in tree.tags if t == "td"]
    assert len(cells) == 9  # three rows of three cells
    assert sum(1 for t, _ in tree.tags if t == "p") >= 6  # header lines and items, one each


def test_every_item_kind_coloured_with_a_legend(doc, tree):
    html = vnplan.render(doc)
    found = items(doc)
    kinds = {i.kind for i in found}
    assert {"target", "deadline", "assignment", "reference"} <= kinds
    marks = [a["class"] for t, a in tree.tags if t == "mark"]
    assert {f"k-{k}" for k in kinds} == set(marks)
    legend = html[html.index("class='legend'"):html.index("<nav>")]
    for k, (colour, label) in KINDS.items():
        assert f".k-{k}{{background:{colour}}}" in html and label in legend
    deadline = next(d for d in doc.deadlines if d.due == "2024-06-30")
    assert "deadline · 2024-06-30" in html and deadline.text


def test_marked_text_is_the_document_text(doc):
    """Nothing lost or repeated: the words of the page's text (after legend, outline and
    title) are the document's words, less the table bars."""
    from html import unescape

    page = vnplan.render(doc)
    body = page[page.index("<div class='text'>"):]
    blocks = re.sub(r"</(?:p|h\d|td)>", " ", body)
    words = unescape(re.sub(r"<[^>]+>", "", blocks).replace("&emsp;", " ")).split()
    assert words == [w for w in doc.text.split() if w != "|"]


def test_optional_libraries_name_their_extra(doc, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"vnplan\[spacy\]"):
        vnplan.to_spacy(doc)
    with pytest.raises(ImportError, match=r"vnplan\[plot\]"):
        vnplan.plot_targets([doc])
    assert "<nav>" in vnplan.render(doc)  # the page needs neither


# --- plots -----------------------------------------------------------------------------------

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")


def test_plot_helpers_draw_what_the_documents_hold(parsed, tmp_path):
    import matplotlib.pyplot as plt

    from vnplan.notebook.plots import assignments_by_body, deadline_points, targets_by_year

    docs = list(parsed.values())
    by_year = targets_by_year(docs)
    assert sum(sum(c.values()) for c in by_year.values()) == sum(
        1 for d in docs for t in d.targets if t.year)
    ax = vnplan.plot_targets(docs)
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == sum(sum(c.values()) for c in by_year.values())
    pts = deadline_points(docs)
    ax = vnplan.plot_deadlines(docs)
    assert len(ax.collections[0].get_offsets()) == len(pts) > 0
    load = assignments_by_body(docs, top=5)
    assert len(load) == 5 and all(not b.startswith("các ") for b in load)
    ax = vnplan.plot_assignments(docs, top=5)
    assert [t.get_text() for t in ax.get_yticklabels()][-1].startswith(next(iter(load))[:20])
    ax.figure.savefig(tmp_path / "a.png")
    assert (tmp_path / "a.png").stat().st_size > 1000
    plt.close("all")
