"""Bodies recognizer on real snippets: case, tone style, abbreviations, misspellings, levels."""
from __future__ import annotations

import vnplan
from vnplan.lang.bodies import canonical_of, find_bodies
from vnplan.lang.fold import fold_same_length


def names(text):
    return [(surface, canonical, generic) for _, _, surface, canonical, generic in find_bodies(text)]


def test_fold_keeps_offsets():
    s = "BAN TUYÊN GIÁO TỈNH ỦY, Huyện uỷ"
    f = fold_same_length(s)
    assert len(f) == len(s) and f == "ban tuyen giao tinh uy, huyen uy"


def test_seed_001_list_of_subjects():
    text = ("2. Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn; các huyện ủy, "
            "thành ủy, đảng ủy trực thuộc lãnh đạo, chỉ đạo")
    got = names(text)
    assert [g[0] for g in got] == ["Các ban đảng", "ban cán sự đảng", "đảng đoàn", "Ban Thường vụ Tỉnh đoàn",
                                   "các huyện ủy", "thành ủy", "đảng ủy trực thuộc"]
    assert ("Ban Thường vụ Tỉnh đoàn", "Ban Thường vụ Tỉnh đoàn", False) in got
    assert got[0][2] is True


def test_levels_and_place_names():
    text = ("3. Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang, các tổ chức chính trị - xã hội, "
            "Liên hiệp các Hội khoa học - kỹ thuật tỉnh lãnh đạo")
    got = names(text)
    assert got[0][:2] == ("Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang",
                          "Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang")
    assert got[2][1] == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"


def test_case_tone_abbreviation_and_misspelling():
    assert canonical_of("BAN TUYÊN GIÁO TỈNH ỦY") == "Ban Tuyên giáo Tỉnh ủy"
    assert canonical_of("Ban Tuyên giáo Huyện uỷ") == "Ban Tuyên giáo Huyện ủy"
    assert canonical_of("UBND tỉnh") == "Ủy ban nhân dân tỉnh"
    assert canonical_of("BTV Tỉnh ủy") == "Ban Thường vụ Tỉnh ủy"
    assert canonical_of("Ban Tuyen giao Tinh uy") == "Ban Tuyên giáo Tỉnh ủy"
    assert canonical_of("Ban Tuyên giáa Tỉnh ủy") == "Ban Tuyên giáo Tỉnh ủy"  # rapidfuzz
    assert canonical_of("Ban Cán sự Đảng UBND tỉnh") == "Ban cán sự đảng Ủy ban nhân dân tỉnh"
    assert canonical_of("Sở TT&TT") == "Sở Thông tin và Truyền thông"
    assert canonical_of("Uỷ ban Mặt trận Tổ quốc") == "Ủy ban Mặt trận Tổ quốc Việt Nam"


def test_table_cell_without_commas_and_collective_levels():
    got = names("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã")
    assert [g[1] for g in got] == ["Sở Khoa học và Công nghệ", "Sở Công Thương", "Ủy ban nhân dân các phường, xã"]


def test_police_needs_a_level():
    assert names("phối hợp với lực lượng Công an trong rà soát") == []
    assert names("Giao Công an tỉnh chủ trì")[0][1] == "Công an tỉnh"


def test_odd_input_gives_real_outputs():
    # nothing to find: empty lists, not errors
    for s in ["", "\x00\x01", "x" * 1000, "1.\n" * 1000, "Ban " * 500]:
        assert find_bodies(s) == []
        assert vnplan.parse(s, strict=True).bodies == []
    # a name repeated without separators: every occurrence, each whole
    got = find_bodies("Ủy ban nhân dân tỉnh " * 50)
    assert len(got) == 50 and {g[3] for g in got} == {"Ủy ban nhân dân tỉnh"}
    # odd but meaningful: control characters, no diacritics, upper case, a name across a NUL
    text = "\x00Sở Y tế\x0b phối hợp với SO TU PHAP;\tỦY BAN NHÂN DÂN TỈNH\x01 và Ban Chỉ đạo\x00tỉnh."
    doc = vnplan.parse(text, strict=True)
    assert {b.canonical for b in doc.bodies} >= {"Sở Y tế", "Sở Tư pháp", "Ủy ban nhân dân tỉnh"}
    for b in doc.bodies:
        for m in b.mentions:
            assert " ".join(doc.text[m.span[0]:m.span[1]].split()) == m.text


def test_seed_bodies_in_document(parsed):
    doc = parsed["003"]
    canon = {b.canonical for b in doc.bodies}
    assert {"Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh"} <= canon
    for b in doc.bodies:
        for m in b.mentions:
            assert " ".join(doc.text[m.span[0]:m.span[1]].split()) == m.text


def test_fold_odd_characters_keep_offsets_and_class():
    s = "Ủy ban «MTTQ» – αβ 中文 😀 \u2003 ■ Ç\ud800"
    f = fold_same_length(s)
    assert len(f) == len(s)
    assert f.startswith("uy ban ") and "mttq" in f and "-" in f
    for a, b in zip(s, f):  # a letter stays a word character, a space a space
        assert a.isalnum() == b.isalnum()
        assert a.isspace() == b.isspace()


def test_level_word_does_not_start_a_name():
    got = names("UBND tỉnh Ủy ban MTTQ tỉnh, Ban Tổ chức Tỉnh ủy Hà Giang")
    assert [g[1] for g in got] == ["Ủy ban nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                                   "Ban Tổ chức Tỉnh ủy Hà Giang"]


def test_names_after_any_separator():
    # the scan looks for names right after a character that may precede one
    got = names("(Sở Nội vụ)/Sở Y tế;“Sở Tư pháp”\nSở Xây dựng\tSở Công Thương")
    assert [g[1] for g in got] == ["Sở Nội vụ", "Sở Y tế", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương"]
    assert names("xSở Nội vụ") == []


def test_fuzzy_name_stays_on_its_line_and_ends_with_a_word():
    # seed 001/002 signature blocks: "T/M BAN THƯỜNG VỤ" then the signer's title
    assert names("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ") == []
    assert names("Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra") == [
        ("Ủy ban Kiểm tra", "Ủy ban Kiểm tra", False)]
    assert canonical_of("Sở Sây dựng") == "Sở Xây dựng"  # corpus 001 typo, still caught


def test_numeral_level_and_colon_list_of_places():
    # corpus 026: cut at "Ủy ban nhân dân", the name would read as the province's UBND
    got = names("phối hợp với Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông "
                "thành lập mới khu bảo vệ nguồn lợi thủy sản")
    assert got == [("Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông",
                    "Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông", False)]
    got = names("12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông\n- Xây dựng")
    assert got[0][0] == "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông"
    # a colon before a task ("Chủ trì, phối hợp") is no list of places
    assert names("3. Ủy ban nhân dân tỉnh: Chủ trì, phối hợp với Sở Nội vụ")[0][0] == "Ủy ban nhân dân tỉnh"
    assert names("Ủy ban nhân dân xã: Gia Thuận thực hiện")[0][0] == "Ủy ban nhân dân xã"


def test_collective_phrases_keep_qualifiers():
    got = names("13. Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường")
    assert [g[0] for g in got] == ["Các sở, ngành có liên quan", "Ủy ban nhân dân các xã, phường"]
    got = names("4. Các Sở, ban, ngành của Thành phố, UBND phường, xã")
    assert [g[0] for g in got] == ["Các Sở, ban, ngành của Thành phố", "UBND phường, xã"]
    got = names("phối hợp Ban Quản lý các khu công nghệ cao và khu công nghiệp; các doanh nghiệp viễn thông "
                "và các đơn vị liên quan rà soát")
    assert [g[0] for g in got][1:] == ["các doanh nghiệp viễn thông", "các đơn vị liên quan"]
    assert names("| Sở Tài chính | Các doanh nghiệp đầu tư hạ tầng | Thường xuyên |")[1][0] == \
        "Các doanh nghiệp đầu tư hạ tầng"
    # a verb after the group is not its kind
    assert names("các doanh nghiệp thực hiện")[0][0] == "các doanh nghiệp"


def test_collective_phrase_located_on_the_territory():
    # corpus 001 (Đồng Nai): the list goes on past "cơ quan ngành dọc đóng trên địa bàn"
    got = names("Căn cứ Kế hoạch này, các Sở, ban, ngành, đoàn thể cấp tỉnh, cơ quan ngành dọc đóng trên địa bàn, "
                "Ủy ban nhân dân xã, phường xây dựng kế hoạch")
    assert [g[0] for g in got] == ["các Sở, ban, ngành, đoàn thể cấp tỉnh", "cơ quan ngành dọc đóng trên địa bàn",
                                   "Ủy ban nhân dân xã, phường"]


def test_place_list_bounds():
    # "và" joins places too; a list needs two places; a capitalized verb ends it
    assert names("UBND các xã: Gia Thuận, Tân Điền và Gò Công Đông thực hiện")[0][0] == \
        "UBND các xã: Gia Thuận, Tân Điền và Gò Công Đông"
    assert names("UBND các xã: Gia Thuận, Chủ trì")[0][0] == "UBND các xã"
    assert names("UBND các xã: Gia Thuận, Tân Điền, ")[0][0] == "UBND các xã: Gia Thuận, Tân Điền"


def test_steering_committee_name_runs_through_its_mission():
    # corpus (Đồng Nai, KH 182): "Ban Chỉ đạo" + a lower-case complement closed by a level
    text = ("gửi về Công an tỉnh, Cơ quan Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và "
            "xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc tỉnh (qua Phòng Tham mưu)")
    names = [b[2] for b in find_bodies(text)]
    assert names == ["Công an tỉnh", "Cơ quan Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và "
                     "xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc tỉnh"]
    # "xã hội" is no level; without a closing level the name stays short
    assert [b[2] for b in find_bodies("Ban Chỉ đạo làm việc với xã hội")] == ["Ban Chỉ đạo"]
    # written as a head ("Ban Chỉ đạo"), not the tail of "văn bản chỉ đạo"
    assert not any(len(b[2]) > 12 for b in find_bodies("các văn bản chỉ đạo liên quan đến trí thức của tỉnh"))
    assert [b[2] for b in find_bodies("Ban Chỉ đạo phòng chống dịch tỉnh và Sở Y tế")] == [
        "Ban Chỉ đạo phòng chống dịch tỉnh", "Sở Y tế"]
    # "địa phương" is no "phường": the complement stays open, the name short
    assert [b[2] for b in find_bodies("Kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia phù hợp với "
                                      "điều kiện thực tế của địa phương và các quy định.")][0] == "Ban Chỉ đạo"


def test_party_committee_of_a_body_or_sector_is_one_name():
    got = names("Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh; Đảng ủy Hội đồng nhân dân huyện giám sát; "
                "Đảng ủy Quân sự thành phố, Đảng ủy Các cơ quan Đảng tỉnh và Đảng ủy Khối cơ quan "
                "và doanh nghiệp tỉnh chỉ đạo")
    assert [g[1] for g in got] == ["Đảng ủy Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh",
                                   "Đảng ủy Hội đồng nhân dân huyện", "Đảng ủy Quân sự thành phố",
                                   "Đảng ủy Các cơ quan Đảng tỉnh",
                                   "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"]


def test_level_followed_by_uy_is_a_committee_not_a_level():
    got = names("Thành uỷ và các ban xây dựng Đảng của Tỉnh ủy báo cáo")
    assert got[1] == ("các ban xây dựng Đảng của Tỉnh ủy", "các ban xây dựng Đảng Tỉnh ủy", True)
    got = names("Các chi bộ, đảng bộ trực thuộc Quận ủy tổ chức quán triệt; UBND tỉnh Ủy ban MTTQ tỉnh")
    assert got[0][1] == "các chi bộ, đảng bộ trực thuộc Quận ủy"
    assert [g[1] for g in got[1:]] == ["Ủy ban nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]


def test_steering_committee_never_cut_to_its_head():
    got = [g[2] for g in find_bodies(
        "Ban Chỉ đạo Chương trình mục tiêu quốc gia tỉnh chủ trì; phối hợp với Ban Chỉ đạo thực hiện "
        "Đề án 06 huyện, Sở Y tế và Ban Chỉ đạo tỉnh; báo cáo Ban Chỉ đạo.")]
    assert got == ["Ban Chỉ đạo Chương trình mục tiêu quốc gia tỉnh", "Ban Chỉ đạo thực hiện Đề án 06 huyện",
                   "Sở Y tế", "Ban Chỉ đạo tỉnh", "Ban Chỉ đạo"]
    # the head of another body ends the mission: "Ban Chỉ đạo và Sở Y tế tỉnh" is two names
    assert [g[2] for g in find_bodies("Ban Chỉ đạo và Sở Y tế tỉnh")] == ["Ban Chỉ đạo", "Sở Y tế tỉnh"]


def test_party_committee_written_bare_before_the_body_it_serves():
    got = [g[2] for g in find_bodies("Đảng ủy Bộ Khoa học và Công nghệ và Quân ủy Trung ương chủ trì; Đảng ủy, UBND xã")]
    assert got == ["Đảng ủy Bộ Khoa học và Công nghệ", "Quân ủy Trung ương", "Đảng ủy", "UBND xã"]


def test_place_word_that_folds_like_a_level_is_read_as_written():
    # "Tĩnh" folds like "tỉnh": as written it is a place, so the name runs over it
    got = names("Giao Báo và Phát thanh, Truyền hình Hà Tĩnh mở chuyên mục; Sở Y tế tỉnh Hà Tĩnh phối hợp.")
    assert [g[0] for g in got] == ["Báo và Phát thanh, Truyền hình Hà Tĩnh", "Sở Y tế tỉnh Hà Tĩnh"]


def _open(text: str):
    from vnplan.lang.fold import fold_same_length
    from vnplan.lang.open_names import open_name
    o = open_name(text, fold_same_length(text), 0, len(text), lambda i: False)
    return o.surface if o else None


def test_open_name_closed_by_a_verb_a_colon_or_a_capital():
    assert _open("Cục Quản lý chất lượng nông sản chủ trì") == "Cục Quản lý chất lượng nông sản"
    assert _open("Cục Công nghệ thông tin có trách nhiệm xây dựng") == "Cục Công nghệ thông tin"
    assert _open("Báo Sức khỏe và Đời sống: tuyên truyền") == "Báo Sức khỏe và Đời sống"
    assert _open("Học viện Y dược học cổ truyền Việt Nam chủ trì") == "Học viện Y dược học cổ truyền Việt Nam"
    assert _open("Vụ Kế hoạch - Tài chính bố trí kinh phí") == "Vụ Kế hoạch - Tài chính"


def test_open_name_never_runs_over_a_word_of_the_sentence():
    # "được" is no part of a name, even before a verb that would close one
    assert _open("Trung tâm Dữ liệu quốc gia được xây dựng") == "Trung tâm Dữ"
    assert _open("Vụ việc được xử lý") is None
