"""A province's copy of the regulation profile, put in the data folder as rules.toml, replaces
the meeting-quality criteria; final minutes keep the table they were scored with."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.paths import resources_dir
from app.services.errors import UserError
from app.services.facade import Services
from app.services.meeting_documents import DocumentKind, render_meeting_document
from tests.integration.test_meeting_documents import TODAY, _final, _recorded, _text
from tests.integration.test_meeting_documents import ids as ids

PROVINCE_CRITERIA = """
[[meetings.quality.criteria]]
code = "chuan_bi"
name = "Chuẩn bị sinh hoạt (theo Hướng dẫn của Tỉnh ủy)"
max_points = 20

[[meetings.quality.criteria]]
code = "to_chuc"
name = "Tổ chức sinh hoạt"
max_points = 50

[[meetings.quality.criteria]]
code = "ket_qua"
name = "Kết quả thực hiện nghị quyết kỳ trước"
max_points = 30
"""
PROVINCE_CITATION = "Hướng dẫn 12-HD/BTCTU (2026) của Ban Tổ chức Tỉnh ủy"


def province_profile() -> str:
    """The bundled profile with the province's three criteria and its citation."""
    text = (resources_dir() / "rules" / "vn-2025.toml").read_text(encoding="utf-8")
    bundled = re.compile(
        r"\[\[meetings\.quality\.criteria\]\].*?(?=\[\[meetings\.quality\.bands)", re.S
    )
    text = bundled.sub(PROVINCE_CRITERIA.lstrip() + "\n", text)
    return text.replace(
        'citation = "42-HD/BTCTW (28/10/2025), khung tiêu chí; 37-HD/BTGDVTW (19/11/2025)"',
        f'citation = "{PROVINCE_CITATION}"',
    )


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


def test_the_province_table_scores_new_meetings_and_final_minutes_keep_theirs(
    services: Services, ids: dict[str, int], data_dir: Path
) -> None:
    final = _final(services, ids)
    draft = _recorded(services, ids, quality_scores={})
    services.close()
    (data_dir / "rules.toml").write_text(province_profile(), encoding="utf-8")
    province = Services.open(data_dir, today=lambda: TODAY)
    try:
        codes = [c.code for c in province.profile.meetings.quality.value.criteria]
        assert codes == ["chuan_bi", "to_chuc", "ket_qua"]
        # The draft is scored on the province's table from now on.
        again = province.meetings.get(draft.id)
        assert again.quality_table.citation == PROVINCE_CITATION
        scored = province.meetings.save_draft(
            draft.id,
            dataclasses.replace(
                again.data, quality_scores={"chuan_bi": 18, "to_chuc": 45, "ket_qua": 27}
            ),
        )
        assert (scored.quality.total, scored.quality.band and scored.quality.band.name) == (
            90,
            "Tốt",
        )
        # The final minutes keep the bundled table: nothing blocks, the score and the printed
        # criteria are those they were made final with.
        kept = province.meetings.get(final.id)
        assert kept.quality_table.value.criteria[0].name == "Chấp hành thời gian, thời lượng"
        assert not [p for p in kept.problems if p.severity is Severity.BLOCK]
        assert kept.quality.total == final.quality.total
        sheet = _text(render_meeting_document(province, final.id, DocumentKind.QUALITY_SHEET))
        assert "Chấp hành thời gian, thời lượng" in sheet
        assert "Chuẩn bị sinh hoạt (theo Hướng dẫn của Tỉnh ủy)" not in sheet
        new_sheet = _text(render_meeting_document(province, draft.id, DocumentKind.QUALITY_SHEET))
        assert "Chuẩn bị sinh hoạt (theo Hướng dẫn của Tỉnh ủy)" in new_sheet
    finally:
        province.close()


def test_a_broken_province_file_is_named_and_nothing_is_opened(data_dir: Path) -> None:
    broken = province_profile().replace("max_points = 50", "max_points = 40")
    (data_dir / "rules.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        Services.open(data_dir, today=lambda: TODAY)
    assert caught.value.message == (
        f"Trong bộ quy định {data_dir / 'rules.toml'}, tổng điểm các tiêu chí trong mục "
        "meetings.quality.criteria là 90; tổng này phải bằng tổng điểm đã khai báo là 100."
    )
    assert not (data_dir / "sochibo.sqlite3").exists()
