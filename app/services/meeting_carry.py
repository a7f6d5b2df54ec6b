"""What a meeting takes from elsewhere: the previous meeting's tasks to follow up (and the
progress reported on them), and the members still known to the register.

For the meeting services only; ORM objects never leave the service layer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.services.meeting_dto import FollowUpInput, MeetingInput, TaskStatus
from app.storage.models import Meeting, MeetingTask


def apply_follow_up_progress(session: Session, follow_ups: Sequence[FollowUpInput]) -> None:
    """Write each follow-up's progress to the task it follows up, so that a task reported
    done at this meeting is not carried to the next one. The task may belong to final
    minutes: its progress is not part of their text."""
    for item in follow_ups:
        if item.source_task_id is None or item.status is None:
            continue
        task = session.get(MeetingTask, item.source_task_id)
        if task is not None:
            task.status = item.status.value


def carried_follow_ups(session: Session, previous: Meeting | None) -> tuple[FollowUpInput, ...]:
    """The previous meeting's tasks, then the items it carried that are still open."""
    if previous is None:
        return ()
    items = [
        FollowUpInput(task.description, "", task.id, TaskStatus(task.status))
        for task in previous.tasks
    ]
    seen = {task.id for task in previous.tasks}
    for item in previous.follow_ups:
        if item.source_task_id is None or item.source_task_id in seen:
            continue
        task = session.get(MeetingTask, item.source_task_id)
        if task is not None and task.status == TaskStatus.OPEN:
            items.append(FollowUpInput(item.task_text, "", item.source_task_id, TaskStatus.OPEN))
            seen.add(item.source_task_id)
    return tuple(items)


def known_members(data: MeetingInput, names: dict[int, str]) -> MeetingInput:
    """Drop references to members that no longer exist, and repeated roll-call entries."""
    seen: set[int] = set()
    attendance = []
    for entry in data.attendance:
        if entry.member_id in names and entry.member_id not in seen:
            seen.add(entry.member_id)
            attendance.append(entry)
    return dataclasses.replace(
        data,
        attendance=tuple(attendance),
        chair_id=data.chair_id if data.chair_id in names else None,
        minute_taker_id=data.minute_taker_id if data.minute_taker_id in names else None,
        presenter_id=data.presenter_id if data.presenter_id in names else None,
    )
