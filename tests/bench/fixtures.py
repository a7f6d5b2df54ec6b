"""A data folder with a large cell for the benchmarks (the demo cell plus generated members)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.members import Gender, MemberRecord, MembershipStatus
from app.services.demo import fill_demo
from app.services.facade import Services

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Sùng",
    "Giàng",
    "Vàng",
    "Lò",
    "Sình",
    "Triệu",
    "Nông",
]
MIDDLE = ["Văn", "Thị", "Mí", "A", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang"]
GIVEN = [
    "An",
    "Bình",
    "Chiến",
    "Dũng",
    "Đức",
    "Hà",
    "Hường",
    "Khải",
    "Lan",
    "Mai",
    "Nam",
    "Oanh",
    "Páo",
    "Quý",
    "Sình",
    "Thắng",
    "Ửng",
    "Vân",
    "Xuyến",
    "Ỷ",
    "Yến",
    "Chá",
    "Dế",
]
ETHNIC = ["Kinh", "Mông", "Tày", "Dao", "Lô Lô", "Giáy", "Nùng"]


def make_large_cell(data_dir: Path, members: int) -> None:
    """The demo cell, then generated members up to `members` in all (deterministic)."""
    services = Services.open(data_dir)
    try:
        fill_demo(services, force=True)
        existing = len(services.members.list())
        records = []
        for i in range(members - existing):
            name = f"{FAMILY[i % 20]} {MIDDLE[(i // 20) % 10]} {GIVEN[(i // 200) % 23]} {i}"
            birth = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
            admitted = dt.date(birth.year + 25, 3, 2)
            ceremony = admitted + dt.timedelta(days=20)
            records.append(
                MemberRecord(
                    full_name=name,
                    gender=Gender.FEMALE if i % 3 == 0 else Gender.MALE,
                    birth_date=birth,
                    status=MembershipStatus.FULL,
                    ethnicity=ETHNIC[i % len(ETHNIC)],
                    admission_date=admitted,
                    ceremony_date=ceremony,
                    recognition_date=ceremony.replace(year=ceremony.year + 1),
                )
            )
        services.members.create_many(records)
    finally:
        services.close()
