"""benchmarks/degrade.py: seeded layouts that keep every character of the facts."""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import degrade  # noqa: E402

TEXT = """ỦY BAN NHÂN DÂN
TỈNH HÒA PHONG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/KH-UBND
Hòa Phong, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Phát triển du lịch cộng đồng
I. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân dân các xã xây dựng bộ tiêu chí du lịch cộng đồng, hoàn thành trước ngày 30/6/2026.
- Tổ chức tập huấn cho hộ kinh doanh homestay.
2. Sở Công Thương
- Quảng bá sản phẩm OCOP tại các điểm du lịch.
""" + "\n".join(f"{k}. Nhiệm vụ thứ {k} của kế hoạch do Sở Công Thương thực hiện trong năm 2026." for k in range(3, 60))


def words(text: str) -> list[str]:
    return text.replace("•", " ").split()


def test_pdf_wraps_at_spaces_keeps_words_and_adds_pages():
    out = degrade.pdf(TEXT, random.Random(1))
    lines = [x for x in out.split("\n") if x]
    assert all(len(x) <= 90 for x in lines)
    assert "" in out.split("\n")[1:3]  # a blank line after every line
    assert "2" in lines and "12/KH-UBND" in lines  # page number and running header
    body = [x for x in lines if x != "12/KH-UBND" and not x.isdigit()]
    assert words(" ".join(body)) == words(TEXT)  # every word intact, in order
    assert out == degrade.pdf(TEXT, random.Random(1))  # deterministic


def test_word_bullets_numbers_and_footnote_marks():
    out = degrade.word(TEXT, random.Random(3))
    assert "1.Sở Văn hóa, Thể thao và Du lịch" in out
    assert "\n- " not in out
    assert "ngày 30/6/2026" in out and "Sở Tài chính" in out
    marked = [x for x in out.split("\n") if "[1]" in x]
    assert len(marked) == 1 and marked[0].rstrip().endswith(("[1].", "[1];", "[1]:"))


def test_tabs_put_the_header_columns_on_one_line():
    out = degrade.tabs(TEXT, random.Random(0))
    first = out.split("\n")
    assert first[0].startswith("ỦY BAN NHÂN DÂN\t") and first[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert first[1].startswith("TỈNH HÒA PHONG\t")
    assert any(x.startswith("Số: 12/KH-UBND\t") and x.endswith("ngày 05 tháng 3 năm 2026") for x in first)


def test_degrade_dir_is_seeded_per_file(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    one = degrade.degrade_dir(src, tmp_path / "o1", "pdf", seed=7)[0].read_text(encoding="utf-8")
    two = degrade.degrade_dir(src, tmp_path / "o2", "pdf", seed=7)[0].read_text(encoding="utf-8")
    assert one == two
