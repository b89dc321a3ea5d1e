"""The section index answers "which section holds this position" like a walk of the tree."""
from hypothesis import given, strategies as st

import vnplan
from vnplan.lang.sections import SectionIndex

PLAN = """KẾ HOẠCH
Triển khai thực hiện nhiệm vụ năm 2026
I. ĐÁNH GIÁ TÌNH HÌNH
Năm 2025 đạt nhiều kết quả.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nhiệm vụ chung
Tổ chức quán triệt.
2. Nhiệm vụ cụ thể
2.1. Về kinh tế
Tăng trưởng 8%.
III. TỔ CHỨC THỰC HIỆN
Sở Tài chính chủ trì.
"""


def _walk_answer(doc, pos):
    best = None
    for s in doc.walk():
        if s.span[0] <= pos < s.span[1]:
            best = s  # walk is depth first: a later holder is deeper
    return best


def test_deepest_section_and_its_chain():
    doc = vnplan.parse(PLAN, strict=True)
    idx = SectionIndex(doc.sections)
    pos = doc.text.index("Tăng trưởng")
    assert idx.id_at(pos) == "II/2/2.1"
    assert [s.id for s in idx.chain(pos)] == ["II", "II/2", "II/2/2.1"]
    assert idx.within(doc.text.index("Năm 2025"), ["situation"])
    assert not idx.within(pos, ["situation"])
    assert idx.at(0) is None  # the header is in no section


@given(st.integers(min_value=0, max_value=len(PLAN)))
def test_index_agrees_with_a_walk_of_the_tree(pos):
    doc = vnplan.parse(PLAN, strict=True)
    assert SectionIndex(doc.sections).at(pos) is _walk_answer(doc, pos)
